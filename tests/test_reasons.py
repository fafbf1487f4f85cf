"""A share move is congratulated for the news behind it, named as the headline names it; an
issue's demand and a regulator's nod for it are named too."""

from __future__ import annotations

import pytest

from research.models import EventKind as K
from research.write.snippets import phrasings

NAMES = ("Acme Corp", "Acme")


@pytest.mark.parametrize(
    ("title", "kind", "news", "clause"),
    [
        ("Acme Corp Ltd rallies on strategic tie-up with Teva", K.PARTNERSHIP,
         "Acme Corp's strategic tie-up with Teva", "formed a strategic tie-up with Teva"),
        ("Acme Corp spurts 5% on MoU with Japan-based rating company", K.PARTNERSHIP,
         "Acme Corp's MoU with a Japan-based rating company",
         "signed an MoU with a Japan-based rating company"),
        ("Acme Corp spurts over 12% on big order win", K.NEW_ACCOUNT, "Acme Corp's big order win",
         "won a big order"),
        ("Acme Corp rallies 5% on Rs 500 crore orders win", K.NEW_ACCOUNT,
         "Acme Corp's Rs 500 crore orders win", "won orders worth Rs 500 crore"),
        ("Acme Corp rallies 13% on order win for transmission lines", K.NEW_ACCOUNT,
         "Acme Corp's order win for transmission lines", "won an order for transmission lines"),
        ("Acme Corp surges 17% from IPO price in market debut", K.LAUNCH,
         "Acme Corp's stock-market debut", "made your stock-market debut"),
        ("Acme Corp rallies 8% on USFDA nod for Zolvix tablets", K.MILESTONE,
         "the USFDA approval for Acme Corp's Zolvix tablets",
         "won USFDA approval for your Zolvix tablets"),
        # another's product named with its possessive: never "Acme Corp's Zolvix's generic"
        ("Acme Corp rallies 6% on USFDA nod for Zolvix's generic version", K.MILESTONE,
         "the USFDA approval for Acme Corp's generic version of Zolvix",
         "won USFDA approval for your generic version of Zolvix"),
        ("Acme Corp gains 8% on buyout of Beta Learning", K.ACQUISITION,
         "Acme Corp's acquisition of Beta Learning", "announced the acquisition of Beta Learning"),
        ("Acme Corp IPO oversubscribed 8.6 times", K.FUNDING,
         "Acme Corp's IPO being oversubscribed 8.6 times", "seen your IPO oversubscribed 8.6 times"),
        ("Acme Corp gets Sebi nod for IPO", K.MILESTONE, "Sebi's approval for Acme Corp's IPO",
         "won Sebi's approval for your IPO"),
        # a beat said as a noun is results better than expected
        ("Acme Corp surges on cooling products-led beat in earnings", K.GROWTH,
         "Acme Corp's better-than-expected earnings", "posted better-than-expected earnings"),
        ("Acme Corp shares jump on Q2 profit beat", K.GROWTH,
         "Acme Corp's better-than-expected Q2 profit", "posted better-than-expected Q2 profit"),
        # a debut on a named exchange; a company described before its name still moved
        ("Acme Corp surges in Nasdaq debut", K.LAUNCH, "Acme Corp's stock-market debut",
         "made your stock-market debut"),
        ("Airport operator Acme Corp jumps 20.7% in market debut", K.LAUNCH,
         "Acme Corp's stock-market debut", "made your stock-market debut"),
        ("Drugmaker Acme Corp jumps 10% on strong Q2 results", K.GROWTH,
         "Acme Corp's strong Q2 results", "posted strong Q2 results"),
        # the press's words for good results, said plainly; a price at a high is a move too
        ("Acme Corp shares at 52-week high on smart Q1 earnings", K.GROWTH,
         "Acme Corp's strong Q1 earnings", "posted strong Q1 earnings"),
        ("Acme Corp shares zoom 7% on positive Q4 numbers", K.GROWTH,
         "Acme Corp's positive Q4 numbers", "posted positive Q4 numbers"),
        ("Acme Corp gains momentum on good results", K.GROWTH, "Acme Corp's good results",
         "posted good results"),
        ("Acme Corp shares hit 52-week high as net profits rises by 38.5%", K.GROWTH,
         "the 38.5% rise in Acme Corp's net profit", "posted a 38.5% rise in net profit"),
    ],
)  # fmt: skip
def test_the_news_is_named_never_the_price(title: str, kind: K, news: str, clause: str) -> None:
    sentence, said = phrasings(title, "Acme Corp", kind, NAMES)["formal"][0]
    assert sentence.startswith(f"I saw the news about {news} and wanted to offer"), sentence
    assert said == clause
    # the price move never appears (a profit's 38.5% rise is the news, not the price)
    assert "%" not in sentence.replace("8.6", "").replace("38.5%", "")


@pytest.mark.parametrize(
    ("title", "kind", "clause"),
    [
        # a name that ends in "Corp" is the company's whole name, not a suffix to drop
        ("Dyne Corp up over 25% on debut", K.LAUNCH, "made your stock-market debut"),
        ("Dyne Corp surges 6%, bags Rs 125 crore order", K.NEW_ACCOUNT, "won a Rs 125 crore order"),
        # a debut is a debut whatever the headline says came with it
        ("Dyne Corp soars in debut after the region's biggest IPO since 2010", K.LAUNCH,
         "made your stock-market debut"),
    ],
)  # fmt: skip
def test_a_share_move_of_a_company_named_corp(title: str, kind: K, clause: str) -> None:
    assert phrasings(title, "Dyne Corp", kind, ("Dyne Corp",))["formal"][0][1] == clause


def test_another_companys_share_move_gives_no_detail() -> None:
    _sentence, clause = phrasings(
        "Beta Labs rallies on tie-up with Acme Corp", "Acme Corp", K.PARTNERSHIP, NAMES
    )["formal"][0]
    assert clause == "formed a new partnership"  # the kind alone: whose tie-up it is is unclear


@pytest.mark.parametrize(
    ("title", "kind", "sentence"),
    [
        ("Acme Corp surges 6%, bags Rs 125 crore export order", K.NEW_ACCOUNT,
         "Congratulations to the Acme Corp team on winning a Rs 125 crore export order."),
        ("Acme Corp shares surge 7% as company bags orders worth Rs 560 crore", K.NEW_ACCOUNT,
         "Congratulations to the Acme Corp team on winning orders worth Rs 560 crore."),
        ("Acme Corp share price: Group gets approval to hike stake in Beta JV", K.MILESTONE,
         "Congratulations to the Acme Corp team on getting approval to raise its stake in its "
         "Beta joint venture."),
        ("Acme Corp set to open another 200 HomeCell stores", K.EXPANSION,
         "I read with interest that Acme Corp has announced plans to open another 200 HomeCell "
         "stores; it is an important step for the company."),
        ("Acme Corp signs licensing deal;stk rallies", K.NEW_ACCOUNT,
         "Congratulations to the Acme Corp team on signing a licensing deal."),
        # A regulator's recommendation names the drug, never "a recent milestone".
        ("EU regulators recommend approval of Acme Corp drug Zolvix", K.MILESTONE,
         "I saw the news about the EU regulators' backing for Acme Corp's drug Zolvix and wanted "
         "to offer my congratulations on an important step forward."),
        # Listing day is news as it is read, not a plan; "bourses" is said plainly.
        ("Acme Corp to debut today on bourses", K.LAUNCH,
         "Congratulations to the Acme Corp team on debuting on the stock exchanges."),
        # Won with others, and said so; a subject that is not the company is no order's name.
        ("Acme Corp rallies 8% as consortium wins Rs 1,800 crore order", K.NEW_ACCOUNT,
         "Congratulations to the Acme Corp team on winning a Rs 1,800 crore order as part of a "
         "consortium."),
        ("Acme Corp shares jump 5% as unit wins Rs 500 crore order", K.NEW_ACCOUNT,
         "I saw the news about Acme Corp's new customer win and wanted to offer my "
         "congratulations on a notable success."),
        # The company with a unit's word is the company, and the results the unit's, named as
        # the headline names it (as "GSK Consumer Healthcare Q2 net up 9%" is); or in a list of
        # companies that rallied together.
        ("Acme Corp Pharma surges on strong Q4 results", K.GROWTH,
         "I saw the news about Acme Corp Pharma's strong Q4 results and wanted to offer my "
         "congratulations on an impressive performance."),
        ("Beta, Acme Corp, Gamma rally on strong September sales", K.GROWTH,
         "I saw the news about Acme Corp's strong September sales and wanted to offer my "
         "congratulations on an impressive performance."),
        # "on bourses", said plainly as "on the stock exchanges", is still a debut
        ("Acme Corp, Beta soar in stellar debut on bourses", K.FUNDING,
         "I saw the news about Acme Corp's stock-market debut and wanted to offer my "
         "congratulations on a strong vote of confidence."),
        # an agreement whose first word took an article is told with one article only
        ("Acme Corp shares zoom 19% on pact with German firm", K.PARTNERSHIP,
         "I saw the news about Acme Corp's pact with a German firm and wanted to offer my "
         "congratulations on a promising development."),
        ("Acme Corp get UK approval for migraine drug; stock up", K.MILESTONE,
         "I saw the news about Acme Corp's UK approval for a migraine drug and wanted to offer my "
         "congratulations on an important step forward."),
    ],
)  # fmt: skip
def test_the_news_inside_a_market_headline(title: str, kind: K, sentence: str) -> None:
    assert phrasings(title, "Acme Corp", kind, NAMES)["formal"][0][0] == sentence


def test_only_an_ipo_bid_for_more_than_once_is_called_oversubscribed() -> None:
    for title in (
        "Acme Corp bond issue subscribed 0.55 times",
        "Acme Corp NCD issue subscribed 1.3 times",
    ):
        _text, clause = phrasings(title, "Acme Corp", K.FUNDING, NAMES)["formal"][0]
        assert "oversubscribed" not in clause and "IPO" not in clause


def test_a_release_lead_gives_the_detail_its_headline_lacks() -> None:
    lead = (
        "NEW YORK, Nov. 20, 2026 /PRNewswire/ -- Acme Corp, a maker of home batteries, today "
        "reported that revenue rose 18% to $40 million in the third quarter."
    )
    text, clause = phrasings("Acme Corp reports results", "Acme Corp", K.GROWTH, NAMES, lead)[
        "formal"
    ][0]
    assert clause == "posted an 18% rise in revenue to $40 million"
    assert "the 18% rise in Acme Corp's revenue to $40 million" in text


@pytest.mark.parametrize(
    ("title", "clause"),
    [
        ("Acme Corp files papers to raise Rs 600-700 cr via IPO", "announced plans for a Rs 600-700 crore IPO"),
        ("Acme Corp shareholders' nod for raising Rs 150 cr", "announced plans to raise Rs 150 crore"),
        # a raise under way is not yet secured
        ("Acme Corp raising $3.1 billion through issue of CoCo bonds", "begun raising $3.1 billion"),
        # the owners' approval is the news: a step won, not a plan announced
        ("Acme Corp gets shareholders nod to raise up to Rs 42,000 crore",
         "won the shareholders' approval to raise up to Rs 42,000 crore"),
        ("Acme Corp gets members\u2019 nod to raise Rs 100 crore",
         "won the members' approval to raise Rs 100 crore"),
        ("Acme Corp gets shareholder's nod to raise Rs 100 crore",
         "won the shareholders' approval to raise Rs 100 crore"),
        ("Acme Corp gets board nod to raise Rs 100 crore", "won the board's approval to raise Rs 100 crore"),
        ("Acme Corp $200 mln IPO fully subscribed", "seen your $200 million IPO fully subscribed"),
        ("Acme Corp raises Rs 667 crore through QIP", "raised Rs 667 crore through a qualified institutional placement"),
        # debentures are named in words: "NCDs" is trade shorthand a reader may not know
        ("Acme Corp to raise Rs 500 crore via secured NCDs",
         "announced plans to raise Rs 500 crore via secured non-convertible debentures"),
        ("Acme Corp to launch Rs 200-crore NCD on April 16",
         "announced plans to launch your Rs 200-crore debenture issue on April 16"),
        # "upto" is two words, and "mop up up to" would stutter
        ("Acme Corp to raise upto Rs 275 crore via QIP",
         "announced plans to raise up to Rs 275 crore via a qualified institutional placement"),
        ("Acme Corp to mop up upto Rs 500 crore through a rights issue",
         "announced plans to raise up to Rs 500 crore through a rights issue"),
        ("Acme Corp to raise over Rs 1,160 cr through rights issue",  # "over" an amount stays
         "announced plans to raise over Rs 1,160 crore through a rights issue"),
        ("Acme Corp Q4 net up 9% at 1,411 crore", "posted a 9% rise in Q4 net profit to Rs 1,411 crore"),
    ],
)  # fmt: skip
def test_money_is_raised_only_when_the_headline_says_so(title: str, clause: str) -> None:
    kind = K.GROWTH if "net up" in title else K.FUNDING
    assert phrasings(title, "Acme Corp", kind, NAMES)["formal"][0][1] == clause
