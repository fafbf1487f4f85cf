"""The congratulation sentence: one clean sentence that never claims more than the headline."""

from __future__ import annotations

import itertools
import re

import pytest

from research.models import EventKind as K
from research.write.grammar import possessive
from research.write.phrase import MAX_WORDS, event_phrase
from research.write.snippets import congratulation

COMPANY = "Acme Corp"

# Invented headlines across every kind, each with the phrase the sentence must contain.
HEADLINES = [
    ("Acme Corp wins 2026 Edison Award for its HomeCell solar battery", K.AWARD,
     "on winning the 2026 Edison Award for its HomeCell solar battery."),
    ("Acme Corp Wins 2026 Edison Award For HomeCell Solar Battery - Harbor - Tribune", K.AWARD,
     "on winning the 2026 Edison Award for the HomeCell solar battery."),
    ("Acme Corp named one of the region's best places to work", K.AWARD,
     "on being named one of the region's best places to work."),
    ("Acme Corp is named a top employer in Colorado", K.AWARD,
     "on being named a top employer in Colorado."),
    ("Acme Corp receives Green Innovator prize", K.AWARD,
     "on receiving the Green Innovator prize."),
    ("Acme Corp earns B Corp certification", K.AWARD, "on earning B Corp certification."),
    ("Acme Corp is recognized as a 2026 Top Workplace", K.AWARD,
     "on being recognized as a 2026 Top Workplace."),
    ("Acme Corp to acquire grid-software startup Voltaire Labs for $120 million", K.ACQUISITION,
     "on agreeing to acquire grid-software startup Voltaire Labs for $120 million."),
    ("Acme Corp to buy Ohio battery recycler Greenloop", K.ACQUISITION,
     "on agreeing to buy Ohio battery recycler Greenloop."),
    ("Acme Corp acquires Voltaire Labs", K.ACQUISITION, "on acquiring Voltaire Labs."),
    # The company's latest or maiden thing is its own; a figure's noun counts ("a 6.2% coupon").
    ("Acme Corp unveils latest heat pump in Canada", K.LAUNCH,
     "on unveiling its latest heat pump in Canada."),
    ("Acme Corp raises $200 million via bond sale at 6.2% coupon", K.FUNDING,
     "on raising $200 million via a bond sale at a 6.2% coupon."),
    # What the news was driven or helped by sets the scene, in headline shorthand: cut.
    ("Acme Corp beats every estimate driven by revival of US utility orders", K.GROWTH,
     "on beating every estimate."),
    # A name's description ("software firm Brightline") takes no article.
    ("Acme Corp picks up 60% in software firm Brightline for $8 million", K.ACQUISITION,
     "on picking up a 60% stake in software firm Brightline for $8 million."),
    # The article a headline drops before an amount's deal and after "since".
    ("Acme Corp books Rs 310 crore order from NTPC", K.NEW_ACCOUNT,
     "on booking a Rs 310 crore order from NTPC."),
    ("Acme Corp opens first US store since merger", K.EXPANSION,
     "on opening its first US store since the merger."),
    ("Acme Corp raises $85 million Series C to scale grid batteries", K.FUNDING,
     "on raising an $85 million Series C to scale grid batteries."),
    ("Acme Corp secures $40 million in new funding", K.FUNDING,
     "on securing $40 million in new funding."),
    # A month's quarter is one known period: "the March quarter", never "a March quarter".
    ("Acme Corp wins order from port authority in December quarter", K.NEW_ACCOUNT,
     "on winning an order from a port authority in the December quarter."),
    # "nod" is headline shorthand: a sentence says approval.
    ("Acme Corp gets Sebi nod for portfolio management services", K.MILESTONE,
     "on getting Sebi approval for portfolio management services."),
    ("Acme Corp Receives FDA Nod To Proceed With Migraine Drug Trials", K.MILESTONE,
     "on receiving FDA approval to proceed with migraine drug trials."),
    # What money is raised from is one issue, the company's own IPO, or the sale of something.
    ("Acme Corp raises Rs 400 crore from overseas bond sale", K.FUNDING,
     "on raising Rs 400 crore from an overseas bond sale."),
    ("Acme Corp raises $60 million from IPO", K.FUNDING, "on raising $60 million from its IPO."),
    ("Acme Corp raises Rs 90 crore from sale of stake in unit", K.FUNDING,
     "on raising Rs 90 crore from the sale of a stake in a unit."),
    ("Acme Corp lands $400 million storage order from Pacific Crest Utilities", K.NEW_ACCOUNT,
     "on landing a $400 million storage order from Pacific Crest Utilities."),
    ("Acme Corp inks multiyear contract with Harbor Transit", K.NEW_ACCOUNT,
     "on signing a multiyear contract with Harbor Transit."),  # slang in plain words
    ("City of Lakemont selects Acme Corp for municipal solar storage contract", K.NEW_ACCOUNT,
     "on being selected by the City of Lakemont for a municipal solar storage contract."),
    ("Pacific Crest Utilities taps Acme Corp to supply grid batteries", K.NEW_ACCOUNT,
     "on being tapped by Pacific Crest Utilities to supply grid batteries."),
    ("Acme Corp and Brightwell Logistics announce fleet electrification partnership",
     K.PARTNERSHIP, "on the new fleet electrification partnership with Brightwell Logistics."),
    ("Acme Corp partners with Brightwell Logistics on electric delivery vans", K.PARTNERSHIP,
     "on partnering with Brightwell Logistics on electric delivery vans."),
    ("Acme Corp teams up with Northgate University on battery research", K.PARTNERSHIP,
     "on teaming up with Northgate University on battery research."),
    ("Acme Corp posts record third-quarter revenue as battery sales surge", K.GROWTH,
     "on posting record third-quarter revenue as battery sales surged."),
    ("Acme Corp surpasses 1 million customers", K.GROWTH, "on surpassing 1 million customers."),
    ("Acme Corp reaches 500,000 subscribers for its energy app", K.GROWTH,
     "on reaching 500,000 subscribers for its energy app."),
    ("Acme Corp unveils HomeCell 2, a compact battery for apartment balconies", K.LAUNCH,
     "on unveiling HomeCell 2."),
    ("Acme Corp launches solar carport kit for small businesses", K.LAUNCH,
     "on launching a solar carport kit for small businesses."),
    ("Acme Corp debuts HomeCell Mini at CES", K.LAUNCH, "on debuting HomeCell Mini at CES."),
    ("Acme Corp ships first grid-scale battery to Japan", K.LAUNCH,
     "on shipping its first grid-scale battery to Japan."),
    ("Acme Corp opens Denver office, plans to hire 300 engineers", K.EXPANSION,
     "on opening the Denver office."),
    ("Acme Corp expands solar panel recycling program to three more states", K.EXPANSION,
     "on expanding its solar panel recycling program to three more states."),
    ("Acme Corp enters Canadian market", K.EXPANSION, "on entering the Canadian market."),
    ("Acme Corp marks 50 years with community celebration in its hometown", K.MILESTONE,
     "on marking 50 years with a community celebration in its hometown."),
    ("Acme Corp celebrates 10,000th HomeCell installation", K.MILESTONE,
     "on celebrating its 10,000th HomeCell installation."),
    ("Acme Corp Celebrates 50 Years of Building Energy Solutions", K.MILESTONE,
     "on celebrating 50 years of building energy solutions."),
]  # fmt: skip


def assert_clean_sentence(sentence: str, company: str = COMPANY) -> None:
    assert sentence.endswith(".") and not sentence.endswith("..")
    assert sentence[0].isupper()
    words = sentence.split()
    assert len(words) <= MAX_WORDS
    assert company in sentence
    # One sentence: no full stop before the end (decimals like "$1.5" aside).
    assert not re.search(r"[.!?]\s", sentence[:-1]), sentence
    lowered = [w.lower().strip(".,;:") for w in words]
    assert all(a != b for a, b in itertools.pairwise(lowered)), f"doubled word: {sentence}"
    assert not re.search(r"&(#\d+|[a-z]+);", sentence), sentence
    assert "<" not in sentence and ">" not in sentence
    for open_, close in ("()", "[]", "{}"):
        assert sentence.count(open_) == sentence.count(close), sentence
    assert sentence.count("“") == sentence.count("”")
    assert sentence.count('"') % 2 == 0
    assert not re.search(r"\s[-–—|]\s", sentence), f"publisher suffix left: {sentence}"  # noqa: RUF001


def test_headline_list_is_broad() -> None:
    assert len(HEADLINES) >= 25
    assert {kind for _, kind, _ in HEADLINES} == set(K)


@pytest.mark.parametrize(("title", "kind", "phrase"), HEADLINES)
def test_sentence_for_headline(title: str, kind: K, phrase: str) -> None:
    sentence = congratulation(title, COMPANY, kind)
    assert sentence == f"Congratulations to the {COMPANY} team {phrase}"
    assert_clean_sentence(sentence)


def test_the_company_s_own_offering_is_its_own() -> None:
    """ "launch Rs 2,500-crore initial public offering": the company's own, never "the ..."."""
    for title, offering in (
        (
            "Acme Corp set to launch Rs 2,500-crore initial public offering",
            "initial public offering",
        ),
        ("Acme Corp to launch Rs 500-crore rights issue", "rights issue"),
    ):
        sentence = congratulation(title, COMPANY, K.FUNDING)
        assert "announced plans to launch its Rs " in sentence, sentence
        assert sentence.count(offering) == 1


@pytest.mark.parametrize(
    ("title", "plan"),
    [
        # "this month" says when: it is no noun of the phrase, and takes no article.
        ("Acme Corp to launch crop insurance products this month",
         "plans to launch crop insurance products this month;"),
        ("Acme Corp to launch new app next week", "plans to launch a new app next week;"),
        ("Acme Corp to invest Rs 800 crore for expansion this fiscal",
         "plans to invest Rs 800 crore for its expansion this fiscal;"),
    ],
)  # fmt: skip
def test_when_a_plan_happens_takes_no_article(title: str, plan: str) -> None:
    assert f"{COMPANY} has announced {plan}" in congratulation(title, COMPANY, K.LAUNCH)


def test_a_plan_is_told_as_announced() -> None:
    sentence = congratulation("Acme Corp to open new plant in Texas", COMPANY, K.EXPANSION)
    assert sentence == (
        f"I read with interest that {COMPANY} has announced plans to open a new plant in Texas; "
        "it is an important step for the company."
    )
    assert_clean_sentence(sentence)


@pytest.mark.parametrize(
    ("title", "gerund"),
    [
        ("Acme Corp wins Edison Award", "winning"),
        ("Acme Corp hits 1 million customers", "hitting"),
        ("Acme Corp tops sales forecasts", "topping"),
        ("Acme Corp sets sales record", "setting"),
        ("Acme Corp bags top honour", "winning"),  # slang in plain words
        ("Acme Corp closes $30 million round", "closing"),
        ("Acme Corp releases HomeCell app", "releasing"),
        ("Acme Corp launches HomeCell 3", "launching"),
        ("Acme Corp surpasses sales target", "surpassing"),
        ("Acme Corp achieves carbon-neutral status", "achieving"),
        ("Acme Corp clinches utility deal", "clinching"),
        ("Acme Corp doubles battery output", "doubling"),
        ("Acme Corp reaches 1 million installs", "reaching"),
    ],
)
def test_gerund_conversion(title: str, gerund: str) -> None:
    sentence = congratulation(title, COMPANY, K.MILESTONE)  # growth news names its figure instead
    assert f" team on {gerund} " in sentence, sentence


@pytest.mark.parametrize(
    ("title", "kind", "said"),
    [
        # results reported in the press's verbs are posted
        ("Acme Corp clocks record profit in Q1", K.GROWTH, "team on posting record profit in Q1"),
        ("Acme Corp books solid earnings growth", K.GROWTH, "team on posting solid earnings growth"),
        # other news keeps its verb
        ("Acme Corp books order for 40 turbines", K.NEW_ACCOUNT, "booking an order for 40 turbines"),
    ],
)
def test_results_verbs_of_the_press_are_said_plainly(title: str, kind: K, said: str) -> None:
    sentence = congratulation(title, COMPANY, kind)
    assert said in sentence, sentence


def test_to_acquire_becomes_agreeing_to_acquire_and_to_open_planning() -> None:
    assert " on agreeing to acquire Beta Labs." in congratulation(
        "Acme Corp to acquire Beta Labs", COMPANY, K.ACQUISITION
    )
    assert " on agreeing to merge with Beta Labs." in congratulation(
        "Acme Corp to merge with Beta Labs", COMPANY, K.ACQUISITION
    )
    assert " has announced plans to open a new office in Austin;" in congratulation(
        "Acme Corp to open new office in Austin", COMPANY, K.EXPANSION
    )


def test_named_one_of_becomes_being_named_one_of() -> None:
    sentence = congratulation("Acme Corp named one of Colorado's top workplaces", COMPANY, K.AWARD)
    assert sentence == (
        "Congratulations to the Acme Corp team on being named one of Colorado's top workplaces."
    )


def test_alias_at_start_of_headline_uses_the_display_name() -> None:
    sentence = congratulation("Acme wins Edison Award", COMPANY, K.AWARD, names=(COMPANY, "Acme"))
    assert sentence == "Congratulations to the Acme Corp team on winning the Edison Award."


@pytest.mark.parametrize(
    ("title", "kind", "words"),
    [
        ("Pacific Crest Utilities picks Acme Corp battery systems", K.NEW_ACCOUNT,
         "new business with Pacific Crest Utilities"),
        ("Judges hand HomeCell the 2026 Edison Award", K.AWARD, "recent recognition"),
        ("Acme Corp's HomeCell wins Edison Award", K.AWARD, "Edison Award"),
        ("Acme Corp’s “HomeCell” wins Edison Award", K.AWARD, "Edison Award"),  # noqa: RUF001
        ("Acme Corp beats analyst estimates for the third quarter", K.GROWTH,
         "results beating analyst estimates"),
        ("A strong year for Acme Corp as users flock to its app", K.GROWTH, "latest results"),
        ("Acme Corp hiring spree brings 300 tech jobs to Denver", K.EXPANSION, "expansion"),
        ("Acme Corporation wins Edison Award", K.AWARD, "recent recognition"),
        ("Acme Corp's Series A extension brings total raised to $20M", K.FUNDING, "new funding"),
    ],
)  # fmt: skip
def test_without_a_phrase_the_sentence_names_the_news_never_quoting_it(
    title: str, kind: K, words: str
) -> None:
    """Only a detail extracted whole is named (the award, the customer, the place); a headline
    the company is not the subject of, or another company's news, gives the kind alone."""
    sentence = congratulation(title, COMPANY, kind)
    assert sentence.startswith(
        f"I saw the news about Acme Corp's {words} and wanted to offer my congratulations on "
    )
    for token in ("HomeCell", "Judges", "Denver", "spree", "$20M", "2026"):
        assert token not in sentence
    assert_clean_sentence(sentence)


def test_overlong_sentence_falls_back() -> None:
    title = "Acme Corp wins " + " ".join(f"word{n}" for n in range(40))
    sentence = congratulation(title, COMPANY, K.AWARD)
    assert sentence == (
        "I saw the news about Acme Corp's recent recognition and wanted to offer my congratulations "
        "on a well-deserved honour."
    )


def test_every_kind_has_a_fallback_sentence() -> None:
    for kind in K:
        sentence = congratulation("Something happened today", COMPANY, kind)
        assert sentence.startswith("I saw the news about Acme Corp's ")
        assert_clean_sentence(sentence)


def test_special_company_names() -> None:
    sentence = congratulation("AT&T wins Edison Award", "AT&T", K.AWARD)
    assert sentence == "Congratulations to the AT&T team on winning the Edison Award."
    sentence = congratulation("C++ Labs ships HomeCell compiler", "C++ Labs", K.LAUNCH)
    assert sentence == "Congratulations to the C++ Labs team on shipping the HomeCell compiler."
    fallback = congratulation("Judges pick Siemens", "Siemens", K.AWARD)
    assert fallback.startswith("I saw the news about Siemens' recent recognition")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Siemens", "Siemens'"),
        ("Acme Corp", "Acme Corp's"),
        ("Express", "Express's"),
        ("3M", "3M's"),
        ("Yahoo!", "Yahoo!'s"),
    ],
)
def test_possessive(name: str, expected: str) -> None:
    assert possessive(name) == expected


# --- product bugs -----------------------------------------------------------------------------


def test_wraps_becomes_wrapping() -> None:
    sentence = congratulation("Acme Corp wraps up record year", COMPANY, K.GROWTH)
    assert sentence == "Congratulations to the Acme Corp team on wrapping up a record year."


def test_joint_announcement_of_a_new_partnership_has_no_doubled_word() -> None:
    sentence = congratulation(
        "Acme Corp and Beta Logistics announce a new partnership", COMPANY, K.PARTNERSHIP
    )
    assert (
        sentence
        == "Congratulations to the Acme Corp team on the new partnership with Beta Logistics."
    )


def test_is_plus_participle_is_not_being() -> None:
    sentence = congratulation("Acme Corp is hiring 300 engineers in Denver", COMPANY, K.EXPANSION)
    assert "being hiring" not in sentence
    assert_clean_sentence(sentence)


def test_clause_cut_does_not_leave_an_open_bracket() -> None:
    sentence = congratulation(
        "Acme Corp wins award for HomeCell (its stackable, modular battery)", COMPANY, K.AWARD
    )
    assert_clean_sentence(sentence)


def test_company_name_starting_with_the_is_not_doubled() -> None:
    sentence = congratulation("The Trade Desk wins Edison Award", "The Trade Desk", K.AWARD)
    assert_clean_sentence(sentence, "The Trade Desk")


def test_title_case_to_acquire_is_lowercased() -> None:
    sentence = congratulation(
        "Acme Corp To Acquire Voltaire Labs For $120 Million", COMPANY, K.ACQUISITION
    )
    assert " on agreeing to acquire Voltaire Labs" in sentence


def test_article_before_consonant_sounding_vowel() -> None:
    sentence = congratulation("Acme Corp lands utility contract in Nevada", COMPANY, K.NEW_ACCOUNT)
    assert " on landing a utility contract in Nevada." in sentence


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Acme Corp (NASDAQ: ACME) Wins 2026 Edison Award - Press Release",
            "Congratulations to the Acme Corp team on winning the 2026 Edison Award.",
        ),
        (
            "ACME CORP WINS 2026 EDISON AWARD",
            "Congratulations to the Acme Corp team on winning the 2026 Edison Award.",
        ),
        (
            "Acme Corp Launches HomeCell 3 | Business Wire",
            "Congratulations to the Acme Corp team on launching HomeCell 3.",
        ),
    ],
)
def test_press_release_furniture_and_capitals_are_cleaned(title: str, expected: str) -> None:
    assert congratulation(title, "Acme Corp", K.AWARD) == expected


def test_a_dateline_before_the_headline_is_dropped() -> None:
    title = "CHICAGO, Nov. 18, 2026 /PRNewswire/ -- Acme Corp wins 2026 Edison Award"
    assert congratulation(title, "Acme Corp", K.AWARD) == (
        "Congratulations to the Acme Corp team on winning the 2026 Edison Award."
    )


# --- articles and capitals a headline drops or adds ------------------------------------------


@pytest.mark.parametrize(
    ("title", "kind", "phrase"),
    [
        # A nationality is an adjective, not a name: "an Italian mill", never "the".
        ("Acme Corp buys Italian rolling mill to expand in Europe", K.ACQUISITION,
         "on buying an Italian rolling mill to expand in Europe."),
        ("Acme Corp to buy Scottish salmon farmer", K.ACQUISITION,
         "on agreeing to buy a Scottish salmon farmer."),
        # ... except for a market, of which a country has one.
        ("Acme Corp enters Italian renewables market", K.EXPANSION,
         "on entering the Italian renewables market."),
        # A place-named site the company opens is its own.
        ("Acme Corp opens Denver office", K.EXPANSION, "on opening the Denver office."),
        ("Acme Corp acquires Osaka studio behind cult RPG", K.ACQUISITION,
         "on acquiring an Osaka studio behind a cult RPG."),
        ("Acme Corp wins order from Greek owner", K.NEW_ACCOUNT,
         "on winning an order from a Greek owner."),
        # A joint venture the company raises its stake in is its own; another's unit is not.
        ("Acme Corp gets approval to hike stake in Indian joint venture", K.MILESTONE,
         "on getting approval to raise its stake in its Indian joint venture."),
        ("Acme Corp to buy government stake in Beta unit", K.ACQUISITION,
         "on agreeing to buy a government stake in a Beta unit."),
        ("Acme Corp wins Carrier of the Year at European Freight Awards", K.AWARD,
         "on winning Carrier of the Year at the European Freight Awards."),
        ("Acme Corp sets record for fastest trial enrolment", K.MILESTONE,
         "on setting a record for the fastest trial enrolment."),
        ("Acme Corp recognised as a top workplace for fifth straight year", K.AWARD,
         "on being recognised as a top workplace for the fifth straight year."),
        ("Acme Corp raises guidance after orders jump 40% in first half", K.GROWTH,
         "on raising its guidance after orders jumped 40% in the first half."),
        ("Acme Corp adds boutique chain Ostrava House through acquisition", K.ACQUISITION,
         "on adding boutique chain Ostrava House through acquisition."),
        ("Acme Corp opens new clinic in Leeds city centre", K.EXPANSION,
         "on opening a new clinic in Leeds city centre."),
        ("Acme Corp carries a record 4.1 million passengers in July", K.GROWTH,
         "on carrying a record 4.1 million passengers in July."),
        # Title Case: ordinary words lowered, names and quoted titles kept.
        ("Acme Corp Celebrates Two Centuries Of Glassmaking", K.MILESTONE,
         "on celebrating two centuries of glassmaking."),
        ("Acme Corp Announces $60 Million Growth Investment From Larchmont Partners", K.FUNDING,
         "on announcing a $60 million growth investment from Larchmont Partners."),
        ("Acme Corp Releases 'Two Centuries Of Glass' Report", K.LAUNCH,
         "on releasing the 'Two Centuries Of Glass' report."),
        ("Acme Corp Expands Into Asia-Pacific With Singapore Office", K.EXPANSION,
         "on expanding into Asia-Pacific with a Singapore office."),
        ("ACME CORP UNVEILS NEXT-GENERATION INDUSTRIAL SENSOR LINE", K.LAUNCH,
         "on unveiling a next-generation industrial sensor line."),
        # In a sentence-case headline every capital is the headline's own: a name.
        ("Acme Corp wins Best Clinical Trial Innovation at PharmaTech Awards", K.AWARD,
         "on winning Best Clinical Trial Innovation at the PharmaTech Awards."),
    ],
)  # fmt: skip
def test_articles_and_capitals(title: str, kind: K, phrase: str) -> None:
    sentence = congratulation(title, COMPANY, kind)
    assert sentence == f"Congratulations to the {COMPANY} team {phrase}"
    assert_clean_sentence(sentence)


def test_news_in_progress_is_begun_not_done() -> None:
    from research.write.phrase import event_phrase

    assert event_phrase("Acme Corp hiring 200 engineers for new pilot line", (COMPANY,)) == (
        "hiring 200 engineers for a new pilot line",
        "begun hiring 200 engineers for a new pilot line",
    )
    assert event_phrase("Acme Corp is hiring 300 engineers", (COMPANY,)) == (
        "hiring 300 engineers",
        "begun hiring 300 engineers",
    )


@pytest.mark.parametrize(
    ("word", "article"),
    [("$85", "an"), ("$8", "an"), ("€500", "a"), ("C$90", "a"), ("18%", "an"), ("180%", "a"),
     ("11", "an"), ("1,100", "a"), ("18,000", "an"), ("utility", "a"), ("hour", "an"),
     ("European", "a"), ("award", "an"),
     # initialisms read letter by letter go by the letter's name; acronyms said as words do not
     ("FY12", "an"), ("FY'11", "an"), ("MoU", "an"), ("R&D", "an"), ("SUV", "an"), ("HSBC", "an"),
     ("NYSE", "an"), ("X-ray", "an"), ("US", "a"), ("UK", "a"), ("EU", "an"), ("BSE", "a"),
     ("NASA", "a"), ("SEBI", "a"), ("UNESCO", "a"), ("OPEC", "an"), ("IndiGo", "an"),
     ("McDonald's", "a"), ("LinkedIn", "a"), ("Hour", "an"), ("One", "a"), ("Rs", "a")],
)  # fmt: skip
def test_indefinite_article_by_sound(word: str, article: str) -> None:
    from research.write.grammar import indefinite_article

    assert indefinite_article(word) == article


def test_an_html_entity_is_never_quoted_as_a_word() -> None:
    sentence = congratulation("Acme Corp wins &amp; award <b>x</b>", COMPANY, K.AWARD)
    assert "amp" not in sentence and "<" not in sentence
    assert congratulation("Acme Corp wins Smith &amp; Sons Award", COMPANY, K.AWARD) == (
        "Congratulations to the Acme Corp team on winning the Smith & Sons Award."
    )


# --- what a headline says, told as a sentence would -------------------------------------------


@pytest.mark.parametrize(
    ("title", "kind", "phrase"),
    [
        # A headline's present tense after "as"/"after" is past news in a sentence...
        ("Acme Corp lifts outlook after sales climb 14%", K.GROWTH,
         "on lifting its outlook after sales climbed 14%."),
        ("Acme Corp posts record profit as revenue rises 9%", K.GROWTH,
         "on posting record profit as revenue rose 9%."),
        # ... but "as" before a noun phrase has no verb to change.
        ("Acme Corp recognised as a top workplace", K.AWARD,
         "on being recognised as a top workplace."),
        # An amount makes a financing one deal: "a €70 million financing".
        ("Acme Corp completes €70 million financing to advance lead program", K.FUNDING,
         "on completing a €70 million financing to advance its lead program."),
        ("Acme Corp closes C$90 million bought-deal financing", K.FUNDING,
         "on closing a C$90 million bought-deal financing."),
        # So does it any one thing that counts: "a Rs 120 crore project", "a $4 million bond".
        ("Acme Corp bags Rs 120 crore project in Pune", K.NEW_ACCOUNT,
         "on winning a Rs 120 crore project in Pune."),
        ("Acme Corp prices $4 million bond", K.FUNDING, "on pricing a $4 million bond."),
        ("Acme Corp reports best-ever export volumes", K.GROWTH,
         "on reporting its best-ever export volumes."),
        # "to supply" is a deal agreed with a customer, not the company's plan.
        ("Acme Corp to supply welding robots to a major automaker", K.NEW_ACCOUNT,
         "on agreeing to supply welding robots to a major automaker."),
        ("Acme Corp strikes deal with Beta Labs on cloud migration", K.NEW_ACCOUNT,
         "on striking a deal with Beta Labs on cloud migration."),
        # Whose it is: a partner's joint programme is not "its"; access to care is not owned;
        # the founding and the headquarters are the company's own.
        ("Acme Corp joins forces with Beta Airlines on loyalty program", K.PARTNERSHIP,
         "on joining forces with Beta Airlines on a loyalty program."),
        ("Acme Corp partners with three insurers to expand virtual care access", K.PARTNERSHIP,
         "on partnering with three insurers to expand virtual care access."),
        ("Acme Corp marks 25 years since founding in a Leeds garage", K.MILESTONE,
         "on marking 25 years since its founding in a Leeds garage."),
        ("Acme Corp opens US headquarters in Boston", K.EXPANSION,
         "on opening its US headquarters in Boston."),
        ("Acme Corp opens new headquarters in Boston", K.EXPANSION,
         "on opening a new headquarters in Boston."),
        # A product's name before a plain noun is one thing: "the HomeCell solar battery".
        ("Acme Corp wins Edison Award for HomeCell solar battery", K.AWARD,
         "on winning the Edison Award for the HomeCell solar battery."),
        ("Acme Corp debuts HomeCell Mini at CES", K.LAUNCH, "on debuting HomeCell Mini at CES."),
    ],
)  # fmt: skip
def test_headline_words_told_as_a_sentence(title: str, kind: K, phrase: str) -> None:
    sentence = congratulation(title, COMPANY, kind)
    assert sentence == f"Congratulations to the {COMPANY} team {phrase}"
    assert_clean_sentence(sentence)


@pytest.mark.parametrize(
    ("title", "done"),
    [
        ("Acme Corp and Beta Labs sign trucking partnership",
         "signed a new trucking partnership with Beta Labs"),
        ("Acme Corp and Beta Labs form joint venture for offshore wind",
         "formed a new joint venture with Beta Labs for offshore wind"),
        ("Acme Corp and Beta Labs announce technology alliance",
         "announced a new technology alliance with Beta Labs"),
        # The partner right after the noun, and a partnership they expand is not a new one.
        ("Acme Corp and Beta Labs expand partnership", "expanded its partnership with Beta Labs"),
    ],
)  # fmt: skip
def test_a_joint_announcement_says_what_the_two_did(title: str, done: str) -> None:
    from research.write.phrase import event_phrase

    found = event_phrase(title, (COMPANY,))
    assert found is not None and found[1] == done


def test_quoted_award_names_and_emphasis_keep_their_detail() -> None:
    import research

    for headline, expected in (
        (
            "Acme Corp wins \u201cInnovator of the Year\u201d award",
            "the Innovator of the Year award",
        ),
        ('Acme Corp wins "Innovator of the Year" award', "the Innovator of the Year award"),
        ("Acme Corp wins <b>Edison</b> Award", "the Edison Award"),
    ):
        text = research.congratulate(headline, company="Acme Corp", tone="formal").text
        assert expected in text, (headline, text)


@pytest.mark.parametrize(
    ("title", "phrase"),
    [
        # any common verb, from the generated lexicon (lemminflect), not only a hand list
        ("Acme Corp seals $2 billion deal with Beta Labs", "sealing a $2 billion deal with Beta Labs"),
        ("Acme Corp ties up with Beta Labs", "tying up with Beta Labs"),
        ("Acme Corp files for $300 million IPO", "filing for its $300 million IPO"),
        # Title Case: ordinary words lowered, names and a name's last word kept
        ("Acme Corp Opens New Office in Leeds to Serve Rural Customers",
         "opening a new office in Leeds to serve rural customers"),
        ("Acme Corp Inks Licensing Deal With Omnis Pharmaceuticals",
         "inking a licensing deal with Omnis Pharmaceuticals"),
        ("Acme Corp Partners With International Business Machines Corp. To Drive AI Adoption",
         "partnering with International Business Machines Corp. to drive AI adoption"),
        ("Acme Corp to raise up to $50 million via bonds", "planning to raise up to $50 million via bonds"),
        # a listing venue is the exchange's, never the company's own
        ("Acme Corp to list on BSE SME platform", "planning to list on the BSE SME platform"),
        # two companies announcing together, in Title Case, with the wire's ellipsis
        ("Acme Corp and Beta Group Sign Memo of Understanding ...",
         "the new memorandum of understanding with Beta Group"),
    ],
)  # fmt: skip
def test_verbs_and_title_case_from_the_lexicon(title: str, phrase: str) -> None:
    found = event_phrase(title, (COMPANY,))
    assert found is not None and found[0] == phrase


@pytest.mark.parametrize(
    "title",
    [
        "Acme Corp moves into larger HQ as team passes 800",  # "as team": an article is missing
        "Acme Corp surges 8% on order win",  # a share move is never the phrase
        "Acme Corp backs 2026 view",  # talk about the future, not news
        "Acme Corp Mills Q2 net up by four-fold",  # "Mills" continues the name: not a verb
        "Acme Corp Services Seals Deal With Beta",  # in Title Case, the verb follows the name
        "Acme Corp rights issue oversubscribed 1.6 times",  # "rights" is a noun here
    ],
)
def test_no_phrase_when_it_would_read_as_a_headline_or_praise_a_price(title: str) -> None:
    assert event_phrase(title, (COMPANY,)) is None


@pytest.mark.parametrize(
    ("title", "kind", "said"),
    [
        ("Acme Corp bags $12 million Series A", K.FUNDING, "on securing a $12 million Series A"),
        ("Acme Corp gets approval to hike stake in Beta Labs", K.MILESTONE, "to raise its stake"),
        # A noun is not a verb: "price hikes" stays as written.
        ("Acme Corp wins order despite price hikes", K.NEW_ACCOUNT, "despite price hikes"),
    ],
)  # fmt: skip
def test_slang_verbs_are_said_plainly(title: str, kind: K, said: str) -> None:
    assert said in congratulation(title, COMPANY, kind)


@pytest.mark.parametrize(
    ("title", "phrase"),
    [
        # a second clause still in headline shorthand is cut; a role after "as" is kept
        ("Acme Corp plans to raise $40 million as online store rolls out",
         "planning to raise $40 million"),
        ("Acme Corp wins contract as team passes 800", "winning a contract"),
        ("Acme Corp retained by regional airline as outside counsel",
         "being retained by a regional airline as outside counsel"),
        # a headline the feed cut short loses the fragment the cut left
        ("Acme Corp Partners With Beta Machines Corp. To Drive ...",
         "partnering with Beta Machines Corp"),
        ("Acme Corp Receives FDA Nod To Proceed With Clinical Trials For 2 Drug ...",
         "receiving FDA nod to proceed with clinical trials"),
        # a plural name's verb in the base form; a share bought is a stake
        ("Acme Corp bag Rs 297 crore contract; stock up", "bagging a Rs 297 crore contract"),
        ("Acme Corp buys 26% in Beta's insurance arm", "buying a 26% stake in Beta's insurance arm"),
        # a unit's words before the verb
        ("Acme Corp Securities launches e-voting facility for shareholders",
         "launching an e-voting facility for shareholders"),
        # a purchase's gloss (often a pun) is the headline's, not the news
        ("Acme Corp buys Beta Brewing to quench thirst for craft beer", "buying Beta Brewing"),
        ("Acme Corp acquires Gamma Soft to boost its digital play", "acquiring Gamma Soft"),
        # a day that is wrong by the time the note is read is left out; a date stays
        ("Acme Corp to list shares on Monday", "planning to list its shares"),
        ("Acme Corp to list shares tomorrow", "planning to list its shares"),
        ("Acme Corp to list shares on Monday 12 May", "planning to list its shares on Monday 12 May"),
        # an arm introduced by what it is, then named: its launch or order is the group's
        ("Acme Corp's PE arm Beta Fund launches infrastructure debt fund",
         "launching an infrastructure debt fund"),
        ("Acme Corp subsidiary Beta Labs wins Rs 200 crore order", "winning a Rs 200 crore order"),
        # a bid named by its target reads as a sentence
        ("Acme Corp launches Beta Foods bid, to sell Gamma stake", "launching a bid for Beta Foods"),
    ],
)  # fmt: skip
def test_headline_shorthand_is_cut_or_reworded(title: str, phrase: str) -> None:
    found = event_phrase(title, (COMPANY,))
    assert found is not None and found[0] == phrase


@pytest.mark.parametrize(
    "title",
    [
        "Acme Corp, Beta Power and Gamma Rail to sell bonds, raise up to $2 billion",  # a total
        "Acme Corp and Beta Foods lift FTSE with profits surge",  # what they did together
    ],
)
def test_a_list_of_companies_is_not_read_as_one_subject(title: str) -> None:
    assert event_phrase(title, (COMPANY,)) is None


def test_an_arms_own_capital_is_not_told_as_the_groups() -> None:
    # "its Rs 200 crore IPO" would be the group's listing, which the headline does not report
    assert event_phrase("Acme Corp arm Beta Logistics plans Rs 200 crore IPO", (COMPANY,)) is None
    assert event_phrase("Acme Corp arm Beta Soft to be listed on NYSE by July-end", (COMPANY,)) is None


def test_a_nod_with_no_one_giving_it_is_not_quoted() -> None:
    assert event_phrase("Acme Corp, Beta get nod for IPOs; may raise Rs 1k cr", (COMPANY,)) is None


def test_the_headlines_own_verdict_is_never_quoted() -> None:
    assert event_phrase("Acme Corp marks muted 50th birthday with staff party", (COMPANY,)) is None


@pytest.mark.parametrize(
    "title",
    ["Acme Corp, now Beta Tech, plans to enter new markets", "PE entry to help Acme Corp fund expansion"],
)
def test_a_planned_expansion_named_by_its_kind_is_not_told_as_done(title: str) -> None:
    from research.write.snippets import phrasings

    sentence, clause = phrasings(title, COMPANY, K.EXPANSION)["formal"][0]
    assert clause == "announced plans to expand", (sentence, clause)
    assert "planned expansion" in sentence


def test_a_planned_thing_is_told_as_announced_and_a_filing_is_no_vote_of_confidence() -> None:
    from research.write.snippets import phrasings

    planned = phrasings("Acme Corp plans another rights issue to raise Rs 300 crore", COMPANY, K.FUNDING)
    for tone in ("formal", "warm"):
        for sentence, clause in planned[tone]:
            assert "announced plans for another rights issue" in sentence, sentence
            assert not re.search(r"congratulat\w* .*planning", sentence, re.I), sentence
            assert clause == "announced plans for another rights issue to raise Rs 300 crore"
    for title, plan in (
        ("Acme Corp plans for IPO, readies for mobile era", "announced plans for its IPO"),
        ("Acme Corp plans initial public offer in May", "announced plans for its initial public offer"),
    ):
        sentence, clause = phrasings(title, COMPANY, K.FUNDING)["formal"][0]
        assert plan in sentence and "for for" not in sentence, sentence
        assert "confidence" not in sentence, sentence
    filed = phrasings("Acme Corp files draft IPO papers", COMPANY, K.FUNDING)
    assert not any("confidence" in s for tone in ("formal", "warm") for s, _ in filed[tone]), filed


@pytest.mark.parametrize(
    ("title", "news", "clause"),
    [
        (
            "Acme Corp CEO named Businessperson of the Year",
            "Acme Corp's CEO being named Businessperson of the Year",
            "seen your CEO named Businessperson of the Year",
        ),
        (
            "Acme Corp founder Jane Doe wins EY Entrepreneur of the Year award",
            "Acme Corp's founder Jane Doe winning the EY Entrepreneur of the Year award",
            "seen your founder Jane Doe win the EY Entrepreneur of the Year award",
        ),
        (
            "Acme Corp Chairman Receives Othmer Gold Medal",
            "Acme Corp's chairman receiving the Othmer Gold Medal",
            "seen your chairman receive the Othmer Gold Medal",
        ),
        (
            "Acme Corp's CFO named best finance chief in Asia",
            "the recognition for Acme Corp's CFO",
            "seen your CFO recognised",
        ),
    ],
)
def test_an_honour_for_one_of_the_company_s_people_names_that_person(
    title: str, news: str, clause: str
) -> None:
    from research.write.snippets import phrasings

    for tone in ("warm", "formal"):
        for sentence, said in phrasings(title, COMPANY, K.AWARD)[tone]:
            assert news in sentence and said == clause, (sentence, said)
            assert "on being named" not in sentence and "Acme Corp being" not in sentence
            if tone == "formal":
                assert_clean_sentence(sentence)


def test_an_honour_for_the_company_itself_is_still_the_company_s() -> None:
    from research.write.snippets import phrasings

    sentence, _ = phrasings("Acme Corp named Supplier of the Year", COMPANY, K.AWARD)[
        "formal"
    ][0]
    assert "team on being named Supplier of the Year" in sentence, sentence


def test_orders_worth_an_amount_is_a_noun_not_the_verb_to_order() -> None:
    assert event_phrase("Acme Corp orders worth Rs 500 crore from NHAI", (COMPANY,)) is None


def test_a_status_for_a_drug_the_headline_does_not_name_says_which_drug() -> None:
    from research.write.snippets import phrasings

    sentence, clause = phrasings(
        "Acme Corp cancer drug wins fast-track status from FDA", COMPANY, K.MILESTONE
    )["formal"][0]
    assert "the fast-track designation for Acme Corp's cancer drug" in sentence, sentence
    assert clause == "won fast-track designation for your cancer drug"


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Acme Corp wins US approval for longer use of blood thinner", "of a blood thinner"),
        ("Acme Corp launches generic statin in US", "launching a generic statin"),
        ("Acme Corp gets FDA nod for new beta blocker", "a new beta blocker"),
    ],
)
def test_a_class_of_medicine_is_a_countable_noun(title: str, said: str) -> None:
    from research.write.snippets import phrasings

    kind = K.LAUNCH if "launches" in title else K.MILESTONE
    sentence = phrasings(title, COMPANY, kind)["formal"][0][0]
    assert said in sentence, sentence


@pytest.mark.parametrize(
    ("company", "title", "kind", "said"),
    [
        # a name ending in "Ltd." keeps its detail: "Ltd.'s" is no open quote
        ("Acme Ltd.", "Acme Ltd. records 46% rise in net profit in Q1", K.GROWTH,
         "the 46% rise in Acme Ltd.'s net profit"),
        # how much, not what: no article before "nine-fold"
        ("Acme Corp", "Acme Corp to expand nine-fold to 74 outlets", K.EXPANSION,
         "announced plans to expand nine-fold to 74 outlets"),
        # money raised "to meet capex need": the explanation is cut, the news stays
        ("Acme Corp", "Acme Corp raises Rs 3,000 crore via bonds to meet capex need", K.FUNDING,
         "on raising Rs 3,000 crore via bonds."),
        ("Acme Corp", "Acme Corp opens plant to meet rising demand", K.EXPANSION,
         "to meet rising demand"),
        # "beats Street": the market's estimates, said in plain words with the rise
        ("Acme Corp", "Acme Corp beats Street with 22% jump in Q2 profit", K.GROWTH,
         "the better-than-expected 22% rise in Acme Corp's Q2 profit"),
        # the company's own debenture issue, in words
        ("Acme Corp", "Acme Corp to launch Rs 200-crore NCD in April", K.FUNDING,
         "launch its Rs 200-crore debenture issue"),
    ],
)  # fmt: skip
def test_names_with_a_full_stop_multipliers_purposes_and_market_words(
    company: str, title: str, kind: K, said: str
) -> None:
    from research.write.snippets import phrasings

    sentence = phrasings(title, company, kind)["formal"][0][0]
    assert said in sentence, sentence


@pytest.mark.parametrize(
    ("title", "news"),
    [
        ("Acme Corp merger with Beta gets CCI approval", "the CCI approval for Acme Corp's merger with Beta"),
        ("Acme Corp, Beta Holiday merger deal gets BSE, NSE nod",
         "the stock exchanges' approval for Acme Corp's Beta Holiday merger"),
        ("Acme Corp-Beta merger gets CCI nod", "the CCI approval for Acme Corp's Beta merger"),
        ("Acme Corp deal gets shareholders nod", "the shareholders' approval for Acme Corp's deal"),
    ],
)  # fmt: skip
def test_who_cleared_the_company_s_deal_is_named_with_the_deal(title: str, news: str) -> None:
    from research.judge import classify
    from research.write.snippets import phrasings

    verdict = classify(title, COMPANY)
    assert verdict.kind is K.ACQUISITION, verdict
    sentence = phrasings(title, COMPANY, K.ACQUISITION)["formal"][0][0]
    assert news in sentence, sentence


def test_a_move_after_the_name_and_a_colon_is_still_the_company_s() -> None:
    from research.write.snippets import phrasings

    title = "BUZZ-Acme Corp: outperforms sector after record output"
    sentence = phrasings(title, COMPANY, K.GROWTH)["formal"][0][0]
    assert "Acme Corp's record output" in sentence, sentence


@pytest.mark.parametrize(
    ("title", "said"),
    [
        # the press's "net" is net profit
        ("Acme Corp posts higher Q2 net, to focus on deposits", "posting higher Q2 net profit."),
        # a period is no unit of the company's: "Q3 shoots" is not quoted as Acme's doing
        ("Acme Corp Q3 shoots over 3-fold to Rs 50.9 crore", "Acme Corp's latest results"),
    ],
)
def test_the_press_s_net_and_a_quarter_before_the_verb(title: str, said: str) -> None:
    from research.write.snippets import phrasings

    sentence = phrasings(title, COMPANY, K.GROWTH)["formal"][0][0]
    assert said in sentence, sentence


@pytest.mark.parametrize(
    ("title", "kind", "said"),
    [
        # a particle after a planned verb: the object still takes its article
        ("Acme Corp to set up plant in Hungary", K.EXPANSION, "plans to set up a plant in Hungary"),
        # "one" is a determiner of its own
        ("Acme Corp bags one more coal mine in auction", K.NEW_ACCOUNT, "winning one more coal mine"),
        # a listing at a premium is the debut, never a plan read from "to issue price"
        ("Stellar debut: Acme Corp lists at Rs 222, a 23% premium to issue price of Rs 180",
         K.FUNDING, "Acme Corp's stock-market debut"),
    ],
)  # fmt: skip
def test_planned_particles_one_and_a_listing_at_a_premium(title: str, kind: K, said: str) -> None:
    from research.write.snippets import phrasings

    sentence = phrasings(title, COMPANY, kind)["formal"][0][0]
    assert said in sentence, sentence


@pytest.mark.parametrize(
    ("title", "news"),
    [
        ("Kinder Morgan and Acme Corp Form Joint Venture Limited Liability Company",
         "Acme Corp's new joint venture with Kinder Morgan"),
        ("Beta rallies as Acme Corp completes establishment of a 50:50 JV",
         "Acme Corp's new 50:50 joint venture"),
    ],
)  # fmt: skip
def test_a_joint_venture_is_named_as_one(title: str, news: str) -> None:
    from research.write.snippets import phrasings

    sentence = phrasings(title, COMPANY, K.PARTNERSHIP)["formal"][0][0]
    assert news in sentence, sentence


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Acme Corp signs MoU with Beta for two power projects", "signing an MoU with Beta"),
        ("Acme Corp to sign MoU with Beta", "plans to sign an MoU with Beta"),
        ("Acme Corp inks pact with Beta", "signing a pact with Beta"),
    ],
)
def test_a_memorandum_takes_an_article_like_any_agreement(title: str, said: str) -> None:
    from research.write.snippets import phrasings

    sentence, _ = phrasings(title, COMPANY, K.PARTNERSHIP)["formal"][0]
    assert said in sentence, sentence
