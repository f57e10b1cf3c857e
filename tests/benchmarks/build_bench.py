"""Build benchmark: the generated site against the same pages built by plain Material, growth with
the number of gatherings, and the weight and Lighthouse scores of the bundled site's pages.

Run on its own (not part of the test suite):

    .venv/bin/python tests/benchmarks/build_bench.py  # all: about 40 minutes on 2 cores
    .venv/bin/python tests/benchmarks/build_bench.py --sizes 100 --runs 1 --no-lighthouse
    .venv/bin/python tests/benchmarks/build_bench.py --sizes 10000 --runs 1 --national --no-weight

Both sites get the same search: the generated site runs Pagefind as its last build step, and the
plain site is indexed by Pagefind right after its build, inside the time measured. At every size
the benchmark also visits a participant page of the generated site and types a two-word
Norwegian query into its search box, runs the search quality set (tests/search_quality.py; its
pages and the bundled content are added to the N gatherings) and (unless --no-preview) measures
the live preview's save-to-reload latency at the bundled size and at every size of 500 and more.
Sizes above 2,000 run only with --national: the comparison with plain Material stays at N <= 2,000.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import plain_site
import preview_bench
import synthetic
import weight

from tests import search_quality  # importable once weight has put the project on the path

ROOT = Path(__file__).resolve().parents[2]
GB = 1024**3
KB = 1024
PAGE = os.sysconf("SC_PAGE_SIZE")
QR_CACHE = ROOT / ".cache" / "kulturdialog" / "qr"
"""Where the generated build keeps its QR codes (the plugin's ``cache_dir``)."""
QUERY = "kulturskolen samarbeid"
"""Two common Norwegian words of the synthetic text: a query that fetches much of the index."""


@dataclass(frozen=True)
class Run:
    seconds: float
    max_rss: int
    """Peak resident memory of the whole build: every process of it alive at the same moment,
    summed (the build's Python and Pagefind's indexer together), in bytes."""
    largest: int = 0
    """Peak resident memory of its largest single process, in bytes."""
    own: int = 0
    """Peak resident memory of the build's own process (Python), in bytes."""
    beside: int = 0
    """Resident memory of the build's own process while a process below it (the indexer) was
    alive, at most, in bytes: what the build holds beside the indexer."""
    below: int = 0
    """Peak resident memory of the processes below the build's own (the indexer), in bytes."""


def _tree_rss(root: int) -> tuple[int, int]:
    """The resident memory of ``root`` and of every process below it, summed, in bytes."""
    children: dict[int, list[int]] = {}
    resident: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        children.setdefault(int(fields[1]), []).append(pid)
        resident[pid] = int(fields[21]) * PAGE
    below, stack = 0, list(children.get(root, []))
    while stack:
        pid = stack.pop()
        below += resident.get(pid, 0)
        stack += children.get(pid, [])
    return resident.get(root, 0), below


def _run(command: list[str], env: dict[str, str], cwd: Path, log: Path) -> Run:
    with log.open("a") as output:
        began = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=output, stderr=output)
        peak = own = beside = below = 0
        while True:
            # Sampled ten times a second: the sum of processes alive together, which no single
            # process's own peak (ru_maxrss) tells.
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            root, others = _tree_rss(process.pid)
            peak = max(peak, root + others)
            own = max(own, root)
            below = max(below, others)
            if others:
                beside = max(beside, root)
            time.sleep(0.1)
        seconds = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed ({' '.join(command)}):\n{log.read_text()}")
    # The largest process of all it waited for (Pagefind's binary included).
    largest = usage.ru_maxrss * 1024
    return Run(seconds, max(peak, largest), largest, own, beside, below)


def build(
    config: Path, site: Path, env: dict[str, str], cwd: Path, log: Path, *, index: bool = False
) -> Run:
    """One `mkdocs build` in its own process, timed, with its peak memory; with ``index``, then
    Pagefind over the built site, timed with it."""
    if site.exists():
        shutil.rmtree(site)
    log.write_text("")
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    run = _run(command, env, cwd, log)
    if index:
        search = _run([sys.executable, "-m", "pagefind", "--site", str(site)], env, cwd, log)
        run = Run(
            run.seconds + search.seconds,
            max(run.max_rss, search.max_rss),
            max(run.largest, search.largest),
            run.own,
            run.beside,
            max(run.below, search.max_rss),
        )
    return run


def environment(content: Path | None = None, docs: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KULTURDIALOG_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if content is not None:
        env["KULTURDIALOG_CONTENT"] = str(content)
    if docs is not None:
        env["KULTURDIALOG_DOCS"] = str(docs)
    return env


@dataclass(frozen=True)
class Size:
    gatherings: int
    pages: int
    generated: list[Run]
    plain: list[Run]
    index_bytes: int
    plain_index_bytes: int
    search: weight.SearchCost | None = None
    latency: list[float] | None = None
    quality: list[search_quality.Outcome] | None = None

    @property
    def seconds(self) -> float:
        return statistics.median(run.seconds for run in self.generated)

    @property
    def plain_seconds(self) -> float:
        return statistics.median(run.seconds for run in self.plain) if self.plain else 0.0

    @property
    def peak(self) -> int:
        return max(run.max_rss for run in self.generated)

    @property
    def largest(self) -> int:
        return max(run.largest for run in self.generated)

    @property
    def plain_peak(self) -> int:
        return max((run.max_rss for run in self.plain), default=0)


def count_pages(site: Path) -> int:
    return sum(1 for path in site.rglob("index.html") if path.parent.name != "404")


def measure(
    gatherings: int,
    runs: int,
    work: Path,
    *,
    with_search: bool,
    with_preview: bool,
    with_plain: bool = True,
    search_run_mb: float | None = None,
) -> Size:
    folder = work / f"n{gatherings}"
    asked = [word for query in search_quality.QUERIES for word in query.words.split()]
    generated = synthetic.generate(folder / "content", gatherings, avoided=asked)
    # The pages the search quality set asks for, among the N gatherings made of their words.
    shutil.copytree(ROOT / "content", generated.root / "bundled")
    shutil.copytree(search_quality.FIXTURE, generated.root / "search-quality")
    counts = ", ".join(f"{count} {kind}" for kind, count in generated.counts.items())
    print(
        f"\nN = {gatherings}: {counts}, with the bundled content and the search quality set's "
        f"pages (load average {load()})",
        flush=True,
    )
    for note in generated.notes:
        print(f"  note: {note}")
    docs = folder / "docs-hand-written"
    shutil.copytree(ROOT / "docs", docs, dirs_exist_ok=True)
    plain_config = folder / "plain" / "mkdocs.yml"
    if with_plain:
        plain_config = plain_site.write_plain_site(generated.root, docs, folder / "plain")
    site_a, site_b = folder / "site-generated", folder / "site-plain"
    env_a = environment(generated.root, docs)
    if search_run_mb is not None:
        env_a["KULTURDIALOG_SEARCH_RUN_MB"] = str(search_run_mb)
    a: list[Run] = []
    b: list[Run] = []
    # The first run starts with no QR codes kept from earlier builds; the later runs find them
    # in the cache folder, as a site's every build but its first does.
    shutil.rmtree(QR_CACHE, ignore_errors=True)
    # Alternating the two builds spreads any drift of the machine over both.
    for number in range(1, runs + 1):
        a.append(build(ROOT / "mkdocs.yml", site_a, env_a, ROOT, folder / "a.log"))
        if with_plain:
            b.append(
                build(plain_config, site_b, environment(), folder, folder / "b.log", index=True)
            )
        kept = "no QR codes kept" if number == 1 else "QR codes kept"
        plain = f"plain {b[-1].seconds:6.2f} s" if with_plain else "plain not built"
        print(
            f"  run {number}: generated {a[-1].seconds:6.2f} s ({kept}), whole build peak "
            f"{mb(a[-1].max_rss)} (largest process {mb(a[-1].largest)}; the build's own "
            f"process {mb(a[-1].own)}, {mb(a[-1].beside)} of it beside the indexer's "
            f"{mb(a[-1].below)}), {plain} "
            f"(load average {load()})",
            flush=True,
        )
    parts = 1 + len(list((site_a / "pagefind" / "parts").glob("*/pagefind-entry.json")))
    print(f"  search index in {parts} part{'s' if parts > 1 else ''}", flush=True)
    search = None
    if with_search:
        search = weight.search_cost(site_a, "gatherings/samling-00001/", QUERY)
        print(
            f"  participant page first visit {kb(search.visit)} KB, query '{QUERY}' "
            f"{kb(search.query)} KB ({len(search.query_requests)} requests, "
            f"{search.results} results shown)",
            flush=True,
        )
    quality = None
    if with_search:
        quality = weight.search_quality(site_a)
        missed = [outcome for outcome in quality if not outcome.met]
        print(
            f"  search quality: {len(quality) - len(missed)} of {len(quality)} queries find "
            f"their page among the first {search_quality.TOP} (load average {load()})",
            flush=True,
        )
        for outcome in missed:
            print(f"    missed {outcome.query.words!r} ({outcome.query.what}): {outcome.found}")
    latency = None
    if with_preview and gatherings >= 500:
        latency = preview_bench.latencies(
            generated.root, docs, "dialogues/samling-00001.yml", "gatherings/samling-00001/"
        )
        shown = ", ".join(f"{seconds:.2f}" for seconds in latency)
        print(f"  save-to-reload: {shown} s", flush=True)
    return Size(
        gatherings,
        count_pages(site_a),
        a,
        b,
        folder_bytes(site_a / "pagefind"),
        folder_bytes(site_b / "pagefind") if with_plain else 0,
        search,
        latency,
        quality,
    )


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def load() -> str:
    return f"{os.getloadavg()[0]:.2f}"


def kb(value: int) -> str:
    return f"{value / KB:.1f}"


def mb(value: int) -> str:
    return f"{value / 1024**2:.0f} MB"


MEMORY_TARGETS = {2000: GB, 10000: 4 * GB}
"""Peak memory of the whole build, by number of gatherings: under 1 GB at 2,000, 4 GB at 10,000."""
QUERY_TARGETS = {2000: 150 * KB, 10000: 200 * KB}
"""Bytes of the two-word query, by number of gatherings."""
NATIONAL = 10000
NATIONAL_GATE = "KULTURDIALOG_BENCH_NATIONAL"
BUILD_TARGET = 20 * 60
"""Seconds for a full build of the national size on the benchmark's machine."""


def report_builds(sizes: list[Size]) -> list[tuple[str, bool | None]]:
    print("\nBuild times (median of runs; peak memory is the largest over runs)")
    print(
        f"{'N':>6} {'pages':>6} | {'generated s':>11} {'ms/page':>8} {'peak':>8} "
        f"{'largest':>8} | {'plain s':>8} {'ms/page':>8} {'peak':>8} | {'a/b':>5} | "
        f"{'search a':>9} {'search b':>9}"
    )
    for s in sizes:
        per_page = 1000 * s.seconds / s.pages
        plain = s.plain_seconds
        ratio = f"{s.seconds / plain:>5.2f}" if plain else f"{'-':>5}"
        print(
            f"{s.gatherings:>6} {s.pages:>6} | {s.seconds:>11.2f} {per_page:>8.2f} "
            f"{mb(s.peak):>8} {mb(s.largest):>8} | {plain:>8.2f} "
            f"{1000 * plain / s.pages:>8.2f} {mb(s.plain_peak):>8} | {ratio} | "
            f"{s.index_bytes / 1e6:>7.2f}MB {s.plain_index_bytes / 1e6:>7.2f}MB"
        )
    by_n = {s.gatherings: s for s in sizes}
    targets: list[tuple[str, bool | None]] = []
    big = by_n.get(2000)
    mid = by_n.get(500)
    if big and big.plain:
        ratio = big.seconds / big.plain_seconds
        targets.append((f"a/b at N = 2000 is {ratio:.2f} (target <= 0.80)", ratio <= 0.80))
    for n, limit in MEMORY_TARGETS.items():
        size = by_n.get(n)
        if size:
            targets.append(
                (
                    f"peak memory of the whole build at N = {n} is {mb(size.peak)} "
                    f"(target < {mb(limit)})",
                    size.peak < limit,
                )
            )
        else:
            targets.append((f"peak memory at N = {n}: not measured (add --sizes {n})", None))
    national = by_n.get(NATIONAL)
    if national:
        targets.append(
            (
                f"full build at N = {NATIONAL} took {national.seconds / 60:.1f} min "
                f"(target < {BUILD_TARGET // 60} min)",
                national.seconds < BUILD_TARGET,
            )
        )
    else:
        targets.append((f"build time at N = {NATIONAL}: not measured", None))
    if big and mid:
        growth = big.seconds / mid.seconds
        print(f"\ntime(2000)/time(500) = {growth:.2f}")
        targets.append((f"time(2000)/time(500) is {growth:.2f} (target <= 4.2)", growth <= 4.2))
    else:
        targets.append(("time(2000)/time(500): not measured (needs sizes 500 and 2000)", None))
    return targets


def report_search(sizes: list[Size], bundled: list[float] | None) -> list[tuple[str, bool | None]]:
    print("\nSearch and preview (gzip, KB = 1024 bytes; save-to-reload: each save, seconds)")
    print(f"{'N':>8} | {'first visit':>11} | {'query':>8} {'requests':>8} | save-to-reload")
    targets: list[tuple[str, bool | None]] = []
    if bundled is not None:
        shown = ", ".join(f"{seconds:.2f}" for seconds in bundled)
        print(f"{'bundled':>8} | {'':>11} | {'':>8} {'':>8} | {shown}")
        worst = max(bundled)
        targets.append(
            (
                f"save-to-reload at the bundled size at most {worst:.2f} s (target <= 1 s)",
                worst <= 1.0,
            )
        )
    for s in sizes:
        visit = kb(s.search.visit) if s.search else "-"
        query = kb(s.search.query) if s.search else "-"
        requests = str(len(s.search.query_requests)) if s.search else "-"
        shown = ", ".join(f"{seconds:.2f}" for seconds in s.latency) if s.latency else "-"
        print(f"{s.gatherings:>8} | {visit:>11} | {query:>8} {requests:>8} | {shown}")
        if s.search:
            targets.append(
                (
                    f"participant page first visit at N = {s.gatherings}: {visit} KB "
                    "(target <= 100 KB)",
                    s.search.visit <= 100 * KB,
                )
            )
            targets.append(
                (
                    f"{s.search.external} requests to other hosts at N = {s.gatherings} (target 0)",
                    s.search.external == 0,
                )
            )
            # A query that shows nothing (a broken search bundle) must not pass as a cheap one.
            targets.append(
                (
                    f"the two-word query shows {s.search.results} results at N = {s.gatherings} "
                    "(target > 0)",
                    s.search.results > 0,
                )
            )
            limit = QUERY_TARGETS.get(s.gatherings)
            if limit is not None:
                targets.append(
                    (
                        f"two-word query at N = {s.gatherings}: {query} KB "
                        f"(target <= {kb(limit)} KB)",
                        s.search.results > 0 and s.search.query <= limit,
                    )
                )
        if s.quality is not None:
            found = sum(outcome.met for outcome in s.quality)
            targets.append(
                (
                    f"search quality at N = {s.gatherings}: {found} of {len(s.quality)} queries "
                    f"find their page among the first {search_quality.TOP} (target: all)",
                    found == len(s.quality),
                )
            )
        if s.latency and s.gatherings == 2000:
            worst = max(s.latency)
            targets.append(
                (f"save-to-reload at N = 2000 at most {worst:.2f} s (target <= 2 s)", worst <= 2.0)
            )
    return targets


def bundled_latency(work: Path) -> list[float]:
    content = work / "bundled" / "content"
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(ROOT / "content", content)
    return preview_bench.latencies(
        content,
        None,
        "dialogues/nasjonalt-dialogseminar-2023.yml",
        "gatherings/nasjonalt-dialogseminar-2023/",
    )


def profile(gatherings: int, work: Path) -> None:
    """The generated build at ``gatherings`` under cProfile, in this process."""
    folder = work / f"n{gatherings}"
    docs = folder / "docs-hand-written"
    os.environ.update(environment(folder / "content", docs))
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    profiler = cProfile.Profile()
    profiler.enable()
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(folder / "site-profile"))
    mkdocs_build(config)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = max(stats.total_tt, 1e-9)  # type: ignore[attr-defined]
    own = sum(
        row[2]
        for (path, _, _), row in stats.stats.items()  # type: ignore[attr-defined]
        if f"{os.sep}kulturdialog{os.sep}" in path
    )
    print(f"\nProfile of the generated build at N = {gatherings}: {total:.1f} s in all,")
    print(f"{own:.2f} s ({100 * own / total:.1f} %) inside the project's own functions")
    stats.sort_stats("cumulative").print_stats(r"kulturdialog", 12)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="profile the largest build")
    parser.add_argument("--no-weight", action="store_true", help="skip page weight")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--no-search", action="store_true", help="skip search weight")
    parser.add_argument("--no-preview", action="store_true", help="skip preview latency")
    parser.add_argument("--no-plain", action="store_true", help="skip plain Material's builds")
    parser.add_argument(
        "--search-run-mb",
        type=float,
        help="the most HTML one Pagefind run indexes (the plugin's search_run_mb)",
    )
    parser.add_argument(
        "--national",
        action="store_true",
        help=f"allow sizes above 2000 (N = {NATIONAL}: an hour and several GB; never in CI)",
    )
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    args = parser.parse_args()
    # The national size is asked for by name: a CI job that passes sizes through never runs it.
    if max(args.sizes) > 2000 and not (args.national or os.environ.get(NATIONAL_GATE) == "1"):
        parser.error(f"sizes above 2000 need --national (or {NATIONAL_GATE}=1)")
    print(weight.machine())
    work = args.keep or Path(tempfile.mkdtemp(prefix="kd-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    targets: list[tuple[str, bool | None]] = []
    try:
        bundled = None if args.no_preview else bundled_latency(work)
        sizes = [
            measure(
                n,
                args.runs,
                work,
                with_search=not args.no_search,
                with_preview=not args.no_preview,
                with_plain=not args.no_plain and n <= 2000,
                search_run_mb=args.search_run_mb,
            )
            for n in args.sizes
        ]
        targets += report_builds(sizes)
        targets += report_search(sizes, bundled)
        if args.profile:
            profile(max(args.sizes), work)
        if not args.no_weight:
            targets += weight.report(work / "bundled", lighthouse_runs=not args.no_lighthouse)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print("\nTargets")
    for text, met in targets:
        verdict = "PASS" if met else "FAIL" if met is False else "----"
        print(f"  {verdict}  {text}")


if __name__ == "__main__":
    main()
