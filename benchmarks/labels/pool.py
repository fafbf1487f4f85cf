"""Build the pool of (headline, company) pairs to label by hand, split by company.

    python3 benchmarks/labels/pool.py OUT.jsonl     # one row per pair: ref, company, split, title
    python3 benchmarks/labels/pool.py --train-extras OUT.jsonl   # search extras for training
    python3 benchmarks/labels/pool.py --train-extras --min-headlines 3 OUT.jsonl   # more of them

The titles go only to the labelling folder (outside the project); what the project keeps is
``labels.jsonl``: references and labels. The split is decided here, before anyone looks at
errors: a company's pairs are all in one part, chosen by a stable hash of the company's name;
companies with few headlines always train (a news feed of two items says little about ranking);
every headline of ../shared/judged, and every company it holds, is left out of training, as is
any headline that is also in the evaluation part. Rows the judged set deliberately leaves out
(its build/excluded.py) are left out here too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.corpus import (
    JUDGED,
    Headline,
    headlines,
    judged_companies,
    judged_title_keys,
    title_key,
)

# Entities that are markets, indices, currencies, commodities, sectors, places or regulators
# rather than companies one could interview with.
NOT_A_COMPANY = re.compile(
    r"(?i)\b(shares?|stocks?|markets?|index|indices|bonds?|futures|oil|gold|silver|copper|zinc|"
    r"nickel|aluminium|rupee|dollar|euro|yen|yuan|won|sterling|pound|rouble|rupiah|sector|sugar|"
    r"wheat|crude|brent|economy|inflation|gdp|government|govt|funds?|mid ?caps?|small ?caps?|"
    r"equities|commodit\w*|metals?|realty|pharma|auto|banks|banking|psu\w*|omcs?|fmcg|it|tech|"
    r"power|energy|steel|cement|telecom|infra\w*|investors?|traders?|fed|ecb|rbi|sebi|sensex|"
    r"nifty\w*|bse|nse|ftse|dax|cac|nikkei|dow|nasdaq|s&p\s*\d*|hang seng|kospi|india|china|us|"
    r"uk|japan|europe\w*|asia\w*|russia|germany|hong kong|wall street|jeera|chana|turmeric|"
    r"cardamom|coriander|chilli|gur|pulses|soya\w*|mentha|edible|palm|guar|cotton|rubber|kapas|"
    r"pepper|castor|treasur\w*|yields?|forex|fx|currency|currencies|rates?|ipos?|nbfcs?|msci|"
    r"india inc|mcx\w*|ncdex|fmc|nsel|ftil|opec|cbi|boe|boj|fitch|bank|caustic soda|aussie|"
    r"australian|indonesia\w*|sat|tribunal|re|re-\$)\b"
)
LEGAL = re.compile(r"(?i)\b(plc|ltd|limited|inc|corp|co|group|holdings|international)\b\.?")
EVAL_SHARE = 0.25
MIN_EVAL_HEADLINES = 5


def company_key(entity: str) -> str:
    """Spellings of one company share a key: 'Tesco PLC', 'Tesco'; 'Spicejet', 'SpiceJet'."""
    return " ".join(re.findall(r"\w+", LEGAL.sub(" ", entity).casefold())) or entity.casefold()


def in_eval(key: str) -> bool:
    digest = hashlib.sha256(key.encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < EVAL_SHARE


def excluded_refs() -> set[str]:
    namespace: dict[str, object] = {}
    exec((JUDGED / "build" / "excluded.py").read_text(encoding="utf-8"), namespace)
    return {f"{source}:{row}" for source, row in namespace["EXCLUDED"]}  # type: ignore[attr-defined]


def names(title: str, entity: str) -> bool:
    return re.search(r"(?<![\w&])" + re.escape(entity) + r"(?![\w&])", title) is not None


def build() -> list[dict[str, str]]:
    rows = headlines()
    skip = excluded_refs()
    judged = judged_title_keys()
    judged_names = {company_key(n) for n in judged_companies()}
    by_company: dict[str, list[tuple[Headline, str]]] = defaultdict(list)
    for headline in rows.values():
        if headline.ref in skip or title_key(headline.title) in judged:
            continue
        for entity in headline.labels:
            if not (entity[:1].isupper() or entity[:1].isdigit()) or NOT_A_COMPANY.search(entity):
                continue
            key = company_key(entity)
            if key in judged_names:
                continue
            by_company[key].append((headline, entity))
    evaluation = {
        key
        for key, pairs in by_company.items()
        if len({title_key(h.title) for h, _ in pairs}) >= MIN_EVAL_HEADLINES and in_eval(key)
    }
    # An evaluation company's feed also holds the other headlines that name it, as a search would.
    for key in evaluation:
        spelled = {entity for _, entity in by_company[key]}
        have = {h.ref for h, _ in by_company[key]}
        for headline in rows.values():
            if headline.ref in have or headline.ref in skip:
                continue
            if title_key(headline.title) in judged:
                continue
            hit = next((e for e in spelled if names(headline.title, e)), None)
            if hit:
                by_company[key].append((headline, hit))
    eval_titles = {title_key(h.title) for key in evaluation for h, _ in by_company[key]}
    out = []
    for key in sorted(by_company):
        split = "eval" if key in evaluation else "train"
        seen: set[str] = set()
        for headline, entity in by_company[key]:
            tkey = title_key(headline.title)
            if tkey in seen or (split == "train" and tkey in eval_titles):
                continue
            seen.add(tkey)
            out.append(
                {
                    "ref": headline.ref,
                    "company": entity,
                    "group": key,
                    "split": split,
                    "title": headline.title,
                    "dataset_label": headline.labels.get(entity, ""),
                }
            )
    return out


def train_extras(
    pool: list[dict[str, str]], min_headlines: int = MIN_EVAL_HEADLINES
) -> list[dict[str, str]]:
    """For training companies with at least ``min_headlines`` headlines, the other headlines that
    name them, as a search would return them: the shape the evaluation part has and training
    lacked."""
    rows = headlines()
    skip = excluded_refs()
    judged = judged_title_keys()
    eval_titles = {title_key(r["title"]) for r in pool if r["split"] == "eval"}
    by_company: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in pool:
        if row["split"] == "train":
            by_company[row["group"]].append(row)
    out = []
    for key, pairs in sorted(by_company.items()):
        have = {title_key(r["title"]) for r in pairs}
        if len(have) < min_headlines:
            continue
        spelled = {r["company"] for r in pairs}
        for headline in rows.values():
            tkey = title_key(headline.title)
            if headline.ref in skip or tkey in have or tkey in judged or tkey in eval_titles:
                continue
            hit = next((e for e in spelled if names(headline.title, e)), None)
            if hit:
                have.add(tkey)
                out.append(
                    {"ref": headline.ref, "company": hit, "group": key, "split": "train",
                     "title": headline.title, "dataset_label": ""}
                )  # fmt: skip
    return out


if __name__ == "__main__":
    # The pool holds headline text: it goes only where it is asked to, never to a file named
    # after a mistyped option ("--help" once wrote one into the project).
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="the JSON Lines file to write (outside the project)")
    parser.add_argument("--train-extras", action="store_true", help="search extras for training")
    parser.add_argument(
        "--min-headlines",
        type=int,
        default=MIN_EVAL_HEADLINES,
        help="with --train-extras: training companies with at least this many headlines",
    )
    arguments = parser.parse_args()
    pool = build()
    if arguments.train_extras:
        pool = train_extras(pool, arguments.min_headlines)
    with open(arguments.out, "w", encoding="utf-8") as handle:
        for row in pool:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    groups = {(r["split"], r["group"]) for r in pool}
    for split in ("train", "eval"):
        print(
            split,
            sum(r["split"] == split for r in pool),
            "pairs,",
            sum(s == split for s, _ in groups),
            "companies",
        )
