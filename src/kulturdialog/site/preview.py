"""Live preview with broken content: one page listing the problems instead of a failed build.

``mkdocs serve`` stops when its first build fails and keeps the last site when a later one
does. Neither tells an author in the browser what is wrong, so while serving, content problems
become the site itself; the next save that fixes them brings the real site back.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from kulturdialog.errors import ContentError, Problem
from kulturdialog.views.problems import problems_page

# Outside the 'mkdocs' logger on purpose: in strict mode mkdocs counts every warning and error
# logged there and aborts the build, which is what the preview must not do.
log = logging.getLogger("kulturdialog.preview")


def attach_console() -> None:
    """Show this module's messages on the console the way mkdocs shows its own."""
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        log.addHandler(handler)
        log.propagate = False
        log.setLevel(logging.INFO)


def report(problems: Sequence[Problem]) -> None:
    log.error("Content problems (shown in the browser):\n%s", ContentError(problems).report())


def problem_files(
    files: Files, config: MkDocsConfig, problems: Sequence[Problem], language: str
) -> Files:
    """The site's static files and one page, the home page, listing ``problems``."""
    kept = Files([file for file in files if not file.is_documentation_page()])
    kept.append(File.generated(config, "index.md", content=problems_page(problems, language)))
    return kept
