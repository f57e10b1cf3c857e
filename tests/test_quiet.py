"""A build prints only what an author can act on."""

from __future__ import annotations

import logging
import re

from kulturdialog.site.quiet import OnlyProblems
from tests.conftest import Build, Published

# What mkdocs itself says on every build: where it writes, and how long it took.
EXPECTED = re.compile(
    r"^INFO    -  (Cleaning site directory|Building documentation to directory: .+"
    r"|Documentation built in [\d.]+ seconds)$"
)


def test_a_clean_build_prints_nothing_but_where_and_how_long(bundled: Build) -> None:
    lines = [line for line in bundled.output.splitlines() if line.strip()]
    assert lines and all(EXPECTED.match(line) for line in lines), lines


def test_kulturdialog_build_prints_no_info_line_about_the_staging_folder(
    published: Published,
) -> None:
    # `kulturdialog build` and `offline` write into a staging folder first: they name the
    # folder the author gets.
    told = re.findall(r"Building documentation to directory: (.+)$", published.output, re.M)
    assert sorted(told) == sorted([str(published.site), str(published.offline)]), told
    assert ".staging" not in published.output


def _record(level: int) -> logging.LogRecord:
    return logging.LogRecord("mkdocs.plugins.mkdocs_macros.util", level, "", 0, "m", (), None)


def test_set_up_chatter_is_dropped_and_problems_come_through() -> None:
    only = OnlyProblems()
    assert not only.filter(_record(logging.INFO))
    assert only.filter(_record(logging.WARNING))
    assert only.filter(_record(logging.ERROR))
