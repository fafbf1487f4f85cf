"""Benchmark: what a user sees on real news. Runs the real CLI over company-grouped replays of
hand-judged real headlines and prints top1_ok, precision, harm, recall and found_correct.

    python3 benchmarks/companies.py                 # both sets, summary lines
    python3 benchmarks/companies.py -v              # and every wrong pick and miss
    python3 benchmarks/companies.py --only ours     # or: --only judged
    python3 benchmarks/companies.py --only train    # the development set below (opt-in)

Two sets by default, and a third on request, scored by ../shared/judged/eval_companies.py (the
scorer to match):
- ``judged``: ../shared/judged/ (45 companies, 1,168 headlines), a development set: used to find
  classes of mistakes, never to add a rule for one headline.
- ``ours``: the evaluation part of benchmarks/labels/labels.jsonl (73 companies, 1,089 pairs),
  built here in the same form: a Google News search feed per company with every headline it
  holds, publishers and dates assigned as the judged set's builder does. Never tuned on.
- ``train`` (only with ``--only train``): the training part's companies with at least five
  labelled pairs (rows with split "train"), built exactly as ``ours``. A development set for
  finding classes of mistakes on company feeds without looking at the evaluation part; it
  flatters, since the rules were tuned on training rows.
Data: SEntFiN 1.0 (Sinha et al., 2022), SemEval-2017 Task 5 (Cortis et al., 2017), FiQA 2018
(Maia et al., 2018), read from ../shared at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import JUDGED  # noqa: E402
from benchmarks.labelled_pairs import LabelledPair, labelled_pairs  # noqa: E402

SCORER = JUDGED / "eval_companies.py"
RECORDED_AT = datetime(2025, 6, 30, 12, 0, tzinfo=timezone.utc)
PUBLISHERS = [
    ("Reuters", "reuters.com"), ("The Economic Times", "economictimes.indiatimes.com"),
    ("Business Standard", "business-standard.com"), ("Mint", "livemint.com"),
    ("Moneycontrol", "moneycontrol.com"), ("The Hindu BusinessLine", "thehindubusinessline.com"),
    ("Financial Express", "financialexpress.com"), ("Bloomberg", "bloomberg.com"),
    ("CNBC", "cnbc.com"), ("Financial Times", "ft.com"), ("Forbes", "forbes.com"),
    ("MarketWatch", "marketwatch.com"),
]  # fmt: skip


# The answer each search gets in a replay: every headline comes through Google News, as in the
# judged set; the other searches find nothing.
BODIES = {
    "google-news": ("google-news.xml", "application/rss+xml; charset=utf-8"),
    "bing-news": ("bing-news.xml", "application/rss+xml; charset=utf-8"),
    "gdelt": ("gdelt.json", "application/json"),
}


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


# A company of a labelled part is scored on a feed only when it has at least this many pairs
# (every evaluation company has: the split put a quarter of such companies there).
LEAST_PAIRS = 5


def our_companies(split: str = "eval") -> list[dict[str, object]]:
    """A part of the labels (``split``: "eval", our evaluation part, or "train") as the judged
    set's companies.json: one company per split group with at least LEAST_PAIRS pairs, named by
    its most frequent spelling, the other spellings as aliases."""
    groups: dict[str, list[LabelledPair]] = defaultdict(list)
    for pair in labelled_pairs(split):
        groups[pair.group].append(pair)
    companies = []
    for group in sorted(groups):
        pairs = groups[group]
        if len(pairs) < LEAST_PAIRS:
            continue
        spellings = Counter(p.company.strip() for p in pairs)
        name = spellings.most_common(1)[0][0]
        aliases = sorted(s for s in spellings if s.casefold() != name.casefold())
        headlines = [
            {
                "title": p.title,
                "congratulable": p.good,
                "kind": p.kind,
                "harmful": p.harmful,
                "origin": {"ref": p.ref},
            }
            for p in pairs
        ]
        companies.append({"company": name, "aliases": aliases, "headlines": headlines})
    return companies


def urls_for(research: str, company: str, aliases: list[str], home: Path) -> dict[str, str]:
    """The exact search URLs the program asks for: its failures against an empty recording."""
    with tempfile.TemporaryDirectory() as empty:
        (Path(empty) / "index.json").write_text(
            json.dumps({"recorded_at": RECORDED_AT.isoformat(), "responses": []})
        )
        command = [research, company, "--replay", empty, "--json", "--days", "30"]
        for alias in aliases:
            command += ["--alias", alias]
        env = dict(os.environ, RESEARCH_HOME=str(home))
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
        return {f["source"]: f["url"] for f in json.loads(done.stdout)["failures"]}


def google_feed(label: str, items: list[dict[str, object]]) -> str:
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>',
        f"<title>{escape(label)} - Google News</title>",
        "<link>https://news.google.com/?hl=en-US&amp;gl=US&amp;ceid=US:en</link>",
        f"<lastBuildDate>{format_datetime(RECORDED_AT, usegmt=True)}</lastBuildDate>",
    ]
    for it in items:
        title, publisher, link = str(it["title"]), str(it["publisher"]), str(it["link"])
        published = it["published"]
        assert isinstance(published, datetime)
        parts.append(
            f"<item><title>{escape(title + ' - ' + publisher)}</title><link>{escape(link)}</link>"
            f'<guid isPermaLink="false">{it["guid"]}</guid>'
            f"<pubDate>{format_datetime(published, usegmt=True)}</pubDate>"
            f"<source url={quoteattr('https://' + str(it['domain']))}>{escape(publisher)}</source>"
            "</item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts)


def build_replays(folder: Path, research: str, split: str = "eval") -> None:
    """companies.json and replay/<slug>/ for a labelled part (our evaluation part unless
    ``split`` says "train"), in the judged set's form."""
    companies = our_companies(split)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "companies.json").write_text(json.dumps(companies, ensure_ascii=False, indent=1))
    home = folder / "home"
    for company in companies:
        name, aliases = str(company["company"]), list(company["aliases"])  # type: ignore[call-overload]
        slug = slugify(name)
        replay = folder / "replay" / slug
        replay.mkdir(parents=True)
        rng = random.Random(slug)
        heads = list(company["headlines"])  # type: ignore[call-overload]
        rng.shuffle(heads)
        items = []
        for i, head in enumerate(heads):
            publisher, domain = rng.choice(PUBLISHERS)
            age = timedelta(
                days=0.15 + 24.8 * i / max(len(heads) - 1, 1), minutes=rng.randint(0, 180)
            )
            published = (RECORDED_AT - age).replace(second=0, microsecond=0)
            digest = hashlib.sha1((slug + head["title"]).encode()).hexdigest()[:10]
            path = slugify(head["title"])[:80]
            link = f"https://{domain}/{published:%Y/%m/%d}/{path}-{digest}"
            items.append(
                {
                    "title": head["title"],
                    "publisher": publisher,
                    "domain": domain,
                    "link": link,
                    "guid": digest,
                    "published": published,
                }
            )
        items.sort(key=lambda it: it["published"], reverse=True)  # type: ignore[arg-type,return-value]
        label = " OR ".join(f'"{t}"' for t in [name, *aliases])
        (replay / "google-news.xml").write_text(google_feed(label, items), encoding="utf-8")
        (replay / "bing-news.xml").write_text(
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(label)} - BingNews</title></channel></rss>",
            encoding="utf-8",
        )
        (replay / "gdelt.json").write_text("{}", encoding="utf-8")  # GDELT: nothing found
        responses, seen = [], set()
        for variant in ([], aliases):
            for source, url in sorted(urls_for(research, name, variant, home).items()):
                if url not in seen and source in BODIES:
                    seen.add(url)
                    body, content_type = BODIES[source]
                    responses.append(
                        {
                            "url": url,
                            "status": 200,
                            "body": body,
                            "headers": {"content-type": content_type},
                        }
                    )
        index = {"recorded_at": RECORDED_AT.isoformat(), "responses": responses}
        (replay / "index.json").write_text(json.dumps(index, indent=1), encoding="utf-8")


def score(research: str, folder: Path, verbose: bool) -> str:
    """The scorer's summary. It exits 1 when every company had a source that failed: a run that
    broke, unless the figures came out anyway (a source the replays do not record, such as
    GDELT in the judged set's, fails for every company); then they are shown with a note."""
    command = [sys.executable, str(SCORER), research, str(folder)] + (["-v"] if verbose else [])
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    lines = done.stdout.strip().splitlines()
    scored = bool(lines) and lines[-1].startswith("companies=")
    if done.returncode != 0 and not scored:
        raise SystemExit(f"the scorer failed:\n{done.stderr or done.stdout}")
    text = done.stdout if verbose else "\n".join(lines[-2:])
    if done.returncode != 0:
        failing = Counter(re.findall(r"errors=([^;\n]+)", done.stdout)).most_common(1)
        text += (
            "\n(the scorer exited 1: every company had a source that failed, most often "
            f"{failing[0][0] if failing else 'unknown'}; the figures above are complete)"
        )
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="every wrong pick and miss")
    parser.add_argument(
        "--only",
        choices=("judged", "ours", "train"),
        help="one set; train (the training part's companies, a development set) runs only so",
    )
    parser.add_argument("--research", default=shutil.which("research") or "research")
    args = parser.parse_args()
    if args.only in (None, "judged"):
        print(f"../shared/judged ({datetime.now(timezone.utc):%Y-%m-%d}):")
        print(score(args.research, JUDGED, args.v))
    parts = {"ours": ("eval", "our evaluation part"), "train": ("train", "our training part")}
    for only in ("ours", "train"):
        if args.only == only or (args.only is None and only == "ours"):
            split, label = parts[only]
            with tempfile.TemporaryDirectory() as tmp:
                build_replays(Path(tmp), args.research, split)
                print(f"{label} ({datetime.now(timezone.utc):%Y-%m-%d}):")
                print(score(args.research, Path(tmp), args.v))


if __name__ == "__main__":
    main()
