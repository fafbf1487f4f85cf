"""Pure: what a results headline says, in words a note can carry ("the 20% rise in Biocon's Q2
net profit to Rs 89 crore", "Tesco's Christmas sales beating expectations").

Results headlines are written in a shorthand ("Q2 net up 20 pc at Rs 89 cr", "PAT", "bln",
"Dec qtr") that a reader of a note should not have to decode. Only what the headline says is
kept: the figure, what rose, the period and the amount, each as written once the shorthand is
spelled out. Anything else gives None and the sentence names the news without a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .grammar import indefinite_article, possessive

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH_ABBREVIATIONS = {m[:3].lower(): m for m in _MONTHS} | {"sept": "September"}

# Shorthand of results headlines, spelled out: (pattern, replacement).
_SHORTHAND = (
    # "Rs 2, 600 crore": a typo'd thousands separator, one amount
    (re.compile(r"(\d), (\d{3})(?=\s*(?:crore|cr|lakh|million|billion|mn|bn)\b)", re.I), r"\1,\2"),
    (re.compile(r"(\d)\s*(?:pc|pct|per\s?cent|percent)\b", re.I), r"\1%"),
    (re.compile(r"\b(Rs\.?|INR)\s*(\d)"), r"Rs \2"),
    (re.compile(r"(\d)(\s*|-)(?:cr|crs|crore)\b\.?", re.I), r"\1\2crore"),
    (re.compile(r"(\d)crore"), r"\1 crore"),
    # crore and lakh count rupees: "298.23 crore" is "Rs 298.23 crore"
    (re.compile(r"(?<![\w$\u20b9.,-])(?<!Rs )(\d[\d,]*(?:\.\d+)?\s(?:crore|lakh))\b"), r"Rs \1"),
    (re.compile(r"(\d)\s*(?:bln|bn)\b", re.I), r"\1 billion"),
    (re.compile(r"(\d)\s*(?:mln|mn)\b", re.I), r"\1 million"),
    (re.compile(r"(\d)\s*(?:M|Million)\b"), r"\1 million"),
    (re.compile(r"(\d)\s*(?:B|Billion)\b"), r"\1 billion"),
    (re.compile(r"\b(?:qtr|qrt)\b", re.I), "quarter"),
    # market initialisms a reader outside the trade may not know
    (re.compile(r"\bQIP\b"), "qualified institutional placement"),
    (re.compile(r"\bJV\b"), "joint venture"),
    (re.compile(r"\bJVs\b"), "joint ventures"),
    (re.compile(r"\bon\s+(?:the\s+)?bourses\b", re.I), "on the stock exchanges"),
    (re.compile(r"\b(\d+(?:\.\d+)?)-fold\b", re.I), r"\1-fold"),
)
_PERIOD_WORD = (
    r"(?:Q[1-4]|[1-4]Q|H[12]|FY\s?'?\d{2,4}|\d{4}|quarterly|annual|full-year|half-year|first-half|"
    r"(?:first|second|third|fourth)[- ]quarter|(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"(?:-(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))?(?:\s+quarter)?|Christmas|"
    r"festive|holiday|standalone|consolidated)"
)
# What a results headline says rose, longest first; the value is how a note names it.
_METRICS = {
    "net profit": "net profit", "net income": "net income", "operating profit":
    "operating profit", "pre-tax profit": "pre-tax profit", "pretax profit": "pre-tax profit",
    "profit after tax": "profit after tax", "same-store sales": "same-store sales",
    "like-for-like sales": "like-for-like sales", "net sales": "net sales", "total income":
    "total income", "net interest income": "net interest income", "pat": "net profit",
    "net": "net profit", "profit": "profit", "profits": "profits", "revenue": "revenue",
    "revenues": "revenue", "sales": "sales", "earnings": "earnings", "income": "income",
    "ebitda": "EBITDA", "turnover": "turnover", "orders": "orders", "bookings": "bookings",
    "deliveries": "deliveries", "exports": "exports", "subscribers": "subscribers",
    "passengers": "passenger numbers", "traffic": "traffic", "volumes": "volumes",
    "margins": "margins", "results": "results", "numbers": "numbers", "output": "output",
    "production": "production", "shipments": "shipments", "premiums": "premiums",
    "show": "results", "performance": "performance", "trading profit": "trading profit",
}  # fmt: skip
_METRIC = "|".join(re.escape(m) for m in sorted(_METRICS, key=len, reverse=True))
_RISE = (
    r"(?:up|rises?|rose|jumps?|jumped|climbs?|climbed|soars?|soared|surges?|surged|grows?|grew|"
    r"gains?|gained|increases?|increased|zooms?|spurts?|advances?|improves?|improved|swells?|"
    r"leaps?|rockets?|multiplies|recovers?|rebounds?|(?:moves?|inches?|edges?|goes)\s+up)"
)
# How a rise is told, when the headline says it was small: "marginally up".
_ADVERB = r"(?:marginally|slightly|sharply|strongly|significantly)"
_MULTIPLY = {"doubles": "doubling", "more than doubles": "more than doubling",
             "almost doubles": "almost doubling", "nearly doubles": "nearly doubling", "doubled": "doubling", "trebles": "trebling",
             "triples": "tripling", "tripled": "tripling", "trebled": "trebling",
             "quadruples": "quadrupling"}  # fmt: skip
_BEAT = r"(?:beats?|tops?|exceeds?|surpasses?|outstrips?|beat|(?:fly|flies|flew|come|comes|came)\s+(?:in\s+)?above)"
_EXPECTED = r"(?:expectations|estimates|forecasts?|consensus|street\s+estimates|views?|guidance)"
_QUALIFIER = r"(?:over|nearly|almost|about|around|more\s+than|over|by|just\s+over|close\s+to)"
_FIGURE = (
    rf"(?:(?:{_QUALIFIER})\s+)*(?:\d+(?:\.\d+)?%|\d+(?:\.\d+)?-fold|(?:two|three|four|five|six|"
    rf"seven|eight|nine|ten)[- ]?fold|(?:one|a)[- ]third|(?:one|a)[- ]quarter|half)"
)
_AMOUNT = (
    r"(?:(?:Rs|\$|US\$|\u00a3|\u20ac|\u20b9|[A-Z]{2}\$)\s?\d[\d,]*(?:\.\d+)?(?:[Kk](?!\w))?"
    r"(?:\s(?:crore|lakh|million|billion|trillion))?|\d[\d,]*(?:\.\d+)?\s(?:crore|lakh))(?![\d.])"
)
_GOOD_ADJECTIVES = (
    r"(?:strong|robust|record|solid|healthy|bumper|stellar|better-than-expected|"
    r"forecast-beating|impressive|upbeat|buoyant|good|higher|blockbuster)"
)
_MOVE = (
    r"(?:jumps?|rises?|gains?|surges?|soars?|rall(?:y|ies)|climbs?|zooms?|up|spurts?|advances?|"
    r"spikes?|(?:is\s+)?at\s+\d+%\s+upper\s+circuit|hits?\s+(?:\d+%\s+)?upper\s+circuit|"
    r"hits?\s+[\w\s-]*?high|firms?\s+up|trades?\s+higher|edges?\s+up|extends?\s+gains)"
    r"(?:\s+(?:over|nearly|about|almost|by|as\s+much\s+as))*(?:\s+\d+(?:\.\d+)?%)?"
    r"(?:\s+(?:intraday|in\s+early\s+trade|in\s+trade|today|in\s+\w+\s+sessions?))?"
)
_SHARES = re.compile(
    rf"^(?P<lead>.*?)\s+(?:shares?|stock|scrip|share\s+price)?\s*{_MOVE}(?:,?\s+(?:and\s+)?{_MOVE})*"
    r"(?:\s+from\s+(?:its\s+)?IPO\s+price)?"
    r"\s+(?:on|after|as|post|following|in(?=\s+(?:its\s+|a\s+)?(?:\w+\s+){0,2}debut))\s+"
    r"(?P<reason>.+)$",
    re.I,
)


@dataclass(frozen=True)
class Results:
    """A results headline read: ``news`` completes "congratulations on ...", ``clause``
    completes "now that you've ..."."""

    news: str
    clause: str
    strong: bool = False  # a beat, a double-digit rise, a record: praise may say "impressive"
    as_written: bool = False  # the headline's own words say it as well ("posts record revenue")


def spelled_out(text: str) -> str:
    """Results shorthand as words: "28 pc" -> "28%", "Rs 28.32 cr" -> "Rs 28.32 crore"."""
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    return text


def share_move_reason(title: str, names: tuple[str, ...]) -> str | None:
    """The news behind a share move: "Tesco shares jump 6% after Christmas sales beat
    expectations" -> "Christmas sales beat expectations"; None when the headline is not one."""
    match = _SHARES.match(title)
    if match is None:
        return None
    lead = re.sub(r"['\u2019]s?$", "", match.group("lead").strip())
    lead = re.sub(r"\s+(?:Ltd|Limited|Inc|Corp|plc|Co)\.?$", "", lead)  # "Venus Remedies Ltd"
    if not any(_names_the_company(lead, n) for n in names):
        return None
    reason = re.split(r"\s*[;|]\s|\s+[-\u2013\u2014]\s", match.group("reason"), maxsplit=1)[0]
    # "as company bags orders": the company is the subject already
    reason = re.sub(
        r"^(?:the\s+)?(?:company|firm|group|it)\s+(?=\w)", "", reason.strip(), flags=re.I
    )
    # "as consortium wins Rs 1,800 crore order": the company won it with others, and says so
    together = _WITH_OTHERS.match(reason)
    if together:
        reason = f"{reason[together.end() :].strip(' ,.')} as part of a {together.group(1).lower()}"
    return reason.strip(" ,.")


def _names_the_company(lead: str, name: str) -> bool:
    """The words before a share move are the company: its name, its name and a unit's word
    ("AstraZeneca Pharma"), or a list of companies that moved together ("TVS, Ashok Leyland,
    Escorts rally on strong September sales": each had the strong sales)."""
    if lead.lower() == name.lower():
        return True
    if any(part.lower() == name.lower() for part in re.split(r",\s*|\s+(?:and|&)\s+", lead)):
        return True
    rest = lead[len(name) :].split() if lead.lower().startswith(name.lower() + " ") else []
    return 0 < len(rest) <= 2 and all(w[:1].isupper() and w.isalpha() for w in rest)


_WITH_OTHERS = re.compile(
    r"(?:its\s+|a\s+|the\s+)?(consortium|joint\s+venture)\s+(?:led\s+by\s+it\s+)?"
    r"(?=(?:wins|won|bags|bagged|secures|secured|lands|landed)\b)",
    re.IGNORECASE,
)


# "Acme surges 6%, bags Rs 125 crore order": the share move said first, then the news.
_MOVE_FIRST = re.compile(
    rf"^(?P<lead>.*?)\s+(?:shares?\s+|stock\s+)?{_MOVE}(?:,?\s+(?:and\s+)?{_MOVE})*\s*[,;]\s*"
    r"(?:and\s+)?(?P<news>[a-z].+)$",
    re.IGNORECASE,
)
# "Sainsbury's share price: Grocer launches click-and-collect": the company, then a word for it.
_PRICE_PAGE = re.compile(
    r"^(?P<lead>.+?)(?:['\u2019]s?)?\s+share\s+price\s*:\s*(?:the\s+)?(?P<word>[A-Za-z]+)\s+"
    r"(?P<news>.+)$",
    re.IGNORECASE,
)
_WORDS_FOR_A_COMPANY = frozenset(
    """company group firm grocer retailer bank lender insurer miner airline carrier operator
    brewer drugmaker carmaker supermarket chain utility""".split()
)


def _bare_name(name: str) -> str:
    """ "Sainsbury's" and "Sainsbury" alike."""
    return re.sub(r"['\u2019]s?$", "", name.strip()).lower()


def told_of_company(title: str, names: tuple[str, ...]) -> str | None:
    """The headline as news of the company, when a share move or a price page wraps it:
    "Acme surges 6%, bags order" -> "Acme bags order"; "Acme share price: Group gets approval"
    -> "Acme gets approval"; None when neither wraps it."""
    for pattern in (_MOVE_FIRST, _PRICE_PAGE):
        match = pattern.match(title)
        if match is None:
            continue
        lead = re.sub(r"['\u2019]s?$", "", match.group("lead").strip())
        lead = re.sub(r"\s+(?:Ltd|Limited|Inc|Corp|plc|Co)\.?$", "", lead)
        named = next((n for n in names if _bare_name(lead) == _bare_name(n)), None)
        if named is None:
            continue
        if pattern is _PRICE_PAGE and match.group("word").lower() not in _WORDS_FOR_A_COMPANY:
            continue
        return f"{named} {match.group('news')}"
    return None


def _period(words: str) -> str:
    """ "Dec quarter" -> "December-quarter", "March qtr" -> "March-quarter"; others as written."""
    words = " ".join(words.split())
    words = re.sub(
        r"\b([A-Z][a-z]{2,3})(?=-|\s+quarter)",
        lambda m: _MONTH_ABBREVIATIONS.get(m.group(1).lower(), m.group(1)),
        words,
    )
    words = re.sub(
        r"-([A-Z][a-z]{2,3})\b",
        lambda m: "-" + _MONTH_ABBREVIATIONS.get(m.group(1).lower(), m.group(1)),
        words,
    )
    month = re.fullmatch(r"([A-Za-z]{3,4})\s+quarter", words)
    if month and month.group(1).lower() in _MONTH_ABBREVIATIONS:
        return f"{_MONTH_ABBREVIATIONS[month.group(1).lower()]}-quarter"
    full = re.fullmatch(r"([A-Z][a-z]+)\s+quarter", words)
    if full and full.group(1) in _MONTHS:
        return f"{full.group(1)}-quarter"
    if words.lower() in _MONTH_ABBREVIATIONS:
        return _MONTH_ABBREVIATIONS[words.lower()]
    words = re.sub(r"\b(first|second|third|fourth) quarter\b", r"\1-quarter", words, flags=re.I)
    return words.replace("FY ", "FY")


_NUMBER_WORDS = "two three four five six seven eight nine ten".split()


def _figure(text: str) -> str:
    """ "over 28%" -> "more than 28%", "3-fold" -> "threefold", "by 12%" -> "12%"."""
    text = " ".join(text.lower().split())
    text = re.sub(r"\b(\d+)-fold", lambda m: _fold(m.group(1)), text)
    text = re.sub(rf"\b({'|'.join(_NUMBER_WORDS)})[- ]?fold", r"\1fold", text)
    text = re.sub(r"\b(?:over|just\s+over)\b", "more than", text)
    return re.sub(r"\bby\s+", "", text)


def _fold(number: str) -> str:
    index = int(number) - 2
    return f"{_NUMBER_WORDS[index]}fold" if 0 <= index < len(_NUMBER_WORDS) else f"{number}-fold"


def results(title: str, names: tuple[str, ...], owner: str) -> Results | None:
    """The results news of a headline about the company (or whose share move is explained by
    results), named for ``owner`` ("Biocon's"); None when it says no figure, metric or beat
    plainly."""
    text = spelled_out(title)
    reason = share_move_reason(text, names)
    if reason is not None:
        return _described(reason, owner)
    subject = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # "Tesco sales rise ...", and "Early victory for new CEO as Morrisons beats forecasts"
    head = re.search(
        rf"(?<!\w)(?P<name>{subject})(?!\w)(?:\s+(?:Ltd|Limited|Inc|Corp|plc|Co)\.?)?"
        rf"(?:['\u2019]s?)?(?:,[^,]{{1,60}},)?\s+(?P<rest>.+)$",
        text,
        re.I,
    )  # "WPP, the world's largest ad agency, reports ..."
    if head is None:
        return None
    rest = head.group("rest")
    said = _first_said(rest, owner)
    if said is not None:
        return said
    # "GSK Consumer Healthcare Q2 net up 9%": a unit of the company, named in full
    words = rest.split()
    for length in range(1, 4):
        unit = words[:length]
        if not all(_UNIT_WORD.fullmatch(w) and not _PERIOD_NAME.search(w) for w in unit):
            break  # "Edelweiss Financial Services September-quarter ...": the period is no name
        unit_owner = possessive(" ".join([head.group("name"), *unit]))
        said = _first_said(" ".join(words[length:]), unit_owner)
        if said is not None:
            return said
    return None


_UNIT_WORD = re.compile(r"[A-Z][a-z][\w&-]*|[A-Z]{2,5}")
_PERIOD_NAME = re.compile(
    r"quarter|half|year|^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*(?:-|$)|^FY|^Q[1-4]"
)


def _first_said(rest: str, owner: str) -> Results | None:
    """The results news in the first clauses after the company's name, with what a second
    clause adds to it: "Q4 PAT at Rs 2,227 crore, beats estimates" is a profit figure ahead of
    estimates; "back in black, posts Q1 net at Rs 226 crore" a return to profit with its figure."""
    said = [s for c in _CLAUSE_END.split(_change_first(rest))[:3] if (s := _said(c.strip(), owner))]
    if not said:
        return None
    first = said[0]
    for later in said[1:]:
        beaten = re.search(r" beating (.+)$", later.news)
        level = re.match(r"posted (an? .+ of .+)$", later.clause)
        posted = re.match(r"posted an? (.+ of .+)$", first.clause)
        if beaten and not first.strong and posted and first.news.startswith(owner + " "):
            better = f"better-than-expected {posted.group(1)}"
            return Results(f"{owner} {better}", f"posted a {better}", strong=True)
        if level and first.clause == "returned to profit":
            return Results(
                f"{first.news} with {level.group(1)}",
                f"returned to profit with {level.group(1)}",
                strong=True,
            )
    return first


# "Q3 PAT Rs 101.6 crore, up 147% YoY": the level first, then the change; told as "Q3 PAT up
# 147% to Rs 101.6 crore", the order the rest of this module reads.
_LEVEL_THEN_CHANGE = re.compile(
    rf"^(?P<what>(?:(?:{_PERIOD_WORD})\s+){{0,3}}(?:{_METRIC}))\s+(?:(?:at|of)\s+)?"
    rf"(?P<level>{_AMOUNT})\s*,?\s+(?P<change>(?:{_RISE})\s+{_FIGURE})",
    re.I,
)
_YEAR_ON_YEAR = re.compile(r"\s+(?:YoY|y-o-y|y/y|year-on-year|on\s+year)(?!\w)", re.I)


def _change_first(rest: str) -> str:
    rest = _YEAR_ON_YEAR.sub("", rest)
    return _LEVEL_THEN_CHANGE.sub(r"\g<what> \g<change> to \g<level>", rest, count=1)


_CLAUSE_END = re.compile(r"\s*[,;:|]\s|\s+[-\u2013\u2014]\s|\s+(?:as|amid|despite|but|while)\s")
_POSTS = r"(?:posts?|reports?|records?|sees?|logs?|delivers?|clocks?|books?|registers?)"
_RETURN_TO_PROFIT = re.compile(
    r"(?:is\s+)?(?:back\s+in\s+(?:the\s+)?black|returns?\s+to\s+(?:profit|the\s+black)|"
    r"swings?\s+(?:back\s+)?to\s+(?:an?\s+)?(?:net\s+)?profit|turns?\s+profitable)(?!\w)",
    re.I,
)


def _said(rest: str, owner: str) -> Results | None:
    """ "Q2 net up 20% at Rs 89 crore" and its kin, after the company's name."""
    if _RETURN_TO_PROFIT.match(rest):
        return Results(f"{owner} return to profit", "returned to profit", strong=True)
    dividend = _DIVIDEND.match(rest)
    if dividend is not None:
        return _dividend(dividend, owner)
    match = re.match(
        rf"(?:{_POSTS}\s+)?(?P<period>(?:{_PERIOD_WORD}\s+){{0,3}})"
        rf"(?:(?P<metric>{_METRIC})(?:\s+(?:(?:in|for)\s+)?(?P<within>{_PERIOD_WORD}))?\s+)?"
        rf"(?:(?P<multiply>{'|'.join(_MULTIPLY)})|(?P<adverb>{_ADVERB}\s+)?(?P<rise>{_RISE})"
        rf"(?:\s+(?P<figure>{_FIGURE}))?|"
        rf"(?P<beat>{_BEAT})\s+(?P<expected>(?:[\w-]+\s+){{0,2}}?{_EXPECTED})|"
        rf"(?:at|of)\s+(?P<level>{_AMOUNT}))"
        rf"(?:\s+(?:to|at)\s+(?P<amount>{_AMOUNT}))?"
        rf"(?:\s+in\s+(?P<later>{_PERIOD_WORD}(?:\s+{_PERIOD_WORD})?))?(?!\w)",
        rest,
        re.I,
    )
    if match is None:
        return _posted(rest, owner)
    if match.group("metric") is None:
        # "Q2 up 12% to Rs 118 crore": the figure of a period is its earnings
        if not match.group("period") or not (match.group("figure") or match.group("multiply")):
            return _posted(rest, owner)
        metric = "earnings"
    else:
        metric = _METRICS[match.group("metric").lower()]
    period = _period(match.group("period") or match.group("within") or match.group("later") or "")
    what = f"{period} {metric}".strip()
    to = f" to {match.group('amount')}" if match.group("amount") else ""
    if match.group("level"):
        level = match.group("level")
        return Results(f"{owner} {what} of {level}",
                       f"posted {indefinite_article(what)} {what} of {level}")  # fmt: skip
    if match.group("beat"):
        expected = _expected(match.group("expected"))
        return Results(f"{owner} {what} beating {expected}", f"beaten {expected} with your {what}",
                       strong=True)  # fmt: skip
    if match.group("multiply"):
        verb = _MULTIPLY[" ".join(match.group("multiply").lower().split())]
        if " " in verb:  # "more than doubling": said of the figure, not as a noun
            qualifier, gerund = verb.rsplit(" ", 1)
            return Results(
                f"{owner} {what} {verb}{to}",
                f"seen your {what} {qualifier} {gerund[:-3]}e{to}",
                strong=True,
            )
        return Results(
            f"the {verb} of {owner} {what}{to}", f"{_past(verb)} your {what}{to}", strong=True
        )
    if metric in ("results", "numbers", "margins"):
        return None  # "results up": no figure to name, and "a rise in results" says nothing
    if re.match(r"recover", match.group("rise") or "", re.I):
        return Results(f"the recovery in {owner} {what}", f"seen your {what} recover")
    risen = _risen(owner, what, match.group("figure"), to)
    if re.match(r"marginally|slightly", match.group("adverb") or "", re.I):
        return Results(risen.news, risen.clause)  # a small rise: never "impressive"
    return risen


_DIVIDEND = re.compile(
    rf"(?:hikes?|raises?|lifts?|increases?|ups|boosts?)\s+(?:its\s+)?"
    rf"(?P<period>(?:(?:{_PERIOD_WORD}|interim|final|special)\s+){{0,2}})(?:dividend|payout)"
    rf"(?:\s+(?:by\s+)?(?P<figure>{_FIGURE}))?(?!\w)",
    re.I,
)


def _dividend(match: re.Match[str], owner: str) -> Results:
    """ "hikes dividend 20%" -> "the 20% rise in Acme's dividend"; a payout raised is a sign
    of confidence, strong when the figure is ten per cent or more."""
    period = re.sub(r"\b(?:Interim|Final|Special)\b", lambda m: m.group(0).lower(),
                    _period(match.group("period") or ""))  # fmt: skip
    what = f"{period} dividend".strip()
    figure = match.group("figure")
    if not figure:
        return Results(f"the rise in {owner} {what}", f"raised your {what}", strong=True)
    risen = _risen(owner, what, figure, "")
    told = _figure(figure.strip())
    return Results(risen.news, f"raised your {what} by {told}", strong=risen.strong)


# "books second consecutive quarter of sales growth", "posts three straight years of growth"
_STREAK = re.compile(
    rf"(?:{_POSTS}\s+)?(?:an?\s+|its\s+)?(?P<streak>"
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+"
    r"(?:consecutive|straight|successive)\s+(?:quarter|year|month|half)|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:consecutive|straight|successive)"
    r"\s+(?:quarters|years|months|halves))"
    r"\s+of\s+(?P<what>(?:[\w-]+\s+){0,2}?(?:growth|profits?|gains))(?!\w)(?!\s+growth)",
    re.I,
)


def _posted(rest: str, owner: str) -> Results | None:
    """ "posts rise in earnings", "delivers 9.8% profit growth", "reports strong 2015 growth",
    "beats estimates", "a 27% jump in profits"."""
    said = rest
    level_first = re.match(
        rf"{_POSTS}\s+(?:an?\s+)?(?P<level>{_AMOUNT})\s+(?P<metric>{_METRIC})"
        rf"(?:\s+(?:for|in)\s+(?:the\s+)?(?P<period>{_PERIOD_WORD}(?:\s+{_PERIOD_WORD})?))?(?!\w)",
        said,
        re.I,
    )  # "posts Rs 284 crore profit for Q3"
    if level_first is not None:
        metric = _METRICS[level_first.group("metric").lower()]
        what = f"{_period(level_first.group('period') or '')} {metric}".strip()
        level = level_first.group("level")
        return Results(f"{owner} {what} of {level}",
                       f"posted {indefinite_article(what)} {what} of {level}")  # fmt: skip
    streak = _STREAK.match(said)
    if streak is not None:
        what = f"{streak.group('streak').lower()} of {streak.group('what').lower()}"
        article = "" if what.split()[0] in _NUMBER_WORDS or what[0].isdigit() else "a "
        return Results(f"{owner} {what}", f"posted {article}{what}", strong=True, as_written=True)
    figure_first = re.match(
        rf"(?:{_POSTS}\s+)?(?:an?\s+)?(?P<figure>{_FIGURE})\s+(?P<metric>{_METRIC})\s+"
        rf"(?:growth|rise|jump|increase|gain)(?:\s+in\s+(?P<period>{_PERIOD_WORD}(?:\s+quarter)?))?"
        r"(?!\w)",
        said,
        re.I,
    )
    if figure_first is not None:
        what = f"{_period(figure_first.group('period') or '')} {_METRICS[figure_first.group('metric').lower()]}"
        return _risen(owner, what.strip(), figure_first.group("figure"), "")
    rise_in = re.search(
        rf"(?:^|{_POSTS}\s+|\ban?\s+)(?:an?\s+)?(?P<figure>{_FIGURE}\s+)?"
        rf"(?:rise|jump|increase|growth|surge|gain)\s+in\s+"
        rf"(?P<period>(?:{_PERIOD_WORD}\s+){{0,3}})(?P<metric>{_METRIC})(?!\w)",
        said,
        re.I,
    )
    if rise_in is not None:
        what = (
            f"{_period(rise_in.group('period') or '')} {_METRICS[rise_in.group('metric').lower()]}"
        )
        return _risen(owner, what.strip(), rise_in.group("figure"), "")
    adjective = re.match(
        rf"{_POSTS}\s+(?P<adjective>{_GOOD_ADJECTIVES})\s+(?P<period>(?:{_PERIOD_WORD}\s+){{0,3}})"
        rf"(?P<metric>{_METRIC}|growth)(?!\w)",
        said,
        re.I,
    )
    if adjective is not None:
        metric = adjective.group("metric").lower()
        what = " ".join(
            w for w in (adjective.group("adjective").lower(), _period(adjective.group("period")),
                        _METRICS.get(metric, metric)) if w
        )  # fmt: skip
        return Results(f"{owner} {what}", f"posted {what}", strong=True, as_written=True)
    beat = re.match(rf"(?:{_BEAT})\s+((?:[\w-]+\s+){{0,2}}?{_EXPECTED})(?!\w)", said, re.I)
    if beat is None:
        return None
    expected = _expected(beat.group(1))
    return Results(f"{owner} results beating {expected}", f"beaten {expected}", strong=True)


def _expected(words: str) -> str:
    """ "Forecast" -> "forecasts": what a beat beat, in the plural a sentence uses."""
    words = words.lower()
    return re.sub(r"\b(forecast|estimate|expectation|view)$", r"\1s", words)


def _risen(owner: str, what: str, figure: str | None, to: str) -> Results:
    """The rise in ``what``, with its figure when the headline gives one; strong when the
    figure is ten per cent or more."""
    if not figure:
        return Results(f"the rise in {owner} {what}{to}", f"posted a rise in {what}{to}")
    figure = _figure(figure.strip())
    percent = re.match(r"(?:more than\s+)?(\d+(?:\.\d+)?)%", figure)
    strong = percent is None or float(percent.group(1)) >= 10
    if re.match(r"\d", figure) or figure.endswith("fold"):  # "the more than tenfold rise"
        return Results(
            f"the {figure} rise in {owner} {what}{to}",
            f"posted {indefinite_article(figure)} {figure} rise in {what}{to}",
            strong=strong,
        )
    return Results(
        f"the rise of {figure} in {owner} {what}{to}",
        f"posted a rise of {figure} in {what}{to}",
        strong=strong,
    )


def _described(reason: str, owner: str) -> Results | None:
    """The reason given for a share move: results said plainly ("robust November sales",
    "strong Q4 results", "Christmas sales beat expectations")."""
    said = _said(reason, owner)
    if said is not None:
        return said
    match = re.fullmatch(
        rf"(?P<adjective>{_GOOD_ADJECTIVES})\s+(?P<period>(?:{_PERIOD_WORD}\s+){{0,3}})"
        rf"(?P<metric>{_METRIC})(?:\s+(?:in|for)\s+(?P<later>{_PERIOD_WORD}))?"
        r"(?:\s+(?:show|numbers|figures))?",
        " ".join(reason.split()),
        re.I,
    )
    if match is None:
        return None
    adjective = match.group("adjective").lower()
    period = _period(match.group("period") or match.group("later") or "")
    what = " ".join(w for w in (adjective, period, _METRICS[match.group("metric").lower()]) if w)
    return Results(f"{owner} {what}", f"posted {what}", strong=True)


def _past(gerund: str) -> str:
    """ "doubling" -> "doubled", "trebling" -> "trebled"."""
    return gerund[:-3] + "ed"
