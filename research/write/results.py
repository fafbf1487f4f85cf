"""Pure: what a results headline says, in words a note can carry ("the 20% rise in Biocon's Q2
net profit to Rs 89 crore", "Tesco's Christmas sales beating expectations").

Results headlines are written in a shorthand ("Q2 net up 20 pc at Rs 89 cr", "PAT", "bln",
"Dec qtr") that a reader of a note should not have to decode. Only what the headline says is
kept: the figure, what rose, the period and the amount, each as written once the shorthand is
spelled out. Anything else gives None and the sentence names the news without a figure. The
words the headlines use are in results_terms.py; the news behind a share move in share_moves.py.
"""

from __future__ import annotations

import re

from .grammar import indefinite_article, possessive
from .results_said import DIVIDEND, Results, dividend, risen
from .results_terms import (
    ADVERB,
    AMOUNT,
    BEAT,
    EXPECTED,
    FIGURE,
    GOOD_ADJECTIVES,
    METRIC,
    METRICS,
    MULTIPLY,
    NOUN_BEAT,
    NUMBER_WORDS,
    PERIOD_WORD,
    POSTS,
    RISE,
    expected_plural,
    past_tense,
    plain_adjective,
    spelled_out,
    spelled_period,
)
from .share_moves import share_move_reason, unit_that_moved
from .units import is_unit_word


def results(title: str, names: tuple[str, ...], owner: str) -> Results | None:
    """The results news of a headline about the company (or whose share move is explained by
    results), named for ``owner`` ("Biocon's"); None when it says no figure, metric or beat
    plainly."""
    text = spelled_out(title)
    reason = share_move_reason(text, names)
    moved = unit_that_moved(text, names) if reason is not None else None
    said_for = possessive(moved) if moved else owner  # "AstraZeneca Pharma's strong Q3 results"
    described = _described(reason, said_for) if reason is not None else None
    if described is not None:
        return described
    # "rises post Q4 results; net profit up 17.55% to Rs 118 crore": the figure comes after
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
    return (
        _unit_said(head.group("name"), rest) or _first_said(rest, owner) or _beat_after(rest, owner)
    )


# "Aviva weighs cash handout after beating profit forecast": the beat, told after other news
_BEAT_AFTER = re.compile(
    rf"\b(?:after|on|as|with)\s+(?:beating|topping)\s+(?:(?P<metric>{METRIC})\s+)?(?P<expected>{EXPECTED})\b",
    re.I,
)


def _beat_after(rest: str, owner: str) -> Results | None:
    found = _BEAT_AFTER.search(rest)
    if found is None:
        return None
    what = METRICS[found.group("metric").lower()] if found.group("metric") else "results"
    expected = expected_plural(found.group("expected"))
    return Results(
        f"{owner} {what} beating {expected}", f"seen your {what} beat {expected}", strong=True
    )


def _unit_said(name: str, rest: str) -> Results | None:
    """The results of a unit the headline names in full, named so: "GSK Consumer Healthcare Q2
    net up 9%", "ABB India posts 25 per cent jump in net profit" are the unit's results, not the
    parent's."""
    words = rest.split()
    length = 0
    while length < 3 and length < len(words) and is_unit_word(words[length]):
        length += 1
    for size in range(length, 0, -1):  # the longest name first: "Alstom T&D India"
        said = _first_said(" ".join(words[size:]), possessive(" ".join([name, *words[:size]])))
        if said is not None:
            return said
    return None


def _first_said(rest: str, owner: str) -> Results | None:
    """The results news in the first clauses after the company's name, with what a second
    clause adds to it: "Q4 PAT at Rs 2,227 crore, beats estimates" is a profit figure ahead of
    estimates; "back in black, posts Q1 net at Rs 226 crore" a return to profit with its figure."""
    clauses = [c.strip() for c in _CLAUSE_END.split(_change_first(rest))[:3]]
    said_at = [(i, s) for i, c in enumerate(clauses) if (s := _said(c, owner))]
    if not said_at:
        return None
    said = [s for _, s in said_at]
    first = said[0]
    beat_at = next(((i, s) for i, s in said_at if " beating " in s.news), None)
    rise = next(
        (s for s in said if _RISE_POSTED.match(s.clause) and s.news.startswith("the ")), None
    )
    if beat_at is not None and rise is None:  # "Q4 net profit beats estimates, jumps 90 per cent"
        beaten = re.match(rf"{re.escape(owner)} (?P<what>.+) beating ", beat_at[1].news)
        after = clauses[beat_at[0] + 1 :]  # a rise said after the beat
        bare = next((m for c in after if (m := _BARE_RISE.fullmatch(c))), None)
        if beaten is not None and bare is not None and beaten.group("what") != "results":
            rise = risen(owner, beaten.group("what"), bare.group("figure"), "")
    if beat_at is not None and rise is not None:  # "Q2 net up 15% to Rs 2,709 crore; beats ..."
        rose = _RISE_POSTED.match(rise.clause)
        assert rose is not None
        return Results(
            f"the better-than-expected {rise.news[4:]}",
            f"posted a better-than-expected {rose.group('rise')}",
            strong=True,
        )
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
    rf"^(?P<what>(?:(?:{PERIOD_WORD})\s+){{0,3}}(?:{METRIC}))\s+(?:(?:at|of)\s+)?"
    rf"(?P<level>{AMOUNT})\s*,?\s+(?P<change>(?:{RISE})\s+{FIGURE})",
    re.I,
)
_YEAR_ON_YEAR = re.compile(r"\s+(?:YoY|y-o-y|y/y|year-on-year|on\s+year)(?!\w)", re.I)


# "Q4 net sees 4-fold jump": the rise told as a noun after the metric, read as "Q4 net up 4-fold".
_SEES_RISE = re.compile(
    rf"\b(?P<metric>{METRIC})\s+(?:sees?|posts?|records?|logs?|reports?|registers?)\s+(?:an?\s+)?"
    rf"(?P<figure>{FIGURE})\s+(?:rise|jump|growth|increase|surge|gain)(?!\w)",
    re.I,
)


_BARE_RISE = re.compile(rf"(?:{RISE})\s+(?P<figure>{FIGURE})", re.I)
_RISE_POSTED = re.compile(r"posted an? (?P<rise>.*\brise\b.*)$")
# "beats estimates with 81% jump in Q3 profit": the rise is a clause of its own
_WITH_RISE = re.compile(
    rf"\s+with\s+(?=(?:an?\s+)?(?:{FIGURE})\s+(?:jump|rise|growth|increase|surge)\b)", re.I
)


# "profit boost on strong sales": a rise said as a noun after the metric
_NOUN_RISE = re.compile(
    rf"^(?P<metric>(?:(?:{PERIOD_WORD})\s+){{0,2}}(?:{METRIC}))\s+(?:boost|jump|surge|spurt)\b",
    re.I,
)


def _change_first(rest: str) -> str:
    rest = _NOUN_RISE.sub(r"\g<metric> up", rest, count=1)
    rest = _WITH_RISE.sub(", posts ", rest, count=1)
    rest = _YEAR_ON_YEAR.sub("", rest)
    rest = _SEES_RISE.sub(r"\g<metric> up \g<figure>", rest, count=1)
    return _LEVEL_THEN_CHANGE.sub(r"\g<what> \g<change> to \g<level>", rest, count=1)


_CLAUSE_END = re.compile(r"\s*[,;:|]\s|\s+[-\u2013\u2014]\s|\s+(?:as|amid|despite|but|while)\s")
_RETURN_TO_PROFIT = re.compile(
    r"(?:is\s+)?(?:back\s+in\s+(?:the\s+)?black|returns?\s+to\s+(?:profit|the\s+black)|"
    r"swings?\s+(?:back\s+)?to\s+(?:an?\s+)?(?:net\s+)?profit|turns?\s+profitable|"
    r"(?:returns?|turns?)\s+to\s+profitability)(?!\w)",
    re.I,
)


def _said(rest: str, owner: str) -> Results | None:
    """ "Q2 net up 20% at Rs 89 crore" and its kin, after the company's name."""
    if _RETURN_TO_PROFIT.match(rest):
        return Results(f"{owner} return to profit", "returned to profit", strong=True)
    raised = DIVIDEND.match(rest)
    if raised is not None:
        return dividend(raised, owner)
    match = re.match(
        rf"(?:{POSTS}\s+)?(?P<period>(?:{PERIOD_WORD}\s+){{0,3}})"
        rf"(?:(?P<metric>{METRIC})(?:\s+(?:(?:in|for)\s+)?(?P<within>{PERIOD_WORD}))?\s+)?"
        rf"(?:(?P<multiply>{'|'.join(MULTIPLY)})|(?P<adverb>{ADVERB}\s+)?(?P<rise>{RISE})"
        rf"(?:\s+(?P<figure>{FIGURE}))?|"
        rf"(?P<beat>{BEAT})\s+(?P<expected>(?:[\w-]+\s+){{0,2}}?{EXPECTED})|"
        rf"(?:at|of)\s+(?P<level>{AMOUNT}))"
        rf"(?:\s+(?:to|at)\s+(?P<amount>{AMOUNT}))?"
        rf"(?:\s+in\s+(?P<later>{PERIOD_WORD}(?:\s+{PERIOD_WORD})?))?(?!\w)",
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
        metric = METRICS[match.group("metric").lower()]
    period = spelled_period(
        match.group("period") or match.group("within") or match.group("later") or ""
    )
    what = f"{period} {metric}".strip()
    to = f" to {match.group('amount')}" if match.group("amount") else ""
    if match.group("level"):
        level = match.group("level")
        return Results(f"{owner} {what} of {level}",
                       f"posted {indefinite_article(what)} {what} of {level}")  # fmt: skip
    if match.group("beat"):
        expected = expected_plural(match.group("expected"))
        # "now that you've seen your Q1 profit beat estimates", not "beaten estimates with it"
        return Results(f"{owner} {what} beating {expected}", f"seen your {what} beat {expected}",
                       strong=True)  # fmt: skip
    if match.group("multiply"):
        verb = MULTIPLY[" ".join(match.group("multiply").lower().split())]
        if " " in verb:  # "more than doubling": said of the figure, not as a noun
            qualifier, gerund = verb.rsplit(" ", 1)
            return Results(
                f"{owner} {what} {verb}{to}",
                f"seen your {what} {qualifier} {gerund[:-3]}e{to}",
                strong=True,
            )
        return Results(
            f"the {verb} of {owner} {what}{to}", f"{past_tense(verb)} your {what}{to}", strong=True
        )
    if metric in ("results", "numbers", "margins"):
        return None  # "results up": no figure to name, and "a rise in results" says nothing
    if re.match(r"recover", match.group("rise") or "", re.I):
        return Results(f"the recovery in {owner} {what}", f"seen your {what} recover")
    rise = risen(owner, what, match.group("figure"), to)
    if re.match(r"marginally|slightly", match.group("adverb") or "", re.I):
        return Results(rise.news, rise.clause)  # a small rise: never "impressive"
    return rise


# "books second consecutive quarter of sales growth", "posts three straight years of growth"
_STREAK = re.compile(
    rf"(?:{POSTS}\s+)?(?:an?\s+|its\s+)?(?P<streak>"
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
        rf"{POSTS}\s+(?:an?\s+)?(?P<level>{AMOUNT})\s+(?P<metric>{METRIC})"
        rf"(?:\s+(?:for|in)\s+(?:the\s+)?(?P<period>{PERIOD_WORD}(?:\s+{PERIOD_WORD})?))?(?!\w)",
        said,
        re.I,
    )  # "posts Rs 284 crore profit for Q3"
    if level_first is not None:
        metric = METRICS[level_first.group("metric").lower()]
        what = f"{spelled_period(level_first.group('period') or '')} {metric}".strip()
        level = level_first.group("level")
        return Results(f"{owner} {what} of {level}",
                       f"posted {indefinite_article(what)} {what} of {level}")  # fmt: skip
    small = re.match(
        rf"{POSTS}\s+(?:an?\s+)?(?P<size>small|marginal|slight|modest)\s+(?:(?P<metric>{METRIC})\s+"
        rf"(?:growth|rise|increase|gain)|(?:growth|rise|increase|gain)\s+in\s+"
        rf"(?P<period>(?:{PERIOD_WORD}\s+){{0,3}})(?P<metric2>{METRIC}))"
        rf"(?:\s+(?:for|in)\s+(?P<later>{PERIOD_WORD}))?(?:\s+(?:at|to)\s+(?P<amount>{AMOUNT}))?(?!\w)",
        said,
        re.I,
    )  # "delivers small profit increase for 2014": a rise, never praised as impressive (nor
    # called small back to the company)
    if small is not None:
        metric = METRICS[(small.group("metric") or small.group("metric2")).lower()]
        what = f"{spelled_period(small.group('period') or small.group('later') or '')} {metric}".strip()
        return risen(
            owner, what, None, f" to {small.group('amount')}" if small.group("amount") else ""
        )
    beat = re.match(
        rf"{POSTS}\s+(?:an?\s+)?(?P<period>(?:{PERIOD_WORD}\s+){{0,2}})(?P<metric>{METRIC})\s+beat(?!\w)",
        said,
        re.I,
    )  # "posts FY profit beat": a profit ahead of forecasts
    if beat is not None:
        what = f"{spelled_period(beat.group('period'))} {METRICS[beat.group('metric').lower()]}".strip()
        return Results(f"{owner} {what} beating forecasts", f"seen your {what} beat forecasts",
                       strong=True)  # fmt: skip
    record = re.match(
        rf"{POSTS}\s+(?:an?\s+|its\s+)?(?P<what>(?:record|best[- ]ever)\s+(?:year|quarter|half|season))(?!\w)",
        said,
        re.I,
    )  # "reports a record year"
    if record is not None:
        what = record.group("what").lower().replace("best ever", "best-ever")
        return Results(f"{owner} {what}", f"posted {indefinite_article(what)} {what}", strong=True,
                       as_written=True)  # fmt: skip
    profit = re.match(
        rf"{POSTS}\s+(?:an?\s+)?(?P<metric>(?:net\s+|operating\s+)?profit)\s+(?:in|for)\s+(?:the\s+)?"
        rf"(?P<period>{PERIOD_WORD})$",
        said,
        re.I,
    )  # "posts operating profit in March quarter", "post a profit in Q3": a profit, no figure
    if profit is not None:
        what = f"{spelled_period(profit.group('period'))} {profit.group('metric').lower()}"
        return Results(f"{owner} {what}", f"posted {indefinite_article(what)} {what}")
    streak = _STREAK.match(said)
    if streak is not None:
        what = f"{streak.group('streak').lower()} of {streak.group('what').lower()}"
        article = "" if what.split()[0] in NUMBER_WORDS or what[0].isdigit() else "a "
        return Results(f"{owner} {what}", f"posted {article}{what}", strong=True, as_written=True)
    figure_first = re.match(
        rf"(?:{POSTS}\s+)?(?:an?\s+)?(?P<figure>{FIGURE})\s+(?P<metric>{METRIC})\s+"
        rf"(?:growth|rise|jump|increase|gain)(?:\s+in\s+(?P<period>{PERIOD_WORD}(?:\s+quarter)?))?"
        r"(?!\w)",
        said,
        re.I,
    )
    if figure_first is not None:
        what = f"{spelled_period(figure_first.group('period') or '')} {METRICS[figure_first.group('metric').lower()]}"
        return risen(owner, what.strip(), figure_first.group("figure"), "")
    rise_in = re.search(
        rf"(?:^|{POSTS}\s+|\ban?\s+)(?:an?\s+)?(?P<figure>{FIGURE}\s+)?"
        rf"(?:rise|jump|increase|growth|surge|gain)\s+in\s+"
        rf"(?P<period>(?:{PERIOD_WORD}\s+){{0,3}})(?P<metric>{METRIC})(?!\w)",
        said,
        re.I,
    )
    if rise_in is not None:
        what = f"{spelled_period(rise_in.group('period') or '')} {METRICS[rise_in.group('metric').lower()]}"
        return risen(owner, what.strip(), rise_in.group("figure"), "")
    adjective = re.match(
        rf"{POSTS}\s+(?P<adjective>{GOOD_ADJECTIVES})\s+(?P<period>(?:{PERIOD_WORD}\s+){{0,3}})"
        rf"(?P<metric>{METRIC}|growth)(?:\s+(?:in|for)\s+(?:the\s+)?(?P<later>{PERIOD_WORD}))?(?!\w)",
        said,
        re.I,
    )  # "posts record third-quarter revenue", "clocks record profit in Q1"
    if adjective is not None:
        metric = adjective.group("metric").lower()
        period = spelled_period(adjective.group("period") or adjective.group("later") or "")
        said = plain_adjective(adjective.group("adjective"))
        what = " ".join(w for w in (said, period, METRICS.get(metric, metric)) if w)
        return Results(f"{owner} {what}", f"posted {what}", strong=True, as_written=True)
    beat = re.match(rf"(?:{BEAT})\s+((?:[\w-]+\s+){{0,2}}?{EXPECTED})(?!\w)", said, re.I)
    if beat is None:
        return None
    expected = expected_plural(beat.group(1))
    return Results(f"{owner} results beating {expected}", f"beaten {expected}", strong=True)


def _described(reason: str, owner: str) -> Results | None:
    """The reason given for a share move: results said plainly ("robust November sales",
    "strong Q4 results", "Christmas sales beat expectations")."""
    said = _said(_change_first(reason), owner)
    if said is not None:
        return said
    beat = NOUN_BEAT.fullmatch(" ".join(reason.split()))
    if beat is not None:  # "cooling products-led beat in earnings", "Q2 profit beat"
        what = METRICS[(beat.group("metric") or beat.group("metric2")).lower()]
        period = spelled_period(beat.group("period") or "")
        what = f"{period} {what}".strip()
        return Results(f"{owner} better-than-expected {what}", f"posted better-than-expected {what}",
                       strong=True)  # fmt: skip
    match = re.fullmatch(
        rf"(?P<adjective>{GOOD_ADJECTIVES})\s+(?P<period>(?:{PERIOD_WORD}\s+){{0,3}})"
        rf"(?P<metric>{METRIC})(?:\s+(?:in|for)\s+(?P<later>{PERIOD_WORD}))?"
        r"(?:\s+(?:show|numbers|figures))?",
        " ".join(reason.split()),
        re.I,
    )
    if match is None:
        return None
    adjective = plain_adjective(match.group("adjective"))
    period = spelled_period(match.group("period") or match.group("later") or "")
    what = " ".join(w for w in (adjective, period, METRICS[match.group("metric").lower()]) if w)
    return Results(f"{owner} {what}", f"posted {what}", strong=True)
