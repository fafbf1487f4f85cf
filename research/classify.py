"""Pure, first-pass headline classification: which kind of good news, or which kind of bad news.

Keyword rules over the headline, chosen so that a mistake drops good news rather than praising bad
news: any negative cue wins over any positive one ("record revenue but cuts 150 jobs" is dropped),
and questions and hedged headlines are never treated as events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import EventKind


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Checked in this order; the first family that matches names the reason an item is dropped.
NEGATIVE_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "layoffs or restructuring",
        _rx(
            r"\blay(s|ing)?[- ]?offs?\b|\blaid off\b|\bjob cuts?\b|\bredundanc\w*|\bwarn notice"
            r"|\b(cut|cuts|cutting|slash|slashes|slashed|slashing|shed|sheds|shedding|eliminat\w*|axe[sd]?)\b"
            r"[^.]{0,30}\b(jobs|roles|positions|workforce|staff|employees|headcount|workers)\b"
            r"|\brestructur\w*|\bdownsiz\w*|\bfurlough\w*"
        ),
    ),
    (
        "a lost deal",
        _rx(
            r"\blos(e|es|ing|t)\b|\bends?\b[^.]{0,30}\b(partnership|deal|contract|agreement|relationship|alliance)"
            r"|\babandon\w*|\bterminat\w*|\bpulls? out\b|\bwithdraw\w*|\bwalks? away\b|\bcollaps\w*"
            r"|\bfails?\b|\bfailed\b|\bblock(s|ed)?\b|\brejected\b|\bbacks? out\b"
        ),
    ),
    (
        "legal trouble",
        _rx(
            r"\blawsuits?\b|\bsu(e|es|ed|ing)\b|\bprobes?\b|\binvestigat\w*|\bfined?\b|\bfines\b"
            r"|\bpenalt\w*|\bsettle(s|d|ment)?\b|\bcharged\b|\bindict\w*|\bantitrust\b|\bclass action"
            r"|\bsubpoena\w*|\baccus\w*|\balleg\w*|\bviolat\w*|\bregulators?\b|\bcourt\b"
        ),
    ),
    ("a recall", _rx(r"\brecall\w*")),
    (
        "a breach or outage",
        _rx(
            r"\bbreach\w*|\bhack\w*|\boutages?\b|\bcyber ?attack\w*|\bransomware\b|\bdata leak"
            r"|\bdown for\b|\bdisrupt\w*"
        ),
    ),
    (
        "losses or a miss",
        _rx(
            r"\bloss(es)?\b|\bmiss(es|ed)?\b|\bshortfall\b|\bplung\w*|\bslump\w*|\btumbl\w*|\bsinks?\b"
            r"|\bfalls?\b|\bfell\b|\bdrops?\b|\bdeclin\w*|\bwarns?\b|\bweak\w*|\bdisappoint\w*"
            r"|\bcuts?\b[^.]{0,20}\b(forecast|guidance|outlook)\b|\blower(s|ed)?\b[^.]{0,20}\b(forecast|guidance|outlook)\b"
        ),
    ),
    ("a downgrade", _rx(r"\bdowngrad\w*")),
    (
        "a departure",
        _rx(
            r"\bresign\w*|\bsteps? down\b|\bousted\b|\bfired\b|\bquits?\b|\bdeparture\b|\bexits?\b"
        ),
    ),
    ("a scandal", _rx(r"\bscandal\w*|\bfraud\w*|\bmisconduct\b|\bbrib\w*|\bembezzl\w*")),
    ("a strike", _rx(r"\bstrikes?\b|\bwalkout\b|\bunion dispute")),
    ("bankruptcy", _rx(r"\bbankrupt\w*|\bchapter 11\b|\binsolven\w*|\bdefaults?\b|\bliquidat\w*")),
    (
        "a closure or setback",
        _rx(
            r"\bshut(s|ting)? down\b|\bshutters?\b|\bclos(es|ing|ed|ure)\b[^.]{0,30}\b(plant|store|stores|office|factory|site)s?\b"
            r"|\bdelay\w*|\bhalt\w*|\bsuspend\w*|\bcancel\w*|\bscrap\w*|\bcrash\w*|\bdeath|\bdies\b|\bkilled\b"
        ),
    ),
)

_HEDGE = _rx(
    r"\b(could|might|may|would|should|mulls?|consider(s|ing)?|weigh(s|ing)?|eyes|in talks|rumou?r\w*"
    r"|reportedly|denies|denied|deny|speculat\w*|unconfirmed)\b"
)
_QUESTION_START = _rx(r"^(will|could|can|should|is|are|does|do|did|has|have|why|how|what|who)\b")

# Checked in this order: the more specific kinds first.
KIND_RULES: tuple[tuple[EventKind, re.Pattern[str]], ...] = (
    (
        EventKind.ACQUISITION,
        _rx(
            r"\b(to )?(acquires?|acquisition of|buys|to buy|completes (the )?(acquisition|purchase)|snaps up)\b"
        ),
    ),
    (
        EventKind.FUNDING,
        _rx(
            r"\braises? \$|\braised \$|\bseries [a-f]\b|\bfunding\b|\bseed round\b|\bipo\b|\bgoes public\b"
            r"|\bvaluation\b|\bsecures? \$[\d.,]+ ?(million|billion|[mb]n?)\b"
        ),
    ),
    (
        EventKind.AWARD,
        _rx(
            r"\bawards?\b|\bawarded\b(?![^.]{0,40}\b(contract|deal|order|tender)s?\b)|\bprizes?\b|\bhonou?r(s|ed)?\b|\brecogni[sz](ed|es)\b|\bnamed (one of|to|a|an|the|among|best|top)\b"
            r"|\branked\b|\branks\b|\bbest places? to work\b|\btop employers?\b|\bcertifi(ed|cation)\b"
            r"|\baccolades?\b|\bwins? (gold|silver|the title)\b"
        ),
    ),
    (
        EventKind.NEW_ACCOUNT,
        _rx(
            r"\b(selected|chosen|picked|tapped) by\b|\bselects?\b|\bchooses\b|\btaps\b|\bcontracts?\b"
            r"|\b(wins?|lands?|secures?|signs?|inks?|books?)\b[^.]{0,40}\b(deal|order|account|customer|client|agreement)s?\b"
            r"|\border from\b"
        ),
    ),
    (
        EventKind.PARTNERSHIP,
        _rx(
            r"\bpartner(s|ship|ships|ed|ing)?\b|\bteams? up\b|\bjoins? forces\b|\bcollaborat\w*|\balliance\b"
            r"|\bjoint venture\b"
        ),
    ),
    (
        EventKind.GROWTH,
        _rx(
            r"\brecord\b[\w\s-]{0,25}\b(revenue|sales|profit|earnings|results|quarter|year|growth|orders|bookings)\b"
            r"|\b(revenue|sales|profit|earnings)\b[^.]{0,15}\b(rises?|jumps?|grows?|climbs?|soars?|surges?|up \d)"
            r"|\b(beats?|tops?|exceeds?|surpass(es)?)\b[^.]{0,20}\b(estimates|expectations|forecasts?)\b"
            r"|\braises? (its )?(guidance|outlook|forecast)\b|\b(surpass(es)?|passes|reaches|hits|tops)\b[^.]{0,20}\d[\d,.]*\s*(million|billion|m|k)?\s*(users|customers|subscribers|members|downloads)\b"
        ),
    ),
    (
        EventKind.MILESTONE,
        _rx(
            r"\banniversary\b|\bcelebrat\w*|\bmilestone\b|\bmarks \d+ years\b|\b\d+(st|nd|rd|th)? (years|birthday)\b"
            r"|\bfirst[- ]ever\b|\b(\d{3,}|\d{1,3}(,\d{3})+)(st|nd|rd|th)\b"
        ),
    ),
    (
        EventKind.EXPANSION,
        _rx(
            r"\bexpand\w*|\bexpansion\b|\bnew (office|headquarters|hq|plant|facility|campus|hub|factory|store)s?\b"
            r"|\bopens?\b[^.]{0,40}\b(office|plant|facility|headquarters|hub|campus|factory|location|store|center|centre)s?\b"
            r"|\bhiring\b|\bto hire\b|\bhires? \d|\b(adds?|adding|creates?|creating|brings?)\b[^.]{0,20}\b\d[\d,]* (new )?(tech )?jobs\b"
            r"|\benters?\b[^.]{0,30}\bmarkets?\b"
        ),
    ),
    (
        EventKind.LAUNCH,
        _rx(
            r"\blaunch\w*|\bunveil\w*|\bintroduc(es|ed|ing)\b|\bdebut\w*|\brolls? out\b|\breleases?\b"
            r"|\bnew (product|service|feature|app|platform|line|model)\b|\bships?\b"
            r"|\bopens?\b(?! up)[^.]{0,40}\b(store|restaurant|shop|showroom|lab|studio|doors|registration"
            r"|pre-?orders?|beta|waitlist|park|museum|school|clinic|hospital)s?\b"
        ),
    ),
)


@dataclass(frozen=True)
class HeadlineVerdict:
    """What the headline says: a kind of good news, or the reason it cannot be congratulated."""

    kind: EventKind | None
    trigger: str
    rejection: str | None


def judge_headline(title: str, subject_at: int | None = None) -> HeadlineVerdict:
    """Kind and trigger words of a headline, or why it is not news to congratulate.

    ``subject_at`` is where the company's name starts in the title, when known: an acquisition
    only counts when the company comes before the verb (it buys, it is not bought).
    """
    stripped = title.strip()
    if stripped.endswith("?") or _QUESTION_START.match(stripped):
        return HeadlineVerdict(None, "", "phrased as a question, not news")
    for family, pattern in NEGATIVE_FAMILIES:
        match = pattern.search(stripped)
        if match:
            return HeadlineVerdict(
                None, match.group(0), f"negative news ({family}: {match.group(0)!r})"
            )
    hedge = _HEDGE.search(stripped)
    if hedge:
        return HeadlineVerdict(None, hedge.group(0), f"speculation, not news ({hedge.group(0)!r})")
    for kind, pattern in KIND_RULES:
        if kind is EventKind.ACQUISITION and re.search(r"\b(acquired|bought) by\b", stripped, re.I):
            continue
        match = pattern.search(stripped)
        if not match:
            continue
        if kind is EventKind.ACQUISITION and subject_at is not None and subject_at > match.start():
            return HeadlineVerdict(
                None, match.group(0), "the company is being acquired, not buying"
            )
        return HeadlineVerdict(kind, match.group(0).strip(), None)
    return HeadlineVerdict(None, "", "no event to congratulate (neutral news)")
