"""A page's converted HTML, packed between its conversion and its template, comes back as it was."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kulturdialog.site.packed import Packed

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))
"""Any text a page can hold (every character but lone surrogates, which no file can)."""


@given(st.dictionaries(st.text(min_size=1, max_size=20), TEXT, max_size=8))
def test_each_page_comes_back_as_it_was_converted_once(pages: dict[str, str]) -> None:
    packed = Packed()
    for page, html in pages.items():
        assert packed.pack(page, html) == ""
    assert len(packed) == len(pages)
    for page, html in reversed(pages.items()):
        assert packed.unpack(page, "") == html
    # Unpacked, a page is no longer held: its content is then what the page has.
    for page in pages:
        assert packed.unpack(page, "rendered") == "rendered"
    assert len(packed) == 0


def test_a_page_never_packed_keeps_its_content() -> None:
    packed = Packed()
    packed.pack("a.md", "<p>a</p>")
    assert packed.unpack("b.md", "<p>b</p>") == "<p>b</p>"
    assert packed.unpack("b.md", None) is None
