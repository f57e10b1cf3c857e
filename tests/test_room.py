"""Group sheets, projector views and the live panel in the built bundled site."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from kulturdialog.library import Library
from kulturdialog.model import CONTENT_ADAPTER, Gathering
from kulturdialog.views.programme import timetable
from kulturdialog.views.render import css_string
from kulturdialog.views.room import live_data
from tests.conftest import BUNDLED_GATHERING, Build

BASE = f"gatherings/{BUNDLED_GATHERING}"


def test_one_group_sheet_per_question_set_with_roles_questions_and_priority_lines(
    bundled: Build,
) -> None:
    sheet = bundled.article(f"{BASE}/handout-dialogtema-2/index.html")
    groups = sheet.select(".kd-sheet")
    assert len(groups) == 1, "without JavaScript the page shows one group"
    group = groups[0]
    assert group.select_one("h2.kd-sheet__group").get_text() == "Gruppe 1"
    head = group.select_one(".kd-sheet__event").get_text()
    assert "Nasjonalt dialogseminar om Fremtidens kulturskole" in head
    assert "27. april 2023" in head
    roles = [
        li.select_one(".kd-name-lines__role").get_text() for li in group.select(".kd-name-lines li")
    ]
    assert roles == [
        "Velg en møteleder og tidtaker",
        "Velg en skriver",
        "Velg en som holder dere på sporet tematisk",
    ]
    assert all(li.select_one(".kd-line") for li in group.select(".kd-name-lines li"))
    questions = group.select(".kd-sheet__questions > li")
    assert len(questions) == 2
    assert all(li.select_one(".kd-answer") for li in questions)
    assert len(group.select(".kd-priority-lines li")) == 3
    assert "anders.ronningen@kulturskoleradet.no" in group.select_one(".kd-sheet__send").get_text()
    assert sheet.select_one(".kd-sheets")["data-kd-group-label"] == "Gruppe {n}"


def test_a_set_without_report_back_has_no_priority_lines(bundled: Build) -> None:
    group = bundled.article(f"{BASE}/handout-dialogtema-1/index.html").select_one(".kd-sheet")
    assert group is not None
    assert not group.select(".kd-priority-lines")
    assert len(group.select(".kd-sheet__questions > li")) == 4


def test_the_sheet_offers_the_prefilled_email(bundled: Build) -> None:
    sheet = bundled.article(f"{BASE}/handout-dialogtema-2/index.html")
    href = next(a["href"] for a in sheet.select("a[href^='mailto:']"))
    split = urlsplit(href)
    assert split.path == "anders.ronningen@kulturskoleradet.no"
    assert parse_qs(split.query)["subject"] == ["Hva kan de tre nasjonale aktørene bidra med?"]


def test_one_projector_view_per_group_work_block(bundled: Build) -> None:
    for number, minutes, back in ((3, 55, "+1:40"), (5, 50, "+2:50")):
        view = bundled.html(f"{BASE}/projector-{number}/index.html")
        assert view.select_one(".kd-projector__countdown").get_text() == f"{minutes}:00"
        assert view.select_one(".kd-projector__back [data-kd-clock]").get_text() == back
        assert view.select(".kd-projector__questions li")
    assert not (bundled.site / BASE / "projector-1").exists()


def test_facilitator_pages_carry_the_live_panel_and_load_the_live_script(bundled: Build) -> None:
    for page in ("facilitator", "runsheet"):
        html = bundled.html(f"{BASE}/{page}/index.html")
        panel = html.select_one(".kd-live")
        assert panel is not None and panel.has_attr("hidden"), "shown only when the script runs"
        data = json.loads(html.select_one("#kd-live-data").get_text())
        assert [block["minutes"] for block in data["blocks"]] == [25, 20, 55, 20, 50, 10]
        assert html.select_one("script[src$='assets/live.js']") is not None
    participant = bundled.html(f"{BASE}/index.html")
    assert participant.select_one("script[src$='assets/live.js']") is None
    assert participant.select_one(".kd-live") is None


def test_guide_links_each_group_work_to_its_sheet_projector_view_and_email(bundled: Build) -> None:
    guide = bundled.article(f"{BASE}/facilitator/index.html")
    links = guide.select(".kd-room-links")
    assert len(links) == 2
    hrefs = [a["href"] for a in links[0].select("a")]
    assert hrefs[0] == "../handout-dialogtema-1/"
    assert hrefs[1] == "../projector-3/"
    assert hrefs[2].startswith("mailto:?subject=")


@given(st.text(max_size=60))
def test_a_print_header_cannot_leave_its_css_string(text: str) -> None:
    escaped = css_string(text)
    assert not set(escaped) & set("\"'<>\n\r{}")
    # Reading the escapes back gives the text again.
    decoded = re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), escaped)
    assert decoded == text


def test_the_timer_pages_exist_for_every_gathering_and_package_run_sheet(bundled: Build) -> None:
    assert (bundled.site / BASE / "timer" / "index.html").is_file()
    timer = bundled.html(f"{BASE}/timer/index.html")
    assert timer.select_one(".md-header") is None, "no site chrome"
    data = json.loads(timer.select_one("#kd-live-data").get_text())
    assert data["date"] == "2023-04-27" and data["start"] is None
    assert [block["warn"] for block in data["blocks"]] == [2] * 6
    assert (bundled.site / "packages/samarbejdsprojekter-kortlaegning/timer/index.html").is_file()


def test_a_script_in_a_title_stays_text_in_the_live_data(bundled: Build) -> None:
    # tojson escapes <, > and &, so no title can end the script element that carries it.
    html = (bundled.site / BASE / "timer" / "index.html").read_text("utf-8")
    payload = html.split('id="kd-live-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in payload and ">" not in payload


def test_a_block_or_a_gathering_sets_when_the_warning_comes() -> None:
    data = {
        "kind": "gathering",
        "id": "g",
        "title": "G",
        "language": "nn",
        "warning_minutes": 3,
        "programme": [
            {"kind": "talk", "minutes": 20, "title": "Opning", "speakers": ["Kari", "Ola"]},
            {"kind": "plenary", "minutes": 30, "title": "Samtale", "warning_minutes": 5},
        ],
    }
    gathering = CONTENT_ADAPTER.validate_python(data)
    assert isinstance(gathering, Gathering)
    live = live_data(gathering, timetable(gathering, Library()))
    assert [block["warn"] for block in live["blocks"]] == [3, 5]
    assert live["blocks"][0]["who"] == "Kari, Ola"
    assert live["key"] == "gathering:g" and live["start"] is None and live["date"] is None
    assert live["labels"]["stage_up"] == "Tida er ute"
    # Without a setting anywhere, the last two minutes.
    del data["warning_minutes"]
    plain = CONTENT_ADAPTER.validate_python(data)
    assert isinstance(plain, Gathering)
    assert [b["warn"] for b in live_data(plain, timetable(plain, Library()))["blocks"]] == [2, 5]


def test_every_live_page_loads_the_run_model_before_the_live_views(bundled: Build) -> None:
    """live.js renders what the run model derives: wherever it runs, run-model.js comes first,
    as a classic script (no modules: the offline copy opens from file://)."""
    pages = 0
    for path in bundled.site.rglob("*.html"):
        html = path.read_text("utf-8")
        if "assets/live.js" not in html:
            continue
        pages += 1
        assert html.index("assets/run-model.js") < html.index("assets/live.js"), path
        assert 'type="module"' not in html, path
    assert pages > 5
    assert (bundled.site / "assets" / "run-model.js").is_file()


def test_the_group_sheet_says_plainly_when_the_room_gives_no_answer_code(bundled: Build) -> None:
    # Printed from the static site, the sheet has no code for the answer form: it says so, and
    # where the code comes from, in the sheet's language.
    for task in ("dialogtema-1", "dialogtema-2"):
        sheet = bundled.article(f"{BASE}/handout-{task}/index.html").select_one(".kd-sheet")
        assert sheet is not None
        line = sheet.select_one(f'[data-kd-room-code="{task}"]')
        assert line is not None, task
        said = line.get_text()
        assert said.startswith("Ingen kode til svarskjemaet på telefon"), said
        assert "kulturdialog room" in said
        assert not line.select("img, svg")
