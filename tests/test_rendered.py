"""During a preview, a hand-written page whose Markdown did not change takes the last build's
conversion: the same HTML, table of contents, title and anchors as converting it again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kulturdialog.site.rendered import Renders, site_key

PAGES = ("guide/a.md", "guide/b.md")
TEXTS = [
    "# Tittel\n\nTekst med [lenke](b.md).\n",
    "# Annen tittel\n\n## Del\n\nSe [delen](#del) og [b](b.md#del).\n",
    "Uten overskrift, med <em>HTML</em>.\n",
    "## Del\n\nBare en del.\n",
]


def _config(tmp_path: Path) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict(
        {
            "site_name": "t",
            "docs_dir": str(tmp_path / "docs"),
            "site_dir": str(tmp_path / "site"),
            "markdown_extensions": ["toc", "tables", "attr_list"],
        }
    )
    (tmp_path / "docs").mkdir(exist_ok=True)
    errors, _ = config.validate()
    assert not errors
    return config


def _build(
    config: MkDocsConfig, renders: Renders, texts: dict[str, str], reuse: bool
) -> dict[str, tuple[Any, ...]]:
    """One build of ``texts`` (src path to Markdown): what each page's render gives."""
    files = Files([File(uri, config.docs_dir, config.site_dir, True) for uri in texts])
    key = site_key([file.dest_uri for file in files], ("settings",))
    renders.start()
    made = {}
    for file in files:
        page = Page(None, file, config)
        page.markdown = texts[file.src_uri]
        if reuse:
            renders.prepare(page, (page.markdown, (), *key))
        page.render(config, files)
        links = {f.src_uri: v for f, v in (page.links_to_anchors or {}).items()}
        made[file.src_uri] = (
            page.content,
            str(page.toc),
            page.title,
            page.present_anchor_ids,
            links,
        )
    return made


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(*(st.sampled_from(TEXTS) for _ in PAGES)), min_size=1, max_size=4))
def test_a_reused_conversion_is_what_converting_again_gives(
    tmp_path_factory: Any, builds: list[tuple[str, ...]]
) -> None:
    config = _config(tmp_path_factory.mktemp("rendered"))
    renders = Renders()
    before: tuple[str, ...] | None = None
    for texts in builds:
        pages = dict(zip(PAGES, texts, strict=True))
        assert _build(config, renders, pages, reuse=True) == _build(
            config, Renders(), pages, reuse=False
        )
        # Only pages whose text changed since the last build were converted.
        changed = [uri for i, uri in enumerate(PAGES) if before is None or before[i] != texts[i]]
        assert sorted(renders.converted) == changed
        before = texts


def test_a_page_is_converted_again_when_the_site_changes(tmp_path: Path) -> None:
    config = _config(tmp_path)
    renders = Renders()
    texts = {"guide/a.md": TEXTS[0], "guide/b.md": TEXTS[3]}
    _build(config, renders, texts, reuse=True)
    _build(config, renders, texts, reuse=True)
    assert renders.converted == []
    # A file more: links are checked against every file, so each page is converted again.
    texts["guide/c.md"] = TEXTS[2]
    _build(config, renders, texts, reuse=True)
    assert sorted(renders.converted) == ["guide/a.md", "guide/b.md", "guide/c.md"]


def test_after_a_failed_build_every_page_is_converted(tmp_path: Path) -> None:
    config = _config(tmp_path)
    renders = Renders()
    texts = {"guide/a.md": TEXTS[1], "guide/b.md": TEXTS[3]}
    _build(config, renders, texts, reuse=True)
    renders.forget()
    _build(config, renders, texts, reuse=True)
    assert sorted(renders.converted) == sorted(texts)
