"""Template filters: author text escaped for Markdown and HTML, paragraphs, dates per language."""

from __future__ import annotations

from datetime import date, time

import markdown
import pytest
from bs4 import BeautifulSoup

from kulturdialog.views.environment import clock, long_date, markdown_text, paragraphs


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
