"""The feedback page: each group's points in order, the points gathered by rank, and the CSV."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from kulturdialog.views.feedback_page import csv_text, same_point, tally
from tests.conftest import FEEDBACK_GATHERING, Build

BASE = f"gatherings/{FEEDBACK_GATHERING}"

# Few distinct words, so that groups often give the same point, in varying case and spacing.
POINT = st.sampled_from(
    ["Møteplasser", "møteplasser ", " MØTEPLASSER", "Tid", "tid  sammen", "SFO"]
)
GROUPS = st.lists(st.lists(POINT, min_size=1, max_size=4), max_size=8)


@given(GROUPS)
def test_every_point_is_counted_once_at_its_rank(groups: list[list[str]]) -> None:
    tallies = tally(groups)
    ranks = max((len(g) for g in groups), default=0)
    for rank in range(ranks):
        given_at_rank = sum(1 for g in groups if len(g) > rank)
        assert sum(t.counts[rank] for t in tallies) == given_at_rank
    assert sum(t.total for t in tallies) == sum(len(g) for g in groups)


@given(GROUPS)
def test_points_are_the_same_only_when_trimmed_and_case_folded_text_is(
    groups: list[list[str]],
) -> None:
    tallies = tally(groups)
    keys = [same_point(t.text) for t in tallies]
    assert len(keys) == len(set(keys))
    assert set(keys) == {same_point(p) for g in groups for p in g}
    # Ordered by how often a point came first, then second, and so on.
    assert [t.counts for t in tallies] == sorted((t.counts for t in tallies), reverse=True)


def test_no_language_processing_beyond_trimming_and_case() -> None:
    tallies = tally([["Felles møteplasser"], ["Felles møteplass"], ["felles  møteplasser"]])
    assert [t.text for t in tallies] == [
        "Felles møteplasser",
        "Felles møteplass",
        "felles  møteplasser",
    ]
    assert [t.total for t in tallies] == [1, 1, 1]


def test_the_csv_guards_cells_a_spreadsheet_would_run() -> None:
    from kulturdialog.model import QuestionSet
    from kulturdialog.views.feedback_page import GroupPoints, TaskFeedback

    qs = QuestionSet.model_validate(
        {"id": "t", "title": "Oppgave", "language": "nb", "questions": ["Hva?"]}
    )
    group = GroupPoints("Gruppe 1", "1", ("=SUM(A1)", "@x", "Vanlig"), None, None)  # type: ignore[arg-type]
    text = csv_text([TaskFeedback(qs, (group,), 3, ())], "en")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == ["Group", "Task", "Rank", "Text"]
    assert rows[1:] == [
        ["1", "Oppgave", "1", "'=SUM(A1)"],
        ["1", "Oppgave", "2", "'@x"],
        ["1", "Oppgave", "3", "Vanlig"],
    ]


def test_the_page_lists_each_groups_points_in_order_and_escapes_them(feedback_site: Build) -> None:
    article = feedback_site.article(f"{BASE}/feedback/index.html")
    tasks = article.select(".kd-feedback-task")
    assert [t["data-kd-task"] for t in tasks] == ["Hva kan vi gjøre sammen?", "Hva tar vi med oss?"]
    page = tasks[0]
    groups = {
        li.select_one(".kd-feedback-group__name").get_text(): [
            p.get_text() for p in li.select(".kd-feedback-points li")
        ]
        for li in page.select(".kd-feedback-group")
    }
    assert groups == {
        "Gruppe 1": [
            "Felles møteplasser",
            "Kulturskolelærere inn i SFO",
            "Tid til planlegging <b>sammen</b>",
        ],
        "Gruppe 2": ["felles MØTEPLASSER", "Tid til planlegging <b>sammen</b>"],
        "Gruppe ved vinduet": ["Kulturskolelærere inn i SFO"],
    }
    assert article.select("b") == [], "author text is text, never markup"
    assert "Vi ønsker å møtes igjen til høsten." in page.get_text()
    rows = [
        [cell.get_text(strip=True) for cell in tr.select("td")]
        for tr in page.select(".kd-feedback-tally tbody tr")
    ]
    assert rows == [
        ["Felles møteplasser", "2", "", "", "2"],
        ["Kulturskolelærere inn i SFO", "1", "1", "", "2"],
        ["Tid til planlegging <b>sammen</b>", "", "1", "1", "2"],
    ]
    html = feedback_site.html(f"{BASE}/feedback/index.html")
    assert html.select_one("div.kd-page")["lang"] == "nb"


def test_the_csv_has_every_point_with_group_task_and_rank(feedback_site: Build) -> None:
    text = (feedback_site.site / BASE / f"{FEEDBACK_GATHERING}-feedback.csv").read_text("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Gruppe", "Oppgave", "Prioritet", "Tekst"]
    assert len(rows) == 1 + 6 + 1
    assert [
        "Gruppe ved vinduet",
        "Hva kan vi gjøre sammen?",
        "1",
        "Kulturskolelærere inn i SFO",
    ] in rows


def test_the_page_is_linked_from_participant_page_guide_and_home(feedback_site: Build) -> None:
    for path in (f"{BASE}/index.html", f"{BASE}/facilitator/index.html", "index.html"):
        links = [a["href"] for a in feedback_site.article(path).select("a")]
        assert any(href.rstrip("/").endswith("feedback") for href in links), path


def test_gatherings_without_feedback_have_no_feedback_page(bundled: Build) -> None:
    from tests.conftest import BUNDLED_GATHERING

    assert not (bundled.site / "gatherings" / BUNDLED_GATHERING / "feedback").exists()
