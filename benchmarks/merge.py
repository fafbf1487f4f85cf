"""Benchmark: merging 1,000 items into stories, now and as ``sources/parse/merge.py`` was before.

    python3 benchmarks/merge.py                  # against the last commit (HEAD)
    python3 benchmarks/merge.py --before REV     # against another revision
    python3 benchmarks/merge.py --runs 15

Two answers, made by code: 1,000 items with distinct titles, and 40 copies of each of 25 titles
from 40 outlets (every fourth copy through a Google News link, as search feeds send them). The
module as it was at REV is read from git and loaded beside today's, so one run times both,
interleaved; both must give the same stories. Target: under 20 ms (median) for each answer on
one core.
"""

from __future__ import annotations

import argparse
import importlib
import random
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sources import Item  # noqa: E402
from sources.parse import merge  # noqa: E402
from sources.parse.items import make_item  # noqa: E402

ITEMS = 1000
TITLES, COPIES = 25, 40
TARGET_MS = 20.0
NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)

Merge = Callable[[Iterable[Item]], list[Item]]


def merge_at(rev: str) -> Merge:
    """``merge_items`` of the merge module as committed at ``rev``, run inside today's package
    so its relative imports resolve. Before the sources were grouped into subpackages the module
    was ``sources/merge.py`` and imported its neighbours as ``.urls`` and ``.models``; those old
    names are pointed at today's modules for the run."""
    homes = {"sources/parse/merge.py": "sources.parse", "sources/merge.py": "sources"}
    shown = {
        path: subprocess.run(
            ["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True
        )
        for path in homes
    }
    found = [path for path, answer in shown.items() if answer.returncode == 0]
    if not found:
        raise SystemExit(f"no merge module at {rev}")
    path, package = found[0], homes[found[0]]
    if package == "sources":
        for name in ("urls", "text", "feeds"):
            sys.modules.setdefault(
                f"sources.{name}", importlib.import_module(f"sources.parse.{name}")
            )
    module = types.ModuleType(f"{package}.merge_before")
    module.__package__ = package
    exec(compile(shown[path].stdout, f"{rev}:{path}", "exec"), module.__dict__)
    merge_items: Merge = module.merge_items
    return merge_items


def vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    """Made-up words, commonest first, the common ones short as in real headlines (so a title's
    longest words, which index it, are mostly rare ones)."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words: dict[str, None] = {}
    while len(words) < size:
        length = 1 + sum(len(words) >= rank for rank in (40, 400, 1500))
        words.setdefault("".join(rng.choices(syllables, k=length)))
    return list(words)


def titles(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct headlines about one company, 6 to 13 words with Zipf-like word use."""
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    made: dict[tuple[str, ...], str] = {}
    while len(made) < count:
        chosen = rng.choices(words, weights, k=rng.randint(4, 11))
        made.setdefault(tuple(chosen), " ".join(["Acme", "Corp", *chosen]).capitalize())
    return list(made.values())


def news_item(title: str, outlet: int, number: int, via_google: bool) -> Item:
    domain = f"outlet{outlet:02d}.example"
    if via_google:
        url = f"https://news.google.com/rss/articles/CBMi{number:06d}opaque?oc=5"
    else:
        url = f"https://www.{domain}/business/{number}"
    return make_item(
        title=title,
        url=url,
        published=NOW - timedelta(minutes=number),
        summary="",
        publisher=f"Outlet {outlet}",
        publisher_domain=domain,
        source="google-news" if via_google else "bing-news",
    )


def distinct_answer(rng: random.Random) -> list[Item]:
    """1,000 items, each its own story."""
    return [news_item(title, n % 50, n, n % 4 == 0) for n, title in enumerate(titles(ITEMS, rng))]


def syndicated_answer(rng: random.Random) -> list[Item]:
    """40 copies of each of 25 titles, one per outlet, shuffled as a search answer mixes them;
    every tenth copy is in capitals (the same title once folded)."""
    copies = [
        (title.upper() if outlet % 10 == 9 else title, outlet)
        for title in titles(TITLES, rng)
        for outlet in range(COPIES)
    ]
    rng.shuffle(copies)
    return [
        news_item(title, outlet, n, outlet % 4 == 0) for n, (title, outlet) in enumerate(copies)
    ]


def timed(merge_items: Merge, items: list[Item]) -> tuple[float, list[Item]]:
    started = time.perf_counter()
    merged = merge_items(items)
    return (time.perf_counter() - started) * 1000, merged


def spread(runs: list[float]) -> str:
    return f"{min(runs):.1f} / {statistics.median(runs):.1f} / {max(runs):.1f} ms"


def compare(name: str, items: list[Item], before: Merge, runs: int) -> float:
    """Times both, interleaved; prints min / median / max of each and returns today's median."""
    now_runs: list[float] = []
    before_runs: list[float] = []
    for _ in range(runs):
        ms, merged = timed(merge.merge_items, items)
        now_runs.append(ms)
        ms, expected = timed(before, items)
        before_runs.append(ms)
        assert merged == expected, f"{name}: the stories differ from before"
    outlets = sorted({len(m.outlets) for m in merged})
    print(f"{name}: {len(items)} items -> {len(merged)} stories of {outlets} outlets")
    faster = statistics.median(before_runs) / statistics.median(now_runs)
    print(f"  before  {spread(before_runs)}   (min / median / max over {runs} runs)")
    print(f"  now     {spread(now_runs)}   ({faster:.0f} x faster)")
    return statistics.median(now_runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="HEAD", help="the revision to compare with")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    before = merge_at(args.before)
    rng = random.Random(18)
    distinct = distinct_answer(rng)
    syndicated = syndicated_answer(rng)
    print(
        f"merging against sources/parse/merge.py at {args.before}; target < {TARGET_MS:.0f} ms each"
    )
    medians = [
        compare("distinct titles", distinct, before, args.runs),
        compare(f"{COPIES} copies of {TITLES} titles", syndicated, before, args.runs),
    ]
    assert len(merge.merge_items(distinct)) == ITEMS
    assert [len(m.outlets) for m in merge.merge_items(syndicated)] == [COPIES] * TITLES
    print("benchmark target met" if max(medians) < TARGET_MS else "benchmark target missed")


if __name__ == "__main__":
    main()
