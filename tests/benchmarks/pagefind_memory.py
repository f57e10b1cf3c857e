"""What drives the peak memory of Pagefind's indexer: one Pagefind run per change, over the pages
of a built synthetic site that carry ``data-pagefind-body``, with the peak resident memory of each.

Run on its own (not part of the test suite), on a small site:

    .venv/bin/python tests/benchmarks/pagefind_memory.py --gatherings 300

Each change alters one thing against the pages as built: how many pages, how many words and how
many of them distinct, how much HTML around the indexed text, which binary, and the settings of
its allocator (jemalloc, read from ``_RJEM_MALLOC_CONF``) and of its worker threads.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import build_bench
import synthetic

ROOT = Path(__file__).resolve().parents[2]
MB = 1024**2
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
IGNORED = ("[data-search-exclude]", "[data-pagefind-ignore]")


class _Region(HTMLParser):
    """The text of a page's ``data-pagefind-body`` element, without its ignored blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.ignored_at = 0
        self.words: list[str] = []
        self.language = "nb"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "html" and names.get("lang"):
            self.language = str(names["lang"])
        if tag in VOID:
            return
        if self.depth:
            self.depth += 1
            ignored = "data-search-exclude" in names or "data-pagefind-ignore" in names
            if ignored and not self.ignored_at:
                self.ignored_at = self.depth
        elif "data-pagefind-body" in names:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            if self.ignored_at == self.depth:
                self.ignored_at = 0
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.ignored_at:
            self.words += data.split()


def region(page: Path) -> tuple[str, list[str]]:
    parser = _Region()
    parser.feed(page.read_text("utf-8"))
    return parser.language, parser.words


def bare(language: str, words: list[str]) -> str:
    """A page of nothing but ``words`` in one paragraph, all indexed."""
    title, text = html.escape(" ".join(words[:6])), html.escape(" ".join(words))
    return (
        f'<!doctype html><html lang="{language}"><head><title>{title}</title></head><body>'
        f"<main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>"
    )


Rewrite = Callable[[Path, str], str | None]
"""A change to one page: its new HTML, or None to leave it out."""


@dataclass(frozen=True)
class Change:
    name: str
    rewrite: Rewrite | None = None
    env: tuple[tuple[str, str], ...] = ()
    binary: str = "extended"
    pages: float = 1.0
    whole_site: bool = False


def _text(factor: float, unique: bool = False) -> Rewrite:
    def rewrite(page: Path, relative: str) -> str:
        language, words = region(page)
        if unique:
            # Every word of every page its own: the vocabulary grows with the pages.
            mark = re.sub(r"\W", "", relative)[-12:]
            words = [f"{word}{mark}" for word in words]
        count = int(len(words) * factor)
        repeated = (words * (int(factor) + 1))[:count] if words else []
        return bare(language, repeated)

    return rewrite


def _strip_body_mark(page: Path, relative: str) -> str:
    # No data-pagefind-body anywhere: Pagefind indexes each page's whole <body>.
    return page.read_text("utf-8").replace(" data-pagefind-body", "")


CHANGES = [
    Change("Pagefind's own settings (extended binary)"),
    Change("plain binary", binary="plain"),
    Change("a quarter of the pages", pages=0.25),
    Change("half of the pages", pages=0.5),
    Change("indexed text only, no other HTML", _text(1.0)),
    Change("indexed text halved", _text(0.5)),
    Change("indexed text doubled", _text(2.0)),
    Change("indexed text, every word unique to its page", _text(1.0, unique=True)),
    Change("whole <body> indexed (no data-pagefind-body)", _strip_body_mark),
    Change("every file of the site given (as Pagefind's --site)", whole_site=True),
    Change(
        "_RJEM_MALLOC_CONF=narenas:1 (the build's setting)",
        env=(("_RJEM_MALLOC_CONF", "narenas:1"),),
    ),
    Change(
        "_RJEM_MALLOC_CONF=narenas:1,tcache:false,dirty_decay_ms:0,muzzy_decay_ms:0",
        env=(("_RJEM_MALLOC_CONF", "narenas:1,tcache:false,dirty_decay_ms:0,muzzy_decay_ms:0"),),
    ),
    Change("RAYON_NUM_THREADS=1", env=(("RAYON_NUM_THREADS", "1"),)),
]


def binaries(work: Path) -> dict[str, Path]:
    """The extended binary the project installs, and the plain one from its wheel (pip)."""
    import pagefind_bin_extended  # type: ignore[import-not-found]

    found = {"extended": Path(pagefind_bin_extended.__file__).parent / "pagefind_extended"}
    wheels = work / "wheels"
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(wheels)]
    version = _version(found["extended"])
    if subprocess.run([*command, f"pagefind-bin=={version}"], check=False).returncode == 0:
        wheel = next(wheels.glob("pagefind_bin-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            archive.extract("pagefind_bin/pagefind", work)
        plain = work / "pagefind_bin" / "pagefind"
        plain.chmod(0o755)
        found["plain"] = plain
    return found


def _version(binary: Path) -> str:
    said = subprocess.run([str(binary), "--version"], capture_output=True, text=True, check=True)
    return said.stdout.split()[-1]


def indexed_pages(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if "data-pagefind-body" in path.read_text("utf-8")
    )


def prepare(site: Path, pages: list[str], change: Change, folder: Path) -> Path:
    if change.whole_site:
        return site
    shutil.rmtree(folder, ignore_errors=True)
    chosen = pages[: max(1, int(len(pages) * change.pages))]
    for relative in chosen:
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if change.rewrite is None:
            os.link(site / relative, target)
        else:
            written = change.rewrite(site / relative, relative)
            if written is not None:
                target.write_text(written, "utf-8")
    return folder


@dataclass(frozen=True)
class Result:
    change: Change
    pages: int
    words: int
    html_mb: float
    peak: int
    seconds: float


def run(binary: Path, source: Path, output: Path, env: dict[str, str]) -> tuple[int, float, int]:
    shutil.rmtree(output, ignore_errors=True)
    command = [str(binary), "--site", str(source), "--output-path", str(output), "--silent"]
    for selector in IGNORED:
        command += ["--exclude-selectors", selector]
    began = time.perf_counter()
    process = subprocess.Popen(command, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"Pagefind failed: {' '.join(command)}")
    entry = (output / "pagefind-entry.json").read_text("utf-8")
    counted = sum(int(n) for n in re.findall(r'"page_count":(\d+)', entry))
    return usage.ru_maxrss * 1024, seconds, counted


def measure(site: Path, work: Path) -> list[Result]:
    found = binaries(work)
    pages = indexed_pages(site)
    results = []
    for change in CHANGES:
        binary = found.get(change.binary)
        if binary is None:
            print(f"  (skipped: no {change.binary} binary) {change.name}")
            continue
        source = prepare(site, pages, change, work / "pages")
        words = 0
        html_bytes = 0
        listed = [source / p for p in pages] if change.whole_site else list(source.rglob("*.html"))
        for page in listed:
            if page.is_file():
                html_bytes += page.stat().st_size
                words += len(region(page)[1])
        env = dict(os.environ) | dict(change.env)
        peak, seconds, counted = run(binary, source, work / "bundle", env)
        result = Result(change, counted, words, html_bytes / MB, peak, seconds)
        results.append(result)
        print(
            f"  {change.name:<78} {counted:>6} pages {words / 1000:>8.0f}k words "
            f"{result.html_mb:>6.1f} MB HTML  peak {peak / MB:>6.0f} MB  {seconds:>5.1f} s "
            f"(load {os.getloadavg()[0]:.2f})",
            flush=True,
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gatherings", type=int, default=300)
    parser.add_argument("--site", type=Path, help="a site already built (skips the build)")
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kd-pagefind-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        site = args.site
        if site is None:
            content = synthetic.generate(work / "content", args.gatherings).root
            docs = work / "docs"
            shutil.copytree(ROOT / "docs", docs, dirs_exist_ok=True)
            site = work / "site"
            env = build_bench.environment(content, docs)
            build_bench.build(ROOT / "mkdocs.yml", site, env, ROOT, work / "build.log")
        print(f"Pagefind's peak memory over {site} (load {os.getloadavg()[0]:.2f})")
        measure(site, work)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
