"""Generated pages keep their HTML out of Markdown conversion and get it back unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from kulturdialog.site.passthrough import hold, put_back, release, set_aside

PAGE = """<!--md--># Tittel \\# 1

<div class="kd-facts">
<p>*ikke kursiv* og # ikke overskrift</p>

<p>etter en tom linje</p>
</div>

<!--md-->## Program { #programme }

<table>
<tr><td>
# linje som ser ut som en overskrift
</td></tr>
</table>
"""


def test_headings_stay_markdown_and_html_blocks_become_placeholders() -> None:
    headings, blocks = set_aside(PAGE)
    assert "# Tittel \\# 1" in headings
    assert "## Program { #programme }" in headings
    assert "<div" not in headings and "<table>" not in headings
    assert len(blocks) == 2
    assert blocks[0].startswith('<div class="kd-facts">') and blocks[0].endswith("</div>")
    # A '#' line inside a block is not taken for a heading: it has no blank line around it.
    assert "# linje som ser ut som en overskrift" in blocks[1]


def test_converted_page_gets_every_block_back_verbatim() -> None:
    headings, blocks = set_aside(PAGE)
    html = put_back(markdown.markdown(headings, extensions=["attr_list"]), blocks)
    assert '<h2 id="programme">Program</h2>' in html
    assert "<h1>Tittel # 1</h1>" in html
    for block in blocks:
        assert block in html
    assert "<em>" not in html and "kdpassthrough" not in html


def test_a_page_without_html_is_left_as_it_is() -> None:
    headings, blocks = set_aside("<!--md--># Bare en tittel\n")
    assert blocks == []
    assert headings.strip() == "# Bare en tittel"


AUTHOR_LINES = (
    "\n\n# X {: onfocus=alert(1) }\n\n",
    "\n\n<img src=x onerror=alert(1)>\n\n",
    "\n\n[x](javascript:alert(1))\n\n",
    "\n\n[x]: javascript:alert(1)\n\n",
)


def test_only_marked_lines_are_headings_whatever_the_author_wrote() -> None:
    # Lines that look like headings, between blank lines, stay in the HTML block: only the
    # template's mark makes a heading, and escaped author text cannot write it.
    for text in AUTHOR_LINES:
        page = f"<!--md--># Tittel\n\n<dl><dd>{text}</dd></dl>\n"
        headings, blocks = set_aside(page)
        assert headings.split() == ["#", "Tittel", "kdpassthrough0x"], text
        assert blocks == [f"<dl><dd>{text}</dd></dl>".strip("\n")]
        html = put_back(markdown.markdown(headings, extensions=["attr_list"]), blocks)
        assert len(re.findall(r"<h[1-6]", html)) == 1
        assert f"<dl><dd>{text}</dd></dl>" in html and "<a " not in html


def test_an_unmarked_heading_line_is_html_not_a_heading() -> None:
    headings, blocks = set_aside("# Ikke merket\n")
    assert headings.strip() == "kdpassthrough0x"
    assert blocks == ["# Ikke merket"]


def test_every_heading_line_in_the_templates_is_marked() -> None:
    # An unmarked '## …' line would reach the page as literal text, not as a heading.
    from importlib import resources

    from kulturdialog.site.passthrough import HEADING_MARK

    templates = resources.files("kulturdialog.views").joinpath("templates")
    unmarked = [
        f"{path.parent.name}/{path.name}:{number}"
        for path in Path(str(templates)).rglob("*.md")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"#{1,6} ", line) and not line.startswith(HEADING_MARK)
    ]
    assert not unmarked


def test_held_macro_html_comes_back_whole_after_markdown_conversion() -> None:
    import markdown

    blocks: list[str] = []
    cards = '<ul class="kd-cards"><li><a href="x/">A &amp; B</a></li></ul>'
    source = f"# Tittel\n\nTekst før.\n\n{hold(blocks, cards)}\n\nTekst etter.\n"
    converted = markdown.markdown(source, extensions=["md_in_html"])
    restored = release(converted, blocks)
    assert cards in restored
    assert "kdmacro" not in restored and "<p><ul" not in restored
    assert "<p>Tekst før.</p>" in restored
