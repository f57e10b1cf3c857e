"""Where the build's own process holds its memory: its resident memory at each step of one
`mkdocs build` of N synthetic gatherings, and its peak between steps, in this process.

Run on its own (not part of the test suite):

    .venv/bin/python tests/benchmarks/build_memory.py --gatherings 2000

The steps are the plugin's events: loading the content (on_config), making the generated pages
(on_files), mkdocs converting every page's Markdown (up to on_env), rendering and writing every
page (up to on_post_build) and the search index (on_post_build, where Pagefind runs in a process
of its own beside this one: its memory is not counted here, see build_bench.py).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import build_bench
import synthetic

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("on_config", "on_files", "on_nav", "on_env", "on_post_build")
MB = 1024**2


def resident() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class Sampler:
    """The peak resident memory since it was last read, sampled twenty times a second."""

    def __init__(self) -> None:
        self.peak = 0
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while True:
            self.peak = max(self.peak, resident())
            time.sleep(0.05)

    def read(self) -> int:
        peak, self.peak = max(self.peak, resident()), 0
        return peak


def watch(plugin: type, sampler: Sampler, began: float) -> None:
    def wrap(name: str, step: Callable[..., Any]) -> Callable[..., Any]:
        def watched(self: Any, *args: Any, **kwargs: Any) -> Any:
            before = sampler.read()
            print(
                f"{time.perf_counter() - began:7.1f} s  {name:<14} starts  resident "
                f"{resident() / MB:6.0f} MB  (peak since the step before {before / MB:6.0f} MB)",
                flush=True,
            )
            result = step(self, *args, **kwargs)
            print(
                f"{time.perf_counter() - began:7.1f} s  {name:<14} ends    resident "
                f"{resident() / MB:6.0f} MB  (peak within {sampler.read() / MB:6.0f} MB)",
                flush=True,
            )
            return result

        return watched

    for name in STEPS:
        setattr(plugin, name, wrap(name, getattr(plugin, name)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gatherings", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kd-memory-"))
    try:
        content = work / "content"
        if not content.exists():
            synthetic.generate(content, args.gatherings)
        docs = work / "docs"
        shutil.copytree(ROOT / "docs", docs, dirs_exist_ok=True)
        settings = build_bench.environment(content, docs)
        os.environ.clear()
        os.environ.update(settings)
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        from kulturdialog.site.plugin import KulturdialogPlugin

        sampler = Sampler()
        print(f"One build of {args.gatherings} gatherings, the build's own process:")
        watch(KulturdialogPlugin, sampler, time.perf_counter())
        os.chdir(ROOT)
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(work / "site")))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
