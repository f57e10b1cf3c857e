"""The guide's field descriptions: one plain form for the Markdown tables and the HTML fragment."""

from __future__ import annotations

import markdown

from kulturdialog.views.fields import describe, fields_markdown, markdown_cell, plain


def test_a_field_name_in_a_docstring_reads_in_guillemets_on_one_line() -> None:
    docstring = "Leave out for a gathering over\n    several days (write ``days`` instead)."
    assert plain(docstring) == "Leave out for a gathering over several days (write «days» instead)."
    assert describe(docstring, "en") == plain(docstring)


def test_the_norwegian_is_found_for_a_docstring_with_field_names() -> None:
    docstring = (
        "The blocks in the order they happen, for a one-day gathering; a gathering over several"
        " days has a programme per day in ``days``."
    )
    assert describe(docstring, "nb").endswith("ett program per dag i «days».")


def test_a_cell_shows_its_text_as_written() -> None:
    text = "a | b <i>c</i> `d`"
    html = markdown.markdown(f"| x |\n|---|\n| {markdown_cell(text)} |", extensions=["tables"])
    assert "<code>" not in html and "<i>" not in html
    assert "a | b &lt;i&gt;c&lt;/i&gt; `d`" in html


def test_no_table_in_the_guide_holds_a_literal_left_from_a_docstring() -> None:
    assert "``" not in fields_markdown("gathering") + fields_markdown("package")
