"""Template filters: author text escaped for Markdown and HTML, paragraphs, dates per language;
the head that every page standing alone shares."""

from __future__ import annotations

import re
from datetime import date, time

import markdown
import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment

from kulturdialog.views.environment import (
    clock,
    loader_with_partials,
    long_date,
    markdown_text,
    paragraphs,
)
from tests.conftest import ROOT

PACKAGES = ("views", "editor", "room")
HEAD = "common/page_head.html"


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "[lenke](javascript:alert(1))",
        "*fet* _kursiv_ `kode`",
        "# ikke overskrift {: #x }",
        "KS’, Udirs & «Gjort, lært, lurt»",
        "1. ikke en liste",
        "- heller ikke",
        'O\'Brien "sa" \\ ting',
    ],
)
def test_markdown_text_renders_as_exactly_the_text(text: str) -> None:
    html = markdown.markdown(f"## {markdown_text(text)}", extensions=["attr_list", "toc"])
    # The heading's text content, entities decoded, is the author's text and nothing else.
    heading = BeautifulSoup(html, "html.parser").select_one("h2")
    assert heading is not None
    assert heading.get_text() == text
    assert heading.find_all(True) == []


def test_paragraphs_split_at_blank_lines_and_join_lines() -> None:
    assert paragraphs("Første linje\nfortsetter.\n\n  Andre avsnitt.  \n") == [
        "Første linje fortsetter.",
        "Andre avsnitt.",
    ]
    assert paragraphs(None) == []


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("nb", "24. september 2024"),
        ("nn", "24. september 2024"),
        ("da", "24. september 2024"),
        ("en", "24 September 2024"),
    ],
)
def test_dates_are_written_for_the_language(language: str, written: str) -> None:
    assert long_date(date(2024, 9, 24), language) == written


def test_clock() -> None:
    assert clock(time(9, 5)) == "09:05"
    assert clock(None) == ""


def test_every_page_standing_alone_begins_with_the_one_head() -> None:
    # A page outside the theme (presenter, speaker, timer, projector, a group's answer form,
    # the editor) writes no head of its own: the shared one names the icon and asks not to
    # be indexed, on each of them.
    source = ROOT / "src" / "kulturdialog"
    templates = [
        path
        for package in PACKAGES
        for path in sorted((source / package / "templates").rglob("*.html"))
    ]
    own_heads = [
        p.name for p in templates if re.search(r"<html|<head\b|<meta", p.read_text("utf-8"))
    ]
    assert own_heads == ["page_head.html"]
    users = [p for p in templates if "page_head(" in p.read_text("utf-8")]
    assert {p.relative_to(source).parts[0] for p in users} == set(PACKAGES)
    assert len(users) >= 6


@pytest.mark.parametrize("package", PACKAGES)
def test_the_head_is_found_from_the_templates_of_every_package(package: str) -> None:
    env = Environment(loader=loader_with_partials(f"kulturdialog.{package}"), autoescape=True)
    page = env.from_string(
        '{% from "common/page_head.html" import page_head %}'
        '{{ page_head("da", "<Tittel> & mer", "/s.css", "/i.svg", ["/a.js"], meta={"m": "v"}) }}'
        "<body></body></html>"
    ).render()
    soup = BeautifulSoup(page, "html.parser")
    assert soup.html is not None and soup.html["lang"] == "da"
    assert soup.title is not None and soup.title.string == "<Tittel> & mer"
    assert soup.select_one('link[rel="icon"]')["href"] == "/i.svg"  # type: ignore[index]
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"  # type: ignore[index]
    assert soup.select_one('meta[name="m"]')["content"] == "v"  # type: ignore[index]
    assert [s["src"] for s in soup.select("script[defer]")] == ["/a.js"]
