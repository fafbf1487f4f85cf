"""Details named in a congratulation: only what the headline says plainly, else nothing."""

from __future__ import annotations

import pytest

from research.models import EventKind as K
from research.write.details import (
    acquired,
    award_name,
    customer,
    deal,
    partner,
    place,
    product,
)
from research.write.figures import amount, growth_figure, milestone
from research.write.kind_details import detail

ACME = ("Acme Corp", "Acme")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Acme wins 2026 Edison Award for its battery", ("prize", "the 2026 Edison Award")),
        ("Acme receives Nordic Innovation Prize", ("prize", "the Nordic Innovation Prize")),
        ("Acme earns SOC 2 Type II certification", ("prize", "SOC 2 Type II certification")),
        ("Acme wins Carrier of the Year at European Freight Awards",
         ("title", "Carrier of the Year")),
        ("Acme stout takes gold at International Ale Championships",
         ("event", "the International Ale Championships")),
        # Shortlisted is not won; a lower-case award is a description, not a name.
        ("Acme shortlisted at European Freight Awards", None),
        ("Acme wins utility sustainability award", None),
        ("Judges hand HomeCell the 2026 Edison Award", ("prize", "the 2026 Edison Award")),
    ],
)  # fmt: skip
def test_award_name(title: str, expected: tuple[str, str] | None) -> None:
    assert award_name(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("City of Lakemont selects Acme for smart parking", "City of Lakemont"),
        ("Zephyr Airlines picks Acme to supply 20 jets", "Zephyr Airlines"),
        ("Acme signs enterprise agreement with Ashgrove Bank", "Ashgrove Bank"),
        ("Acme lands storage order from Pacific Crest Utilities", "Pacific Crest Utilities"),
        ("Acme selected by state agency to protect election systems", None),
        ("Regional hospital network chooses Acme for telehealth", None),
        ("Acme lands multi-year deal with Fortune 500 retailer", None),
        ("Acme wins contract with Acme Corp subsidiary", None),
    ],
)
def test_customer_is_a_name_never_a_description(title: str, expected: str | None) -> None:
    assert customer(title, ACME) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Acme partners with Helix.io to integrate tools", "Helix.io"),
        ("Acme and Tavira Energia form joint venture", "Tavira Energia"),
        ("Brightwell Logistics, Acme team up on cold-chain network", "Brightwell Logistics"),
        ("Acme, Oakridge Foods team up on cold-chain network", "Oakridge Foods"),
        ("Vantor Analytics and Acme launch joint AI risk partnership", "Vantor Analytics"),
        ("In new alliance, J.B. Castellan and Acme to co-develop fabrics", "J.B. Castellan"),
        ("Saffron Hotels joins forces with Acme on loyalty program", "Saffron Hotels"),
        ("Acme inks partnership with Nordavia Telecom for wallets", "Nordavia Telecom"),
        ("Acme collaborates with Milan designer on lighting", None),
        ("Acme enters partnership with port of Rotterdam", None),
    ],
)
def test_partner(title: str, expected: str | None) -> None:
    assert partner(title, ACME) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Acme raises $45 million Series B led by Ardent", "$45 million"),
        ("Acme secures $12M seed round", "$12M"),
        ("Acme attracts ¥3 billion investment", "¥3 billion"),
        ("Acme completes IPO on Stockholm exchange, raising SEK 1.8 billion", "SEK 1.8 billion"),
        ("Acme secures Series C funding of $75 million", "$75 million"),
        # A total or a valuation is not what was raised.
        ("Acme's Series A extension brings total raised to $20M", None),
        ("Acme valued at $1.5 billion", None),
    ],
)
def test_amount_raised(title: str, expected: str | None) -> None:
    assert amount(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Acme revenue grows 22% on demand", ("22%", "revenue")),
        ("Acme net income rises 31%, beating estimates", ("31%", "net income")),
        ("Strong season drives Acme same-store sales up 9%", ("9%", "same-store sales")),
        ("Acme shares jump 12%", None),  # a share move is not the company's growth
        ("Acme revenue doubles", None),
    ],
)
def test_growth_figure(title: str, expected: tuple[str, str] | None) -> None:
    assert growth_figure(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Acme unveils HomeCell 2, a compact battery", "HomeCell 2"),
        ("Acme debuts HomeCell Mini at CES", "HomeCell Mini"),
        ("Acme releases 'Lantern Road 2' worldwide", "Lantern Road 2"),
        ("Acme launches AI assistant for accounting", None),
        ("Acme launches Gdańsk office to serve Baltic clients", None),
    ],
)
def test_product(title: str, expected: str | None) -> None:
    assert product(title, ACME) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Acme acquires sensor maker Veltro for $310 million", ("Veltro", False)),
        ("Acme to acquire Brevant Therapeutics in all-cash deal", ("Brevant Therapeutics", True)),
        ("Acme completes acquisition of Fernhill Building Society",
         ("Fernhill Building Society", False)),
        ("Halvorsen Biotech to be acquired by Acme for $2 billion", ("Halvorsen Biotech", True)),
        ("Acme buys Italian rolling mill to expand in Europe", None),
        ("Acme acquires Osaka studio behind cult RPG", None),
    ],
)  # fmt: skip
def test_acquired_company_and_whether_only_agreed(
    title: str, expected: tuple[str, bool] | None
) -> None:
    assert acquired(title, ACME) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Acme marks 75th anniversary with festival", "75th anniversary"),
        ("Acme celebrates 100 years in business", "100-year milestone"),
        ("Acme marks a century of production", "100-year milestone"),
        ("Acme Celebrates Two Centuries Of Glassmaking", "200-year milestone"),
        ("Acme delivers its 500th regional jet", "500th regional jet"),
        ("Acme's 100,000th robot rolls off the line", "100,000th robot"),
        ("Acme bakes its ten-millionth loaf", "ten-millionth loaf"),
        ("Acme doses first patient in trial", None),
    ],
)
def test_milestone(title: str, expected: str | None) -> None:
    assert milestone(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Acme expands into Poland with new center", ("into", "Poland")),
        ("Acme expands to Middle East with Dubai hotels", ("into", "the Middle East")),
        ("Acme expands operations to Nigeria and Ghana", ("into", "Nigeria and Ghana")),
        ("Acme opens hub in Düsseldorf", ("in", "Düsseldorf")),
        ("Acme hiring spree brings 300 jobs to Denver", None),
        ("Acme adds 12 new routes to North Africa", None),
        ("Acme opens clinic in Leeds city centre", None),
        ("Acme opens store in downtown Chicago", None),
    ],
)
def test_place_of_an_expansion(title: str, expected: tuple[str, str] | None) -> None:
    assert place(title) == expected


@pytest.mark.parametrize(
    ("kind", "title", "news", "clause"),
    [
        (K.AWARD, "Acme wins 2026 Edison Award", "Acme Corp's 2026 Edison Award",
         "received the 2026 Edison Award"),
        (K.AWARD, "Acme's 'Lantern Road' named Game of the Year at Tokyo Indie Awards",
         "Acme Corp's Game of the Year award", "won Game of the Year at the Tokyo Indie Awards"),
        (K.MILESTONE, "Acme's first drug wins regulatory approval", "Acme Corp's regulatory approval",
         "won regulatory approval"),
        (K.FUNDING, "Acme raises $45 million Series B", "Acme Corp's $45 million Series B",
         "raised a $45 million Series B"),
        # Pricing an IPO is not closing it: the clause says what was raised.
        (K.FUNDING, "Acme prices IPO above range, raising $610 million",
         "Acme Corp's $610 million IPO", "raised $610 million in your IPO"),
        # The demand for an issue, however the headline words it; bids in, money not raised.
        (K.FUNDING, "Acme IPO fully subscribed on day two", "Acme Corp's IPO being fully subscribed",
         "seen your IPO fully subscribed"),
        (K.FUNDING, "Acme FPO over-subscribed 2.5 times", "Acme Corp's follow-on share offer being "
         "oversubscribed 2.5 times", "seen your follow-on share offer oversubscribed 2.5 times"),
        (K.FUNDING, "Acme IPO subscribed 3.1 times on final day",
         "Acme Corp's IPO being subscribed 3.1 times", "seen your IPO subscribed 3.1 times"),
        (K.FUNDING, "Acme's Rs 400 crore IPO oversubscribed", "Acme Corp's Rs 400 crore IPO being "
         "oversubscribed", "seen your Rs 400 crore IPO oversubscribed"),
        # Other issues are told the same way, with their amount and in their own words.
        (K.FUNDING, "Acme Rs 200 crore rights issue oversubscribed 1.6 times", "Acme Corp's Rs 200 "
         "crore rights issue being oversubscribed 1.6 times",
         "seen your Rs 200 crore rights issue oversubscribed 1.6 times"),
        (K.FUNDING, "Investors snap up Acme bonds, issue subscribed three times",
         "Acme Corp's bond issue being subscribed three times",
         "seen your bond issue subscribed three times"),
        # the multiple said after a break, or as "12.09x", is still the demand's figure
        (K.FUNDING, "Acme tax free Bonds oversubscribed 12.09x on the first day",
         "Acme Corp's bond issue being oversubscribed 12.09 times",
         "seen your bond issue oversubscribed 12.09 times"),
        (K.FUNDING, "Acme IPO draws strong demand, 5 times oversubscribed",
         "Acme Corp's IPO being oversubscribed 5 times", "seen your IPO oversubscribed 5 times"),
        # An offer to buy for an amount is a bid, not a deal done (and not "offer ... offer my").
        (K.ACQUISITION, "Acme offers 50 percent premium to buy Beta Foods for $70 billion",
         "Acme Corp's $70 billion bid for Beta Foods", "made a $70 billion bid for Beta Foods"),
        # A find of oil or gas says which, and where when the headline does.
        (K.MILESTONE, "Acme's subsidiary strikes gas in Mozambique, stock up",
         "Acme Corp's gas discovery in Mozambique", "struck gas in Mozambique"),
        (K.MILESTONE, "Acme rallies on oil discovery in second well", "Acme Corp's oil discovery",
         "struck oil"),
        # Shares placed with investors are a placement, with the amount when the headline says it.
        (K.FUNDING, "Acme allots shares worth Rs 400 crore to institutional investors",
         "Acme Corp's Rs 400 crore share placement with institutional investors",
         "placed Rs 400 crore of shares with institutional investors"),
        (K.FUNDING, "Acme allots 17.38 lakh shares to anchor investors",
         "Acme Corp's share placement with anchor investors", "placed shares with anchor investors"),
        # A regulator named by its initials or its name clears a deal to buy a stake.
        (K.ACQUISITION, "CCI approves Acme deal to buy 26% stake in Beta",
         "the CCI approval for Acme Corp's deal to buy a 26% stake in Beta",
         "won the CCI approval for your deal to buy a 26% stake in Beta"),
        (K.ACQUISITION, "Forward Markets Commission approves Acme Holding deal to buy 15 per cent "
         "stake in Beta", "the Forward Markets Commission's approval for Acme Corp's deal to buy a 15% "
         "stake in Beta", "won the Forward Markets Commission's approval for your deal to buy a 15% "
         "stake in Beta"),
        # A drug's trial going well names the drug as the headline does, never "a milestone".
        (K.MILESTONE, "Acme heart drug boosted by major clinical trial success",
         "the successful trial of Acme Corp's heart drug", "seen a successful trial of your heart drug"),
        (K.MILESTONE, "Acme rises as dry eye treatment sails through trial",
         "the successful trial of Acme Corp's dry eye treatment",
         "seen a successful trial of your dry eye treatment"),
        (K.MILESTONE, "Acme rallies on positive trial data for its new diabetes pill",
         "the successful trial of Acme Corp's diabetes pill",
         "seen a successful trial of your diabetes pill"),
        # Demand told in words is "strong demand", unless a multiple says how strong; a valuation is the listing's, planned or made;
        # an issue coming to market is under way, no money raised yet.
        (K.FUNDING, "Acme IPO sees robust demand; subscribed 12 times",
         "Acme Corp's IPO being subscribed 12 times", "seen your IPO subscribed 12 times"),
        (K.FUNDING, "Acme IPO sees robust demand on the first day",
         "the strong demand for Acme Corp's IPO", "seen strong demand for your IPO"),
        (K.FUNDING, "Acme bond issue a big hit, mops Rs 900 crore",
         "the strong demand for Acme Corp's Rs 900 crore bond issue",
         "seen strong demand for your Rs 900 crore bond issue"),
        (K.FUNDING, "Acme IPO values the company at $3 billion",
         "Acme Corp's IPO at a valuation of $3 billion", "reached a valuation of $3 billion in your IPO"),
        (K.FUNDING, "Acme IPO to value the firm at up to $2.8 billion",
         "Acme Corp's coming IPO at a valuation of up to $2.8 billion",
         "announced your IPO at a valuation of up to $2.8 billion"),
        (K.FUNDING, "Acme valued at $5 billion in London listing",
         "Acme Corp's stock-market listing at a valuation of $5 billion",
         "reached a valuation of $5 billion in your stock-market listing"),
        (K.FUNDING, "Acme Rs 300-crore IPO to hit market on Monday", "Acme Corp's coming IPO",
         "announced your IPO"),
        (K.FUNDING, "Acme IPO hits market today", "the opening of Acme Corp's IPO", "opened your IPO"),
        (K.FUNDING, "Acme Rs 300 crore rights issue to open on Monday",
         "Acme Corp's planned Rs 300 crore rights issue",
         "announced plans for a Rs 300 crore rights issue"),
        (K.FUNDING, "Acme raises Rs 500 crore via rights issue",
         "Acme Corp's Rs 500 crore rights issue", "raised Rs 500 crore through a rights issue"),
        (K.FUNDING, "Acme raises $85 million to expand", "the $85 million in new funding for Acme Corp",
         "secured $85 million in new funding"),
        (K.GROWTH, "Acme sales up 18% on demand", "the 18% rise in Acme Corp's sales",
         "posted an 18% rise in sales"),
        # A debenture issue is never called a share issue; a filing for an IPO raised nothing yet.
        (K.FUNDING, "Acme debenture issue fully subscribed; raises Rs 300 crore",
         "Acme Corp's Rs 300 crore debenture issue being fully subscribed",
         "seen your Rs 300 crore debenture issue fully subscribed"),
        (K.FUNDING, "Acme issue of NCDs subscribed 2.5 times", "Acme Corp's debenture issue being "
         "subscribed 2.5 times", "seen your debenture issue subscribed 2.5 times"),
        (K.FUNDING, "Beta Foods, Acme file for IPO", "Acme Corp's IPO filing", "filed for an IPO"),
        (K.MILESTONE, "Beta Foods, Acme get nod for IPOs; may raise Rs 900 cr",
         "the approval for Acme Corp's IPO", "won approval for your IPO"),
        # A listing debut is a listing, planned or made, not "new funding".
        (K.FUNDING, "Acme, Beta Foods to make stock market debut on December 23",
         "Acme Corp's coming stock-market debut on December 23",
         "announced plans for your stock-market debut on December 23"),
        (K.FUNDING, "Acme Corp to make stock market debut on Monday",
         "Acme Corp's coming stock-market debut", "announced plans for your stock-market debut"),
        (K.FUNDING, "Acme flies to mcap of Rs 9,000 crore after listing at 15 per cent gain",
         "Acme Corp's stock-market debut", "made your stock-market debut"),
        # The amount after a base verb, and a ceiling.
        (K.FUNDING, "Acme plans IPO by March; to raise up to Rs 1,293 crore",
         "Acme Corp's plan to raise up to Rs 1,293 crore through an IPO",
         "announced plans to raise up to Rs 1,293 crore through an IPO"),
        # The party is how the anniversary was marked; a generic drug name is not a brand.
        (K.MILESTONE, "Acme marks 150th birthday party with staff picnic",
         "Acme Corp's 150th anniversary", "reached your 150th anniversary"),
        (K.MILESTONE, "Acme's Velotinib Gets Orphan Drug Label", "the orphan drug designation for "
         "Acme Corp's velotinib", "won orphan drug designation for velotinib"),
        # Who cleared the company's deal, and which deal: never "its latest acquisition".
        (K.ACQUISITION, "Shareholders give Acme green light for $2.7 billion Beta deal",
         "the shareholders' approval for Acme Corp's $2.7 billion Beta deal",
         "won the shareholders' approval for your $2.7 billion Beta deal"),
        (K.ACQUISITION, "Acme-Beta deal clears a big hurdle, secures NSE & BSE nod",
         "the stock exchanges' approval for Acme Corp's Beta deal",
         "won the stock exchanges' approval for your Beta deal"),
        (K.ACQUISITION, "Regulators clear Acme's takeover of Beta Labs",
         "the regulators' approval for Acme Corp's takeover of Beta Labs",
         "won the regulators' approval for your takeover of Beta Labs"),
        # A unit's word after the name, in Title Case, still names the partner.
        (K.PARTNERSHIP, "Acme Mobile Partners with Beta Labs to Change Payments",
         "Acme Corp's new partnership with Beta Labs", "formed a new partnership with Beta Labs"),
        # A debut on an exchange is a listing, and the headline's "decent" is left out.
        (K.LAUNCH, "Acme makes decent debut, surges 17% on BSE", "Acme Corp's stock-market debut",
         "made your stock-market debut"),
        # An issue opened, and a regulator's nod for issues listed together.
        (K.FUNDING, "Acme IPO opens today; here's what experts say",
         "the opening of Acme Corp's IPO", "opened your IPO"),
        (K.MILESTONE, "IPOs of Acme, Beta Foods get Sebi's nod", "Sebi's approval for Acme Corp's IPO",
         "won Sebi's approval for your IPO"),
        (K.EXPANSION, "Acme forms subsidiary in UAE; stock up", "Acme Corp's expansion in the UAE",
         "expanded in the UAE"),
        (K.LAUNCH, "Acme debuts, soars over 22% in early trade on NSE",
         "Acme Corp's stock-market debut", "made your stock-market debut"),
        # People counted and rising, with no figure: named, and praised no more than that.
        (K.GROWTH, "Passengers rise at Acme and Beta Air", "the rise in Acme Corp's passenger "
         "numbers", "grown your passenger numbers"),
        (K.NEW_ACCOUNT, "Zephyr Airlines picks Acme to supply jets",
         "Acme Corp's new business with Zephyr Airlines", "won new business with Zephyr Airlines"),
        (K.PARTNERSHIP, "Beta Labs and Acme announce technology alliance",
         "Acme Corp's new partnership with Beta Labs", "formed a new partnership with Beta Labs"),
        (K.LAUNCH, "Acme debuts HomeCell Mini at CES", "Acme Corp's launch of HomeCell Mini",
         "launched HomeCell Mini"),
        (K.ACQUISITION, "Acme to acquire Beta Labs", "Acme Corp's planned acquisition of Beta Labs",
         "agreed to acquire Beta Labs"),
        (K.EXPANSION, "Acme expands into Poland", "Acme Corp's expansion into Poland",
         "expanded into Poland"),
        # Every place of a list; a plan told as a plan.
        (K.EXPANSION, "Acme opens offices in Poland, Romania and Bulgaria",
         "Acme Corp's expansion in Poland, Romania and Bulgaria",
         "expanded in Poland, Romania and Bulgaria"),
        (K.EXPANSION, "Acme Ltd to set up shop in UK, UAE; stock rallies",
         "Acme Corp's planned expansion into the UK and the UAE",
         "announced plans to expand into the UK and the UAE"),
        (K.MILESTONE, "Acme delivers its 500th regional jet",
         "Acme Corp's 500th regional jet milestone",
         "reached the milestone of your 500th regional jet"),
    ],
)  # fmt: skip
def test_detail_names_the_news_for_each_kind(kind: K, title: str, news: str, clause: str) -> None:
    found = detail(kind, title, ACME, "Acme Corp")
    assert found is not None
    assert (found.news, found.clause) == (news, clause)


def test_an_issue_bid_less_than_once_is_not_told_as_demand() -> None:
    found = detail(K.FUNDING, "Acme IPO subscribed 0.4 times on day one", ACME, "Acme Corp")
    assert found is None or "subscribed" not in found.clause


def test_no_detail_for_a_headline_that_does_not_name_the_company() -> None:
    assert detail(K.AWARD, "Judges hand HomeCell the 2026 Edison Award", ACME, "Acme Corp") is None
    assert (
        detail(K.AWARD, "Acme Corporation wins Edison Award", ("Acme Corp",), "Acme Corp") is None
    )


def test_possessive_of_a_name_ending_in_s() -> None:
    found = detail(K.PARTNERSHIP, "Siemens partners with Acme", ("Siemens",), "Siemens")
    assert found is not None and found.news == "Siemens' new partnership with Acme"


def test_a_quoted_title_is_not_the_companys_age() -> None:
    assert milestone('Acme publishes "Two Centuries Of Glass" report') is None
    assert milestone("Acme celebrates two centuries of glassmaking") == "200-year milestone"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Acme, Beta Labs strike cloud storage deal", ("cloud storage", "deal", "Beta Labs")),
        ("Beta Labs, Acme ink supply pact", ("supply", "agreement", "Beta Labs")),
        ("Acme bags another drug deal, this time with Beta Labs", ("drug", "deal", "Beta Labs")),
        ("Zephyr Group, Acme Corp enter into strategic alliance",
         ("strategic", "alliance", "Zephyr Group")),
        # No other party named, or Title Case words we cannot safely carry: no deal detail.
        ("Acme strikes cloud deal", None),
        ("Acme, Beta Labs Sign Cloud Deal", None),
    ],
)  # fmt: skip
def test_deal_names_the_other_party(title: str, expected: tuple[str, str, str] | None) -> None:
    assert deal(title, ACME) == expected


def test_a_two_party_deal_is_signed_not_a_customer_won() -> None:
    found = detail(K.NEW_ACCOUNT, "Acme, Beta Labs strike cloud deal", ACME, "Acme Corp")
    assert found is not None
    assert found.clause == "signed a cloud deal with Beta Labs"


def test_a_product_named_in_an_approval_takes_no_your() -> None:
    """ "won FDA approval for your Vyvanse" reads oddly; "your migraine drug" does not."""
    named = detail(K.MILESTONE, "FDA approves Acme Corp's Zolvix for migraine", ACME, "Acme Corp")
    assert named is not None and named.clause == "won FDA approval for Zolvix for migraine"
    plain = detail(K.MILESTONE, "FDA approves Acme Corp migraine drug", ACME, "Acme Corp")
    assert plain is not None and plain.clause == "won FDA approval for your migraine drug"


@pytest.mark.parametrize(
    ("title", "news", "clause"),
    [
        ("Acme Corp's Zolvix Gets Orphan Drug Label", "the orphan drug designation for Acme "
         "Corp's Zolvix", "won orphan drug designation for Zolvix"),
        ("Acme Corp's Zolvix wins FDA fast-track status", "the fast-track designation for Acme "
         "Corp's Zolvix", "won fast-track designation for Zolvix"),
        ("Acme Corp's Zolvix gets breakthrough therapy tag", "the breakthrough therapy "
         "designation for Acme Corp's Zolvix", "won breakthrough therapy designation for Zolvix"),
    ],
)  # fmt: skip
def test_a_drug_status_names_the_drug(title: str, news: str, clause: str) -> None:
    """Not "Acme Corp's recent milestone": the status and the drug are the news."""
    found = detail(K.MILESTONE, title, ACME, "Acme Corp")
    assert found is not None and (found.news, found.clause) == (news, clause)
    assert found.praise == "approval"  # a step on the way, not an achievement


@pytest.mark.parametrize(
    ("title", "praise"),
    [
        ("Acme Corp IPO fully subscribed", "modest"),
        ("Acme Corp NCD issue oversubscribed 1.31 times", "modest"),
        ("Acme Corp IPO oversubscribed 8.63 times", ""),
        ("Acme Corp IPO oversubscribed", ""),
    ],
)
def test_demand_is_praised_as_much_as_it_was(title: str, praise: str) -> None:
    """An issue covered about once is welcome, not yet "what a vote of confidence"."""
    found = detail(K.FUNDING, title, ACME, "Acme Corp")
    assert found is not None and found.praise == praise
