"""Full `mkdocs build --strict` runs: the real site, read back as HTML."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BUNDLED_GATHERING, FIXTURES, ROOT, Build, BuildSite

GATHERING_PAGES = ("index.html", "facilitator/index.html", "runsheet/index.html")


def times(build: Build, path: str) -> list[str]:
    article = build.article(path)
    return [
        cell.get_text(" ", strip=True) for cell in article.select("table.kd-programme td.kd-time")
    ]


def test_every_gathering_has_its_three_pages(bundled: Build) -> None:
    gatherings = sorted(p.name for p in (bundled.site / "gatherings").iterdir() if p.is_dir())
    assert BUNDLED_GATHERING in gatherings
    for gathering in gatherings:
        for page in GATHERING_PAGES:
            assert (bundled.site / "gatherings" / gathering / page).is_file(), (gathering, page)


def test_without_a_start_time_the_programme_shows_relative_times(bundled: Build) -> None:
    path = f"gatherings/{BUNDLED_GATHERING}/index.html"
    assert times(bundled, path) == [
        "+0:00 – +0:25",
        "+0:25 – +0:45",
        "+0:45 – +1:40",
        "+1:40 – +2:00",
        "+2:00 – +2:50",
        "+2:50 – +3:00",
    ]
    assert "Ingen starttid er satt" in bundled.article(path).get_text()


def test_participant_page_carries_the_question_sets_and_preparation(bundled: Build) -> None:
    article = bundled.article(f"gatherings/{BUNDLED_GATHERING}/index.html")
    text = article.get_text(" ", strip=True)
    titles = [h.get_text(strip=True) for h in article.select(".kd-question-set h3")]
    assert titles == ["Dialogtema 1 – Gruppeoppgaver", "Dialogtema 2 – Gruppeoppgaver"]
    assert "Hva kan de tre nasjonale aktørene bidra med?" in text
    assert "8.5.2 Samarbeidet mellom kulturskole og utdanningssektoren" in text
    assert "Hvordan kan suksesskriteriene omsettes i konkret handling" in text
    # Facilitator notes stay off the participant page.
    assert "Rammer og program for bruk av materialet" not in text


def test_facilitator_guide_has_notes_roles_and_report_back(bundled: Build) -> None:
    article = bundled.article(f"gatherings/{BUNDLED_GATHERING}/facilitator/index.html")
    text = article.get_text(" ", strip=True)
    for expected in (
        "Notater til fasilitator",
        "Rammer og program for bruk av materialet",
        "Velg en møteleder og tidtaker",
        "Hvordan svarer vi?",
        "Hver gruppe prioriterer 1–3 punkt.",
        "anders.ronningen@kulturskoleradet.no",
        "Samlet tid: 180 min",
        "Torkel Øien",
    ):
        assert expected in text, expected
    assert len(article.select("ol.kd-guide > li")) == 6


def test_runsheet_lists_time_minutes_what_who_notes(bundled: Build) -> None:
    article = bundled.article(f"gatherings/{BUNDLED_GATHERING}/runsheet/index.html")
    headers = [th.get_text(strip=True) for th in article.select("table.kd-runsheet thead th")]
    assert headers == ["Tid", "min", "Hva", "Hvem", "Notater"]
    minutes = [
        td.get_text(strip=True) for td in article.select("table.kd-runsheet tbody td.kd-minutes")
    ]
    assert minutes == ["25", "20", "55", "20", "50", "10"]
    last = article.select("table.kd-runsheet tbody tr")[-1]
    assert "Udir" in last.get_text()


def test_home_and_indexes_list_the_content(bundled: Build) -> None:
    home = bundled.article("index.html")
    link = home.select_one(f'a[href="gatherings/{BUNDLED_GATHERING}/"]')
    assert link is not None and "Nasjonalt dialogseminar" in link.get_text()
    assert "27. april 2023" in home.get_text()
    library = bundled.article("questions/index.html")
    assert {a["href"] for a in library.select(".kd-cards a")} == {
        "dialogtema-1/",
        "dialogtema-2/",
        "samarbejdsprojekter-anbefalinger/",
    }
    used = bundled.article("questions/dialogtema-2/index.html").select(".kd-used-in a")
    assert [a["href"] for a in used] == [f"../../gatherings/{BUNDLED_GATHERING}/"]


def test_sidebar_lists_sections_not_every_page(bundled: Build) -> None:
    nav = bundled.html("questions/dialogtema-1/index.html").select(
        ".md-nav--primary a.md-nav__link"
    )
    hrefs = {a.get("href") for a in nav}
    assert not any(BUNDLED_GATHERING in (h or "") for h in hrefs)
    assert any("gatherings/" in (h or "") for h in hrefs)


def test_no_web_fonts_or_external_assets(bundled: Build) -> None:
    html = (bundled.site / "index.html").read_text("utf-8")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    sources = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert [s for s in sources if "stylesheet" in s or s.endswith((".js", ".css"))] == []


def test_every_page_names_the_sites_icon(bundled: Build) -> None:
    # A page without one makes the browser ask for /favicon.ico at the host's root: a 404 in the
    # console on a project site, and another site's icon at worst.
    pages = [p for p in bundled.site.rglob("*.html") if "pagefind" not in p.parts]
    assert any("timer" in p.parts for p in pages) and any("presenter" in str(p) for p in pages)
    for page in pages:
        icons = BeautifulSoup(page.read_text("utf-8"), "html.parser").select('link[rel~="icon"]')
        assert icons, f"{page.relative_to(bundled.site)} names no icon"
        href = str(icons[0]["href"])
        # 404.html is served at any depth, so mkdocs links it from the site's root.
        base = bundled.site if href.startswith("/") else page.parent
        target = (base / href.lstrip("/")).resolve()
        assert target.is_file(), f"{page.relative_to(bundled.site)}: {icons[0]['href']} is missing"


@pytest.fixture(scope="module")
def started_at_nine(build_site: BuildSite, tmp_path_factory: pytest.TempPathFactory) -> Build:
    content = tmp_path_factory.mktemp("content")
    shutil.copytree(ROOT / "content", content, dirs_exist_ok=True)
    seminar = content / "dialogues" / f"{BUNDLED_GATHERING}.yml"
    seminar.write_text(
        seminar.read_text("utf-8").replace(
            "date: 2023-04-27\n", "date: 2023-04-27\nstart: 09:00\n"
        ),
        "utf-8",
    )
    result = build_site(content=content)
    assert result.returncode == 0, result.output
    return result


def test_with_a_nine_oclock_start_group_work_1_runs_0945_to_1040(started_at_nine: Build) -> None:
    path = f"gatherings/{BUNDLED_GATHERING}/index.html"
    rows = started_at_nine.article(path).select("table.kd-programme tbody tr")
    group_work = next(row for row in rows if "kd-block--group_work" in row["class"])
    assert group_work.select_one("td.kd-time").get_text(" ", strip=True) == "09:45 – 10:40"
    assert times(started_at_nine, path)[-1] == "11:50 – 12:00"
    runsheet = started_at_nine.article(f"gatherings/{BUNDLED_GATHERING}/runsheet/index.html")
    assert runsheet.select_one("table.kd-runsheet tfoot td.kd-time").get_text(strip=True) == "12:00"


def test_a_hand_written_page_embeds_programme_runsheet_and_question_set(
    build_site: BuildSite, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(FIXTURES / "docs-with-macros" / "index.md", docs / "index.md")
    # The nav names the author guide, so a docs folder of its own carries it too.
    shutil.copytree(ROOT / "docs" / "guide", docs / "guide")
    result = build_site(docs=docs)
    assert result.returncode == 0, result.output
    article = result.article("index.html")
    assert len(article.select("table.kd-programme tbody tr")) == 6
    assert len(article.select("table.kd-runsheet tbody tr")) == 6
    assert "Hva kan de tre nasjonale aktørene bidra med?" in article.get_text()
    link = article.select_one("table.kd-programme a")
    assert link is not None and link["href"] == "questions/dialogtema-1/"


def test_a_macro_with_an_unknown_id_fails_the_build_with_a_clear_message(
    build_site: BuildSite, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "docs-with-macros", docs)
    result = build_site(docs=docs)
    assert result.returncode != 0
    assert 'programme("finnes-ikke"): there is no such id' in result.output


def test_broken_content_fails_the_build_without_a_traceback(build_site: BuildSite) -> None:
    result = build_site(content=FIXTURES / "invalid")
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert "unknown-field.yml:7:5: programme.1.minuttes: unknown field 'minuttes'" in result.output
    assert "overrun.yml:6:6: end: the programme runs until 10:10" in result.output


def test_author_text_is_escaped_and_braces_do_not_break_the_build(
    build_site: BuildSite, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "farlig.yml").write_text(
        'kind: gathering\nid: farlig\ntitle: "<script>alert(1)</script> {{ config }} # [x](y)"\n'
        "language: nb\nprogramme:\n  - kind: talk\n    minutes: 10\n"
        '    title: "<img src=x onerror=alert(1)> {% raw %}"\n',
        "utf-8",
    )
    result = build_site(content=content)
    assert result.returncode == 0, result.output
    html = (result.site / "gatherings/farlig/index.html").read_text("utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    topics = result.html("gatherings/farlig/index.html").select(".md-header__topic .md-ellipsis")
    assert any("<script>alert(1)</script>" in topic.get_text() for topic in topics)
    h1 = result.article("gatherings/farlig/index.html").select_one("h1")
    assert h1 is not None
    assert h1.get_text() == "<script>alert(1)</script> {{ config }} # [x](y)"
