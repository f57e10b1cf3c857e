"""The author guide: every field of every kind, described from the model, with a working example."""

from __future__ import annotations

import pytest

from kulturdialog.authoring import starters
from kulturdialog.model import KINDS
from kulturdialog.views.fields import sections
from tests.conftest import Build


def guide_pages(build: Build) -> dict[str, object]:
    return {
        str(path.relative_to(build.site)): build.article(str(path.relative_to(build.site)))
        for path in sorted((build.site / "guide").rglob("index.html"))
    }


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_of_every_kind_is_in_the_guide(bundled: Build, kind: str) -> None:
    found = sections(kind, "nb")
    pages = guide_pages(bundled)
    page = next(
        (a for a in pages.values() if a.select_one(f"#{found[0].anchor}")),  # type: ignore[attr-defined]
        None,
    )
    assert page is not None, (
        f"no guide page has the fields of '{kind}': add {{{{ fields('{kind}') }}}}"
    )
    for section in found:
        heading = page.select_one(f"#{section.anchor}")  # type: ignore[attr-defined]
        assert heading is not None, section.name
        table = heading.find_next("table")
        names = [row.select_one("td code").get_text() for row in table.select("tbody tr")]
        assert names == [field.name for field in section.fields]
        descriptions = [
            row.select("td")[3].get_text(strip=True) for row in table.select("tbody tr")
        ]
        assert descriptions == [field.description for field in section.fields]


@pytest.mark.parametrize("kind", starters.starter_kinds())
def test_the_guide_shows_each_starter_as_its_example(bundled: Build, kind: str) -> None:
    pages = guide_pages(bundled)
    example = starters.fill(kind, "x", "eksempel", "nb").splitlines()[4]  # the 'kind:' line
    assert any(
        example in block.get_text()
        for a in pages.values()
        for block in a.select(".kd-starter")  # type: ignore[attr-defined]
    ), kind


def test_the_guide_says_text_is_plain_text(bundled: Build) -> None:
    text = bundled.article("guide/index.html").get_text(" ", strip=True)
    assert "Alle tekstfelt er ren tekst" in text
    assert "no HTML, no Markdown" in text  # the English summary
    nav = bundled.html("index.html").select(".md-nav--primary a.md-nav__link")
    assert any("Forfatterveiledning" in a.get_text() for a in nav)


def test_the_schemas_are_published_with_the_site(bundled: Build) -> None:
    for kind in KINDS:
        assert (bundled.site / "schemas" / f"{kind}.json").is_file()


def test_the_chapter_on_the_room_names_the_buttons_as_the_pages_do() -> None:
    from kulturdialog.views.labels import label
    from tests.conftest import ROOT

    chapter = (ROOT / "docs" / "guide" / "rommet.md").read_text("utf-8")
    assert chapter.splitlines()[4] == "# I rommet"
    for key in (
        "live_mode", "start_time", "set_start", "start_now", "add_five", "reset", "time_left",
        "projector_view", "back_at", "presenter_view", "handout", "show_sheets",
        "add_to_calendar",
    ):  # fmt: skip
        assert label(key, "nb") in chapter, key
    for topic in ("?groups=6", "?start=09:30", ".ics", "A4", "kulturdialog offline"):
        assert topic in chapter, topic


def test_code_inside_numbered_steps_renders_as_a_block(bundled: Build) -> None:
    steps = bundled.article("guide/index.html").select("ol > li pre code")
    assert any("kulturdialog new gathering" in code.get_text() for code in steps)
    assert not bundled.article("guide/index.html").select("p > code:-soup-contains('```')")


def test_the_guide_names_the_rules_for_files_ids_and_times() -> None:
    from kulturdialog.checks.addresses import RESERVED
    from kulturdialog.content import CONTENT_SUFFIXES, MAX_FILE_BYTES
    from tests.conftest import ROOT

    guide = (ROOT / "docs" / "guide" / "index.md").read_text("utf-8")
    for suffix in CONTENT_SUFFIXES:
        assert f"`{suffix}`" in guide, suffix
    assert "store og små bokstaver spiller ingen rolle" in guide
    assert f"{MAX_FILE_BYTES // 1_000_000} MB" in guide
    for name in {name for names in RESERVED.values() for name in names}:
        assert f"`{name}` er reservert" in guide, name
    for written in ("`9.30`", "`13.00`"):
        assert written in guide, written
