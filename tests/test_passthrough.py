"""Generated pages keep their HTML out of Markdown conversion and get it back unchanged."""

from __future__ import annotations

import markdown

from kulturdialog.site.passthrough import hold, put_back, release, set_aside

PAGE = """# Tittel \\# 1

<div class="kd-facts">
<p>*ikke kursiv* og # ikke overskrift</p>

<p>etter en tom linje</p>
</div>

## Program { #programme }

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
    headings, blocks = set_aside("# Bare en tittel\n")
    assert blocks == []
    assert headings.strip() == "# Bare en tittel"


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
