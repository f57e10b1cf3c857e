"""How fast the live views render a long programme in Chromium: a synthetic gathering of N blocks
(10,000 by default) built with mkdocs, and its facilitator guide, run-sheet, room timer and a
group task's projector view opened one at a time in Debian's Chromium.

    .venv/bin/python tests/benchmarks/live_bench.py [--blocks 10000] [--ticks 40]

Prints, for each view: the time from navigation to the end of the live script's first render,
and to the first frame after it; then the time of one tick (the render the page runs four times
a second, with the style and layout it causes) in each state of a run: before the start,
following the clock, by hand in overtime (every later block moves with each minute), and paused;
and the time of one action (next block) with its render. Ticks are taken 15 s of the page's
clock apart, so that a minute turns every fourth tick and the texts that follow it are written.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.browser.conftest import serve
from tests.conftest import run_build

GATHERING = "lang-programme"
TARGET_MS = 50.0
"""A tick longer than this drops frames of the countdown."""

# The page's clock is Date.now plus an offset the benchmark moves; performance.now stays real,
# so what is measured is real time. The live script's first render ends where it starts its
# four-times-a-second interval: that callback is kept, to run a tick on demand.
HOOKS = """
(() => {
  const realNow = Date.now.bind(Date);
  window.__kdOffset = 0;
  Date.now = () => realNow() + window.__kdOffset;
  const realInterval = window.setInterval.bind(window);
  window.setInterval = (callback, ms, ...rest) => {
    if (ms === 250 && !window.__kdTick) {
      window.__kdTick = callback;
      window.__kdRendered = performance.now();
      requestAnimationFrame(() => { window.__kdFrame = performance.now(); });
    }
    return realInterval(callback, ms, ...rest);
  };
})();
"""

TICKS = """
(count) => {
  const times = [];
  for (let i = 0; i < count; i++) {
    window.__kdOffset += 15000;
    const begin = performance.now();
    window.__kdTick();
    document.body.offsetHeight;  // the style and layout the tick's changes cause
    times.push(performance.now() - begin);
  }
  return times;
}
"""

ACTION = """
(action) => {
  const begin = performance.now();
  window.KulturdialogLive.act(action);
  document.body.offsetHeight;
  return performance.now() - begin;
}
"""


def gathering(blocks: int) -> dict[str, Any]:
    """One day of ``blocks`` blocks of 1 to 30 minutes; one group task half-way. No start: a
    day's programme must end by midnight, so the start comes with the address, as a prepared
    link gives it."""
    task = blocks // 2
    programme: list[dict[str, Any]] = []
    for index in range(blocks):
        block: dict[str, Any] = {
            "kind": ("talk", "plenary", "break")[index % 3],
            "minutes": 1 + index % 30,
            "title": f"Blokk {index + 1}",
        }
        if index == task:
            block = {**block, "kind": "group_work", "question_set": "oppgave"}
        elif index % 3 == 0:
            block["speakers"] = [f"Innleiar {index % 7 + 1}"]
            block["notes"] = ["Hugs mikrofonen."]
        programme.append(block)
    return {
        "kind": "gathering",
        "id": GATHERING,
        "title": "Eit langt program",
        "language": "nn",
        "programme": programme,
        "question_sets": [
            {"id": "oppgave", "title": "Oppgåva", "language": "nn", "questions": ["Kva no?"]}
        ],
    }


def summary(times: list[float]) -> str:
    over = sum(1 for t in times if t > TARGET_MS)
    return f"median {statistics.median(times):7.1f} ms, max {max(times):7.1f} ms" + (
        f"  ({over} of {len(times)} over {TARGET_MS:.0f} ms)" if over else ""
    )


def measure(page: Page, url: str, ticks: int) -> dict[str, str]:
    # 08:50 on the page's clock: ten minutes before the start.
    page.goto(url + "?start=09:00&now=08:50", timeout=300_000)
    page.wait_for_function("() => window.__kdFrame !== undefined", timeout=300_000)
    found: dict[str, str] = {}
    rendered, frame = page.evaluate("() => [window.__kdRendered, window.__kdFrame]")
    found["first render"] = f"{rendered:7.0f} ms, first frame {frame:7.0f} ms"
    found["tick, before the start"] = summary(page.evaluate(TICKS, ticks))
    page.evaluate("() => { window.__kdOffset += 20 * 60000; }")  # 09:10 and on
    found["tick, following the clock"] = summary(page.evaluate(TICKS, ticks))
    page.evaluate("() => window.KulturdialogLive.act({type: 'runByHand'})")
    page.evaluate("() => { window.__kdOffset += 45 * 60000; }")  # the block long over
    found["tick, by hand in overtime"] = summary(page.evaluate(TICKS, ticks))
    page.evaluate("() => window.KulturdialogLive.act({type: 'toggle'})")
    found["tick, paused"] = summary(page.evaluate(TICKS, ticks))
    nexts = [page.evaluate(ACTION, {"type": "next"}) for _ in range(5)]
    found["action, next block"] = summary(nexts)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--blocks", type=int, default=10_000)
    parser.add_argument("--ticks", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "content").mkdir()
        text = json.dumps(gathering(args.blocks), ensure_ascii=False)  # JSON is YAML
        (work / "content" / f"{GATHERING}.yml").write_text(text, "utf-8")
        print(f"Building a gathering of {args.blocks} blocks ...", flush=True)
        built = run_build(work / "site", content=work / "content")
        if built.returncode:
            sys.exit(built.output)
        base = f"gatherings/{GATHERING}/"
        task = args.blocks // 2 + 1
        views = {
            "guide": "facilitator/",
            "run-sheet": "runsheet/",
            "timer": "timer/",
            "projector": f"projector-{task}/",
        }
        server, url = serve(built.site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                for name, path in views.items():
                    context = browser.new_context(viewport={"width": 1280, "height": 720})
                    context.add_init_script(HOOKS)
                    page = context.new_page()
                    size = (built.site / base / path / "index.html").stat().st_size
                    print(f"\n{name} ({size / 1e6:.1f} MB of HTML), {args.blocks} blocks:")
                    for what, figure in measure(page, url + base + path, args.ticks).items():
                        print(f"  {what:28} {figure}", flush=True)
                    context.close()
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
