"""During a preview, a hand-written page whose Markdown did not change is not converted again.

mkdocs converts every hand-written page on every build, and converting the guide's pages was
most of a saved gathering's build. What ``Page.render`` makes (the HTML, the table of contents,
the title found in the text, the anchors) is a function of the page's Markdown after the macros,
the HTML its macros hold aside, the page's place and the site's files and settings. A page whose
key equals the one it had in the last build takes what that build made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents


@dataclass(frozen=True)
class _Made:
    key: tuple[Any, ...]
    content: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str]
    links: dict[str, dict[str, str]] | None
    """Links to anchors, by the src path of the page they lead to, checked after every build."""

    def put_on(self, page: Page, files: Files) -> bool:
        """Give ``page`` what the last build made; False if a page it links to an anchor of is
        not among ``files`` (the check mkdocs makes of such links needs the page)."""
        links = None
        if self.links is not None:
            targets = {uri: files.get_file_from_path(uri) for uri in self.links}
            if None in targets.values():
                return False
            links = {targets[uri]: dict(anchors) for uri, anchors in self.links.items()}
        page.content = self.content
        page.toc = self.toc
        page._title_from_render = self.title
        page.present_anchor_ids = set(self.anchors)
        page.links_to_anchors = links  # type: ignore[assignment]
        return True


@dataclass
class Renders:
    """What the last build's ``Page.render`` made of each hand-written page, by src path."""

    made: dict[str, _Made] = field(default_factory=dict)
    converted: list[str] = field(default_factory=list)
    """The pages of the current build converted from Markdown, by src path."""

    def start(self) -> None:
        """A build begins."""
        self.converted = []

    def prepare(self, page: Page, key: tuple[Any, ...]) -> None:
        """Make ``page.render`` take the last build's result if ``key`` (the page's Markdown
        after the macros, its held HTML and the ``site_key``) is unchanged, and else convert
        and keep the result for the next build."""
        src_uri = page.file.src_uri
        made = self.made.get(src_uri)
        reusable = made if made is not None and made.key == key else None
        convert = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            if reusable is not None and reusable.put_on(page, files):
                return
            convert(config, files)
            self.converted.append(src_uri)
            self.made.pop(src_uri, None)
            if page.content is not None:
                self.made[src_uri] = _Made(
                    key,
                    page.content,
                    page.toc,
                    page._title_from_render,
                    frozenset(page.present_anchor_ids or ()),
                    _links_by_path(page.links_to_anchors),
                )

        # One page object serves one build: the next build makes new ones.
        page.render = render  # type: ignore[method-assign]

    def forget(self) -> None:
        """After a failed build: convert everything next time."""
        self.made = {}


def _links_by_path(links: dict[File, dict[str, str]] | None) -> dict[str, dict[str, str]] | None:
    if links is None:
        return None
    return {file.src_uri: dict(anchors) for file, anchors in links.items()}


def site_key(outputs: Iterable[str], fingerprint: tuple[Any, ...]) -> tuple[Any, ...]:
    """What every page's conversion depends on besides its own text: the settings and the
    hand-written pages (``fingerprint``), and every file the build leaves (``outputs``), which
    its links are checked and rewritten against."""
    return (fingerprint, hash(tuple(sorted(outputs))))
