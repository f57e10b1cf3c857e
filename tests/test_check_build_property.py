"""One rule, as a property: content that `kulturdialog check` accepts builds into a complete site
(every page and calendar file), and content it refuses, the build refuses with the same located
problems.

Each example starts from a small consistent set of files (every starter, a gathering with every
block kind and field, a theme package with figures, series with dates, weeks and months) and
replaces some of their values with drawn ones: multi-line, very long, Unicode and control
characters in text; dates from 0001-01-01 to 9999-12-31; weeks 0, 53 and 54; clock times as
Norwegians write them and past midnight; non-finite, huge and 4,301-digit numbers; reserved ids
and addresses with header parts. Every example is checked and rendered the way the build
renders it (every generated page through the passthrough and the site's Markdown extensions,
every calendar file); every REAL_BUILD_EVERY-th also goes through a real strict mkdocs build.

KULTURDIALOG_PROPERTY_EXAMPLES sets the number of examples (200 by default; 10000 for a long
run); the counts are printed at the end of the module (pytest -s).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from kulturdialog.authoring import starters
from kulturdialog.authoring.check import check
from kulturdialog.content import load_content
from kulturdialog.errors import Problem
from kulturdialog.loader import Document, parse, read
from kulturdialog.site import passthrough
from kulturdialog.views.calendars import calendars
from kulturdialog.views.pages import all_pages
from kulturdialog.views.render import Renderer
from tests.conftest import FIXTURES, ROOT

EXAMPLES = int(os.environ.get("KULTURDIALOG_PROPERTY_EXAMPLES", "200"))
REAL_BUILD_EVERY = int(os.environ.get("KULTURDIALOG_PROPERTY_REAL_BUILD_EVERY", "20"))
"""Every how many examples a real mkdocs build runs as well (about half a second each)."""
PROGRESS = os.environ.get("KULTURDIALOG_PROPERTY_PROGRESS")
"""A file the counts are appended to every 250 examples, to follow a long run."""

SEED_FILES = [
    ROOT / "content" / "dialogues" / "dialogtema-1.yml",
    FIXTURES / "all-fields" / "blocks.yml",
    FIXTURES / "valid" / "gathering.yml",
    FIXTURES / "packages" / "valid" / "pakke.yml",
    FIXTURES / "packages" / "valid" / "oppgaver.yml",
    FIXTURES / "series-valid" / "month-and-week.yml",
    FIXTURES / "series-valid" / "dansk-moede.yml",
]

Path_ = tuple[str | int, ...]
BIG_INTEGER = "kd-big-integer"
"""Stands for a whole number of 4,301 digits, which no YAML dumper writes."""


def seeds() -> dict[str, Any]:
    """The consistent starting set, by file name: data as the loader reads it."""
    found: dict[str, Any] = {}
    for kind in starters.starter_kinds():
        ident = f"start-{kind.replace('_', '-')}"
        document = parse(starters.fill(kind, f"Start {kind}", ident, "nb"), Path(ident))
        assert isinstance(document, Document)
        found[f"{ident}.yml"] = document.data
    for path in SEED_FILES:
        document = read(path)
        assert isinstance(document, Document)
        found[path.name] = document.data
    return found


SEEDS = seeds()


def leaves(value: Any, path: Path_ = ()) -> Iterator[Path_]:
    if isinstance(value, dict):
        for key, child in value.items():
            if key != "kind":
                yield from leaves(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from leaves(child, (*path, index))
    else:
        yield path


def field_name(path: Path_) -> str:
    return next((part for part in reversed(path) if isinstance(part, str)), "")


# Plausible values are what an author might write, valid or nearly; wild ones are every edge
# the model has to refuse or survive. Each drawn value is wild one time in four.
printable = st.characters(blacklist_categories=("Cc", "Cs"))
words = st.text(alphabet=printable, min_size=1, max_size=60).filter(str.strip)
payload_lines = st.sampled_from(
    [
        "# X {: autofocus tabindex=1 onfocus=alert(1) }",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x]: javascript:alert(1)",
        "{{ 7*7 }}",
        "",
    ]
)
plausible_texts = (
    words
    | st.lists(words | payload_lines, min_size=2, max_size=6).map("\n".join).filter(str.strip)
    | st.tuples(words, st.integers(100, 400)).map(lambda pair: " ".join([pair[0]] * pair[1]))
)
wild_texts = st.text(max_size=60) | st.sampled_from(
    ["\x1b[31mrødt", "a\x00b", "\u202eomvendt", "", "   ", "😀" * 50]
)
plausible_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)).map(
    date.isoformat
)
wild_dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(
    date.isoformat
) | st.sampled_from(["9999-12-31", "0001-01-01", "2024-12-30", "2020-12-31", "2023-02-30"])
plausible_times = st.builds(
    lambda h, m, sep: f"{h:02d}{sep}{m:02d}" if sep == ":" else f"{h}{sep}{m:02d}",
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from([":", "."]),
)
wild_times = st.sampled_from(["24:00", "7:5", "13.5", 13.0, 1300, "23:60"])
plausible_weeks = st.sampled_from([1, 10, 40, 52, "40-44", [34, 35]])
wild_weeks = st.sampled_from([0, 53, 54, "44-40", [53], "1-53"])
plausible_years = st.integers(2000, 2100)
wild_years = st.sampled_from([1, 1899, 2201, 9999])
plausible_months = st.sampled_from(["2024-10", "2025-01", ["2025-06", "2025-08"]])
wild_months = st.sampled_from(["2024-13", "0001-01", "9999-12"])
plausible_integers = st.integers(1, 300)
wild_integers = st.sampled_from([0, -1, 1441, 10**18, BIG_INTEGER]) | st.integers()
plausible_numbers = st.floats(min_value=0, max_value=1e6)
wild_numbers = st.sampled_from([float("inf"), float("-inf"), float("nan"), 1e308, 1e309, -1.0])
plausible_emails = st.sampled_from(["post@example.no", "ola.nordmann+x@kulturskole-ås.no"])
wild_emails = st.sampled_from(["x@y.no?bcc=spy%40evil.example&body=hi", "a b@c.no", "a@b"])
wild_ids = st.sampled_from(["index", "ny-id", "Index", "a--b"])
plausible_languages = st.sampled_from(["nb", "nn", "da", "en"])

STRATEGIES: dict[str, tuple[st.SearchStrategy[Any] | None, st.SearchStrategy[Any]]] = {
    "date": (plausible_dates, wild_dates),
    "end_date": (plausible_dates, wild_dates),
    "start": (plausible_times, wild_times),
    "end": (plausible_times, wild_times),
    "week": (plausible_weeks, wild_weeks),
    "year": (plausible_years, wild_years),
    "month": (plausible_months, wild_months),
    "email": (plausible_emails, wild_emails),
    "language": (plausible_languages, st.just("sv")),
    # None: keep the value; ids tie files together, and a changed one is a dangling reference.
    "id": (None, wild_ids),
}


def value_for(path: Path_, current: Any) -> st.SearchStrategy[Any]:
    name = field_name(path)
    if name in STRATEGIES:
        plausible, wild = STRATEGIES[name]
    elif isinstance(current, bool):
        plausible, wild = st.booleans(), st.just("ja")
    elif isinstance(current, int):
        plausible, wild = plausible_integers, wild_integers
    elif isinstance(current, float):
        plausible, wild = plausible_numbers, wild_numbers
    else:
        plausible, wild = plausible_texts, wild_texts
    kept = st.just(current) if plausible is None else plausible
    return st.integers(0, 3).flatmap(lambda roll: wild if roll == 0 else kept)


@st.composite
def contents(draw: st.DrawFn) -> dict[str, Any]:
    files = {name: _copy(data) for name, data in SEEDS.items()}
    for name in draw(st.lists(st.sampled_from(sorted(files)), min_size=1, max_size=2)):
        data = files[name]
        paths = list(leaves(data))
        for path in draw(st.lists(st.sampled_from(paths), min_size=1, max_size=3, unique=True)):
            parent = data
            for part in path[:-1]:
                parent = parent[part]
            parent[path[-1]] = draw(value_for(path, parent[path[-1]]))
    return files


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_copy(child) for child in value]
    return value


def write(root: Path, files: dict[str, Any]) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name, data in files.items():
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
        text = text.replace(BIG_INTEGER, "9" * 4301)
        (root / name).write_text(text, "utf-8")


def render_site(root: Path) -> int:
    """Everything the build makes from the content, the way the plugin makes it; the count."""
    library = load_content(root)
    renderer = Renderer(library, language="nb", directory_urls=True)
    written: set[str] = set()
    for page in all_pages(renderer):
        assert page.src_uri not in written, f"two pages write {page.src_uri}"
        written.add(page.src_uri)
        text = page.markdown
        if page.src_uri.endswith(".md"):
            headings, blocks = passthrough.set_aside(text.split("---\n", 2)[2])
            converted = markdown.markdown(
                headings, extensions=["attr_list", "md_in_html", "tables", "toc"]
            )
            html = passthrough.put_back(converted, blocks)
            handlers = [
                (tag.name, name)
                for tag in BeautifulSoup(html, "html.parser").find_all(True)
                for name in tag.attrs
                if name.startswith("on") or name == "autofocus"
            ]
            assert handlers == [], (page.src_uri, handlers)
    for ics in calendars(library, datetime.now(UTC)):
        assert ics.src_uri not in written, f"two files write {ics.src_uri}"
        written.add(ics.src_uri)
        assert ics.content.startswith(b"BEGIN:VCALENDAR")
    return len(written)


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def real_build(root: Path, site: Path, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """A strict mkdocs build of ``root`` into ``site``: None when it succeeds, else the errors
    it logged."""
    handler = _Messages()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        with monkeypatch.context() as patch:
            patch.setenv("KULTURDIALOG_CONTENT", str(root))
            patch.setenv("NO_MKDOCS_2_WARNING", "1")
            patch.chdir(ROOT)
            config = load_config(
                config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True
            )
            build(config)
    except Abort:
        return "\n".join(handler.messages)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return None


def located(problem: Problem, root: Path, files: dict[str, Any]) -> bool:
    return Path(problem.file).name in files and problem.line >= 1 and problem.column >= 1


TALLY: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def report() -> Iterator[None]:
    yield
    print(f"\ncheck-build property: {dict(sorted(TALLY.items()))}")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    # Shrinking an example of a dozen files takes minutes; the long run reports it unshrunk.
    phases=[Phase.generate] if os.environ.get("KULTURDIALOG_PROPERTY_NO_SHRINK") else list(Phase),
)
@given(files=contents())
def test_what_check_accepts_builds_and_what_it_refuses_the_build_refuses(
    files: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    TALLY["examples"] += 1
    if PROGRESS and TALLY["examples"] % 250 == 0:
        with open(PROGRESS, "a", encoding="utf-8") as progress:
            progress.write(f"{dict(sorted(TALLY.items()))}\n")
    # tmp_path is shared by every example of the test: each gets a folder of its own.
    work = Path(tempfile.mkdtemp(dir=tmp_path))
    root = work / "content"
    write(root, files)
    result = check(root)
    real = TALLY["examples"] % REAL_BUILD_EVERY == 1
    site = work / "site"
    if result.ok:
        TALLY["accepted"] += 1
        TALLY["files rendered"] += render_site(root)
        if real:
            TALLY["real builds, accepted"] += 1
            assert real_build(root, site, monkeypatch) is None
            assert (site / "index.html").is_file() and (site / "gatherings").is_dir()
        shutil.rmtree(work)
        return
    TALLY["refused"] += 1
    TALLY["problems"] += len(result.problems)
    for problem in result.problems:
        shape = re.sub(r"'[^']*'|\d+", "_", problem.message.split(";")[0])
        TALLY["problem: " + " ".join(shape.split()[-4:])[:40]] += 1
        assert located(problem, root, files), problem
        assert "Traceback" not in problem.message
    if real:
        TALLY["real builds, refused"] += 1
        logged = real_build(root, site, monkeypatch)
        assert logged is not None
        for problem in result.problems:
            assert str(problem) in logged
        assert not site.exists()
    shutil.rmtree(work)
