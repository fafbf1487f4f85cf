"""Benchmark: how fast `research` starts, side by side for a short run and for help.

    python3 benchmarks/startup.py              # from the repository root
    python3 benchmarks/startup.py --runs 25

Targets: `research acme-corp --replay fixtures/feeds` under 0.5 s and `research --help` under
0.15 s, wall time, median of the runs. The commands run interleaved with a bare Python start, so
that a busy machine slows all of them alike, and each figure comes with its spread. Each run uses
a fresh RESEARCH_HOME made warm by one untimed run (a replay leaves only the judge's weights
cache there). Where PYTHONDONTWRITEBYTECODE is set, every start compiles research's own modules
from source; the same commands are then also timed with their bytecode cached in a temporary
folder, as any ordinary install has it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"replay": 0.5, "help": 0.15}


def commands() -> dict[str, list[str]]:
    research = shutil.which("research") or "research"
    return {
        "replay": [research, "acme-corp", "--replay", str(ROOT / "fixtures" / "feeds")],
        "help": [research, "--help"],
        "bare": [sys.executable, "-c", "pass"],
    }


def timed(command: Sequence[str], environment: Mapping[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=environment)
    return time.perf_counter() - started


def interleaved(
    runs: int, environment: Mapping[str, str], named: Mapping[str, Sequence[str]]
) -> dict[str, list[float]]:
    """Each command once per round, after one untimed round that warms the file cache, the
    bytecode cache and RESEARCH_HOME."""
    for command in named.values():
        timed(command, environment)
    timings: dict[str, list[float]] = {name: [] for name in named}
    for _ in range(runs):
        for name, command in named.items():
            timings[name].append(timed(command, environment))
    return timings


def spread(values: Sequence[float]) -> str:
    ordered = sorted(values)
    low, _, high = statistics.quantiles(ordered, n=4)
    return (
        f"median {statistics.median(ordered):.3f} s (min {ordered[0]:.3f}, "
        f"quartiles {low:.3f} to {high:.3f}, max {ordered[-1]:.3f})"
    )


def report(title: str, timings: Mapping[str, Sequence[float]]) -> bool:
    """Print one line per command; True when every target is met."""
    labels = {
        "replay": "research acme-corp --replay fixtures/feeds",
        "help": "research --help",
        "bare": "python -c pass (a bare interpreter)",
    }
    print(title)
    met = True
    for name, values in timings.items():
        line = f"  {labels[name]:<44} {spread(values)}"
        if name in TARGETS:
            ok = statistics.median(values) < TARGETS[name]
            met = met and ok
            line += f"; target < {TARGETS[name]} s: {'met' if ok else 'MISSED'}"
        print(line)
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    named = commands()
    with tempfile.TemporaryDirectory() as scratch:
        environment = dict(os.environ, RESEARCH_HOME=str(Path(scratch) / "home"))
        compiles = bool(environment.get("PYTHONDONTWRITEBYTECODE"))
        note = " (PYTHONDONTWRITEBYTECODE: research's modules compile at every start)"
        title = f"{runs} interleaved runs, as this environment runs them{note if compiles else ''}"
        met = report(title, interleaved(runs, environment, named))
        if compiles:
            cached = dict(environment, PYTHONPYCACHEPREFIX=str(Path(scratch) / "bytecode"))
            del cached["PYTHONDONTWRITEBYTECODE"]
            report(
                f"{runs} interleaved runs with the bytecode cached (an ordinary install)",
                interleaved(runs, cached, named),
            )
    if not met:
        raise SystemExit("benchmark target missed")


if __name__ == "__main__":
    main()
