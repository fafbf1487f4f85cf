"""Pure: the words results headlines are written in (periods, metrics, rises, beats, figures,
amounts) as patterns, how a note says a period or a figure ("Dec qtr" -> "December-quarter",
"over 28%" -> "more than 28%"), and the headline shorthand spelled out ("28 pc" -> "28%")."""

from __future__ import annotations

import re
from decimal import Decimal

from .english import is_ordinary

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
MONTH_ABBREVIATIONS = {m[:3].lower(): m for m in _MONTHS} | {"sept": "September"}

PERIOD_WORD = (
    # a fiscal year may span two calendar years: "FY'10-11", "2012-13" (never cut to "FY'10")
    r"(?:Q[1-4]|[1-4]Q|H[12]|(?:FY\s?'?\d{2,4}|\d{4})(?:-'?\d{2}(?:\d{2})?(?![\d%]))?|FY(?=\s)|quarterly|annual|"
    r"full-year|half-year|(?:first|second)[- ]half|"
    r"(?:first|second|third|fourth)[- ]quarter|(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"(?:-(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))?(?:\s+quarter)?|Christmas|"
    r"festive|holiday|standalone|consolidated)"
)
# What a results headline says rose, longest first; the value is how a note names it.
METRICS = {
    "net profit": "net profit", "net income": "net income", "operating profit":
    "operating profit", "pre-tax profit": "pre-tax profit", "pretax profit": "pre-tax profit",
    "profit after tax": "profit after tax", "same-store sales": "same-store sales",
    "like-for-like sales": "like-for-like sales", "net sales": "net sales", "total income":
    "total income", "net interest income": "net interest income", "pat": "net profit",
    "net": "net profit", "net profits": "net profit", "profit": "profit", "profits": "profits", "revenue": "revenue",
    "revenues": "revenue", "sales": "sales", "earnings": "earnings", "income": "income",
    "ebitda": "EBITDA", "turnover": "turnover", "orders": "orders", "bookings": "bookings",
    "deliveries": "deliveries", "exports": "exports", "subscribers": "subscribers",
    "passengers": "passenger numbers", "traffic": "traffic", "volumes": "volumes",
    "margins": "margins", "results": "results", "numbers": "numbers", "output": "output",
    "production": "production", "shipments": "shipments", "premiums": "premiums",
    "show": "results", "performance": "performance", "trading profit": "trading profit",
}  # fmt: skip
METRIC = "|".join(re.escape(m) for m in sorted(METRICS, key=len, reverse=True))
RISE = (
    r"(?:up|rises?|rose|jumps?|jumped|climbs?|climbed|soars?|soared|surges?|surged|grows?|grew|"
    r"gains?|gained|increases?|increased|zooms?|spurts?|advances?|improves?|improved|swells?|"
    r"leaps?|rockets?|multiplies|recovers?|rebounds?|(?:moves?|inches?|edges?|goes|shoots?)\s+up|"
    r"shoots?(?=\s+(?:to|by)\s)|"
    r"(?:boosted|lifted|buoyed)(?=\s+by\b))"  # "sales boosted by festive season": they rose
)
# How a rise is told, when the headline says it was small: "marginally up".
ADVERB = r"(?:marginally|slightly|sharply|strongly|significantly)"
MULTIPLY = {"doubles": "doubling", "more than doubles": "more than doubling",
            "almost doubles": "almost doubling", "nearly doubles": "nearly doubling", "doubled": "doubling", "trebles": "trebling",
            "triples": "tripling", "tripled": "tripling", "trebled": "trebling",
            "quadruples": "quadrupling"}  # fmt: skip
# The verbs a results headline reports with: "posts Q2 net of Rs 89 crore".
POSTS = r"(?:posts?|reports?|records?|sees?|logs?|delivers?|clocks?|books?|registers?)"
BEAT = r"(?:beats?|tops?|exceeds?|surpasses?|outstrips?|beat|(?:fly|flies|flew|come|comes|came)\s+(?:in\s+)?above)"
EXPECTED = r"(?:expectations|estimates|forecasts?|consensus|street\s+estimates|views?|guidance)"
_QUALIFIER = r"(?:over|nearly|near|almost|about|around|more\s+than|over|by|just\s+over|close\s+to)"
FIGURE = (
    rf"(?:(?:{_QUALIFIER})\s+)*(?:\d+(?:\.\d+)?%|\d+(?:\.\d+)?-fold|(?:two|three|four|five|six|"
    rf"seven|eight|nine|ten)[- ]?fold|(?:one|a)[- ]third|(?:one|a)[- ]quarter|half)"
)
# An amount, never cut from its unit ("Rs 39-crore" is no "Rs 39").
AMOUNT = (
    r"(?:(?:Rs|\$|US\$|\u00a3|\u20ac|\u20b9|[A-Z]{2}\$)\s?\d[\d,]*(?:\.\d+)?(?:[Kk](?!\w))?"
    r"(?:\s(?:crore|lakh|million|billion|trillion))?|\d[\d,]*(?:\.\d+)?\s(?:crore|lakh)|"
    r"\d[\d,]*(?:\.\d+)?\s(?:million|billion)\s(?:euros|pounds|dollars))(?![\d.]|-\w)"
)
GOOD_ADJECTIVES = (
    r"(?:strong|robust|record|solid|healthy|bumper|stellar|better[- ]than[- ]expected|"
    r"forecast-beating|impressive|upbeat|buoyant|good|higher|blockbuster|positive|smart|bright|"
    r"(?:highest|best)[- ]ever)"
)
# The press's words for good results, as a sentence says them ("smart Q1 earnings" is strong).
PLAIN_ADJECTIVES = {
    "smart": "strong", "bright": "strong", "better than expected": "better-than-expected",
    "better-than expected": "better-than-expected", "better than-expected": "better-than-expected",
    "highest ever": "highest-ever", "best ever": "best-ever",
}  # fmt: skip


def plain_adjective(said: str) -> str:
    """The press's word for good results as a sentence says it: "smart" -> "strong"."""
    said = " ".join(said.lower().split())
    return PLAIN_ADJECTIVES.get(said, said)


def spelled_period(words: str) -> str:
    """ "Dec quarter" -> "December-quarter", "March qtr" -> "March-quarter"; others as written."""
    # "standalone", "consolidated": the accounts' scope, jargon a note does without
    words = " ".join(w for w in words.split() if w.lower() not in ("standalone", "consolidated"))
    words = re.sub(
        r"\b([A-Z][a-z]{2,3})(?=-|\s+quarter)",
        lambda m: MONTH_ABBREVIATIONS.get(m.group(1).lower(), m.group(1)),
        words,
    )
    words = re.sub(
        r"-([A-Z][a-z]{2,3})\b",
        lambda m: "-" + MONTH_ABBREVIATIONS.get(m.group(1).lower(), m.group(1)),
        words,
    )
    month = re.fullmatch(r"([A-Za-z]{3,4})\s+quarter", words)
    if month and month.group(1).lower() in MONTH_ABBREVIATIONS:
        return f"{MONTH_ABBREVIATIONS[month.group(1).lower()]}-quarter"
    full = re.fullmatch(r"([A-Z][a-z]+)\s+quarter", words)
    if full and full.group(1) in _MONTHS:
        return f"{full.group(1)}-quarter"
    if words.lower() in MONTH_ABBREVIATIONS:
        return MONTH_ABBREVIATIONS[words.lower()]
    words = re.sub(r"\b(first|second|third|fourth) (quarter|half)\b", r"\1-\2", words, flags=re.I)
    words = re.sub(r"\bFY\b(?!\s?'?\d)", "full-year", words)  # "FY profit": the full year's
    words = re.sub(  # "4Q" is said "fourth-quarter"
        r"\b([1-4])Q\b",
        lambda m: f"{('first', 'second', 'third', 'fourth')[int(m.group(1)) - 1]}-quarter",
        words,
    )
    # a Title Case headline's "First-Quarter", "Full-Year": ordinary words (months stay names)
    words = re.sub(
        r"\b[A-Z][a-z]+\b",
        lambda m: m.group(0).lower() if is_ordinary(m.group(0)) else m.group(0),
        words,
    )
    return words.replace("FY ", "FY")


NUMBER_WORDS = "two three four five six seven eight nine ten".split()


def spelled_figure(text: str) -> str:
    """ "over 28%" -> "more than 28%", "3-fold" -> "threefold", "by 12%" -> "12%"."""
    text = " ".join(text.lower().split())
    text = re.sub(r"\b(\d+)-fold", lambda m: _fold(m.group(1)), text)
    text = re.sub(rf"\b({'|'.join(NUMBER_WORDS)})[- ]?fold", r"\1fold", text)
    text = re.sub(r"\b(?:over|just\s+over)\b", "more than", text)
    text = re.sub(r"\bnear\b", "nearly", text)  # "up near 49%"
    return re.sub(r"\bby\s+", "", text)


def _fold(number: str) -> str:
    index = int(number) - 2
    return f"{NUMBER_WORDS[index]}fold" if 0 <= index < len(NUMBER_WORDS) else f"{number}-fold"


def _thousands(match: re.Match[str]) -> str:
    """ "1.62K crore" -> "1,620 crore": the same amount, exactly, without the K."""
    whole = Decimal(match.group(1)) * 1000
    unit = "lakh" if match.group(2).lower().startswith("l") else "crore"
    return f"{int(whole):,} {unit}" if whole == int(whole) else match.group(0)


# What crore and lakh may count besides rupees ("17.38 lakh shares", "2 crore users").
_COUNTED = (
    r"shares|equity\s+shares|tonnes|tons|units|customers|users|subscribers|people|passengers"
    r"|accounts|vehicles|cars|homes|houses|jobs|policies|cards|doses|members|investors"
    r"|households|farmers|students|visitors|downloads|litres|barrels|sq(?:uare)?\.?\s*f(?:ee)?t"
)
# "mop up upto": the press's "mop up" as "raise", so that "up to" does not stutter
_RAISE = {"mop": "raise ", "mops": "raises ", "mopped": "raised ", "mopping": "raising "}
# Shorthand of results headlines, spelled out: (pattern, replacement).
_SHORTHAND = (
    # "Rs 2, 600 crore": a typo'd thousands separator, one amount
    (re.compile(r"(\d), (\d{3})(?=\s*(?:crore|cr|lakh|million|billion|mn|bn)\b)", re.I), r"\1,\2"),
    # "Rs 4K crore", "Rs 1.62K cr": thousands of crore, in figures ("Rs 4,000 crore")
    (re.compile(r"(?<![\d.,])(\d+(?:\.\d{1,3})?)[kK]\s*(crores?|crs?|lakhs?)\b\.?"), _thousands),
    (re.compile(r"(\d)\s*(?:pc|pct|per\s?cent|percent)\b", re.I), r"\1%"),
    # "43.60%" is "43.6%", "12.0%" is "12%": a wire's padding, not a figure a writer keeps
    (re.compile(r"(\d\.\d*?[1-9])0+%"), r"\1%"),
    (re.compile(r"(\d)\.0+%"), r"\1%"),
    (re.compile(r"\b(Rs\.?|INR)\s*(\d)"), r"Rs \2"),
    (re.compile(r"(\d)(\s*|-)(?:cr|crs|crores?)\b\.?", re.I), r"\1\2crore"),
    (re.compile(r"(\d)crore"), r"\1 crore"),
    (re.compile(r"(\d)(\s|-)lakhs\b", re.I), r"\1\2lakh"),  # "Rs 20 lakhs" is "Rs 20 lakh"
    # "at Rs 39-cr" ends the sentence: a hyphen joins a unit only to a noun ("Rs 39-crore deal")
    (
        re.compile(
            r"(\d)-(crore|lakh)(?=\s*(?:$|[,;:.)|]|\s(?:in|for|on|at|to|from|and|as|while|with|vs"
            r"|against|during|after|by|over|YoY|y-o-y|despite|but)\b))"
        ),
        r"\1 \2",
    ),
    # crore and lakh count rupees: "298.23 crore" is "Rs 298.23 crore"; but not "17.38 lakh
    # shares" or "2 crore users", which count things
    (
        re.compile(
            r"(?<![\w$\u20b9.,-])(?<!Rs )(\d[\d,]*(?:\.\d+)?\s(?:crore|lakh))\b"
            rf"(?!\s+(?:{_COUNTED}))"
        ),
        r"Rs \1",
    ),
    (re.compile(r"(\d)\s*(?:bln|bn)\b", re.I), r"\1 billion"),
    (re.compile(r"(\d)\s*(?:mln|mn)\b", re.I), r"\1 million"),
    (re.compile(r"(\d)\s*(?:M|Million)\b"), r"\1 million"),
    # "$250m", "USD200 million", "$ 58.1 million": a currency's amount as a note writes it
    (re.compile(r"([$\u00a3\u20ac]\s?\d[\d,]*(?:\.\d+)?)m\b"), r"\1 million"),
    (re.compile(r"\bUSD\s?(?=\d)"), "$"),
    (re.compile(r"\b(million|billion) euro\b"), r"\1 euros"),  # "124 million euro"
    (re.compile(r"(?<![\w$])([$\u00a3\u20ac])\s+(?=\d)"), r"\1"),
    (re.compile(r"(\d)\s*(?:B|Billion)\b"), r"\1 billion"),
    (re.compile(r"\b(?:qtr|qrt)\b", re.I), "quarter"),
    (
        re.compile(r"\bmop(?:s|ped|ping)?\s+up\s+(?=upto\b)", re.I),
        lambda m: _RAISE[m.group(0).split()[0].lower()],
    ),
    # "beats Street": the market's word for analysts' estimates
    (
        re.compile(
            r"\b(beats?|beating|beaten)\s+(?:the\s+)?Street\b(?!['\u2019]|\s+(?:estimates|expectations"
            r"|forecasts?|views?)\b)"
        ),
        r"\1 estimates",
    ),
    (re.compile(r"\bupto\b", re.I), "up to"),  # "to raise upto Rs 275 crore"
    (re.compile(r"\b(to\s+list)\s+(?=shares\b)"), r"\1 its "),  # "to list shares on Monday"
    # "Rs 6000 crore", "$12500 million": an amount of thousands written with its comma
    (
        re.compile(r"((?:\bRs\.?\s?|[$\u00a3\u20ac\u20b9])\d{1,2})(\d{3})(?![\d,])"),
        r"\1,\2",
    ),
    (re.compile(r"\binfra(?=\s+(?:bonds?|projects?|debt|fund|sector|company|firm)\b)"), "infrastructure"),
    # market initialisms a reader outside the trade may not know
    (re.compile(r"\bQIP\s+issue\b"), "QIP"),  # "via QIP issue": the placement is the issue
    (re.compile(r"\bQIP\b"), "qualified institutional placement"),
    (re.compile(r"\bNCDs?\s+issue\b"), "debenture issue"),  # "NCD issue opens"
    (re.compile(r"\bNCDs\b"), "non-convertible debentures"),
    (re.compile(r"\bNCD(?=\s+(?:offer|sale|programme|program|tranche)\b)"), "debenture"),
    (re.compile(r"\bNCD\b"), "debenture issue"),  # "to launch Rs 200-crore NCD on April 16"
    (re.compile(r"\bshares\s+sale\b"), "share sale"),  # "through shares sale"
    # market terms a headline capitalises mid-sentence: "Qualified Institutions Placement",
    # "Initial public offering", "Masala Bonds", "Board approval"
    (
        re.compile(r"\bQualified\s+Institution(?:s|al)?\s+Placement\b", re.I),
        "qualified institutional placement",
    ),
    (re.compile(r"\bInitial\s+public\s+offering\b", re.I), "initial public offering"),
    (re.compile(r"(?<=[A-Za-z] )Bonds\b(?! [A-Z])"), "bonds"),
    (re.compile(r"\bBoard(?=\s+(?:approval|nod|clearance|go-ahead)\b)"), "board"),
    (re.compile(r"\bJV\b"), "joint venture"),
    (re.compile(r"\bJVs\b"), "joint ventures"),
    (re.compile(r"\bon\s+(?:the\s+)?bourses\b", re.I), "on the stock exchanges"),
    # "10 fold", "4 folds", "2-folds", "over-two fold": one multiple, "10-fold", "two-fold"
    (
        re.compile(
            r"\b(over|nearly|almost)-(?=(?:\d|two|three|four|five|six|seven|eight|nine|ten)\b)",
            re.I,
        ),
        r"\1 ",
    ),
    (
        re.compile(
            r"\b(\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)(?:\s*-\s*|\s+)folds?\b",
            re.I,
        ),
        r"\1-fold",
    ),
)


def spelled_out(text: str) -> str:
    """Results shorthand as words: "28 pc" -> "28%", "Rs 28.32 cr" -> "Rs 28.32 crore"."""
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    return text


# A beat as a noun: "cooling products-led beat in earnings", "Q2 profit beat".
NOUN_BEAT = re.compile(
    rf"(?:(?:[\w-]+\s+){{0,2}}?[\w-]+-led\s+|(?:an?|its)\s+)?beat\s+(?:in|on)\s+(?P<metric>{METRIC})"
    rf"|(?P<period>(?:{PERIOD_WORD}\s+){{0,2}})(?P<metric2>{METRIC})\s+beat",
    re.IGNORECASE,
)


def expected_plural(words: str) -> str:
    """ "Forecast" -> "forecasts": what a beat beat, in the plural a sentence uses."""
    # "Q3 Profit Expectations" -> "Q3 profit expectations": a period's name keeps its capitals
    words = re.sub(r"\b(?![A-Z]*\d)\w+", lambda m: m.group(0).lower(), words)
    return re.sub(r"\b(forecast|estimate|expectation|view)$", r"\1s", words)


def past_tense(gerund: str) -> str:
    """ "doubling" -> "doubled", "trebling" -> "trebled"."""
    return gerund[:-3] + "ed"
