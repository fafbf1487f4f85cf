"""Pure: which fetched pieces are worth offering in a note as "an article that tied into what we
discussed", and in which order.

An article is kept when it is about the topic (most of the topic's words in its headline or
summary), recent (inside the window; an undated piece ranks low rather than being trusted),
and fit to send. It is skipped when it is:
- about the company itself (the note already congratulates it on its own news);
- negative about the company, wherever it names it;
- a press release on a wire, or a piece naming a competitor the user gave: another company's
  marketing, perhaps a competitor's;
- an opinion piece with no substance (an op-ed, column or letter with little more than a
  headline);
- a paywalled teaser (a known hard paywall, or a summary that asks the reader to subscribe).

Kept articles rank by how closely they match the topic, how recent and how substantial they
are, with trade and industry publications before general news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from sources.models import Item

from ..models import Article, Company, Skipped
from .match import find_mention
from .outlets import established_outlet
from .topics import topic_words

# Trade and industry publications, by domain, with the name a reader knows them by.
TRADE_OUTLETS: dict[str, str] = {
    "supplychaindive.com": "Supply Chain Dive",
    "retaildive.com": "Retail Dive",
    "healthcaredive.com": "Healthcare Dive",
    "ciodive.com": "CIO Dive",
    "hrdive.com": "HR Dive",
    "bankingdive.com": "Banking Dive",
    "paymentsdive.com": "Payments Dive",
    "utilitydive.com": "Utility Dive",
    "constructiondive.com": "Construction Dive",
    "manufacturingdive.com": "Manufacturing Dive",
    "marketingdive.com": "Marketing Dive",
    "fooddive.com": "Food Dive",
    "biopharmadive.com": "BioPharma Dive",
    "cfodive.com": "CFO Dive",
    "cybersecuritydive.com": "Cybersecurity Dive",
    "freightwaves.com": "FreightWaves",
    "supplychainbrain.com": "SupplyChainBrain",
    "logisticsmgmt.com": "Logistics Management",
    "scmr.com": "Supply Chain Management Review",
    "dcvelocity.com": "DC Velocity",
    "joc.com": "Journal of Commerce",
    "industryweek.com": "IndustryWeek",
    "automotivenews.com": "Automotive News",
    "fiercehealthcare.com": "Fierce Healthcare",
    "fiercebiotech.com": "Fierce Biotech",
    "fiercepharma.com": "Fierce Pharma",
    "fiercewireless.com": "Fierce Wireless",
    "adage.com": "Ad Age",
    "adweek.com": "Adweek",
    "computerweekly.com": "Computer Weekly",
    "techtarget.com": "TechTarget",
    "informationweek.com": "InformationWeek",
    "cio.com": "CIO",
    "infoworld.com": "InfoWorld",
    "americanbanker.com": "American Banker",
    "insurancejournal.com": "Insurance Journal",
    "modernhealthcare.com": "Modern Healthcare",
    "shrm.org": "SHRM",
    "enr.com": "Engineering News-Record",
    "chemistryworld.com": "Chemistry World",
    "aviationweek.com": "Aviation Week",
    "greenbiz.com": "GreenBiz",
    "canarymedia.com": "Canary Media",
    "restaurantbusinessonline.com": "Restaurant Business",
    "grocerydive.com": "Grocery Dive",
    "modernretail.co": "Modern Retail",
}
# Press-release wires: what they carry is a company's own announcement.
WIRES = frozenset(
    """businesswire.com prnewswire.com globenewswire.com accesswire.com einpresswire.com
    newswire.ca newswire.com prweb.com openpr.com""".split()
)
# Sites whose articles a recipient cannot read without a subscription.
HARD_PAYWALLS = frozenset(
    "wsj.com ft.com barrons.com theinformation.com economist.com bloomberg.com".split()
)
_TEASER = re.compile(
    r"subscribe (?:now )?to (?:read|continue)|subscribers only|for subscribers|premium (?:content|"
    r"article)|(?:sign|log) in to (?:read|continue)|to continue reading|paywall|"
    r"already a subscriber|unlock (?:this|the full) (?:article|story)",
    re.IGNORECASE,
)
_OPINION_TITLE = re.compile(
    r"^\s*(?:opinion|op-ed|commentary|column|editorial|letters?|viewpoint|guest column)\s*[:|\-]",
    re.IGNORECASE,
)
_OPINION_PATH = re.compile(r"/(?:opinion|op-ed|oped|commentary|editorials?|letters|columns?)/")
# An opinion piece with fewer words than this beyond its headline has no substance to share.
SUBSTANTIAL_WORDS = 40
# Most of the topic: at least this share of its words in the headline or summary.
MIN_TOPIC_SHARE = 0.6
WEIGHTS = {"topic": 0.45, "recency": 0.25, "substance": 0.15, "trade": 0.15}
ESTABLISHED_SHARE = 0.5  # of the trade weight, for an established general outlet


@dataclass(frozen=True)
class Verdict:
    """An item kept as an Article, or the reason it was skipped."""

    article: Article | None
    skipped: str = ""


def _host(domain: str) -> str:
    return domain.casefold().removeprefix("www.").rstrip(".")


def _known(host: str, domains: frozenset[str] | dict[str, str]) -> str:
    """The listed domain this host is, or is under, else ""."""
    return next((d for d in domains if host == d or host.endswith("." + d)), "")


def trade_outlet(domain: str) -> str:
    """The trade publication's name for this domain, else ""."""
    known = _known(_host(domain), TRADE_OUTLETS)
    return TRADE_OUTLETS[known] if known else ""


def _word_count(text: str) -> int:
    return len(text.split())


def _about_company(item: Item, company: Company | None) -> str:
    """Why an item naming the company is skipped, else ""."""
    if company is None:
        return ""
    mention = find_mention(item, company)
    if isinstance(mention, str):
        return ""
    from .verdict import classify_mentioned  # the learned reading, only for pieces naming it

    verdict = classify_mentioned(item.title, mention, item.summary)
    if verdict.tone == "negative":
        return f"negative about {company.name}"
    return f"about {company.name} itself, not the topic"


def _unfit(item: Item, host: str, competitors: Sequence[str]) -> str:
    """Why an item is not fit to send, else ""."""
    text = f"{item.title} {item.summary}"
    if _known(host, WIRES):
        return "a press release on a wire: a company's own marketing, perhaps a competitor's"
    for competitor in competitors:
        if re.search(rf"(?<!\w){re.escape(competitor)}(?!\w)", text, re.IGNORECASE):
            return f"names a competitor, {competitor}"
    if _known(host, HARD_PAYWALLS) or _TEASER.search(item.summary):
        return "a paywalled teaser: the reader could not open it"
    path = urlsplit(item.url or "").path.casefold()
    opinion = _OPINION_TITLE.search(item.title) or _OPINION_PATH.search(path)
    if opinion and _word_count(item.summary) < SUBSTANTIAL_WORDS:
        return "an opinion piece with no substance to share"
    return ""


def judge_article(
    item: Item,
    topic: str,
    *,
    now: datetime,
    days: int,
    company: Company | None = None,
    competitors: Sequence[str] = (),
) -> Verdict:
    """Whether ``item`` is worth offering for ``topic``, and how well it ranks."""
    if not item.url:
        return Verdict(None, "no link to share")
    wanted = topic_words(topic)
    found = wanted & topic_words(f"{item.title} {item.summary}")
    share = len(found) / len(wanted) if wanted else 0.0
    if share < MIN_TOPIC_SHARE:
        return Verdict(None, f"not about {topic!r}")
    if item.published is not None and item.published < now - timedelta(days=days):
        return Verdict(None, f"older than {days} days")
    host = _host(item.publisher_domain or urlsplit(item.url).hostname or "")
    why_not = _unfit(item, host, competitors) or _about_company(item, company)
    if why_not:
        return Verdict(None, why_not)
    reasons = [f"matches {len(found)} of {len(wanted)} words of {topic!r}"]
    if item.published is None:
        recency = 0.0
        reasons.append("date unknown")
    else:
        age = max(0, (now - item.published).days)
        recency = max(0.0, 1 - age / days)
        reasons.append(
            "published today" if age == 0 else f"published {age} day{'s' * (age != 1)} ago"
        )
    words = _word_count(item.summary)
    substance = min(1.0, words / 60)
    if words:
        reasons.append(f"a summary of {words} words")
    trade = trade_outlet(host)
    established = "" if trade else established_outlet([host])
    if trade:
        reasons.append(f"a trade publication: {trade}")
    elif established:
        reasons.append(f"an established outlet: {established}")
    standing = 1.0 if trade else ESTABLISHED_SHARE if established else 0.0
    score = (
        WEIGHTS["topic"] * share
        + WEIGHTS["recency"] * recency
        + WEIGHTS["substance"] * substance
        + WEIGHTS["trade"] * standing
    )
    publisher = trade or _publisher_name(item, host)
    article = Article(
        title=item.title,
        url=item.url,
        published=item.published,
        publisher=publisher,
        publisher_domain=host,
        summary=item.summary,
        source=item.source,
        score=round(score, 4),
        reasons=tuple(reasons),
        trade=bool(trade),
    )
    return Verdict(article)


def _publisher_name(item: Item, host: str) -> str:
    """The name the feed gave the publisher, unless that is only its domain."""
    name = item.publisher.strip()
    return name if name and _host(name) != host else host


def rank_articles(
    items: Sequence[Item],
    topic: str,
    *,
    now: datetime,
    days: int,
    company: Company | None = None,
    competitors: Sequence[str] = (),
) -> tuple[list[Article], list[Skipped]]:
    """The articles worth offering, best first (one per link), and what was skipped and why."""
    kept: dict[str, Article] = {}
    skipped: list[Skipped] = []
    for item in items:
        verdict = judge_article(
            item, topic, now=now, days=days, company=company, competitors=competitors
        )
        if verdict.article is None:
            skipped.append(Skipped(item.title, item.url, item.published, verdict.skipped))
            continue
        known = kept.get(verdict.article.url)
        if known is None or verdict.article.score > known.score:
            kept[verdict.article.url] = verdict.article
    ranked = sorted(
        kept.values(),
        key=lambda a: (-a.score, -(a.published.timestamp() if a.published else 0), a.url),
    )
    return ranked, skipped
