"""Headline classification: kinds of good news, families of bad news, questions and hedges."""

from __future__ import annotations

from datetime import datetime, timezone
from types import SimpleNamespace

import pytest

import research
from research.judge import classify, headline_to_read, read_headline
from research.judge.rank import rank_items
from research.models import Company
from research.models import EventKind as K
from research.write.headline import strip_boilerplate
from sources import Item


def judge_headline(title: str, subject_at: int | None = None) -> SimpleNamespace:
    """The headline reading as kind (when congratulable), trigger and rejection reason."""
    reading = read_headline(title, subject_at)
    good = reading.congratulable
    return SimpleNamespace(
        kind=reading.kind if good else None,
        trigger=reading.trigger,
        rejection=None if good else reading.reasons[0],
    )


LAYOFFS = "layoffs or restructuring"
LEGAL = "legal trouble"
RECALL = "a recall"
BREACH = "a breach or outage"
LOSSES = "losses or a miss"
DOWNGRADE = "a downgrade"
DEPARTURE = "a departure"
SCANDAL = "a scandal"
STRIKE = "a strike"
BANKRUPTCY = "bankruptcy"
SETBACK = "a closure or setback"
QUESTION = "question"
HEDGE = "speculation"
NEUTRAL = "neutral"
SHARE_MOVE = "share move"
BEING_ACQUIRED = "being acquired"


def check(title: str, expected: K | str, subject_at: int | None = None) -> None:
    verdict = judge_headline(title, subject_at=subject_at)
    if isinstance(expected, K):
        assert verdict.kind is expected, (title, verdict)
        assert verdict.rejection is None
        assert verdict.trigger and verdict.trigger.lower() in title.lower()
        return
    assert verdict.kind is None, (title, verdict)
    assert verdict.rejection
    if expected == QUESTION:
        assert verdict.rejection == "phrased as a question, not news"
    elif expected == HEDGE:
        assert verdict.rejection.startswith("speculation, not news (")
        assert verdict.trigger.lower() in title.lower()
    elif expected == NEUTRAL:
        assert verdict.rejection == "no event to congratulate (neutral news)"
    elif expected == BEING_ACQUIRED:
        assert verdict.rejection == "the company is being acquired, not buying"
    elif expected == SHARE_MOVE:
        assert verdict.rejection == "a share-price move alone is not an event to congratulate"
    else:
        assert verdict.rejection.startswith(f"negative news ({expected}: "), verdict.rejection
        assert verdict.trigger and verdict.trigger in title


FIXTURE_HEADLINES = [
    # Google News
    ("Acme Corp wins 2026 Edison Award for its HomeCell solar battery", K.AWARD),
    ("Acme Corp Wins 2026 Edison Award For HomeCell Solar Battery", K.AWARD),
    ("Acme Corp posts record third-quarter revenue as battery sales surge", K.GROWTH),
    ("City of Lakemont selects Acme Corp for municipal solar storage contract", K.NEW_ACCOUNT),
    (
        "Acme Corp and Brightwell Logistics announce fleet electrification partnership",
        K.PARTNERSHIP,
    ),
    ("Acme Corp unveils HomeCell 2, a compact battery for apartment balconies", K.LAUNCH),
    ("Acme Corp to acquire grid-software startup Voltaire Labs for $120 million", K.ACQUISITION),
    ("Acme Corp opens Denver office, plans to hire 300 engineers", K.EXPANSION),
    ("Acme Corp marks 50 years with community celebration in its hometown", K.MILESTONE),
    ("Acme Corp to cut 200 jobs in restructuring of consumer division", LAYOFFS),
    ("Former suppliers file lawsuit against Acme Corp over unpaid invoices", LEGAL),
    ("Acme Corp named one of the region's best places to work", K.AWARD),
    ("Acme Brick Co. opens new kiln in Ohio, adding 40 jobs", K.EXPANSION),
    ("Acme Corp CTO talks R&D spending and battery supply chains", NEUTRAL),
    # Bing News
    ("Acme Corp wins Edison Award for HomeCell solar battery", K.AWARD),
    ("Acme Corp lands $400 million storage order from Pacific Crest Utilities", K.NEW_ACCOUNT),
    ("Acme Corp recalls 12,000 HomeCell chargers over overheating risk", RECALL),
    ("Will Acme Corp's new battery finally crack the home market?", QUESTION),
    ("Acme Corp expands solar panel recycling program to three more states", K.EXPANSION),
    ("Acme Corp reports record revenue but cuts 150 jobs in Ohio", LAYOFFS),
    ("Acme Corp hiring spree brings 300 tech jobs to Denver", K.EXPANSION),
    ("Acme Corp partners with Brightwell Logistics on electric delivery vans", K.PARTNERSHIP),
    ("Acme Corp shares edge higher ahead of investor day", SHARE_MOVE),
    # Atom newsroom
    ("Acme Corp HomeCell Battery Named 2026 Edison Award Winner", K.AWARD),
    ("Acme Corp Completes Acquisition of Voltaire Labs", K.ACQUISITION),
    ("Acme Corp Reports Record Third Quarter 2026 Results", K.GROWTH),
    ("Acme Corp Celebrates 50 Years of Building Energy Solutions", K.MILESTONE),
    ("Acme Corp Appoints Priya Raman as Chief Sustainability Officer", NEUTRAL),
    # JSON Feed newsroom
    ("Introducing HomeCell 2: Home Solar Storage Sized for Apartments", K.LAUNCH),
    ("City of Lakemont Selects Acme Corp for Municipal Solar Storage", K.NEW_ACCOUNT),
    ("Acme Corp and Brightwell Logistics Partner on Fleet Electrification", K.PARTNERSHIP),
    ("Acme Foundation Announces 2026 Community Energy Grants", NEUTRAL),
    # windows-1252 feed
    ("Acme Corp’s “HomeCell” battery now powers Montréal’s first solar café", NEUTRAL),  # noqa: RUF001
    (
        "Acme Corp signs supply deal with Société Énergie Boréale — its largest in Québec",
        K.NEW_ACCOUNT,
    ),
    ("Acme Corp names Renée Doucet chief technology officer – “a natural fit”", NEUTRAL),  # noqa: RUF001
]


@pytest.mark.parametrize(("title", "expected"), FIXTURE_HEADLINES)
def test_fixture_headlines(title: str, expected: K | str) -> None:
    check(title, expected)


OWN_HEADLINES = [
    # awards
    ("Northgate Analytics wins Gold Stevie for customer service", K.AWARD),
    ("Harbor Mills named to Fast Company's Most Innovative list", K.AWARD),
    ("Pinecrest Bank honored for community lending program", K.AWARD),
    ("Lumen Foods ranked among top employers in Ohio", K.AWARD),
    # funding
    ("Orbital Freight raises $30 million Series B", K.FUNDING),
    ("Tessel Robotics closes $12 million seed round", K.FUNDING),
    ("Quill Health goes public on Nasdaq", K.FUNDING),
    ("Brightline Dental secures $8.5 million to expand clinics", K.FUNDING),
    # new accounts
    ("Harbor Transit selects Orbital Freight for fleet management", K.NEW_ACCOUNT),
    ("Orbital Freight wins five-year contract with the Port of Lakemont", K.NEW_ACCOUNT),
    ("Tessel Robotics signs distribution agreement with Kestrel Supply", K.NEW_ACCOUNT),
    # partnerships
    ("Quill Health partners with Mercy Valley Hospital", K.PARTNERSHIP),
    ("Lumen Foods and Greenfield Farms form joint venture", K.PARTNERSHIP),
    ("Pinecrest Bank teams up with local credit unions", K.PARTNERSHIP),
    # growth
    ("Northgate Analytics revenue jumps 40% in third quarter", K.GROWTH),
    ("Harbor Mills beats expectations with strong holiday sales", K.GROWTH),
    ("Orbital Freight tops 100,000 customers", K.GROWTH),
    ("Quill Health lifts its outlook after sales climb 14%", K.GROWTH),  # the sales count
    # launches
    ("Tessel Robotics launches warehouse picking arm", K.LAUNCH),
    ("Lumen Foods unveils plant-based snack line", K.LAUNCH),
    ("Pinecrest Bank rolls out mobile check deposit", K.LAUNCH),
    # expansion
    ("Northgate Analytics opens new headquarters in Austin", K.EXPANSION),
    ("Harbor Mills to hire 250 workers at Georgia site", K.EXPANSION),
    ("Orbital Freight enters European market", K.EXPANSION),
    # milestones
    ("Quill Health celebrates 25th anniversary", K.MILESTONE),
    ("Tessel Robotics ships 10,000th robot", K.MILESTONE),
    # acquisitions
    ("Harbor Mills acquires rival Kestrel Textiles", K.ACQUISITION),
    ("Lumen Foods snaps up Greenfield Farms", K.ACQUISITION),
    # negative families
    ("Northgate Analytics lays off 12% of staff", LAYOFFS),
    ("Harbor Mills announces restructuring of its retail arm", LAYOFFS),
    ("Harbor Mills posts record sales but cuts 80 jobs", LAYOFFS),
    ("Quill Health sued over patient data practices", LEGAL),
    ("Pinecrest Bank fined $2 million over overdraft fees", LEGAL),
    ("Lumen Foods recalls granola bars over allergen labeling", RECALL),
    ("Orbital Freight hit by ransomware attack", BREACH),
    ("Pinecrest Bank mobile app suffers nationwide outage", BREACH),
    ("Tessel Robotics posts wider quarterly loss", LOSSES),
    ("Harbor Mills shares tumble after profit warning", LOSSES),
    ("Analysts downgrade Quill Health to underperform", DOWNGRADE),
    ("Northgate Analytics CEO steps down", DEPARTURE),
    ("Harbor Mills accounting scandal widens", SCANDAL),
    ("Workers at Lumen Foods plant go on strike", STRIKE),
    ("Orbital Freight files for Chapter 11 bankruptcy", BANKRUPTCY),
    ("Tessel Robotics shuts down Ohio factory", SETBACK),
    ("Quill Health delays launch of diabetes app", SETBACK),
    # questions, hedges, neutral
    ("Is Orbital Freight the next big logistics IPO?", QUESTION),
    ("Why Tessel Robotics is betting on Detroit", QUESTION),
    ("Lumen Foods wins best snack award?", QUESTION),
    ("Lumen Foods could be sold to Greenfield Farms", HEDGE),
    ("Pinecrest Bank mulls acquisition of Valley Trust", HEDGE),
    ("Northgate Analytics reportedly in talks to buy Kestrel Data", HEDGE),
    ("Quill Health said to be considering an IPO", HEDGE),
    ("Harbor Mills CFO to speak at industry conference", NEUTRAL),
    ("Orbital Freight shares edge higher ahead of earnings", SHARE_MOVE),
    ("Harbor Mills acquired by Kestrel Group", BEING_ACQUIRED),
]


def test_own_headlines_cover_every_kind_and_family() -> None:
    expected = {e for _, e in OWN_HEADLINES}
    assert set(K) <= expected
    families = {LAYOFFS, LEGAL, RECALL, BREACH, LOSSES, DOWNGRADE, DEPARTURE, SCANDAL, STRIKE}
    assert families | {BANKRUPTCY, SETBACK, QUESTION, HEDGE, NEUTRAL} <= expected
    assert len(OWN_HEADLINES) >= 40


@pytest.mark.parametrize(("title", "expected"), OWN_HEADLINES)
def test_own_headlines(title: str, expected: K | str) -> None:
    check(title, expected)


def test_negative_cue_beats_positive_cue() -> None:
    verdict = judge_headline("Acme Corp reports record revenue but cuts 150 jobs in Ohio")
    assert verdict.kind is None
    assert verdict.trigger == "cuts 150 jobs"
    assert verdict.rejection == "negative news (layoffs or restructuring: 'cuts 150 jobs')"


def test_subject_after_acquisition_verb_is_not_an_acquisition() -> None:
    title = "Beta acquires Acme Corp"
    verdict = judge_headline(title, subject_at=title.index("Acme Corp"))
    assert verdict.kind is None
    assert verdict.rejection == "the company is being acquired, not buying"


def test_subject_before_acquisition_verb_is_an_acquisition() -> None:
    title = "Acme Corp acquires Beta"
    assert judge_headline(title, subject_at=0).kind is K.ACQUISITION
    # Unknown subject position: the verb alone decides.
    assert judge_headline(title).kind is K.ACQUISITION


@pytest.mark.parametrize(
    "title",
    [
        "Kestrel Group to acquire Harbor Mills for $2 billion",
        "Kestrel Group completes acquisition of Harbor Mills",
        "Kestrel Group snaps up Harbor Mills",
    ],
)
def test_company_being_bought_is_rejected(title: str) -> None:
    verdict = judge_headline(title, subject_at=title.index("Harbor Mills"))
    assert verdict.kind is None
    assert "being acquired" in (verdict.rejection or "")


def test_subject_position_matters_only_for_acquisitions() -> None:
    title = "City of Lakemont selects Acme Corp for storage contract"
    assert judge_headline(title, subject_at=title.index("Acme Corp")).kind is K.NEW_ACCOUNT


@pytest.mark.parametrize(
    "title",
    [
        "Acme Corp could win Edison Award",
        "Acme Corp might acquire Voltaire Labs",
        "Acme Corp may raise $50 million",
        "Acme Corp weighs expansion into Canada",
        "Acme Corp eyes partnership with Brightwell",
        "Acme Corp rumored to launch HomeCell 3",
        "Acme Corp denies report it will open Texas plant",
    ],
)
def test_hedged_headlines_are_rejected(title: str) -> None:
    verdict = judge_headline(title)
    assert verdict.kind is None
    assert (verdict.rejection or "").startswith("speculation")


def test_leading_and_trailing_spaces_do_not_hide_a_question() -> None:
    assert judge_headline("  Is Acme Corp hiring?  ").rejection == "phrased as a question, not news"
    assert judge_headline("  How Acme Corp won the Edison Award ").kind is None


@pytest.mark.parametrize(
    "title",
    [
        "Acme Corp cuts 12% of its workforce as it expands into AI",
        "Acme Corp to cut 300 roles as it expands in Asia",
        "Acme Corp loses Pentagon contract to rival",
        "Beta Logistics ends partnership with Acme Corp",
        "Acme Corp abandons plan to acquire Voltaire Labs",
    ],
)
def test_bad_news_with_a_positive_word_is_not_praised(title: str) -> None:
    assert judge_headline(title).kind is None


@pytest.mark.parametrize(
    "name", ["Drop Labs", "Loss Prevention Inc", "Fail-Safe Systems", "Will Power Co", "Crash Games"]
)
def test_words_of_the_company_name_are_not_read_as_news_about_it(name: str) -> None:
    good = classify(f"{name} wins 2026 Edison Award", name)
    assert good.congratulable and good.kind is K.AWARD, good.reasons
    bad = classify(f"{name} cuts 200 jobs", name)
    assert bad.tone == "negative" and not bad.congratulable


@pytest.mark.parametrize(
    ("title", "company", "kind"),
    [
        ("Beta selects Acme Corp as supplier", "Acme Corp", K.NEW_ACCOUNT),
        ("Beta selects Acme Corp as supplier", "Beta", None),  # Beta is the customer
        ("Bluefin Payments replaces Acme Corp as payment provider for Saffron Hotels",
         "Bluefin Payments", K.NEW_ACCOUNT),
        ("Bluefin Payments replaces Acme Corp as payment provider for Saffron Hotels",
         "Saffron Hotels", None),  # the hotel chain is the customer, not the winner
        ("Quillon Pharma's first drug wins regulatory approval", "Quillon Pharma", K.MILESTONE),
        ("Acme Corp earns ISO 27001 certification", "Acme Corp", K.AWARD),
        ("ACME CORP ANNOUNCES THIRD-QUARTER EARNINGS RELEASE DATE", "Acme Corp", None),
        ("Acme Corp to report fourth-quarter results on February 5", "Acme Corp", None),
        ("Acme Corp reports record fourth-quarter results", "Acme Corp", K.GROWTH),
    ],
)  # fmt: skip
def test_who_wins_the_account_and_what_is_only_a_calendar_entry(
    title: str, company: str, kind: K | None
) -> None:
    reading = classify(title, company)
    assert (reading.kind if reading.congratulable else None) is kind, reading.reasons


# --- press-release furniture: read the news, not the ticker tag, wire name or dateline ---------

FURNISHED_GOOD_NEWS = [
    # ticker tags
    ("Acme Corp (NASDAQ: ACME) Wins 2026 Edison Award", K.AWARD),
    ("Acme Corp (NASDAQ: ACME) wins 2026 Edison Award", K.AWARD),
    ("Acme Corp (NYSE: ACME) Announces Partnership With Beta Labs", K.PARTNERSHIP),
    ("Acme Corp (TSX: ACME) Closes $40 Million Series C Financing", K.FUNDING),
    ("Acme Corp (LSE: ACME) Opens New Headquarters in Manchester", K.EXPANSION),
    ("Acme Corp (NASDAQ:ACME) Reports Record Third Quarter Revenue", K.GROWTH),
    ("Acme Corp NASDAQ:ACME Reports Record Third Quarter Revenue", K.GROWTH),
    ("Acme Corp (OTCQB: ACMX) Launches HomeCell 3 Battery", K.LAUNCH),
    ("Acme Corp (TSX: ACME; OTCQB: ACMX) Completes Acquisition of Voltaire Labs", K.ACQUISITION),
    # wire and release names
    ("Acme Corp (NASDAQ: ACME) Wins 2026 Edison Award - Press Release", K.AWARD),
    ("Acme Corp Wins 2026 Edison Award | Business Wire", K.AWARD),
    ("Acme Corp Signs Supply Agreement With Pacific Crest Utilities -- PR Newswire", K.NEW_ACCOUNT),
    ("Acme Corp Wins 2026 Edison Award (GLOBE NEWSWIRE)", K.AWARD),
    ("Press Release: Acme Corp Wins 2026 Edison Award", K.AWARD),
    # datelines
    ("NEW YORK, Nov. 20, 2026 /PRNewswire/ -- Acme Corp Wins 2026 Edison Award", K.AWARD),
    ("NEW YORK, Nov. 20, 2026 /PRNewswire/ -- Acme Corp acquires Voltaire Labs", K.ACQUISITION),
    ("NEW YORK, Nov. 20, 2026 (GLOBE NEWSWIRE) -- Acme Corp (NASDAQ: ACME) Wins 2026 Edison Award",
     K.AWARD),
    ("LONDON (Reuters) - Acme Corp wins 2026 Edison Award", K.AWARD),
    # all capitals
    ("ACME CORP (NASDAQ: ACME) WINS 2026 EDISON AWARD - PRESS RELEASE", K.AWARD),
    ("ACME CORP (NYSE: ACME) ANNOUNCES PARTNERSHIP WITH BETA LABS | BUSINESS WIRE", K.PARTNERSHIP),
    # words that carry news are kept: "Announces" is no furniture
    ("Acme Corp Announces Record Revenue", K.GROWTH),
    ("Acme Corp Announces Record Revenue - Press Release", K.GROWTH),
]  # fmt: skip


@pytest.mark.parametrize(("title", "kind"), FURNISHED_GOOD_NEWS)
def test_good_news_in_press_release_furniture_is_read_as_its_news(title: str, kind: K) -> None:
    reading = classify(title, "Acme Corp")
    assert reading.congratulable and reading.kind is kind, reading.reasons
    assert reading.reasons[0] == "the headline names Acme Corp"
    # "Release" in "- Press Release" is never the trigger of a launch
    assert "release" not in reading.trigger.lower()


@pytest.mark.parametrize(("title", "kind"), FURNISHED_GOOD_NEWS[:12])
def test_congratulate_accepts_a_press_release_headline(title: str, kind: K) -> None:
    snippet = research.congratulate(title, "formal", company="Acme Corp")
    assert "Acme Corp" in snippet.text
    for furniture in ("NASDAQ", "NYSE", "TSX", "LSE", "OTCQB", "Press Release", "Wire", "WIRE"):
        assert furniture not in snippet.text


FURNISHED_BAD_NEWS = [
    ("Acme Corp (NASDAQ: ACME) Cuts 200 Jobs - Press Release", LAYOFFS),
    ("Acme Corp (NYSE: ACME) Recalls 12,000 HomeCell Chargers | Business Wire", RECALL),
    ("NEW YORK, Nov. 20, 2026 /PRNewswire/ -- Acme Corp Reports Third Quarter Loss", LOSSES),
    ("ACME CORP (TSX: ACME) FILES FOR CHAPTER 11 BANKRUPTCY (GLOBE NEWSWIRE)", BANKRUPTCY),
    ("Acme Corp (LSE: ACME) CEO Steps Down -- PR Newswire", DEPARTURE),
    ("Acme Corp (OTCQB: ACMX) Reports Record Revenue But Cuts 150 Jobs", LAYOFFS),
    ("Acme Corp NASDAQ:ACME Faces Class Action Over Battery Fires", LEGAL),
]


@pytest.mark.parametrize(("title", "family"), FURNISHED_BAD_NEWS)
def test_bad_news_in_press_release_furniture_stays_bad(title: str, family: str) -> None:
    reading = classify(title, "Acme Corp")
    assert not reading.congratulable and reading.tone == "negative", reading.reasons
    assert reading.reasons[1].startswith(f"negative news ({family}: "), reading.reasons
    with pytest.raises(research.NotCongratulable):
        research.congratulate(title, company="Acme Corp")


@pytest.mark.parametrize(
    ("title", "company", "kind"),
    [
        # the position of the name is the one in the text read: after a dateline of 41
        # characters, Acme is still the buyer, and "Drop Labs" is still masked
        ("NEW YORK, Nov. 20, 2026 /PRNewswire/ -- Acme Corp acquires Voltaire Labs",
         "Acme Corp", K.ACQUISITION),
        ("NEW YORK, Nov. 20, 2026 /PRNewswire/ -- Beta Labs acquires Acme Corp", "Acme Corp", None),
        ("NEW YORK, Nov. 20, 2026 /PRNewswire/ -- Drop Labs wins 2026 Edison Award",
         "Drop Labs", K.AWARD),
        ("Beta Labs (NASDAQ: BETA) Selects Acme Corp (NYSE: ACME) for Fleet Storage",
         "Acme Corp", K.NEW_ACCOUNT),
        ("Beta Labs (NASDAQ: BETA) Selects Acme Corp (NYSE: ACME) for Fleet Storage",
         "Beta Labs", None),
        ("Beta Labs (NASDAQ: BETA) Wins 2026 Edison Award", "Acme Corp", None),
        ("Acme Corp (NASDAQ: ACME) Customer Beta Labs Wins 2026 Edison Award", "Acme Corp", None),
    ],
)  # fmt: skip
def test_the_name_is_found_where_the_cleaned_headline_has_it(
    title: str, company: str, kind: K | None
) -> None:
    reading = classify(title, company)
    assert (reading.kind if reading.congratulable else None) is kind, reading.reasons


@pytest.mark.parametrize(
    ("title", "company"),
    [
        ("Acme Corp (NASDAQ: ACME) Wins 2026 Edison Award", "Nasdaq"),
        ("Acme Corp Wins 2026 Edison Award | Business Wire", "Business Wire"),
        ("Acme Corp Wins 2026 Edison Award - Reuters", "Reuters"),
    ],
)
def test_a_company_named_only_in_the_furniture_is_not_what_the_news_is_about(
    title: str, company: str
) -> None:
    reading = classify(title, company)
    assert not reading.congratulable and not reading.about_company
    assert reading.reasons[-1] == "the headline names the company only in press-release furniture"


def test_the_ranking_reads_the_same_cleaned_headline() -> None:
    """Items from feeds go through rank_items, not classify: the same cleaning applies."""
    now = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)

    def item(title: str) -> Item:
        return Item(title, title, "https://news.example/x", now, "", "Wire", "wire.example", "t")

    titles = [
        "Acme Corp (NASDAQ: ACME) Wins 2026 Edison Award - Press Release",
        "NEW YORK, Nov. 20, 2026 /PRNewswire/ -- Acme Corp acquires Voltaire Labs",
        "Acme Corp (NASDAQ: ACME) Cuts 200 Jobs | Business Wire",
    ]
    events, skipped = rank_items(
        [item(t) for t in titles], Company("acme-corp", "Acme Corp"), now=now, days=30, limit=5
    )
    assert {(e.title, e.kind) for e in events} == {(titles[0], K.AWARD), (titles[1], K.ACQUISITION)}
    assert [s.title for s in skipped] == [titles[2]]
    assert "layoffs" in skipped[0].reason


@pytest.mark.parametrize(
    "title",
    [
        "Acme Corp Announces Record Revenue",
        "Acme Corp Delays Product Release",
        "Acme Corp launches newswire service for utilities",
        "Business Wire names Acme Corp veteran as CEO",
        "Thomson Reuters wins Acme Corp contract",
        "Nasdaq: Acme Corp shares hit record high",
        "Acme Corp: record revenue - and more to come",
    ],
)
def test_words_that_carry_news_are_not_furniture(title: str) -> None:
    assert strip_boilerplate(title) == title
    assert headline_to_read(title, title.index("Acme Corp")) == (title, title.index("Acme Corp"))


@pytest.mark.parametrize("prefix", ["", "NEW YORK, Nov. 20, 2026 /PRNewswire/ -- ", "  "])
@pytest.mark.parametrize("tag", ["", " (NASDAQ: ACME)", "(NYSE:ACME)", "  (TSX: ACME) "])
@pytest.mark.parametrize(
    "suffix", ["", " - Press Release", " | Business Wire ", " (GLOBE NEWSWIRE)"]
)
def test_the_position_of_the_name_follows_the_cleaning(prefix: str, tag: str, suffix: str) -> None:
    title = f"{prefix}Beta Labs{tag} selects  Acme Corp{tag} for storage{suffix}"
    text, position = headline_to_read(title, title.index("Acme Corp"))
    assert text == "Beta Labs selects Acme Corp for storage"
    assert position == text.index("Acme Corp")
    # a position inside the furniture has no place in the text read
    if tag:
        assert headline_to_read(title, title.index(tag.strip()) + 1) == (text, None)


@pytest.mark.parametrize(
    ("title", "tone"),
    [
        ("Acme Corp sued over battery fires", "negative"),
        ("Acme Corp sued by shareholders", "negative"),
        ("Acme Corp gets sued by a former supplier", "negative"),
        ("Acme Corp was sued by Beta", "negative"),
        ("Acme Corp sued Beta over a patent", "neutral"),  # Acme is the one suing
        ("Acme Corp sues Beta over a patent", "neutral"),
    ],
)
def test_sued_with_an_object_is_acting_and_without_one_is_being_sued(title: str, tone: str) -> None:
    assert classify(title, "Acme Corp").tone == tone


@pytest.mark.parametrize(
    ("title", "company", "kind"),
    [
        # words are matched whole: a cue inside another name is not that cue
        ("Acme wins contract from Dragonfield Labs", "Acme", K.NEW_ACCOUNT),
        ("Acme raises $20 million in round led by Hackman Capital", "Acme", K.FUNDING),
        # a company's own profit figure, even without a comparison
        ("Acme posts Rs 120 crore net profit in Q3", "Acme", K.GROWTH),
        ("Acme Q3 net profit at Rs 45 crore", "Acme", K.GROWTH),
        ("Acme beats every estimate as cloud sales jump", "Acme", K.GROWTH),
        ("Acme reports bumper results", "Acme", K.GROWTH),
        ("Passengers rise 12% at Acme Airways", "Acme Airways", K.GROWTH),
        # a share move is news when its cause is the company's own event
        ("Acme shares up 5% on $300-million order", "Acme", K.NEW_ACCOUNT),
        # bad words that only set the scene
        ("Acme profit grows despite a gloomy market", "Acme", K.GROWTH),
        ("Acme boosts sales despite cautious clients", "Acme", K.GROWTH),  # its customers' mood
        # approvals and clearances of the company's own deal
        ("Regulators clear Acme's takeover of Beta", "Acme", K.ACQUISITION),
        ("Shareholders approve Acme's $2.7 billion deal for Beta", "Acme", K.ACQUISITION),
        ("Acme gets orphan drug status for lead drug", "Acme", K.MILESTONE),
        # a formal offer, a controlling stake, a listing, a memorandum
        ("Acme launches $3 billion bid for Beta", "Acme", K.ACQUISITION),
        ("Acme raises stake in Beta to 75% via open offer", "Acme", K.ACQUISITION),
        # shares paid for a company, not shares bought in one
        ("Acme Acquires Rival Beta Labs In All-Stock Deal", "Acme", K.ACQUISITION),
        ("Acme to buy Beta for $1.2 billion in cash and shares", "Acme", K.ACQUISITION),
        ("Acme to list shares on NSE on Monday", "Acme", K.FUNDING),
        ("Acme and Beta sign MoU on battery research", "Acme", K.PARTNERSHIP),
        ("Beta loses contract to Acme", "Acme", K.NEW_ACCOUNT),
        # a rise caused by results the headline calls good
        ("Acme shares climb 9% on smart Q2 earnings", "Acme", K.GROWTH),
        ("Acme rallies post good Q3 show", "Acme", K.GROWTH),
        # an issue opening on a date, or taken up several times over
        ("Acme Rs 300 crore rights issue to open on Monday", "Acme", K.FUNDING),
        ("Acme bond issue subscribed four times", "Acme", K.FUNDING),
        # a company appointed to a role is a mandate won
        ("Acme appointed as sole distributor for Beta in Kenya", "Acme", K.NEW_ACCOUNT),
        # a licence to advise on investments is a licence, not an investment received
        ("Acme Capital gets investment adviser licence", "Acme Capital", K.MILESTONE),
        # a debut is a listing only on an exchange
        ("Acme makes strong debut on NSE", "Acme", K.FUNDING),
        ("Acme makes debut at Paris Air Show", "Acme", K.LAUNCH),
        # money named by the project it pays for is a project won, not funding raised
        ("Acme bags Rs 545 cr project; stock up", "Acme", K.NEW_ACCOUNT),
        ("Acme raises Rs 500 crore for new project", "Acme", K.FUNDING),
        # a controlling stake is an acquisition however it is bought
        ("Acme picks up 60% stake in Beta", "Acme", K.ACQUISITION),
        ("Beta to sell 74% stake in its paint unit to Acme", "Acme", K.ACQUISITION),
        ("Acme raises stake in Beta to 68% for Rs 89 crore", "Acme", K.ACQUISITION),
    ],
)
def test_real_headline_shapes_that_are_good_news(title: str, company: str, kind: K) -> None:
    verdict = classify(title, company)
    assert verdict.congratulable and verdict.kind is kind, verdict


@pytest.mark.parametrize(
    "title",
    [
        "Acme buys 2.5 lakh shares of Beta Industries",  # a portfolio trade
        "Acme buys 4% stake in Beta Industries",
        "Acme buys shares in Beta Industries",
        "Acme IPO price band fixed at Rs 240-250",  # the word IPO alone
        "Acme Q2 profit seen up 20%",  # a forecast
        "Acme set to post strong quarterly profit",
        "Acme to register higher revenue this quarter",
        "Acme launches refinancing of credit line",  # money, not a product
        "Acme raises $2bn through share placing to cut debt load",
        "Acme releases full-year results",
        "Acme appoints Jane Doe as Partner",  # a person's title
        "Acme is a great long-term bet for 5 years: Jane Doe",  # someone's view
        "Buy Acme with a target of Rs 500: Jane Doe, Beta Securities",
        "Acme plans IPO: sources",  # a report
        "Acme Q1 results: five key takeaways",
        "Acme offers to buy Beta for $3 billion",  # an approach
        "Acme gets exchange nod to merge subsidiaries with itself",  # a reorganisation
        "Acme Q2 profit up 10%; lags forecast",  # mixed
        "Acme sheds $2 billion in market value",
        "Acme's French expansion hits the rocks",
        "Acme wins industry award amid securities lawsuit",  # its own trouble, not the scene
        "Acme to buy-back 14.5 per cent stake for Rs 231 crore",  # a buyback
        "Jane Doe retires as Acme chairman, John Roe takes over",  # an appointment
        "Acme Q1 profit at Rs 1,726 crore; in line with estimates",  # results only as expected
        "Acme posts profit on one-time tax gain",  # a one-off
        "Beta rallies on tie-up with Acme",  # Beta's news, Acme only its counterpart
        "Acme divestment to help government raise Rs 8,000 crore",  # the seller is the state
        "Acme to raise Rs 900 crore by selling roads, stake in ports",  # money from selling assets
        "Beta jumps 4%; Acme Mutual Fund buys",  # a fund buying shares
        "Beta soars on reports to sell its paint unit to Acme",  # what reports say
        "Acme shares rise 3% on hopes of good earnings",  # a hope, not results
        "Acme gains 2% on in-line Q4 results",  # only as expected
        "Acme profit rises despite sales slump in Europe",  # its own figures fall: mixed
        "Acme Jones appointed as MD of Beta Motors",  # a person named to a post
        "Acme Jones appointed to the board of Beta",
        "Acme picks up minority stake in Beta Labs",  # an investment
        "Acme to buy 2.5% Beta stake",
        "Government to sell 4 per cent stake in Beta to Acme",  # Acme buys a small stake
        "Acme, Beta and Gamma unveil plans to go private",  # a plan, not a launch
        "Acme sets record date for stock split",  # a date, not a record
        "Acme to gain from capacity expansion, retail push",  # an analyst's view
        "Acme's cash pile leaves scope for expansion",
        "Acme's foray into solar to boost future earnings",
        "Acme: Economic turnaround, improved hiring to be immediate trigger",
        "Acme rallies 4% on land parcel deal report",  # a report
        "Acme gets shareholders' nod for selling 6% stake to Beta",  # a sale approved
        "Acme Profit Up As Sales Rise, Looking For New CEO",  # its chief is leaving
    ],
)
def test_real_headline_shapes_that_are_not(title: str) -> None:
    assert not classify(title, "Acme").congratulable, classify(title, "Acme")


@pytest.mark.parametrize(
    "title",
    [
        # a broker's picks: the company is the one recommending
        "Acme's midcap ideas to buy before the budget",
        "Acme top picks: Beta after record profit",
        "Acme smallcap bets to buy now",
        # a need is not a result
        "Acme revenue needs to jump for the merger to pay off",
        "Acme has to launch a cheaper phone",
        # what the company's report or survey found is its subject's news
        "Acme report reveals record deal volumes across Asia",
        "Acme's survey finds profits rose at most retailers",
    ],
)
def test_views_needs_and_reports_of_the_company_are_not_its_news(title: str) -> None:
    verdict = classify(title, "Acme")
    assert not verdict.congratulable, verdict


@pytest.mark.parametrize(
    "title",
    [
        # a trigger inside the title of a post someone is named to
        "Acme appoints Jane Doe as regional head of project financing",
        "Acme names John Roe chief partnership officer",
        "Jane Doe joins Acme as director, new product launches",
        "Acme India appoints R Kumar as new head of Chennai factory",
        # land the noun, not the verb
        "Acme stock firms up on Nagpur land deal",
        "Acme gains 3% on land bank deal in Pune",
        # volumes in a headline about the share price are shares traded
        "Acme hits upper circuit for a third day as volumes jump fivefold",
        "Acme shares jump as trading volumes soar",
    ],
)
def test_trigger_words_out_of_their_role_are_no_event(title: str) -> None:
    verdict = classify(title, "Acme")
    assert not verdict.congratulable, verdict


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # a licensing deal shares rights: a partnership, whichever way the licence runs
        ("Acme signs licensing deal with Beta Pharma", K.PARTNERSHIP),
        ("Acme's Gamma unit inks licence agreement with Beta for its antibody", K.PARTNERSHIP),
        ("Acme signs license pact; stock rallies", K.PARTNERSHIP),
        # other deals stay accounts won
        ("Acme signs supply deal with Beta", K.NEW_ACCOUNT),
        ("Acme inks licensing-fee-free service agreement with Beta", K.NEW_ACCOUNT),
    ],
)
def test_a_licensing_deal_is_a_partnership(title: str, kind: K) -> None:
    verdict = classify(title, "Acme")
    assert verdict.congratulable and verdict.kind is kind, verdict


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Acme named official partner of the 2026 Games", K.PARTNERSHIP),
        ("Acme CEO Jane Doe launches new phone", K.LAUNCH),
        ("Acme lands $40 million deal with Beta", K.NEW_ACCOUNT),
        ("Acme sales volumes jump 20%; stock hits record high", K.GROWTH),
        ("Acme cargo volumes up 8%, shares gain", K.GROWTH),
    ],
)
def test_the_same_words_in_their_role_are_still_news(title: str, kind: K) -> None:
    verdict = classify(title, "Acme")
    assert verdict.congratulable and verdict.kind is kind, verdict


@pytest.mark.parametrize(
    "title",
    [
        "New tax rules shake Acme's purchase of Beta",
        "Acme purchase of Beta runs into roadblock",
        "Acme's takeover of Beta hits a snag over pensions",
        "Pension dispute casts a shadow over Acme's acquisition of Beta",
    ],
)
def test_a_threat_to_the_company_s_deal_is_bad_news(title: str) -> None:
    verdict = classify(title, "Acme")
    assert not verdict.congratulable and verdict.tone == "negative", verdict


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Acme shakes up its board after record profit", K.GROWTH),
        ("Acme shakes hands with Beta for joint venture", K.PARTNERSHIP),
        ("Acme snags $12 million contract from the navy", K.NEW_ACCOUNT),
    ],
)
def test_a_shake_up_a_handshake_or_a_snagged_contract_is_no_threat(title: str, kind: K) -> None:
    verdict = classify(title, "Acme")
    assert verdict.congratulable and verdict.kind is kind, verdict


@pytest.mark.parametrize(
    "title",
    [
        # the company as the customer: the order is its supplier's win
        "Acme places order for 50 aircraft with Beta Aero",
        "Acme orders 20 new trains from Beta Rail",
        "Acme placed a $2 billion order with Beta for turbines",
        "Acme to place repeat orders with Beta",
        # asking for an approval is not getting it
        "Acme files for FDA approval of its migraine drug",
        "Acme applies for a banking licence in Singapore",
        "Acme submits application seeking EU clearance for Beta deal",
        # a legal win, and money that only replaces old debt
        "Acme wins patent case against Beta",
        "Acme secures $500 million refinancing of its term loan",
        "Acme completes refinancing of credit facility",
        # raised guidance is an expectation, not a result
        "Acme raises full-year guidance",
        "Acme upgrades FY27 revenue guidance by 10%",
    ],
)
def test_orders_placed_approvals_asked_legal_wins_refinancing_and_guidance_are_no_event(
    title: str,
) -> None:
    verdict = classify(title, "Acme")
    assert not verdict.congratulable, verdict


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # the company as the supplier, or its own orders growing
        ("Beta places order for 50 aircraft with Acme", K.NEW_ACCOUNT),
        ("Beta Airlines orders 30 jets from Acme", K.NEW_ACCOUNT),
        ("Acme bags orders worth Rs 560 crore", K.NEW_ACCOUNT),
        ("Acme orders jump 40% in first half", K.GROWTH),
        ("Acme order book grows to record $5 billion", K.GROWTH),
        # an approval granted, a patent granted, money raised, results with raised guidance
        ("Acme gets FDA approval for its migraine drug", K.MILESTONE),
        ("Acme wins patent for battery design", K.MILESTONE),
        ("Acme raises $500 million in Series C funding", K.FUNDING),
        ("Acme profit beats estimates, raises full-year guidance", K.GROWTH),
        # a deal cleared by named authorities is the acquisition, not a milestone of its own
        ("Acme, Beta merger deal gets BSE, NSE nod", K.ACQUISITION),
        # a share move whose cause is a result: the result is the event
        ("Acme shares jump on profit beat", K.GROWTH),
    ],
)
def test_the_supplier_s_order_a_granted_approval_and_a_beat_are_still_news(
    title: str, kind: K
) -> None:
    verdict = classify(title, "Acme")
    assert verdict.congratulable and verdict.kind is kind, verdict


@pytest.mark.parametrize(
    ("title", "congratulable"),
    [
        # a stock index taking the company in is market news
        ("Acme joins S&P 500 index", False),
        ("Acme added to Nifty 50 from next month", False),
        # a ranking the company made is its own achievement
        ("Acme enters Fortune 500 for the first time", True),
    ],
)
def test_an_index_inclusion_is_market_news_and_a_ranking_is_not(
    title: str, congratulable: bool
) -> None:
    assert classify(title, "Acme").congratulable is congratulable


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # what came first is done, whatever is weighed or expected next
        ("Acme weighs cash handout after beating profit forecast", K.GROWTH),
        ("Analysts see upside in Acme after strong Q3 show", K.GROWTH),
        # a wire's column label is furniture, not a rumour
        ("BUZZ-Acme: outperforms sector after record output", K.GROWTH),
        # a joint venture set up is a partnership; a stake sold in one is not (below)
        ("Acme sets up JV with Beta for EV batteries", K.PARTNERSHIP),
        # a coal block is won, not blocked
        ("Acme bags Utkal-C coal block; stock rallies over 13%", K.NEW_ACCOUNT),
        ("Acme zooms 20% on coal block win", K.NEW_ACCOUNT),
        # a share move's cause is the event: the contract or order won
        ("Acme rallies on SAP contract", K.NEW_ACCOUNT),
        ("Acme surges 16% on UAE export order", K.NEW_ACCOUNT),
        ("Acme rallies over 8% on signing technology contract with Beta", K.NEW_ACCOUNT),
        # "shares hit 52-week high" is a rise, whose cause is the event
        ("Acme shares hit 52-week high on strong Q1 numbers", K.GROWTH),
        ("Acme shares hit 3-month high after Q1 profit beats estimates", K.GROWTH),
        ("Acme shares zoom 7% on positive Q4 numbers", K.GROWTH),
        ("Acme surges, hits 52-week high on better-than-expected Q1 numbers", K.GROWTH),
        # vocabulary of the press: a plant set up, mines won, gas struck, a listing at a premium
        ("Acme to set up plant in Hungary; stock rallies nearly 3%", K.EXPANSION),
        ("Acme bags one more coal mine in auction", K.NEW_ACCOUNT),
        ("Acme's subsidiary strikes gas in Mozambique, stock up", K.MILESTONE),
        ("Acme rallies on oil discovery in second well", K.MILESTONE),
        ("Acme rallies 5% on completion of first tunnel for hydro project", K.MILESTONE),
        ("Acme lists with 4 pc premium at Rs 52", K.FUNDING),
        ("Acme, Beta tie up to boost data business", K.PARTNERSHIP),
        # an offering's demand, its valuation and its coming to market are the raise's news
        ("Acme IPO sees robust demand; subscribed 12 times", K.FUNDING),
        ("Acme bond issue a big hit, mops Rs 900 crore", K.FUNDING),
        ("Acme Rs 800 crore QIP draws strong investor interest", K.FUNDING),
        ("Acme tax-free bonds oversubscribed 4 times on day one", K.FUNDING),
        ("Acme IPO values the company at $3 billion", K.FUNDING),
        ("Acme valued at $5 billion in London listing", K.FUNDING),
        ("Acme's Rs 300-crore IPO to hit market on Monday", K.FUNDING),
        # an issue of debt or shares made is a raise
        ("Acme issues NCDs worth Rs 200 crore", K.FUNDING),
        ("Acme launches infrastructure bonds", K.FUNDING),
        ("Acme announces its first public issue of NCDs", K.FUNDING),
        ("Acme allots shares worth Rs 400 cr to institutional investors", K.FUNDING),
        # a listing the company says it plans is its news, as a plan ("plans IPO: sources" is not)
        ("Acme plans Rs 350-cr public issue", K.FUNDING),
        ("Acme plans Rs. 225 cr IPO", K.FUNDING),
        ("Acme confirms plans for IPO of its cloud unit", K.FUNDING),
        ("Acme plans initial public offer in December-January", K.FUNDING),
        # a regulator that a filing goes to is no trouble
        ("Acme files IPO papers with Sebi", K.FUNDING),
        ("Acme files draft prospectus with Sebi for IPO", K.FUNDING),
        # a drug's trial going well is a step on its way, not financial results
        ("Acme reveals strong trial results for shingles drug", K.MILESTONE),
        ("Acme rises as dry eye treatment sails through trial", K.MILESTONE),
        ("Acme heart drug boosted by major clinical trial success", K.MILESTONE),
        ("Acme drug candidate clears toxic tests; stock up", K.MILESTONE),
        # "Limited Liability Company" is a legal form, not a liability
        ("Beta and Acme Form Joint Venture Limited Liability Company", K.PARTNERSHIP),
        ("Beta rallies as Acme completes establishment of a 50:50 JV", K.PARTNERSHIP),
    ],
)
def test_a_done_cause_after_a_hedge_and_a_wire_label_are_still_news(title: str, kind: K) -> None:
    verdict = classify(title, "Acme")
    assert verdict.congratulable and verdict.kind is kind, verdict


@pytest.mark.parametrize(
    "title",
    [
        "Acme could beat profit forecast after cost cuts",  # the hedge governs the trigger
        "Acme expected to post strong Q3 show after festive demand",
        "Buzz: Acme in talks to buy Beta",  # a rumour is still a rumour
        "Acme sells stake in insurance JV",
        "Acme jumps 12% after multiple block deals on BSE",  # shares traded in bulk
        "Acme relying on short-term orders to lower risk",  # no move: "on" of "relying"
        "Acme bonds draw criticism from investors",  # drawing criticism is no demand
        "Acme files papers for Rs 1,600 cr rights issue",  # a filing for a rights issue, a step
        "Acme Board gives in-principle nod for rights issue",  # a conditional approval
        "Acme revenue up 23%; input costs squeeze margins",  # mixed: a margin squeeze
        "Acme may be valued at $1bn in April IPO",  # a guess at a valuation
        "Acme IPO plans hit the market rout",  # "hit" by the market, not hitting it
        "Acme gains on Sebi order on pricing",  # an authority's order, not one won
        "Beta rallies on Acme contract",  # Beta's contract with Acme as the customer
        "Acme plans JV with Beta",
    ],
)
def test_a_hedge_that_governs_the_trigger_still_hedges(title: str) -> None:
    verdict = classify(title, "Acme")
    assert not verdict.congratulable, verdict


@pytest.mark.parametrize(
    "title",
    [
        "Acme snaps 18% post block deal on NSE",
        "Beta to sell 9% in Acme via block trades",
        "Acme surges as state stops auction of two coal blocks",
    ],
)
def test_a_block_deal_or_a_coal_block_is_no_lost_deal(title: str) -> None:
    assert classify(title, "Acme").tone != "negative", classify(title, "Acme")


@pytest.mark.parametrize(
    ("title", "tone"),
    [
        ("Acme shares hit by weak demand", "negative"),
        ("Acme stock hit hard after probe", "negative"),
        ("Acme shares hit lower circuit", "negative"),
        ("Acme shares hit record high", "neutral"),  # a bare move: not bad, not news
        ("Beta, Acme among 34 stocks that have hit fresh 52-week highs today", "neutral"),
    ],
)
def test_shares_hit_by_news_fall_and_shares_hitting_a_high_rise(title: str, tone: str) -> None:
    assert classify(title, "Acme").tone == tone, classify(title, "Acme")


@pytest.mark.parametrize(
    "title",
    [
        # the press's words for a rise in the company's own figures
        "Acme reports 10% turnover growth for June quarter",
        "Acme posts 25% growth in FY14 turnover",
        "Beta, Acme post higher Q2 profits of Rs 239 crore and Rs 192 crore",
        "Acme posts higher Q2 net, to focus on deposits",
        "Acme Q1 standalone net shoots to Rs 334 crore",
        "Acme Q2 increases 48% to Rs 4.13 crore",
        "Acme net zooms to Rs 21 crore in Q3",
        "100 per cent growth in PAT for Acme",
        "Acme posts its best figures in its 21-year history",
        "Acme swings to profit in fourth quarter",
        "Acme shares rally nearly 9% post good Q2 show",
        "Acme rings up higher profit",
    ],
)
def test_the_press_s_words_for_growth(title: str) -> None:
    verdict = classify(title, "Acme")
    assert verdict.congratulable and verdict.kind is K.GROWTH, verdict


@pytest.mark.parametrize(
    "title",
    [
        "Acme stock edges higher ahead of earnings",  # a move before results
        "Analysts see higher profit forecast for Acme",
        "Acme bets on higher sales next year",
        # a purpose "to" before the trigger's own verb is still a forecast
        "Acme to post record profit",
        "Acme to post 25% growth in FY15 turnover",
        "Acme to register higher revenue this quarter",
    ],
)
def test_higher_before_results_or_in_a_forecast_is_no_growth(title: str) -> None:
    verdict = classify(title, "Acme")
    assert not verdict.congratulable, verdict


@pytest.mark.parametrize(
    "title",
    [
        "Acme, Beta strike record deals with SEC over dark pools",  # settlements
        "Sebi bars Acme from markets",
        "SEC probe into Acme widens",
    ],
)
def test_a_regulator_acting_on_the_company_is_still_trouble(title: str) -> None:
    verdict = classify(title, "Acme")
    assert verdict.tone == "negative", verdict
