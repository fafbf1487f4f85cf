"""Benchmark: `research --help` starts in under 0.3 s (heavy libraries are imported lazily).

Run from the repository root: ``python3 benchmarks/startup.py``.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time

RUNS = 15
TARGET = 0.3


def main() -> None:
    command = [shutil.which("research") or "research", "--help"]
    subprocess.run(command, check=True, capture_output=True)  # warm the file cache
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    bare = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(
        f"research --help: median {median:.3f} s over {RUNS} runs (target < {TARGET} s); "
        f"a bare Python start takes {statistics.median(bare):.3f} s here"
    )
    if median >= TARGET:
        raise SystemExit("benchmark target missed")


if __name__ == "__main__":
    main()
