"""Where each generated page lives, and relative links between pages.

Links inside generated HTML are not rewritten by mkdocs, so they are computed here the way mkdocs
computes page URLs: ``a/b.md`` becomes ``a/b/`` with directory URLs and ``a/b.html`` without.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

from kulturdialog.model.kinds import BY_NAME


def index(kind: str) -> str:
    """The index page of ``kind``'s register, in the folder the kind table gives it."""
    folder = BY_NAME[kind].folder
    if folder is None:
        raise ValueError(f"the kind '{kind}' has no index page")
    return f"{folder}/index.md"


def gathering(id: str) -> str:
    return f"gatherings/{id}/index.md"


def facilitator(id: str) -> str:
    return f"gatherings/{id}/facilitator.md"


def runsheet(id: str) -> str:
    return f"gatherings/{id}/runsheet.md"


def handout(id: str, question_set_id: str) -> str:
    """The printable group sheet for one group task of a gathering."""
    return f"gatherings/{id}/handout-{question_set_id}.md"


def projector(id: str, number: int, day: int | None = None) -> str:
    """The projector view of the group-work block numbered ``number`` (from 1) of its day, a
    standalone HTML file without the site's header and navigation; ``day`` only for a gathering
    over several days."""
    if day is not None:
        return f"gatherings/{id}/day-{day}-projector-{number}/index.html"
    return f"gatherings/{id}/projector-{number}/index.html"


def timer(id: str, day: int | None = None) -> str:
    """The room timer of a gathering, or of one of its days: a standalone HTML file for a screen
    in the room."""
    if day is not None:
        return f"gatherings/{id}/day-{day}-timer/index.html"
    return f"gatherings/{id}/timer/index.html"


def day_guide(id: str, day: int) -> str:
    """The facilitator guide, with live mode, of one day of a gathering over several days."""
    return f"gatherings/{id}/day-{day}.md"


def day_runsheet(id: str, day: int) -> str:
    """The run-sheet, with live mode, of one day of a gathering over several days."""
    return f"gatherings/{id}/day-{day}-runsheet.md"


def question_set(id: str) -> str:
    return f"questions/{id}.md"


def series(id: str) -> str:
    return f"series/{id}/index.md"


def series_item(id: str, item: str) -> str:
    return f"series/{id}/{item}.md"


def worksheet(id: str) -> str:
    return f"worksheets/{id}.md"


def gathering_calendar(id: str) -> str:
    """The calendar file of a gathering, next to its pages."""
    return f"gatherings/{id}/{id}.ics"


def series_calendar(id: str) -> str:
    """The calendar file of a series or programme, next to its pages."""
    return f"series/{id}/{id}.ics"


# Feedback from the groups and the local kit of a gathering.


def feedback(id: str) -> str:
    """The page with the feedback the groups of a gathering sent."""
    return f"gatherings/{id}/feedback.md"


def feedback_csv(id: str) -> str:
    """Every point of a gathering's feedback as a CSV file, next to the feedback page."""
    return f"gatherings/{id}/{id}-feedback.csv"


def local_kit(id: str) -> str:
    """The starter file of a local gathering built on this one, next to its pages."""
    return f"gatherings/{id}/{id}-lokal.yml"


@lru_cache(maxsize=1 << 16)
def page_url(src_uri: str, directory_urls: bool) -> str:
    """The URL of the page written at ``src_uri``, relative to the site root."""
    stem, _ = posixpath.splitext(src_uri)
    head, name = posixpath.split(stem)
    if not directory_urls:
        return f"{stem}.html"
    if name == "index":
        return f"{head}/" if head else ""
    return f"{stem}/"


def relative_path(target: str, start: str) -> str:
    """``posixpath.relpath(target, start)`` for the normalised relative paths of a site (no
    '..', no leading '/'), by comparing parts: relpath makes both absolute first, which took
    a third of the time of listing a large site's pages."""
    to = [part for part in target.split("/") if part and part != "."]
    here = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < len(to) and common < len(here) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


@lru_cache(maxsize=1 << 17)
def _link(page_src: str, target_src: str, directory_urls: bool) -> str:
    # Every page links to the same few others on each build, and a live preview lists every
    # page on every save: each link is worked out once per process.
    here = page_url(page_src, directory_urls)
    there = page_url(target_src, directory_urls)
    base = posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/")
    relative = relative_path(there, base)
    if there.endswith("/") or there == "":
        relative = "./" if relative == "." else relative + "/"
    return relative


@dataclass(frozen=True)
class Linker:
    """Relative links from one page to others, for templates."""

    page_src: str
    """The src path of the page being written."""
    directory_urls: bool = True

    def __call__(self, target_src: str, anchor: str = "") -> str:
        relative = _link(self.page_src, target_src, self.directory_urls)
        return relative + (f"#{anchor}" if anchor else "")

    def gathering(self, id: str) -> str:
        return self(gathering(id))

    def facilitator(self, id: str) -> str:
        return self(facilitator(id))

    def runsheet(self, id: str) -> str:
        return self(runsheet(id))

    def question_set(self, id: str) -> str:
        return self(question_set(id))

    def handout(self, id: str, question_set_id: str) -> str:
        return self(handout(id, question_set_id))

    def projector(self, id: str, number: int, day: int | None = None) -> str:
        return self(projector(id, number, day))

    def day_guide(self, id: str, day: int) -> str:
        return self(day_guide(id, day))

    def day_runsheet(self, id: str, day: int) -> str:
        return self(day_runsheet(id, day))

    def timer(self, id: str, day: int | None = None) -> str:
        return self(timer(id, day))

    def series(self, id: str) -> str:
        return self(series(id))

    def series_item(self, id: str, item: str) -> str:
        return self(series_item(id, item))

    def worksheet(self, id: str) -> str:
        return self(worksheet(id))

    def gathering_calendar(self, id: str) -> str:
        return self.asset(gathering_calendar(id))

    def series_calendar(self, id: str) -> str:
        return self.asset(series_calendar(id))

    def feedback(self, id: str) -> str:
        return self(feedback(id))

    def asset(self, path: str) -> str:
        """A link to a static file such as ``assets/kulturdialog.js``."""
        here = page_url(self.page_src, self.directory_urls)
        base = here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)
        return posixpath.relpath(path, base or ".")
