"""Page weight and Lighthouse scores of the bundled site, served with gzip as a static host would.

Every request of a first visit (fresh browser context, empty cache) is counted at the server, so
requests from the search worker count too; requests to any other host are caught in the browser.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Route, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
# Run as a script from tests/benchmarks: the project root makes the tests' helpers importable.
sys.path.insert(0, str(ROOT))
from tests import search_quality as search_quality_set  # noqa: E402
from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

TOOLS = ROOT / ".cache" / "bench-tools"
LIGHTHOUSE = "lighthouse@13.5.0"
COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml")
OWN_ASSET = re.compile(r"^/assets/[^/]+\.(?:css|js)$")
"""The project's own stylesheet and scripts; Material's live in folders below assets/."""
KB = 1024


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = int(line.split()[1]) // 1024**2
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("mkdocs", "mkdocs-material", "playwright")
    )
    return (
        f"Machine: {cpu}, {os.cpu_count()} cores, {memory} GB memory; "
        f"Python {platform.python_version()}; {versions}"
    )


@dataclass(frozen=True)
class Served:
    path: str
    transferred: int
    """Bytes on the wire: response headers and the (compressed) body."""
    uncompressed: int


@dataclass
class Log:
    served: list[Served] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files with gzip for text, keep-alive, and a log of what was sent."""

    protocol_version = "HTTP/1.1"
    log: Log

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            local = local / "index.html"
        if not local.is_file():
            self.send_error(404)
            return
        body = local.read_bytes()
        size = len(body)
        kind = self.guess_type(str(local))
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        buffered: list[bytes] = self._headers_buffer  # type: ignore[attr-defined]
        headers = sum(len(line) for line in buffered)
        self.end_headers()
        self.wfile.write(body)
        with self.log.lock:
            self.log.served.append(Served(path, headers + len(body), size))


def serve(root: Path) -> tuple[ThreadingHTTPServer, str, Log]:
    log = Log()
    handler = type("Handler", (GzipHandler,), {"log": log})

    def make(*args: Any) -> GzipHandler:
        return handler(*args, directory=str(root))  # type: ignore[no-any-return]

    server = ThreadingHTTPServer(("127.0.0.1", 0), make)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/", log


def build_bundled(site: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KULTURDIALOG_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(site)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"the bundled site does not build:\n{result.stdout}{result.stderr}")


def page_types(site: Path) -> dict[str, str]:
    """The home page and the first page of each generated page type, by type."""
    found = {"home": ""}
    marker = re.compile(r'class="kd-page kd-page--([\w-]+)"')
    for path in sorted(site.rglob("*.html")):
        match = marker.search(path.read_text("utf-8"))
        if match and match.group(1) not in found:
            relative = path.relative_to(site).as_posix()
            found[match.group(1)] = relative.removesuffix("index.html")
    return found


@dataclass(frozen=True)
class Visit:
    kind: str
    path: str
    served: list[Served]
    external: list[str]

    @property
    def transferred(self) -> int:
        return sum(s.transferred for s in self.served)

    @property
    def uncompressed(self) -> int:
        return sum(s.uncompressed for s in self.served)

    @property
    def own(self) -> list[Served]:
        return [s for s in self.served if OWN_ASSET.match(s.path)]


def visit_all(url: str, log: Log, pages: dict[str, str]) -> list[Visit]:
    visits = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for kind, path in pages.items():
            context = browser.new_context()
            external: list[str] = []

            def route(route: Route, external: list[str] = external) -> None:
                if urlsplit(route.request.url).hostname == "127.0.0.1":
                    route.continue_()
                else:
                    external.append(route.request.url)
                    route.abort()

            context.route("**/*", route)
            page = context.new_page()
            with log.lock:
                log.served.clear()
            page.goto(url + path, wait_until="networkidle")
            page.wait_for_timeout(1000)
            with log.lock:
                served = list(log.served)
            context.close()
            visits.append(Visit(kind, "/" + path, served, external))
        browser.close()
    return visits


def kb(value: int) -> str:
    return f"{value / KB:.1f}"


def lighthouse(url: str, output: Path) -> dict[str, Any]:
    cli = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        npm = ["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", LIGHTHOUSE]
        subprocess.run([*npm, "--loglevel=error"], check=True)
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [
        "node",
        str(cli),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        "--only-categories=performance,accessibility,best-practices",
        f"--chrome-flags={flags}",
    ]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    subprocess.run(command, check=True, env=env, capture_output=True)
    loaded: dict[str, Any] = json.loads(output.read_text("utf-8"))
    return loaded


def failing_audits(report: dict[str, Any], category: str) -> list[str]:
    audits = report["audits"]
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        score = audit.get("score")
        if score is None or score >= 1 or audit.get("scoreDisplayMode") == "informative":
            continue
        shown = audit.get("displayValue", "")
        lines.append(f"{audit['id']} ({score:.2f}{', ' + shown if shown else ''})")
    return lines


def report(folder: Path, *, lighthouse_runs: bool = True) -> list[tuple[str, bool | None]]:
    site = folder / "site"
    build_bundled(site)
    server, url, log = serve(site)
    targets: list[tuple[str, bool | None]] = []
    try:
        visits = visit_all(url, log, page_types(site))
        print("\nPage weight of a first visit to the bundled site (gzip, KB = 1024 bytes)")
        print(
            f"{'page':<14} {'requests':>8} {'transferred':>11} {'uncompressed':>12} "
            f"{'own CSS+JS':>10} {'other hosts':>11}  address"
        )
        for v in visits:
            own = sum(s.transferred for s in v.own)
            print(
                f"{v.kind:<14} {len(v.served):>8} {kb(v.transferred):>11} "
                f"{kb(v.uncompressed):>12} {kb(own):>10} {len(v.external):>11}  {v.path}"
            )
        participant = next((v for v in visits if v.kind == "participant"), None)
        if participant:
            print("\nRequests of the participant page, largest first (transferred / uncompressed)")
            for s in sorted(participant.served, key=lambda s: -s.transferred):
                print(f"  {kb(s.transferred):>7} {kb(s.uncompressed):>7}  {s.path}")
            size = participant.transferred
            targets.append(
                (f"participant page {kb(size)} KB transferred (target <= 100 KB)", size <= 100 * KB)
            )
        own_most = max(sum(s.transferred for s in v.own) for v in visits)
        targets.append(
            (
                f"own CSS and JS at most {kb(own_most)} KB transferred on any page "
                "(target <= 15 KB)",
                own_most <= 15 * KB,
            )
        )
        external = sum(len(v.external) for v in visits)
        targets.append((f"{external} requests to other hosts (target 0)", external == 0))
        if lighthouse_runs:
            targets += _lighthouse(url, folder, visits)
    finally:
        server.shutdown()
    return targets


def _lighthouse(url: str, folder: Path, visits: list[Visit]) -> list[tuple[str, bool | None]]:
    targets: list[tuple[str, bool | None]] = []
    wanted = {"performance": 98, "accessibility": 100, "best-practices": 100}
    print(f"\nLighthouse ({LIGHTHOUSE}, mobile, Chromium at {CHROMIUM})")
    for visit in visits:
        if visit.kind not in ("participant", "facilitator"):
            continue
        result = lighthouse(url + visit.path.lstrip("/"), folder / f"lighthouse-{visit.kind}.json")
        scores = {name: round(100 * (result["categories"][name]["score"] or 0)) for name in wanted}
        shown = ", ".join(f"{name} {score}" for name, score in scores.items())
        print(f"  {visit.kind}: {shown}")
        for name, target in wanted.items():
            met = scores[name] >= target
            targets.append(
                (
                    f"Lighthouse {name} of the {visit.kind} page {scores[name]} "
                    f"(target >= {target})",
                    met,
                )
            )
            if not met:
                for line in failing_audits(result, name):
                    print(f"    {name} audit not passed: {line}")
    return targets


@dataclass(frozen=True)
class SearchCost:
    """A first visit to one page and then one query typed into its search box."""

    visit: int
    """Bytes transferred by the first visit (gzip, headers included)."""
    query: int
    """Bytes transferred from typing the query to its results."""
    results: int
    external: int
    query_requests: list[Served]


def search_quality(site: Path) -> list[search_quality_set.Outcome]:
    """Serve ``site`` with gzip and type every query of the search quality set into it."""
    server, url, _ = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            outcomes = search_quality_set.run(page, url)
            browser.close()
    finally:
        server.shutdown()
    return outcomes


def search_cost(site: Path, path: str, words: str) -> SearchCost:
    """Serve ``site`` with gzip, visit ``path`` in a fresh browser and search it for ``words``."""
    server, url, log = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            context = browser.new_context()
            external: list[str] = []

            def route(route: Route) -> None:
                if urlsplit(route.request.url).hostname == "127.0.0.1":
                    route.continue_()
                else:
                    external.append(route.request.url)
                    route.abort()

            context.route("**/*", route)
            page = context.new_page()
            with log.lock:
                log.served.clear()
            page.goto(url + path, wait_until="networkidle")
            page.wait_for_timeout(500)
            with log.lock:
                visit = list(log.served)
                log.served.clear()
            page.locator("#kd-search-input").fill(words)
            page.locator(".kd-search__status:not(:empty)").wait_for(timeout=60000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            with log.lock:
                query = list(log.served)
            results = page.locator(".kd-search__link").count()
            context.close()
            browser.close()
    finally:
        server.shutdown()
    return SearchCost(
        sum(s.transferred for s in visit),
        sum(s.transferred for s in query),
        results,
        len(external),
        query,
    )
