"""The feedback page in a browser: the CSV download reads back as the page shows it, and the
printed page never splits a group's entry across two A4 pages."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page

from kulturdialog.authoring.mail import read_form
from tests.browser.conftest import serve
from tests.browser.test_print import printed
from tests.conftest import FEEDBACK_GATHERING, FIXTURES, Build, BuildSite

pytestmark = pytest.mark.browser

PAGE = f"gatherings/{FEEDBACK_GATHERING}/feedback/"


@pytest.fixture(scope="module")
def feedback_url(feedback_site: Build) -> Iterator[str]:
    server, url = serve(feedback_site.site)
    yield url
    server.shutdown()


def test_the_csv_download_reads_back_as_the_page_shows_it(page: Page, feedback_url: str) -> None:
    page.goto(feedback_url + PAGE)
    shown: dict[tuple[str, str], list[str]] = {}
    for task in page.locator(".kd-feedback-task").all():
        title = task.get_attribute("data-kd-task") or ""
        for group in task.locator(".kd-feedback-group").all():
            key = (title, group.get_attribute("data-kd-group") or "")
            shown[key] = [li.inner_text() for li in group.locator(".kd-feedback-points li").all()]
    link = page.get_by_role("link", name="Last ned alle punktene (CSV)")
    with page.expect_download() as info:
        link.click()
    download = info.value
    text = Path(download.path()).read_text("utf-8-sig")
    assert download.suggested_filename == f"{FEEDBACK_GATHERING}-feedback.csv"
    from_csv: dict[tuple[str, str], list[str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        points = from_csv.setdefault((row["Oppgave"], row["Gruppe"]), [])
        assert int(row["Prioritet"]) == len(points) + 1, "rows come in priority order"
        points.append(row["Tekst"])
    assert from_csv == shown
    assert {group for _, group in shown} == {"1", "2", "Gruppe ved vinduet"}
    assert len(shown) == 4


def many_groups(folder: Path, count: int) -> Path:
    content = folder / "content"
    shutil.copytree(FIXTURES / "feedback", content)
    entries = "".join(
        f"  - group: {n}\n    points:\n"
        + "".join(
            f"      - Punkt {n}.{rank} om samarbeid mellom kulturskole, skole og SFO i kommunen\n"
            for rank in (1, 2, 3)
        )
        + "    text: Gruppen vil gjerne fortsette samtalen og møtes igjen neste semester.\n"
        + "    received: 2024-03-14\n"
        for n in range(1, count + 1)
    )
    (content / "dialogmote-tilbakemeldinger.yml").write_text(
        "kind: feedback\nid: mange\ngathering: dialogmote-i-fjordby\n"
        "question_set: samarbeid-fjordby\nentries:\n" + entries,
        "utf-8",
    )
    return content


def test_printed_on_a4_no_group_is_split_across_pages(
    page: Page, build_site: BuildSite, tmp_path: Path
) -> None:
    count = 24
    built = build_site(content=many_groups(tmp_path, count))
    assert built.returncode == 0, built.output
    server, url = serve(built.site)
    try:
        pdf = printed(page, url + PAGE)
    finally:
        server.shutdown()
    assert len(pdf.pages) > 2, "enough groups to need several pages"
    texts = [" ".join(sheet.extract_text().split()) for sheet in pdf.pages]
    for n in range(1, count + 1):
        holding = [
            i
            for i, text in enumerate(texts)
            if re.search(rf"Gruppe {n}(?!\d)", text) or f"Punkt {n}.3 " in text
        ]
        first = [i for i, text in enumerate(texts) if re.search(rf"Gruppe {n}(?!\d)", text)]
        last = [i for i, text in enumerate(texts) if f"Punkt {n}.3 " in text]
        assert first and last and first[0] == last[0], (n, holding)


@pytest.mark.parametrize("view", ["handout-samarbeid-fjordby/", "projector-2/"])
def test_group_in_the_address_puts_the_group_into_the_email(
    page: Page, feedback_url: str, view: str
) -> None:
    base = f"{feedback_url}gatherings/{FEEDBACK_GATHERING}/{view}"

    def body() -> list[str]:
        href = page.locator("a[data-kd-mailto-group]").first.get_attribute("href") or ""
        assert href.startswith("mailto:post@example.no?")
        return parse_qs(urlsplit(href).query)["body"][0].split("\r\n")

    page.goto(base)
    assert "Gruppe: " in body()
    page.goto(base + "?group=3")
    lines = body()
    assert "Gruppe: 3" in lines
    assert read_form(lines).group == 3
    if view.startswith("handout"):
        assert page.locator(".kd-sheet__group").all_inner_texts() == ["Gruppe 3"]
