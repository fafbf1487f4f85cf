"""Which pieces are worth offering as "an article that tied into what we discussed" (issue 15),
judged alone: pure, on items written here in our own words."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from research.judge.articles import judge_article, rank_articles, trade_outlet
from research.plan.company import resolve_company
from sources.models import Item
from sources.parse.items import make_item

from .helpers import RECORDED_AT

TOPIC = "supply chain visibility"
ACME = resolve_company("Acme Corp")


def piece(
    title: str,
    url: str = "https://www.supplychaindive.com/news/visibility-tools/1/",
    *,
    summary: str = "",
    domain: str = "supplychaindive.com",
    publisher: str = "Supply Chain Dive",
    published: datetime | None = RECORDED_AT - timedelta(days=2),
) -> Item:
    return make_item(
        title=title,
        url=url,
        published=published,
        summary=summary,
        publisher=publisher,
        publisher_domain=domain,
        source="gdelt",
    )


LONG = (
    "Shippers that track each container from the factory to the shelf cut their safety stock, "
    "a survey of two hundred planners found, and the tools that give them that supply chain "
    "visibility are getting cheaper as carriers share their data with one another."
)


def _judged(item: Item, competitors: tuple[str, ...] = ()) -> str:
    verdict = judge_article(
        item, TOPIC, now=RECORDED_AT, days=30, company=ACME, competitors=competitors
    )
    return verdict.skipped if verdict.article is None else "kept"


def test_a_recent_trade_piece_on_the_topic_is_kept_with_its_reasons() -> None:
    verdict = judge_article(
        piece("Why supply chain visibility pays off for mid-size shippers", summary=LONG),
        TOPIC,
        now=RECORDED_AT,
        days=30,
        company=ACME,
    )
    article = verdict.article
    assert article is not None
    assert (article.publisher, article.trade) == ("Supply Chain Dive", True)
    assert article.reasons[0] == "matches 3 of 3 words of 'supply chain visibility'"
    assert "published 2 days ago" in article.reasons
    assert "a trade publication: Supply Chain Dive" in article.reasons


@pytest.mark.parametrize(
    ("item", "why"),
    [
        (piece("Warehouse robots get faster"), "not about"),
        (piece("Supply chain visibility, a year on", published=RECORDED_AT - timedelta(days=60)),
         "older than 30 days"),
        (piece("Acme Corp adds supply chain visibility to its trucks"), "about Acme Corp itself"),
        (piece("Acme Corp recalls supply chain visibility tags after fire"),
         "negative about Acme Corp"),
        (piece("Beta Labs launches supply chain visibility suite",
               "https://www.businesswire.com/news/home/1/en", domain="businesswire.com"),
         "press release on a wire"),
        (piece("Opinion: supply chain visibility is overrated"), "opinion piece with no substance"),
        (piece("Is supply chain visibility worth it?",
               "https://trade.example/opinion/visibility", domain="trade.example"),
         "opinion piece with no substance"),
        (piece("The hidden cost of supply chain visibility",
               "https://www.wsj.com/articles/visibility", domain="wsj.com"),
         "paywalled teaser"),
        (piece("Supply chain visibility in 2027", summary="Subscribe to read the full story."),
         "paywalled teaser"),
        (piece("Supply chain visibility", url=""), "no link"),
    ],
)  # fmt: skip
def test_what_is_skipped_says_why(item: Item, why: str) -> None:
    assert why in _judged(item)


def test_a_named_competitor_is_skipped_and_an_opinion_with_substance_is_kept() -> None:
    rival = piece("Beta Labs shows how supply chain visibility cut its delays")
    assert _judged(rival, competitors=("Beta Labs",)) == "names a competitor, Beta Labs"
    assert _judged(rival) == "kept"
    assert (
        _judged(piece("Opinion: supply chain visibility needs standards", summary=LONG)) == "kept"
    )


def test_without_a_company_a_piece_naming_one_is_judged_on_the_topic_alone() -> None:
    item = piece("Acme Corp adds supply chain visibility to its trucks")
    assert judge_article(item, TOPIC, now=RECORDED_AT, days=30).article is not None


def test_ranking_puts_topic_recency_substance_and_trade_first_one_per_link() -> None:
    trade = piece("Supply chain visibility: what planners learned", summary=LONG)
    general = piece(
        "Supply chain visibility gets a boost",
        "https://news.example/visibility",
        domain="news.example",
        publisher="news.example",
        summary=LONG,
    )
    partial = piece("Supply chain tools for small firms", "https://www.supplychaindive.com/2/")
    old = piece(
        "Supply chain visibility: the basics",
        "https://www.supplychaindive.com/3/",
        published=RECORDED_AT - timedelta(days=25),
    )
    undated = piece("Supply chain visibility explained", "https://www.supplychaindive.com/4/",
                    published=None)  # fmt: skip
    ranked, skipped = rank_articles(
        [general, old, undated, partial, trade, trade], TOPIC, now=RECORDED_AT, days=30
    )
    assert [a.url for a in ranked][:2] == [trade.url, general.url]
    assert ranked.index(next(a for a in ranked if a.url == old.url)) > 1
    assert general.url and ranked[1].publisher == "news.example"
    assert [s.reason for s in skipped] == [] and len(ranked) == 5
    assert "date unknown" in next(a for a in ranked if a.url == undated.url).reasons


def test_trade_outlets_are_known_by_domain_and_subdomain() -> None:
    assert trade_outlet("www.supplychaindive.com") == "Supply Chain Dive"
    assert trade_outlet("news.freightwaves.com") == "FreightWaves"
    assert trade_outlet("notsupplychaindive.com") == ""
