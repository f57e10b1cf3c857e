"""How long `kulturdialog check` takes on the bundled content, as an author runs it.

Run: .venv/bin/python tests/benchmarks/check_bench.py [RUNS]
Prints the wall-clock and CPU time of each run (a fresh process each time, imports included)
and the best and median; the target is under one second. CPU time tells the cost apart from a
busy machine.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    command = [str(Path(sys.executable).parent / "kulturdialog"), "check", "content"]
    times = []
    cpu = []
    for _ in range(runs):
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
        if result.returncode != 0:
            sys.exit(f"check failed:\n{result.stdout}{result.stderr}")
    print(result.stdout.strip())
    for index, (seconds, busy) in enumerate(zip(times, cpu, strict=True), 1):
        print(f"run {index}: {seconds:.3f} s wall, {busy:.3f} s CPU")
    print(
        f"wall: best {min(times):.3f} s, median {statistics.median(times):.3f} s; "
        f"CPU: median {statistics.median(cpu):.3f} s (target: under 1 s)"
    )


if __name__ == "__main__":
    main()
