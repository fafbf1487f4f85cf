"""Benchmark: the judge headline by headline, the rules alone, the learned reading alone and both
together, on the evaluation part of our labels and on ../shared/judged (never trained on), and
how long judging a search answer of 200 items takes.

    python3 benchmarks/judge.py          # figures per set
    python3 benchmarks/judge.py -v       # and every wrong verdict on our evaluation part

Pair-level figures: precision (chosen pairs labelled good), recall (good pairs chosen), harm
(chosen pairs labelled harmful). ``benchmarks/companies.py`` measures what a user sees: the
ranked events of whole company feeds.
Data: SEntFiN 1.0 (Sinha et al., 2022), SemEval-2017 Task 5 (Cortis et al., 2017), FiQA 2018
(Maia et al., 2018), read from ../shared at run time.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import JUDGED  # noqa: E402
from benchmarks.labelled_pairs import LabelledPair, labelled_pairs  # noqa: E402
from benchmarks.train_judge import Example, scores  # noqa: E402
from research.judge import classify_mentioned  # noqa: E402
from research.judge.match import mention_in_text  # noqa: E402
from research.judge.model import read  # noqa: E402
from research.judge.reading import rules_reading  # noqa: E402
from research.judge.rules import Basis  # noqa: E402
from research.judge.weights import shipped_model  # noqa: E402
from research.models import Company  # noqa: E402
from research.plan.company import resolve_company, with_derived_aliases  # noqa: E402

SEARCH_ANSWER = 200
TARGET_MS = 50.0


def judged_pairs() -> list[tuple[LabelledPair, tuple[str, ...]]]:
    """../shared/judged as labelled pairs, with each company's aliases."""
    out = []
    for company in json.loads((JUDGED / "companies.json").read_text(encoding="utf-8")):
        for h in company["headlines"]:
            code = f"Y:{h['kind']}" if h["congratulable"] else "H" if h["harmful"] else "N"
            pair = LabelledPair("judged", company["company"], "judged", h["title"], code)
            out.append((pair, tuple(company["aliases"])))
    return out


def company_for(pair: LabelledPair, aliases: tuple[str, ...] = ()) -> Company:
    company = with_derived_aliases(resolve_company(pair.company))[0]
    if aliases:
        from dataclasses import replace

        company = replace(company, aliases=(*company.aliases, *aliases))
    return company


def verdicts(pairs: Sequence[tuple[LabelledPair, tuple[str, ...]]]) -> dict[str, list[bool]]:
    model = shipped_model()
    rules, alone, both = [], [], []
    for pair, aliases in pairs:
        mention = mention_in_text(pair.title, "", company_for(pair, aliases))
        if isinstance(mention, str):
            rules.append(False)
            alone.append(False)
            both.append(False)
            continue
        reading = rules_reading(pair.title, mention)
        length = len(mention.name) if reading.position is not None else 0
        learned = read(model, reading.text, reading.position, length)
        rules.append(reading.classification.congratulable)
        alone.append(reading.classification.basis is not Basis.NOT_ABOUT and learned.good >= 0.5)
        both.append(classify_mentioned(pair.title, mention, "", model).congratulable)
    return {"rules alone": rules, "model alone (p >= 0.5)": alone, "rules and model": both}


def report(name: str, pairs: Sequence[tuple[LabelledPair, tuple[str, ...]]]) -> None:
    examples = [Example(p, [], Basis.NO_EVENT, False) for p, _ in pairs]
    print(f"{name}: {len(pairs)} pairs, {sum(p.good for p, _ in pairs)} good")
    for label, chosen in verdicts(pairs).items():
        print("  " + scores(examples, chosen).line(label))


def wrong(pairs: Sequence[tuple[LabelledPair, tuple[str, ...]]]) -> None:
    chosen = verdicts(pairs)["rules and model"]
    for (pair, _), picked in zip(pairs, chosen, strict=True):
        if picked != pair.good:
            mark = "FP" + ("!" if pair.harmful else "") if picked else "FN"
            print(f"  {mark:<3} {pair.company} | {pair.title}")


def timing() -> None:
    """Judging one search answer: 200 headlines, each with the company it is about (the name
    found, the rules and the learned reading), after the first call has loaded everything."""
    pairs = list(labelled_pairs("eval"))[:SEARCH_ANSWER]
    companies = {p.company: company_for(p) for p in pairs}
    found = [(p.title, mention_in_text(p.title, "", companies[p.company])) for p in pairs]
    for title, mention in found:  # the first call loads the weights
        if not isinstance(mention, str):
            classify_mentioned(title, mention)
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        for pair in pairs:
            mention = mention_in_text(pair.title, "", companies[pair.company])
            if not isinstance(mention, str):
                classify_mentioned(pair.title, mention)
        runs.append((time.perf_counter() - started) * 1000)
    named = sum(not isinstance(m, str) for _, m in found)
    print(
        f"judging a search answer of {len(pairs)} items ({named} naming the company): "
        f"{min(runs):.1f} to {max(runs):.1f} ms over 5 runs (target < {TARGET_MS:.0f} ms)"
    )


def main() -> None:
    ours = [(p, ()) for p in labelled_pairs("eval")]
    report("our evaluation part", ours)
    report("../shared/judged", judged_pairs())
    if "-v" in sys.argv:
        print("wrong verdicts on our evaluation part:")
        wrong(ours)
    timing()


if __name__ == "__main__":
    main()
