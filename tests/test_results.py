"""Results headlines in words a note can carry: shorthand spelled out, the figure and the metric
kept as written, and share moves read for the news behind them."""

from __future__ import annotations

import pytest

from research.models import EventKind as K
from research.write.results import results
from research.write.results_terms import spelled_out
from research.write.share_moves import share_move_reason
from research.write.snippets import phrasings

NAMES = ("Acme Corp", "Acme")
OWNER = "Acme Corp's"


@pytest.mark.parametrize(
    ("title", "news", "clause"),
    [
        ("Acme Corp Q2 net up 20 pc at Rs 89 cr", "the 20% rise in Acme Corp's Q2 net profit to Rs 89 crore",
         "posted a 20% rise in Q2 net profit to Rs 89 crore"),
        ("Acme Dec qtr net profit soars 11.5 per cent to Rs 690 crore",
         "the 11.5% rise in Acme Corp's December-quarter net profit to Rs 690 crore",
         "posted an 11.5% rise in December-quarter net profit to Rs 690 crore"),
        ("Acme Corp third quarter profit jumps 3-fold to $46 mln",
         "the threefold rise in Acme Corp's third-quarter profit to $46 million",
         "posted a threefold rise in third-quarter profit to $46 million"),
        ("Acme Corp net grows over ten-fold at Rs 31 crore",
         "the more than tenfold rise in Acme Corp's net profit to Rs 31 crore",
         "posted a more than tenfold rise in net profit to Rs 31 crore"),
        ("Acme Corp Jan-Mar qtr net up 12% at Rs 5 cr",
         "the 12% rise in Acme Corp's January-March quarter net profit to Rs 5 crore",
         "posted a 12% rise in January-March quarter net profit to Rs 5 crore"),
        ("Acme Corp net at Rs 1.62K crore; eyes new plant",  # never cut short, the K in figures
         "Acme Corp's net profit of Rs 1,620 crore", "posted a net profit of Rs 1,620 crore"),
        ("Acme Corp Q4 net marginally up at Rs 82.8 crore",
         "the rise in Acme Corp's Q4 net profit to Rs 82.8 crore",
         "posted a rise in Q4 net profit to Rs 82.8 crore"),
        ("Acme Corp Consumer Health Q2 Net up 9% at Rs 160 crore",  # a unit, named in full
         "the 9% rise in Acme Corp Consumer Health's Q2 net profit to Rs 160 crore",
         "posted a 9% rise in Q2 net profit to Rs 160 crore"),
        ("Acme Corp posts Rs 84 crore profit for Q3",  # the level before the metric
         "Acme Corp's Q3 profit of Rs 84 crore", "posted a Q3 profit of Rs 84 crore"),
        ("Acme Corp Q1 PAT Rs 12.5 cr, up 48% YoY",  # the level first, then the change
         "the 48% rise in Acme Corp's Q1 net profit to Rs 12.5 crore",
         "posted a 48% rise in Q1 net profit to Rs 12.5 crore"),
        ("Acme Corp net profit Q3 up 7.5 per cent at Rs 40 cr",  # the period after the metric
         "the 7.5% rise in Acme Corp's Q3 net profit to Rs 40 crore",
         "posted a 7.5% rise in Q3 net profit to Rs 40 crore"),
        ("Acme Corp Lifts Final Dividend 15% On Record Orders",
         "the 15% rise in Acme Corp's final dividend", "raised your final dividend by 15%"),
        ("Acme raises dividend", "the rise in Acme Corp's dividend", "raised your dividend"),
        ("Acme Corp posts third straight quarter of profit growth",
         "Acme Corp's third straight quarter of profit growth",
         "posted a third straight quarter of profit growth"),
        ("Acme Corp logs four consecutive years of growth",
         "Acme Corp's four consecutive years of growth", "posted four consecutive years of growth"),
        ("Acme Corp Q2 up 3.5 per cent to Rs 93 crore",  # a period's figure is its earnings
         "the 3.5% rise in Acme Corp's Q2 earnings to Rs 93 crore",
         "posted a 3.5% rise in Q2 earnings to Rs 93 crore"),
        ("Acme Corp First-Quarter Sales Up 14% Helped by New Stores",  # Title Case lowered
         "the 14% rise in Acme Corp's first-quarter sales", "posted a 14% rise in first-quarter sales"),
        ("Acme Corp Full-Year Profit Rises 12%", "the 12% rise in Acme Corp's full-year profit",
         "posted a 12% rise in full-year profit"),
        ("Acme Corp first half profit edges up", "the rise in Acme Corp's first-half profit",
         "posted a rise in first-half profit"),
        ("Acme Corp net profit up near 31% at Rs 12 crore",
         "the rise of nearly 31% in Acme Corp's net profit to Rs 12 crore",
         "posted a rise of nearly 31% in net profit to Rs 12 crore"),
        ("New plant helps Acme Corp turn to profitability", "Acme Corp's return to profit",
         "returned to profit"),
        ("Acme Corp 4Q profit rises 69 per cent", "the 69% rise in Acme Corp's fourth-quarter profit",
         "posted a 69% rise in fourth-quarter profit"),
        ("Acme Corp beats Q3 profit expectations", "Acme Corp's results beating Q3 profit expectations",
         "beaten Q3 profit expectations"),
        ("Acme Corp third quarter sales boosted by festive season",  # what rose, said plainly
         "the rise in Acme Corp's third-quarter sales", "posted a rise in third-quarter sales"),
        ("Acme Corp gains 9% as Q4 net sees 3-fold jump; brokers bullish",
         "the threefold rise in Acme Corp's Q4 net profit", "posted a threefold rise in Q4 net profit"),
        ("Profits surge as fund manager Acme Corp reports a record year", "Acme Corp's record year",
         "posted a record year"),
        ("Acme Corp reports Q1 net profit of 310 million euro",  # an amount in words, plural
         "Acme Corp's Q1 net profit of 310 million euros", "posted a Q1 net profit of 310 million euros"),
        ("Acme Corp posts operating profit in December quarter",  # a profit with no figure
         "Acme Corp's December-quarter operating profit", "posted a December-quarter operating profit"),
        ("Acme Corp delivers small profit increase for 2019",  # a rise, never called small back
         "the rise in Acme Corp's 2019 profit", "posted a rise in 2019 profit"),
        ("Acme Corp posts marginal growth in Q3 net profit at Rs 9.5 crore",
         "the rise in Acme Corp's Q3 net profit to Rs 9.5 crore",
         "posted a rise in Q3 net profit to Rs 9.5 crore"),
        ("Acme Corp posts FY profit beat, names new chairman",  # "FY" alone is the full year
         "Acme Corp's full-year profit beating forecasts", "seen your full-year profit beat forecasts"),
        ("Acme Corp FY profit up 4.5%; to boost capex", "the 4.5% rise in Acme Corp's full-year profit",
         "posted a 4.5% rise in full-year profit"),
        ("Acme Corp rises post Q4 results; net profit up 18% to Rs 90 cr",  # the figure after
         "the 18% rise in Acme Corp's net profit to Rs 90 crore",
         "posted an 18% rise in net profit to Rs 90 crore"),
        ("Acme Corp Q1 net up 6 folds to Rs 12.4 crore",  # a multiple however it is spelled
         "the sixfold rise in Acme Corp's Q1 net profit to Rs 12.4 crore",
         "posted a sixfold rise in Q1 net profit to Rs 12.4 crore"),
        ("Acme Corp's net up over 3-folds to Rs 95 cr in Q2",
         "the more than threefold rise in Acme Corp's Q2 net profit to Rs 95 crore",
         "posted a more than threefold rise in Q2 net profit to Rs 95 crore"),
        ("Acme Corp net surges over-three fold to Rs 61 crore",
         "the more than threefold rise in Acme Corp's net profit to Rs 61 crore",
         "posted a more than threefold rise in net profit to Rs 61 crore"),
        ("Acme Corp's net rises 18 pc to Rs 412 cr in FY'14-15",  # a fiscal year, never cut
         "the 18% rise in Acme Corp's FY'14-15 net profit to Rs 412 crore",
         "posted an 18% rise in FY'14-15 net profit to Rs 412 crore"),
        ("Acme Corp net profit up 9 per cent at Rs 700 crore in 2019-20",
         "the 9% rise in Acme Corp's 2019-20 net profit to Rs 700 crore",
         "posted a 9% rise in 2019-20 net profit to Rs 700 crore"),
        ("Acme Corp Q3 profit more than doubles to Rs 54 crore",
         "Acme Corp's Q3 profit more than doubling to Rs 54 crore",
         "seen your Q3 profit more than double to Rs 54 crore"),
        ("Acme Corp Ltd. records 46% rise in net profit in Q1",
         "the 46% rise in Acme Corp's net profit", "posted a 46% rise in net profit"),
        ("Acme Corp's net profit in Q1 rises 22% to Rs 172 crore",
         "the 22% rise in Acme Corp's Q1 net profit to Rs 172 crore",
         "posted a 22% rise in Q1 net profit to Rs 172 crore"),
        ("Acme Corp shares spike as 4Q results fly above expectations",
         "Acme Corp's fourth-quarter results beating expectations",
         "seen your fourth-quarter results beat expectations"),
        ("Acme Corp at 20% upper circuit on strong Q1 results", "Acme Corp's strong Q1 results",
         "posted strong Q1 results"),
        ("Acme Corp quarterly revenue rises 12 percent", "the 12% rise in Acme Corp's quarterly revenue",
         "posted a 12% rise in quarterly revenue"),
        ("Acme Corp net trebles on strong demand", "the trebling of Acme Corp's net profit",
         "trebled your net profit"),
        ("Acme Corp Q3 net profit at Rs 9.99 crore", "Acme Corp's Q3 net profit of Rs 9.99 crore",
         "posted a Q3 net profit of Rs 9.99 crore"),
        ("Acme's annual results beat forecasts", "Acme Corp's annual results beating forecasts",
         "seen your annual results beat forecasts"),
        ("Acme Corp beats estimates, confirms outlook", "Acme Corp's results beating estimates",
         "beaten estimates"),
        ("Acme Corp sales rise as holiday demand returns", "the rise in Acme Corp's sales",
         "posted a rise in sales"),
        ("Acme Corp shares jump 6% after Christmas sales beat expectations",
         "Acme Corp's Christmas sales beating expectations", "seen your Christmas sales beat expectations"),
        ("Acme Corp surges nearly 60% in four sessions on robust results",
         "Acme Corp's robust results", "posted robust results"),
        # a second clause adds to the first: a beat to a figure, a figure to a return to profit
        ("Acme Corp Q4 PAT at Rs 2,227 crore, beats estimates",
         "Acme Corp's better-than-expected Q4 net profit of Rs 2,227 crore",
         "posted a better-than-expected Q4 net profit of Rs 2,227 crore"),
        ("Acme Corp back in black, posts Q1 net at Rs 226 crore",
         "Acme Corp's return to profit with a Q1 net profit of Rs 226 crore",
         "returned to profit with a Q1 net profit of Rs 226 crore"),
        ("Acme Corp December quarter consolidated net profit at Rs 15.15 crore",
         "Acme Corp's December-quarter net profit of Rs 15.15 crore",
         "posted a December-quarter net profit of Rs 15.15 crore"),
        ("Acme Corp Q1 standalone Net shoots to Rs 334 crore",
         "the rise in Acme Corp's Q1 net profit to Rs 334 crore",
         "posted a rise in Q1 net profit to Rs 334 crore"),  # the accounts' scope is jargon
        # a rise said as a noun; a beat told after other news
        ("Acme Corp profit boost on strong sales", "the rise in Acme Corp's profit", "posted a rise in profit"),
        ("Acme Corp weighs cash handout after beating profit forecast",
         "Acme Corp's profit beating forecasts", "seen your profit beat forecasts"),
        # a beat and a rise, in either order, are one better-than-expected rise
        ("Acme Corp Q2 net profit up 15% to Rs 2,709 crore; beats estimates",
         "the better-than-expected 15% rise in Acme Corp's Q2 net profit to Rs 2,709 crore",
         "posted a better-than-expected 15% rise in Q2 net profit to Rs 2,709 crore"),
        ("Acme beats estimates with 81% jump in Q3 profit, stock up 2%",
         "the better-than-expected 81% rise in Acme Corp's Q3 profit",
         "posted a better-than-expected 81% rise in Q3 profit"),
        ("Acme Q4 net profit beats estimates, jumps 90 per cent",
         "the better-than-expected 90% rise in Acme Corp's Q4 net profit",
         "posted a better-than-expected 90% rise in Q4 net profit"),
        # a share move before the beat is no rise of the results
        ("Acme Corp gains over 4.5%; earnings beat estimates", "Acme Corp's earnings beating estimates",
         "seen your earnings beat estimates"),
        ("Acme beats Street with 22% jump in Q2 profit",
         "the better-than-expected 22% rise in Acme Corp's Q2 profit",
         "posted a better-than-expected 22% rise in Q2 profit"),
        # a unit named in full has its own results, whatever verb follows its name
        ("Acme India posts 25 per cent jump in net profit in Q3",
         "the 25% rise in Acme India's net profit", "posted a 25% rise in net profit"),
        ("Acme Tech reports over 70 per cent jump in net profit at Rs 68.2 crore",
         "the rise of more than 70% in Acme Tech's net profit", "posted a rise of more than 70% in net profit"),
        ("Acme India Posts 20% Rise in Q2 Net Profit",
         "the 20% rise in Acme India's Q2 net profit", "posted a 20% rise in Q2 net profit"),
        ("Acme Posts Rise in Earnings Despite Lower Oil Prices",  # a verb, not a unit's name
         "the rise in Acme Corp's earnings", "posted a rise in earnings"),
    ],
)  # fmt: skip
def test_results_are_named_with_their_figures(title: str, news: str, clause: str) -> None:
    said = results(title, NAMES, OWNER)
    assert said is not None
    assert (said.news, said.clause) == (news, clause)


@pytest.mark.parametrize(
    "title",
    [
        "Acme Corp results up on the quarter",  # no figure, and "a rise in results" says nothing
        "Rival Labs Q2 net up 20% at Rs 89 crore",  # another company's results
        "Acme Corp capital ratio beats forecasts",  # not a result the note can name plainly
        "Analysts expect Acme Corp profit to rise 10%",  # the company is not the subject
    ],
)
def test_no_results_news_when_the_headline_does_not_say_it_plainly(title: str) -> None:
    assert results(title, NAMES, OWNER) is None


def test_an_amount_is_never_cut_from_its_unit() -> None:
    said = results("Acme Q4 net profit doubles to Rs 20.5 crores", NAMES, OWNER)
    assert said is not None and said.news.endswith("to Rs 20.5 crore"), said
    said = results("Acme Q1 net up 10% to Rs 39-crore led by exports", NAMES, OWNER)
    assert said is None or "Rs 39 " not in f"{said.news} ", said


def test_shorthand_is_spelled_out_but_names_and_words_stay() -> None:
    assert spelled_out("Acme Q1 PAT Rs 10.5 cr, up 14 pct; $2.1 bln deal") == (
        "Acme Q1 PAT Rs 10.5 crore, up 14%; $2.1 billion deal"
    )
    assert spelled_out("Acme closes Rs 2,069-cr deal") == "Acme closes Rs 2,069-crore deal"
    assert spelled_out("Acme wins $250m order; Q1 net $ 58.1 mln; buys unit for USD200 Million") == (
        "Acme wins $250 million order; Q1 net $58.1 million; buys unit for $200 million"
    )
    assert spelled_out("Acme, Beta plan to raise Rs 4K crore each; Rs 2.5K cr") == (
        "Acme, Beta plan to raise Rs 4,000 crore each; Rs 2,500 crore"
    )
    assert spelled_out("Acme raises 90 cr via QIP issue; to raise Rs 50 cr through shares sale") == (
        "Acme raises Rs 90 crore via qualified institutional placement; to raise Rs 50 crore "
        "through share sale"
    )
    # market terms a headline capitalises mid-sentence are ordinary words
    assert spelled_out("Acme gets Board approval for Qualified Institutions Placement") == (
        "Acme gets board approval for qualified institutional placement"
    )
    assert spelled_out("Acme files papers for Initial public offering, Green Bonds") == (
        "Acme files papers for initial public offering, Green bonds"
    )
    assert (
        spelled_out("Crest Partners backs Acme's pc maker")
        == "Crest Partners backs Acme's pc maker"
    )
    # crore and lakh count rupees unless they count something else
    assert spelled_out("Acme Q4 net up at 298.23 crore") == "Acme Q4 net up at Rs 298.23 crore"
    assert spelled_out("Acme allots 17.38 lakh shares to anchor investors") == (
        "Acme allots 17.38 lakh shares to anchor investors"
    )
    assert spelled_out("Acme app crosses 2 crore users") == "Acme app crosses 2 crore users"
    # a unit's plural and a hyphen that joins it to no noun are written plainly
    assert spelled_out("Acme Q4 net profit doubles to Rs 20.5 crores") == (
        "Acme Q4 net profit doubles to Rs 20.5 crore"
    )
    assert spelled_out("Acme Q2 PAT zooms 427 pc at Rs 39-cr") == "Acme Q2 PAT zooms 427% at Rs 39 crore"
    assert spelled_out("Acme raises Rs 50 lakhs") == "Acme raises Rs 50 lakh"
    # a listing's shares are its own
    assert spelled_out("Acme to list shares on Monday") == "Acme to list its shares on Monday"
    # thousands with their comma; "infra" in plain words, but not in a name ("Acme Infra")
    assert spelled_out("Acme to issue Rs 6000 crore bonds") == "Acme to issue Rs 6,000 crore bonds"
    assert spelled_out("Acme Q1 PAT at Rs 2274.5 cr") == "Acme Q1 PAT at Rs 2,274.5 crore"
    assert spelled_out("Acme Infra to raise Rs 500 cr from infra bond issue") == (
        "Acme Infra to raise Rs 500 crore from infrastructure bond issue"
    )
    assert spelled_out("Acme net up 43.60% at Rs 1,111 cr; sales up 12.0 pc") == (
        "Acme net up 43.6% at Rs 1,111 crore; sales up 12%"
    )


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("Acme Corp shares up 4% on $200-million order", "$200-million order"),
        ("Acme hits fresh 52-week high, gains over 8% intraday on plans to buy Beta unit",
         "plans to buy Beta unit"),
        ("Acme Corp's stock rallies after winning a contract with Beta; sector up", "winning a contract with Beta"),
        ("Index ends higher; Acme Corp leads after strong earnings", "strong earnings"),  # its clause
        ("Acme Corp stocks rise 4% over better than expected earnings", "better than expected earnings"),
        ("Acme Corp stock up over 5% intraday", None),  # "over" qualifies the figure
        ("Beta Labs shares jump 5% on Acme Corp order", None),  # another company's share move
        ("Acme Corp wins order from Beta", None),  # no share move
    ],
)  # fmt: skip
def test_the_news_behind_a_share_move(title: str, reason: str | None) -> None:
    assert share_move_reason(title, NAMES) == reason


@pytest.mark.parametrize(
    ("title", "kind", "sentence", "clause"),
    [
        ("Acme Corp shares up 4% on $200-million order", K.NEW_ACCOUNT,
         "I saw the news about Acme Corp's $200-million order and wanted to offer my "
         "congratulations on a notable success.", "won a $200-million order"),
        ("Acme rallies on launch of new search app", K.LAUNCH,
         "I saw the news about Acme Corp's launch of a new search app and wanted to offer my "
         "congratulations on an exciting development.", "launched a new search app"),
        ("Acme hits fresh 52-week high, gains 8% intraday on plans to buy Beta unit",
         K.ACQUISITION,
         "I read with interest that Acme Corp has announced plans to buy a Beta unit; it is a "
         "significant strategic step.",
         "announced plans to buy a Beta unit"),
    ],
)  # fmt: skip
def test_a_share_move_is_congratulated_for_its_news_never_for_the_price(
    title: str, kind: K, sentence: str, clause: str
) -> None:
    assert phrasings(title, "Acme Corp", kind, NAMES)["formal"][0] == (sentence, clause)


def test_a_planned_raise_is_not_praised_as_done() -> None:
    text, clause = phrasings("Acme Corp IPO opens on Thursday", "Acme Corp", K.FUNDING, NAMES)[
        "formal"
    ][0]
    assert clause == "opened your IPO"  # opened: bids are not in, no money raised yet
    assert "vote of confidence" not in text


@pytest.mark.parametrize(
    ("title", "sentence", "clause"),
    [
        ("FDA approves Acme Corp's Zolvix for migraine",
         "I saw the news about the FDA approval for Acme Corp's Zolvix for migraine and wanted to "
         "offer my congratulations on an important step forward.",
         "won FDA approval for Zolvix for migraine"),
        ("Acme Corp says new migraine pill Zolvix approved by EU",
         "I saw the news about the EU approval for Acme Corp's new migraine pill Zolvix and wanted "
         "to offer my congratulations on an important step forward.",
         "won EU approval for your new migraine pill Zolvix"),
    ],
)  # fmt: skip
def test_a_regulators_approval_is_named_with_what_it_approved(
    title: str, sentence: str, clause: str
) -> None:
    assert phrasings(title, "Acme Corp", K.MILESTONE, NAMES)["formal"][0] == (sentence, clause)


def test_a_recommendation_is_not_called_an_approval() -> None:
    text, clause = phrasings(
        "EU regulator backs approval for Acme Corp migraine pill", "Acme Corp", K.MILESTONE, NAMES
    )["formal"][0]
    assert "approval" not in text and "approval" not in clause


@pytest.mark.parametrize(
    ("title", "praise"),
    [
        ("Acme Corp sales rise 3% in quarter", "a welcome result"),  # small: not "impressive"
        ("Acme Corp Q2 net profit at Rs 9.9 crore", "a welcome result"),  # a figure, no rise
        ("Acme Corp Q2 net profit up 35% to Rs 9.9 crore", "an impressive performance"),
        ("Acme Corp annual results beat forecasts", "an impressive performance"),
        ("Acme Corp Q4 net marginally up 12% at Rs 8 crore", "a welcome result"),  # "marginally"
    ],
)
def test_praise_scales_with_what_the_results_say(title: str, praise: str) -> None:
    text, _clause = phrasings(title, "Acme Corp", K.GROWTH, NAMES)["formal"][0]
    assert text.endswith(f"congratulations on {praise}."), text
