"""Save-to-page latency of the editor: `kulturdialog serve` on a copy of the bundled project, the
seminar's first block shortened from its form, the time until the save answers and until the
server returns the gathering's page with the new clock times.

    .venv/bin/python tests/benchmarks/editor_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.editor.conftest import SEMINAR, copy_project, serving

PAGE = "gatherings/nasjonalt-dialogseminar-2023/"


def _form(base: str) -> tuple[str, dict[str, object]]:
    with urllib.request.urlopen(f"{base}_edit/edit?file={SEMINAR}") as answer:
        html = answer.read().decode("utf-8")
    token = re.search(r'name="kd-editor-token" content="([^"]+)"', html)
    data = re.search(r'id="kd-editor-data">(.*?)</script>', html, re.S)
    assert token and data
    return token.group(1), json.loads(data.group(1))


def _save(base: str, token: str, data: dict[str, object]) -> None:
    body = json.dumps({"file": data["file"], "hash": data["hash"], "values": data["values"]})
    request = urllib.request.Request(
        f"{base}_edit/api/save",
        data=body.encode(),
        headers={
            "Content-Type": "application/json",
            "X-Kulturdialog-Token": token,
            "Origin": base.rstrip("/"),
        },
    )
    with urllib.request.urlopen(request) as answer:
        assert json.load(answer)["written"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with (
        tempfile.TemporaryDirectory() as folder,
        serving(copy_project(Path(folder) / "project")) as served,
    ):
        base = served.url
        saves, pages = [], []
        for run in range(runs):
            token, data = _form(base)
            minutes = 20 - run % 2 * 5
            data["values"]["programme"][0]["minutes"] = minutes  # type: ignore[index]
            shown = f"+0:{minutes:02d}</span>"
            began = time.perf_counter()
            _save(base, token, data)
            saves.append(time.perf_counter() - began)
            while True:
                with urllib.request.urlopen(base + PAGE) as answer:
                    if shown in answer.read().decode("utf-8"):
                        break
                time.sleep(0.05)
            pages.append(time.perf_counter() - began)
            time.sleep(1)
    print("save answered (s):", ", ".join(f"{t:.2f}" for t in saves))
    print("page with the change (s):", ", ".join(f"{t:.2f}" for t in pages))
    print(f"medians: save {statistics.median(saves):.2f} s, page {statistics.median(pages):.2f} s")


if __name__ == "__main__":
    main()
