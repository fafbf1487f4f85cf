"""Is an item about this company? find_mention, and the company-name helpers it relies on."""

from __future__ import annotations

import pytest

from research.judge.match import Mention, find_mention
from research.models import Company
from research.plan.company import is_generic, strip_legal_suffix, with_derived_aliases
from sources.models import Item
from sources.parse.items import make_item

ACME = Company(slug="acme-corp", name="Acme Corp", aliases=("Acme",))
APPLE = Company(slug="apple", name="Apple")


def item(
    title: str,
    summary: str = "",
    *,
    url: str | None = "https://wire.example/story/1",
    publisher_domain: str = "wire.example",
) -> Item:
    return make_item(
        title=title,
        url=url,
        published=None,
        summary=summary,
        publisher="Wire",
        publisher_domain=publisher_domain,
        source="test",
    )


def company(name: str, **fields: object) -> Company:
    return Company(slug="test-co", name=name, **fields)  # type: ignore[arg-type]


# --- own site ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("domain", "url", "publisher_domain", "host"),
    [
        ("acme.com", "https://acme.com/news/1", "wire.example", "acme.com"),
        ("acme.com", "https://www.acme.com/news/1", "wire.example", "acme.com"),
        ("acme.com", "https://newsroom.acme.com/2026/x", "wire.example", "acme.com"),
        ("acme.com", "https://feedproxy.example/x", "acme.com", "acme.com"),
        ("acme.com", "https://feedproxy.example/x", "www.acme.com", "acme.com"),
        ("acme.com", None, "ir.acme.com", "acme.com"),
        ("https://www.acme.com/", "https://news.acme.com/x", "wire.example", "acme.com"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000/news/x", "wire.example", "127.0.0.1"),
    ],
)
def test_own_site_items_always_count(
    domain: str, url: str | None, publisher_domain: str, host: str
) -> None:
    # The headline does not name the company and even contains an excluded term.
    profile = company("Apple", domain=domain, exclude=("pie",))
    found = find_mention(
        item("Autumn pie recipes", url=url, publisher_domain=publisher_domain), profile
    )
    assert found == Mention(host, "own site")
    assert found.reason == f"from the company's own site ({host})"


@pytest.mark.parametrize(
    ("url", "publisher_domain"),
    [
        ("https://notacme.com/news/1", "notacme.com"),
        ("https://acme.com.evil.example/news/1", "acme.com.evil.example"),
        ("https://wire.example/acme.com/news", "wire.example"),
    ],
)
def test_lookalike_hosts_are_not_the_own_site(url: str, publisher_domain: str) -> None:
    profile = company("Acme Corp", domain="acme.com")
    found = find_mention(item("Weather today", url=url, publisher_domain=publisher_domain), profile)
    assert isinstance(found, str)
    assert "neither the headline nor" in found


def test_no_domain_means_no_own_site() -> None:
    found = find_mention(
        item("Weather today", url="https://acme.com/x", publisher_domain="acme.com"), ACME
    )
    assert isinstance(found, str)


# --- exclude terms --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Apple pie wins county fair", ""),
        ("APPLE PIE WINS COUNTY FAIR", ""),
        ("Orchard news", "Apple pie wins county fair. Next year is bigger."),
    ],
)
def test_exclude_terms_reject_with_a_reason_naming_the_term(title: str, summary: str) -> None:
    profile = company("Apple", exclude=("pie",))
    found = find_mention(item(title, summary), profile)
    assert found == "mentions 'pie', which is excluded for Apple"


def test_an_exclude_term_in_the_summary_does_not_drop_a_headline_that_names_the_company() -> None:
    profile = company("Apple", exclude=("pie",))
    found = find_mention(
        item("Apple wins county fair", "The Pie contest drew 300 entries. Next year is bigger."),
        profile,
    )
    assert found == Mention("Apple", "headline", 0)


def test_exclude_terms_are_case_insensitive_both_ways() -> None:
    profile = company("Apple", exclude=("Pie Contest",))
    assert find_mention(item("Apple hosts pie contest"), profile) == (
        "mentions 'Pie Contest', which is excluded for Apple"
    )


def test_exclude_term_in_the_second_sentence_does_not_reject() -> None:
    profile = company("Apple", exclude=("pie",))
    found = find_mention(
        item("Apple opens a new campus", "Staff are happy. The pie was good."), profile
    )
    assert found == Mention("Apple", "headline", 0)


def test_exclude_terms_are_whole_words() -> None:
    profile = company("Apple", exclude=("pie",))
    found = find_mention(item("Apple ships pieces of the puzzle"), profile)
    assert found == Mention("Apple", "headline", 0)


# --- capitals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title", ["apple pie season is here", "Fresh apple harvest", "Pineapple growers unite"]
)
def test_name_capitals_must_be_capitals(title: str) -> None:
    found = find_mention(item(title), APPLE)
    assert found == "neither the headline nor the summary's first sentence names Apple"


def test_all_caps_headline_matches_regardless_of_case() -> None:
    assert find_mention(item("APPLE UNVEILS NEW PHONE"), APPLE) == Mention("Apple", "headline", 0)


def test_lower_case_in_a_mixed_headline_is_not_the_company() -> None:
    # Not all capitals: "apple" stays lower case and does not count.
    assert isinstance(find_mention(item("Why apple growers love AI"), APPLE), str)


# --- whole words, punctuation, non-ASCII -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "title", "position"),
    [
        ("Acme", "Acmeville council meets", None),
        ("Acme", "Superacme launches product", None),
        ("Acme", "Acme_Labs repo trends", None),
        ("AT&T", "AT&Tx rebrand announced", None),
        ("AT&T", "AT&T wins spectrum auction", 0),
        ("AT&T", "Rivals chase AT&T's lead", 13),
        ("Yahoo!", "Yahoo! sells its search unit", 0),
        ("Yahoo!", "Deal talk: Yahoo! eyes startup", 11),
        ("L'Oréal", "L'Oréal buys a skincare brand", 0),
        ("L'Oréal", "Why L'Oréal's shares rose", 4),
        ("Nestlé", "Nestlé recalls frozen pizza", 0),
        ("Nestlé", "NESTLÉ RECALLS FROZEN PIZZA", 0),
        ("Nestlé", "Nestlés recalls", None),
    ],
)
def test_whole_words_only(name: str, title: str, position: int | None) -> None:
    found = find_mention(item(title), company(name))
    if position is None:
        assert isinstance(found, str)
        assert found.startswith("neither the headline nor")
    else:
        assert found == Mention(name, "headline", position)


def test_typographic_apostrophe_matches() -> None:
    found = find_mention(item("L\u2019Oréal buys a skincare brand"), company("L'Oréal"))
    assert isinstance(found, Mention)


# --- namesakes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "namesake"),
    [
        ("Acme Brick Co. opens a kiln", "Acme Brick Co."),
        ("Acme Tools Inc recalls drills", "Acme Tools Inc"),
        ("Acme Brick Co., a Texas firm, expands", "Acme Brick Co."),
        ("Acme Inc. sued over logo", "Acme Inc."),
    ],
)
def test_alias_followed_by_another_legal_name_is_a_namesake(title: str, namesake: str) -> None:
    assert find_mention(item(title), ACME) == f"names another company, {namesake!r}"


def test_a_title_case_verb_after_the_name_ends_it_before_a_legal_suffix() -> None:
    # "Form ... Limited" is the company's verb and the venture's name, not "Acme Form ... Limited"
    title = "Kinder Morgan and Acme Form Joint Venture Limited Liability Company to Buy Assets"
    assert find_mention(item(title), ACME) == Mention("Acme", "headline", title.index("Acme"))


@pytest.mark.parametrize(
    ("title", "position"),
    [
        ("Acme Corp wins award", 0),
        ("Acme Corp. shares jump", 0),
        ("Brightwell partners with Acme Corp on vans", 25),
        ("Acme wins award", 0),
        ("Acme solar plant opens in Texas", 0),  # lower-case words after the name
    ],
)
def test_own_full_name_and_plain_alias_are_accepted(title: str, position: int) -> None:
    found = find_mention(item(title), ACME)
    assert isinstance(found, Mention)
    assert found.where == "headline"
    assert found.position == position


def test_namesake_in_headline_does_not_hide_the_company_in_the_summary() -> None:
    found = find_mention(
        item("Acme Brick Co. opens a kiln", "Acme Corp supplied the batteries. Other news."), ACME
    )
    assert found == Mention("Acme Corp", "summary", None)


def test_namesake_alongside_the_real_company_in_the_headline() -> None:
    found = find_mention(item("Acme Brick Co. signs deal with Acme Corp"), ACME)
    assert found == Mention("Acme Corp", "headline", 31)


def test_spelled_out_own_suffix_is_not_a_namesake() -> None:
    found = find_mention(item("Acme Corporation wins award"), ACME)
    assert isinstance(found, Mention)


# --- headline vs summary ----------------------------------------------------------------------


def test_summary_first_sentence_counts_when_the_headline_does_not_name_the_company() -> None:
    found = find_mention(
        item("Electric vans hit Midwest roads", "Acme Corp will build the depots. More later."),
        ACME,
    )
    assert found == Mention("Acme Corp", "summary", None)
    assert found.reason == "the summary's first sentence names Acme Corp"


def test_summary_second_sentence_does_not_count() -> None:
    found = find_mention(
        item(
            "Electric vans hit Midwest roads",
            "Brightwell is electrifying. Acme Corp builds depots.",
        ),
        ACME,
    )
    assert found == "neither the headline nor the summary's first sentence names Acme Corp"


def test_summary_question_or_exclamation_ends_the_first_sentence() -> None:
    found = find_mention(item("Vans", "Who builds the depots? Acme Corp does."), ACME)
    assert isinstance(found, str)


def test_headline_is_preferred_to_the_summary() -> None:
    found = find_mention(item("Acme wins award", "Acme Corp was honoured. More."), ACME)
    assert found == Mention("Acme", "headline", 0)
    assert found.reason == "the headline names Acme"


def test_abbreviation_does_not_end_the_first_sentence() -> None:
    found = find_mention(
        item("New plant opens", "St. Louis-based Acme Corp opened a plant. Jobs follow."), ACME
    )
    assert found == Mention("Acme Corp", "summary", None)


# --- longest name -----------------------------------------------------------------------------


def test_longest_name_is_preferred() -> None:
    found = find_mention(item("Acme Corp wins award"), ACME)
    assert found == Mention("Acme Corp", "headline", 0)
    reversed_order = Company(slug="acme-corp", name="Acme", aliases=("Acme Corp",))
    assert find_mention(item("Acme Corp wins award"), reversed_order) == Mention(
        "Acme Corp", "headline", 0
    )


def test_not_found_reason_names_the_company() -> None:
    assert find_mention(item("Weather today", "Sunny. Warm."), ACME) == (
        "neither the headline nor the summary's first sentence names Acme Corp"
    )


# --- strip_legal_suffix ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "stripped"),
    [
        ("Acme Corp", "Acme"),
        ("Procter & Gamble Co.", "Procter & Gamble"),
        ("L'Oréal S.A.", "L'Oréal"),
        ("Siemens AG", "Siemens"),
        ("Acme, Inc.", "Acme"),
        ("Acme Co., Ltd.", "Acme"),
        ("AT&T Inc.", "AT&T"),
        ("Acme & Co.", "Acme"),
        ("Acme GmbH", "Acme"),
        ("Foo Holdings", "Foo Holdings"),
        ("Inc.", "Inc."),
        ("Acme", "Acme"),
        ("Co. Ltd.", "Co."),
    ],
)
def test_strip_legal_suffix(name: str, stripped: str) -> None:
    assert strip_legal_suffix(name) == stripped


# --- is_generic -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("Apple", True),
        ("apple", True),
        ("Target", True),
        ("Shell", True),
        ("GE", True),
        ("X", True),
        ("", True),
        ("3M", False),
        ("IBM", False),
        ("Acme", False),
        ("Acme Corp", False),
        ("Apple Inc.", False),
    ],
)
def test_is_generic(name: str, generic: bool) -> None:
    assert is_generic(name) is generic


# --- with_derived_aliases --------------------------------------------------------------------


def test_derived_alias_is_added_when_safe() -> None:
    profile = Company(slug="procter-gamble-co", name="Procter & Gamble Co.", aliases=("P&G",))
    derived, notes = with_derived_aliases(profile)
    assert derived.aliases == ("P&G", "Procter & Gamble")
    assert derived.name == profile.name
    assert notes == ()


def test_derived_alias_is_not_repeated() -> None:
    profile = Company(slug="acme-corp", name="Acme Corp", aliases=("ACME",))
    derived, notes = with_derived_aliases(profile)
    assert derived.aliases == ("ACME",)
    assert notes == ()


def test_name_without_suffix_gets_no_alias() -> None:
    derived, notes = with_derived_aliases(Company(slug="brightwell", name="Brightwell"))
    assert derived.aliases == ()
    assert notes == ()


def test_generic_derived_alias_is_refused_with_a_note() -> None:
    derived, notes = with_derived_aliases(Company(slug="apple-inc", name="Apple Inc."))
    assert derived.aliases == ()
    assert len(notes) == 1
    assert "'Apple'" in notes[0]
    # the name as typed, since `company add apple-inc` would save it as "Apple Inc"
    assert "research company add 'Apple Inc.' --domain" in notes[0]


def test_generic_name_without_domain_or_exclude_is_warned_about() -> None:
    derived, notes = with_derived_aliases(Company(slug="target", name="Target"))
    assert derived.aliases == ()
    assert len(notes) == 1
    assert "'Target'" in notes[0]
    assert "research company add target --domain" in notes[0]


@pytest.mark.parametrize(
    "fields", [{"domain": "target.com"}, {"exclude": ("target market", "target audience")}]
)
def test_generic_name_with_a_profile_is_not_warned_about(fields: dict[str, object]) -> None:
    derived, notes = with_derived_aliases(company("Target", **fields))
    assert notes == ()
    assert derived.aliases == ()


@pytest.mark.parametrize(
    ("title", "namesake"),
    [
        ("Acme Pencil Works posts record sales", "Acme Pencil Works"),
        ("Acme Brick's plant wins a regional builders award", "Acme Brick"),
        # capitalised words with no legal suffix: still a longer name, unless the profile lists it
        ("Acme Solar Plant opens in Texas", "Acme Solar Plant"),
    ],
)
def test_a_longer_proper_name_starting_with_the_name_is_another_company(
    title: str, namesake: str
) -> None:
    """When the name found is a shortening of the company's ("Acme" of "Acme Corp") or our
    guess from a slug (`research acme`)."""
    full = company("Acme Corp", aliases=("Acme",))
    guessed = company("Acme", exact_case=False)
    for who in (full, guessed):
        assert find_mention(item(title), who) == f"names another company, {namesake!r}"


def test_a_name_typed_in_full_may_be_followed_by_a_units_name() -> None:
    """ "Tesco Mobile" is Tesco's unit when the user typed "Tesco": units count as the company."""
    assert isinstance(
        find_mention(item("Tesco Mobile launches a new plan"), company("Tesco")), Mention
    )


@pytest.mark.parametrize(
    "title",
    [
        "Acme Pencil Works posts record sales",  # the profile lists it
        "Acme Group posts record sales",  # the company's own form
        "Acme CEO Jane Doe opens the Denver office",  # a title, not a name
        "Acme Q3 net profit up 20% at Rs 120 crore",
        "Acme, Beta sign supply deal",  # a list of companies
        "Acme Posts Record Sales In Europe",  # Title Case: capitals say nothing
    ],
)
def test_what_is_not_a_longer_name(title: str) -> None:
    acme = company("Acme Corp", aliases=("Acme", "Acme Pencil Works"))
    assert isinstance(find_mention(item(title), acme), Mention), title


@pytest.mark.parametrize(
    ("title", "namesake"),
    [
        ("Severn Trent profit up as customer complaints fall", "Severn Trent"),
        ("Geojit BNP Paribas Q3 profit up 21%", "Geojit BNP Paribas"),
        ("Analysts back Hindustan Unilever after strong quarter", "Hindustan Unilever"),
    ],
)
def test_a_proper_word_before_the_name_makes_another_company(title: str, namesake: str) -> None:
    name = namesake.split(" ", 1)[1]
    found = find_mention(item(title), company(name))
    assert found == f"names another company, {namesake!r}"


@pytest.mark.parametrize(
    "title",
    [
        "Drugmaker Trent to buy Beta for $32 billion",  # a description
        "UK-based Trent wins design award",
        "Russia Trent up 7% after results",  # a place
        "Rival Trent opens 40 stores",  # an ordinary word
        "Three Trent executives named to board",
        "Severn Trent Profit Up As Customer Complaints Fall",  # Title Case: capitals say nothing
    ],
)
def test_descriptions_places_and_title_case_are_not_another_name(title: str) -> None:
    assert isinstance(find_mention(item(title), company("Trent")), Mention)


def test_a_longer_name_the_profile_lists_is_the_company() -> None:
    listed = company("Trent", aliases=("Severn Trent",))
    assert isinstance(find_mention(item("Severn Trent profit up 8%"), listed), Mention)


def test_a_filing_counts_as_first_party_and_says_it_is_a_filing() -> None:
    filing = make_item(
        title="Acme Corp signs master supply agreement with Beta Rail",
        url="https://www.sec.gov/Archives/edgar/data/1/000000000126000001/ex99.htm",
        published=None,
        summary="",
        publisher="SEC EDGAR (8-K)",
        publisher_domain="sec.gov",
        source="sec-edgar",
    )
    found = find_mention(filing, ACME)
    assert isinstance(found, Mention) and found.where == "filing"
    assert found.reason == "from its own filing with the SEC (SEC EDGAR (8-K))"


@pytest.mark.parametrize(
    ("name", "title", "found"),
    [
        # a group is named without its form in headlines; looked for that way, not searched so
        ("Intertek Group", "Intertek profit up 16.1% in first half", "Intertek"),
        ("Vantor Holdings", "Vantor wins Hamburg port contract", "Vantor"),
        ("Vantor Holding", "Vantor Holding opens Oslo office", "Vantor Holding"),
        # the shorter name is a start of the group's: another company's longer name is not it
        ("Vantor Group", "Vantor Motors posts record sales", None),
        # a common word alone is never looked for
        ("Compass Group", "Compass serves up half year profit rise", None),
    ],
)
def test_a_group_is_found_by_its_name_without_the_form(
    name: str, title: str, found: str | None
) -> None:
    company = Company(slug="test-co", name=name)
    mention = find_mention(item(title), company)
    assert (mention.name if isinstance(mention, Mention) else None) == found, mention
