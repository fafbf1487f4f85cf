"""Pure: the one detail of a headline a congratulation can name safely (Detail), and the proper
names a headline gives: the award, the customer, the partner, the product, the company bought, the
place.

Each extractor reads a cleaned headline and returns the detail only when the headline's own words
say it plainly ("Acme partners with Beta Labs on ..." -> "Beta Labs"); anything less certain gives
None, and the sentence then refers to the news without it. A detail is a proper name, a figure or
an ordinal copied as written, never a paraphrase that could claim more than the headline. The
figures are read in figures.py; kind_details.py makes each kind of news its Detail.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# A capitalised word of a name ("Beta", "Helix.io", "O'Donnell", "3M", "J.B.", "SOC", "2"), and
# the lower-case words that may join two of them ("Bank of Ireland", "Port of Spain").
_NAME_WORD = r"(?:[A-Z\u00c0-\u00de][\w.'&\u2019-]*|\d(?:[\w.,]*\w)?)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:of(?:\s+the)?|de|la|and|&)\s+)?{_NAME_WORD})*"
# Headline words that are never part of the name that follows or precedes them.
_NOT_NAMES = frozenset(
    """A An The New First Its Their Our This Record Top Leading Major Global National Regional
    Local Largest Biggest Best In On At For With To From By""".split()
)
# Adjectives of nationality and region: "a Scottish salmon farmer", never "the".
_DEMONYM_SUFFIXES = ("an", "ese", "ish")
_DEMONYMS = frozenset("Nordic Greek Czech Dutch French Swiss Thai Baltic Arctic Celtic".split())


@dataclass(frozen=True)
class Detail:
    """How a sentence names the news with its detail: ``news`` completes "congratulations on ..."
    and ``clause`` completes "now that you've ..."."""

    news: str
    clause: str
    # How the news may be praised when it differs from its kind's usual words: "modest" (a 3%
    # rise, a bare profit figure: not "impressive"), "approval" (a step, not an achievement) or
    # "under way" (an issue opened: no vote of confidence yet).
    praise: str = ""


@functools.cache
def names_alternation(names: tuple[str, ...]) -> str:
    """The company's names as one regex alternation, longest first (built once per company)."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def after_name(title: str, names: tuple[str, ...]) -> int:
    """Where the headline goes on after the company's name that opens it (the longest name that
    does, in any case), or past its end when none does: a pattern can then match from there
    without holding the name, and so be compiled once."""
    opening = title.casefold()
    return next(
        (len(n) for n in sorted(names, key=len, reverse=True) if opening.startswith(n.casefold())),
        len(title) + 1,
    )


def is_demonym(word: str) -> bool:
    """ "Italian", "Japanese", "Scottish", "Nordic": an adjective, not a name to call "the"."""
    return word in _DEMONYMS or (word[:1].isupper() and word.endswith(_DEMONYM_SUFFIXES))


def _proper(candidate: str | None, names: tuple[str, ...]) -> str | None:
    """``candidate`` when it is a plausible name: capitalised, not the company, not a plain word."""
    if not candidate:
        return None
    words = candidate.split()
    while words and words[-1] in ("of", "the", "and", "&", "de", "la"):
        words.pop()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    if not words or all(w.isdigit() for w in words):
        return None
    name = " ".join(words).rstrip(".,;:'\u2019")
    if name.endswith(("'s", "\u2019s")):
        return None  # "Cloud Provider's ...": the name is the owner of something else
    if any(name.lower() == n.lower() or n.lower() in name.lower() for n in names):
        return None
    return name


def _name_at_end(text: str) -> str | None:
    """The name that closes a noun phrase: "sensor maker Veltro" -> "Veltro"; None when the
    phrase ends with a lower-case word ("an Italian rolling mill")."""
    match = re.search(rf"({_NAME})$", text.strip())
    return match.group(1) if match else None


def _phrase_after(title: str, pattern: str) -> str | None:
    """The words after ``pattern`` up to the next comma, dash or joining preposition."""
    match = re.search(pattern, title)
    if not match:
        return None
    rest = title[match.end() :]
    return re.split(
        r"\s*[,;:|]\s|\s[-\u2013\u2014]\s|\s(?:for|in|to|from|through|behind|after|as|on|at|with|"
        r"amid|via|worth|that|which|who)\s",
        rest,
        maxsplit=1,
    )[0].strip()


def award_name(title: str) -> tuple[str, str] | None:
    """("prize", "the 2026 Edison Award"), ("title", "Carrier of the Year") or ("event", "the
    European Freight Awards" where the headline says it won there): the award a headline names."""
    prize = re.search(
        rf"(?<![\w'])({_NAME}\s+(?:Award|Prize|Medal|Trophy|Cup))(?!\w)(?!\s+(?:for|at)\s+[A-Z])",
        title,
    )
    if prize and prize.group(1).split()[0] not in _NOT_NAMES - {"The"}:
        return "prize", f"the {prize.group(1).removeprefix('The ')}"
    certificate = re.search(rf"(?<![\w'])({_NAME})\s+(certification|accreditation)\b", title)
    if certificate and certificate.group(1).split()[0] not in _NOT_NAMES:
        return "prize", f"{certificate.group(1)} {certificate.group(2)}"
    honour = re.search(
        rf"\b(?:wins|named|takes)\s+((?:Best\s+)?{_NAME}\s+of\s+the\s+Year)\b", title
    )
    if honour:
        return "title", honour.group(1)
    return ("event", event) if (event := award_event(title)) else None


def award_event(title: str) -> str | None:
    """ "the International Ale Championships" from "... takes gold at International Ale
    Championships": the event, only when the headline says something was won there."""
    won = r"(?:wins|won|takes|picks\s+up|bags|scoops|claims|named|earns|receives)\b"
    match = re.search(
        rf"\b{won}.*?\bat\s+(?:the\s+)?({_NAME}\s+(?:Awards|Championships|Expo)(?:\s+{_NAME})?)",
        title,
    )
    return f"the {match.group(1)}" if match else None


def customer(title: str, names: tuple[str, ...]) -> str | None:
    """The customer a new-account headline names: "City of Lakemont selects Acme ..." or
    "Acme signs agreement with Ashgrove Bank" -> the customer; a description ("a major
    automaker", "state agency") is not a name and gives None."""
    company = names_alternation(names)
    chooser = re.match(
        rf"({_NAME})\s+(?:selects|chooses|picks|taps|hires|awards|names)\s+(?:{company})(?!\w)",
        title,
    )
    if chooser:
        return _proper(chooser.group(1), names)
    chosen = re.search(rf"\b(?:selected|chosen|picked|tapped|hired)\s+by\s+({_NAME})", title)
    if chosen:
        return _proper(_whole_name(title, chosen), names)
    deal = re.search(
        rf"\b(?:contract|deal|agreement|order|account|partnership)\s+(?:with|from)\s+({_NAME})",
        title,
    )
    return _proper(_whole_name(title, deal), names) if deal else None


def _whole_name(title: str, match: re.Match[str], group: int = 1) -> str | None:
    """The matched name, when a lower-case word does not carry on its noun phrase
    ("with Fortune 500 retailer" is a description, "with Ashgrove Bank on ..." a name)."""
    after = title[match.end(group) :].split()
    if after and after[0][:1].islower() and after[0] not in _JOINING_WORDS:
        return None
    return match.group(group)


_JOINING_WORDS = frozenset(
    "for in to from through behind after as on at with amid via worth that which who and".split()
)


# The company's name in a headline, replaced by one character so that the patterns below are
# compiled once: a pattern holding the name would be compiled anew for every company of a
# digest (about 5 ms each for these).
_US = "\x01"


def _with_us(title: str, names: tuple[str, ...]) -> str:
    return re.sub(rf"(?<!\w)(?:{names_alternation(names)})(?!\w)", _US, title)


_PARTNERS = (
    # "Tesco Mobile Partners with ...": a unit's word may follow the name, in any case
    re.compile(
        rf"^{_US}(?:\s+[A-Z][a-z]+)?\s+(?i:partners|teams\s+up|teams|joins\s+forces|collaborates|"
        rf"allies|(?:forms|signs|inks|enters|announces|expands|extends)\s+[\w\s-]*?"
        rf"(?:partnership|alliance|pact|collaboration|joint\s+venture))\s+(?i:with)\s+({_NAME})"
    ),
    re.compile(
        rf"^{_US}(?:\s+and|,)\s+({_NAME}?)\s+(?:announce|form|sign|ink|agree|launch|team|unveil|"
        rf"join|expand|extend|to)\b"
    ),
    re.compile(
        rf"(?:^|,\s)({_NAME}?)(?:\s+and|,)\s+{_US}\s+(?i:announce|form|sign|ink|agree|launch|"
        rf"team|unveil|join|expand|extend|to)\b"  # "Kinder Morgan and BP Form Joint Venture"
    ),
    re.compile(
        rf"^({_NAME}?)\s+(?:partners|teams\s+up|teams|joins\s+forces|collaborates)\s+with\s+{_US}"
    ),
)


# What each pattern needs whatever the company, checked first (in the case written: "Partners
# With" in a Title Case headline leads to a name cut badly, "Corp. To Drive").
_WITH = re.compile(r"\swith\s")
_AND_OR_COMMA = re.compile(r"(?:\sand|,)\s")
_PARTNER_NEEDS = (_WITH, _AND_OR_COMMA, _AND_OR_COMMA, _WITH)


def partner(title: str, names: tuple[str, ...]) -> str | None:
    """The other party of a partnership: "Acme partners with Beta", "Acme and Beta form ...",
    "Beta, Acme team up", "Beta joins forces with Acme"."""
    ours = _with_us(title, names)
    if _US not in ours:
        return None
    for number, (pattern, need) in enumerate(zip(_PARTNERS, _PARTNER_NEEDS, strict=True)):
        match = pattern.search(ours) if need.search(title) else None
        if match:
            # After "partners with", the name may be the start of a description.
            name = _whole_name(ours, match) if number == 0 else match.group(1)
            return _proper(name, names)
    return None


_DEAL_VERBS = r"(?:strike|sign|ink|seal|clinch|enter\s+into|bag|agree)"
_DEAL_NOUNS = {"deal": "deal", "pact": "agreement", "agreement": "agreement", "mou": "MoU",
               "alliance": "alliance", "partnership": "partnership", "tie-up": "tie-up"}  # fmt: skip
_DEAL_NOUN = r"(?P<noun>deal|pact|agreement|MoU|alliance|partnership|tie-up)"
_DEAL_WHAT = r"(?:an?\s+|another\s+|new\s+)*(?P<what>(?:[A-Za-z][\w-]*\s+){0,4}?)"


_DEALS = (
    re.compile(
        rf"^{_US}(?:\s+and|,)\s+(?P<other>{_NAME}?)\s+{_DEAL_VERBS}\s+{_DEAL_WHAT}{_DEAL_NOUN}\b"
    ),
    re.compile(
        rf"(?:^|,\s)(?P<other>{_NAME}?)(?:\s+and|,)\s+{_US}\s+{_DEAL_VERBS}\s+{_DEAL_WHAT}"
        rf"{_DEAL_NOUN}\b"
    ),
    re.compile(
        rf"^{_US}\s+(?:strikes|signs|inks|seals|clinches|enters\s+into|bags|agrees|wins|lands)"
        rf"\s+{_DEAL_WHAT}{_DEAL_NOUN},?\s+(?:this\s+time\s+)?with\s+(?P<other>{_NAME})"
    ),
)


def deal(title: str, names: tuple[str, ...]) -> tuple[str, str, str] | None:
    """(what kind, the deal's noun, the other party) of a deal between two named parties:
    "Acme, Beta strike psoriasis drug deal" -> ("psoriasis drug", "deal", "Beta"); "Acme bags
    cancer drug deal with Beta" likewise. Which side is the customer is not said, so the
    sentence says a deal was signed, never that a customer was won."""
    ours = _with_us(title, names)
    if _US not in ours:
        return None
    for pattern in _DEALS:
        match = pattern.search(ours)
        if match is None:
            continue
        other = _proper(match.group("other"), names)
        what = match.group("what").strip()
        if other is None or (what and not what.islower()):
            continue  # a name or Title Case in the deal's words: not safe to carry
        return what, _DEAL_NOUNS[match.group("noun").lower()], other
    return None


def product(title: str, names: tuple[str, ...]) -> str | None:
    """The named product of a launch: "Acme unveils HomeCell 2, a compact battery" -> "HomeCell
    2"; a description ("AI assistant", "Gdańsk office") gives None."""
    company = names_alternation(names)
    match = re.match(
        rf"(?:{company})(?!\w)\s+(?:launches|unveils|debuts|introduces|releases|rolls\s+out|"
        rf"ships|presents)\s+(?:the\s+|its\s+|new\s+)*(?:['\u2018\"\u201c]([^'\u2019\"\u201d]+)"
        rf"['\u2019\"\u201d]|({_NAME}))",
        title,
    )
    if not match:
        return None
    if match.group(1):
        return match.group(1).strip()
    return _proper(_whole_name(title, match, 2), names)


def acquired(title: str, names: tuple[str, ...]) -> tuple[str, bool] | None:
    """(the company acquired, whether the deal is only agreed): "Acme to acquire Beta Labs" ->
    ("Beta Labs", True); "Acme acquires sensor maker Veltro" -> ("Veltro", False)."""
    company = names_alternation(names)
    target = re.match(
        rf"({_NAME}?)\s+to\s+be\s+(?:acquired|bought)\s+by\s+(?:{company})(?!\w)", title
    )
    if target:
        name = _proper(target.group(1), names)
        return (name, True) if name else None
    verbs = (
        r"(?P<planned>to\s+acquire|to\s+buy|agrees\s+to\s+(?:acquire|buy))|acquires|buys|"
        r"snaps\s+up|scoops\s+up|takes\s+over|purchases|(?:completes|closes)\s+"
        r"(?:the\s+)?(?:acquisition|purchase|takeover)\s+of"
    )
    match = re.match(rf"(?:{company})(?!\w)\s+(?:{verbs})\s", title)
    if not match:
        return None
    name = _proper(_name_at_end(_phrase_after(title, re.escape(match.group(0))) or ""), names)
    return (name, bool(match.group("planned"))) if name else None


def offer_made(title: str, names: tuple[str, ...]) -> tuple[str, str] | None:
    """(the amount, the company bid for) when the company offers to buy it for an amount:
    "Shell offers 50 percent premium to buy BG for $70 billion" -> ("$70 billion", "BG")."""
    company = names_alternation(names)
    match = re.match(
        rf"(?:{company})(?!\w)\s+(?:offers|bids)\b[^,;]{{0,40}}?\bto\s+(?:buy|acquire)\s+"
        rf"(?P<target>{_NAME})\s+for\s+(?P<amount>(?:[$\u00a3\u20ac]|Rs\s?)\d[\d,.]*\s*"
        rf"(?:million|billion|crore|bn|mn)?)",
        title,
    )
    if match is None:
        return None
    target = _proper(match.group("target"), names)
    return (match.group("amount").strip(), target) if target else None


def place(title: str) -> tuple[str, str] | None:
    """("into", "Poland") from "expands into Poland with ...": where an expansion goes, when the
    headline names the place after "in" or "into", or after "to" with a verb of expanding."""
    match = re.search(
        rf"\s(in|into|to)\s+({_NAME})(?=\s+(?:and|with|after|as|for|to|by|,)\b|[,;]|$)", title
    )
    if not match or not _proper(match.group(2), ()) or re.search(r"\d", match.group(2)):
        return None
    where = match.group(2)
    expands = re.search(r"\b(?:expands|expanding|moves|extends)\b", title)
    if where.split()[0] in _NOT_NAMES or (match.group(1) == "to" and not expands):
        return None  # "brings jobs to Denver", "sells unit to Beta": not where it expands
    preposition = "in" if match.group(1) == "in" else "into"
    places = [where]
    end = match.end(2)
    # "to set up shop in UK, UAE": every place named in the list
    while more := _ANOTHER_PLACE.match(title, end):
        if not _proper(more.group(1), ()) or more.group(1).split()[0] in _NOT_NAMES:
            break
        places.append(more.group(1))
        end = more.end(1)
    places = [p for found in places for p in re.split(r"\s+(?:and|&)\s+", found)]
    said = [f"the {p}" if p in DEFINITE_PLACES else p for p in places]
    return preposition, said[0] if len(said) == 1 else f"{', '.join(said[:-1])} and {said[-1]}"


_ANOTHER_PLACE = re.compile(rf"\s*(?:,|\band\b|&)\s*({_NAME})(?=\s*(?:[,;]|\band\b|&|$)|\s+[a-z])")
# Places whose names take "the": "expanding into the Middle East", "opening in the US".
DEFINITE_PLACES = frozenset(
    ["Middle East", "Netherlands", "UK", "US", "UAE", "United States", "United Kingdom",
     "United Arab Emirates", "Czech Republic", "Philippines",
     "Gulf", "Nordics", "Balkans", "Americas", "Caribbean", "Far East", "Baltics",
     "Street"]  # "beats Street": the market's estimates, "the Street"
)  # fmt: skip
