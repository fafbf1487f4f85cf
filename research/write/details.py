"""Pure: the one detail of a headline a congratulation can name safely, per kind of news.

Each extractor reads a cleaned headline and returns the detail only when the headline's own words
say it plainly ("Acme partners with Beta Labs on ..." -> "Beta Labs"); anything less certain gives
None, and the sentence then refers to the news without it. A detail is a proper name, a figure or
an ordinal copied as written, never a paraphrase that could claim more than the headline.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..models import EventKind
from .grammar import indefinite_article, possessive
from .results import results

# A capitalised word of a name ("Beta", "Helix.io", "O'Donnell", "3M", "J.B.", "SOC", "2"), and
# the lower-case words that may join two of them ("Bank of Ireland", "Port of Spain").
_NAME_WORD = r"(?:[A-Z\u00c0-\u00de][\w.'&\u2019-]*|\d(?:[\w.,]*\w)?)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:of(?:\s+the)?|de|la|and|&)\s+)?{_NAME_WORD})*"
_CURRENCY = r"(?:[A-Z]{0,2}\$|US\$|[\u20ac\u00a3\u00a5\u20b9]|Rs\.?\s?|(?:SEK|NOK|DKK|CHF|EUR|GBP|USD|JPY|INR)\s)"
_UNIT = r"(?:[\s-]?(?:million|billion|trillion|crore|lakh|bn|[mMbBkK])\b)?"
# "Rs 600-700 crore": a range is one amount
AMOUNT = re.compile(rf"{_CURRENCY}\d[\d,]*(?:\.\d+)?(?:-\d[\d,]*(?:\.\d+)?)?{_UNIT}")
# A raise not yet done: "to raise", "plans", "files for", "IPO opens", "gets nod for raising".
_DONE_RAISE = re.compile(
    r"\b(?:raises|raised|closes|closed|completes|completed|bags|secures|mops\s+up)\b", re.I
)
_PLANNED_RAISE = re.compile(
    r"\b(?:to\s+(?:raise|launch|list|float|issue|tap|sell|go\s+public|seek)|plans?|planning|"
    r"opens?|proposes?|seeks?|eyes|mulls|files?|nod|approv\w*|subscribed|set\s+to)\b",
    re.IGNORECASE,
)
_PERCENT = r"\d+(?:\.\d+)?%"
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


_WITH = re.compile(r"\swith\s")
_AND_OR_COMMA = re.compile(r"(?:\sand|,)\s")


def partner(title: str, names: tuple[str, ...]) -> str | None:
    """The other party of a partnership: "Acme partners with Beta", "Acme and Beta form ...",
    "Beta, Acme team up", "Beta joins forces with Acme"."""
    company = names_alternation(names)
    ours = rf"(?:{company})(?!\w)"
    patterns = (
        # "Tesco Mobile Partners with ...": a unit's word may follow the name, in any case
        rf"^{ours}(?:\s+[A-Z][a-z]+)?\s+(?i:partners|teams\s+up|teams|joins\s+forces|collaborates|"
        rf"allies|(?:forms|signs|inks|enters|announces|expands|extends)\s+[\w\s-]*?"
        rf"(?:partnership|alliance|pact|collaboration|joint\s+venture))\s+(?i:with)\s+({_NAME})",
        rf"^{ours}(?:\s+and|,)\s+({_NAME}?)\s+(?:announce|form|sign|ink|agree|launch|team|unveil|"
        rf"join|expand|extend|to)\b",
        rf"(?:^|,\s)({_NAME}?)(?:\s+and|,)\s+{ours}\s+(?:announce|form|sign|ink|agree|launch|"
        rf"team|unveil|join|expand|extend|to)\b",
        rf"^({_NAME}?)\s+(?:partners|teams\s+up|teams|joins\s+forces|collaborates)\s+with\s+{ours}",
    )
    # What each pattern needs whatever the company, checked first: a pattern holding the
    # company's name is compiled anew for each company.
    needs = (_WITH, _AND_OR_COMMA, _AND_OR_COMMA, _WITH)
    for number, (pattern, need) in enumerate(zip(patterns, needs, strict=True)):
        match = re.search(pattern, title) if need.search(title) else None
        if match:
            # After "partners with", the name may be the start of a description.
            name = _whole_name(title, match) if number == 0 else match.group(1)
            return _proper(name, names)
    return None


_DEAL_VERBS = r"(?:strike|sign|ink|seal|clinch|enter\s+into|bag|agree)"
_DEAL_NOUNS = {"deal": "deal", "pact": "agreement", "agreement": "agreement", "mou": "MoU",
               "alliance": "alliance", "partnership": "partnership", "tie-up": "tie-up"}  # fmt: skip
_DEAL_NOUN = r"(?P<noun>deal|pact|agreement|MoU|alliance|partnership|tie-up)"
_DEAL_WHAT = r"(?:an?\s+|another\s+|new\s+)*(?P<what>(?:[A-Za-z][\w-]*\s+){0,4}?)"


def deal(title: str, names: tuple[str, ...]) -> tuple[str, str, str] | None:
    """(what kind, the deal's noun, the other party) of a deal between two named parties:
    "Acme, Beta strike psoriasis drug deal" -> ("psoriasis drug", "deal", "Beta"); "Acme bags
    cancer drug deal with Beta" likewise. Which side is the customer is not said, so the
    sentence says a deal was signed, never that a customer was won."""
    ours = rf"(?:{names_alternation(names)})(?!\w)"
    verb_s = r"(?:strikes|signs|inks|seals|clinches|enters\s+into|bags|agrees|wins|lands)"
    patterns = (
        rf"^{ours}(?:\s+and|,)\s+(?P<other>{_NAME}?)\s+{_DEAL_VERBS}\s+{_DEAL_WHAT}{_DEAL_NOUN}\b",
        rf"(?:^|,\s)(?P<other>{_NAME}?)(?:\s+and|,)\s+{ours}\s+{_DEAL_VERBS}\s+{_DEAL_WHAT}"
        rf"{_DEAL_NOUN}\b",
        rf"^{ours}\s+{verb_s}\s+{_DEAL_WHAT}{_DEAL_NOUN},?\s+(?:this\s+time\s+)?with\s+"
        rf"(?P<other>{_NAME})",
    )
    for pattern in patterns:
        match = re.search(pattern, title)
        if match is None:
            continue
        other = _proper(match.group("other"), names)
        what = match.group("what").strip()
        if other is None or (what and not what.islower()):
            continue  # a name or Title Case in the deal's words: not safe to carry
        return what, _DEAL_NOUNS[match.group("noun").lower()], other
    return None


def amount(title: str) -> str | None:
    """The sum a funding headline says was raised: "$45 million" in "raises $45 million Series
    B"; never a total or valuation ("brings total raised to $20M", "at $1.5 billion valuation")."""
    for match in AMOUNT.finditer(title):
        before = title[: match.start()].split()[-4:]
        ceiling = " ".join(before[-2:]).lower() in ("up to", "upto") or before[-1:] == ["upto"]
        if ceiling:  # "to raise up to Rs 2,500 crore": the ceiling is the news as written
            before = before[: -1 if before[-1].lower() == "upto" else -2]
        after = title[match.end() :].split()[:2]
        raised = bool(before) and before[-1].lower() in _RAISE_VERBS
        funding_noun = any(w.lower().strip(",.") in _FUNDING_NOUNS for w in after)
        of_funding = [w.lower() for w in before[-2:]] == ["funding", "of"]
        if raised or funding_noun or of_funding:
            return f"up to {match.group(0)}" if ceiling else match.group(0)
    return None



_RAISE_VERBS = frozenset(
    "raise raises raising secures closes lands bags attracts completes wins nets gets announces "
    "receives".split()
)
_FUNDING_NOUNS = frozenset(
    "series seed round investment financing funding loan grant ipo capital crowdfunding "
    "raise rights qip fpo bond bonds issue".split()
)


def funding_round(title: str, money: str) -> str | None:
    """ "Series B", "seed round", "IPO" or another issue right after the amount ("$45 million
    Series B", "Rs 300 crore rights issue")."""
    after = title[title.find(money) + len(money) :]
    match = re.match(
        r"\s+(?:(?:via|through)\s+(?:an?\s+|its\s+)?(?=IPO|rights|bond|NCD|QIP))?"
        r"(Series\s+[A-H]\b|seed\s+round\b|IPO\b|(?:rights|bond|NCD)\s+issue\b|QIP\b)",
        after,
        re.IGNORECASE,
    )
    if match:
        word = match.group(1)
        return word if word[:1].isupper() or word.startswith("seed") else word.lower()
    return "IPO" if re.search(r"\bIPO\b", title) else None


# People counted, rising with no figure given: "Passengers rise at easyJet".
_COUNTED = {
    "passengers": "passenger", "subscribers": "subscriber", "users": "user",
    "customers": "customer", "visitors": "visitor", "members": "member",
}  # fmt: skip
_RISING_COUNT = re.compile(
    r"\b(passengers|subscribers|users|customers|visitors|members)\s+(?:rise|rises|rose|grow|grows|"
    r"grew|climb|climbs|jump|jumps|up|increase|increases|soar|soars|surge|surges)\b",
    re.IGNORECASE,
)


def growth_figure(title: str) -> tuple[str, str] | None:
    """("22%", "revenue") from "revenue grows 22%": the rise and what rose, as written."""
    match = re.search(
        rf"\b((?:same-store\s+|net\s+|operating\s+|quarterly\s+|annual\s+)?(?:revenue|sales|"
        rf"profit|income|earnings|orders|bookings|subscribers|exports))\s+(?:rises|grows|"
        rf"climbs?|jumps?|soars?|surges?|up|increases|gains|rose|grew)\s+({_PERCENT})",
        title,
        re.IGNORECASE,
    )
    return (match.group(2), match.group(1).lower()) if match else None


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


def milestone(title: str) -> str | None:
    """The anniversary or count a milestone headline names: "75th anniversary", "100-year
    milestone", "500th regional jet"."""
    # A quoted title ("Two Centuries of Glass") names a work, not the company's age.
    title = re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", " ", title)
    # "150th birthday party" is the 150th anniversary: the party is how it was marked
    anniversary = re.search(
        r"\b(\d+(?:st|nd|rd|th)|silver|golden|diamond)\s+(?:anniversary|birthday)\b", title, re.I
    )
    if anniversary:
        return f"{anniversary.group(1).lower()} anniversary"
    years = re.search(r"\b(\d+|a|one|two)\s+(years?|decades?|century|centuries)\b", title, re.I)
    if years:
        count = {"a": 1, "one": 1, "two": 2}.get(years.group(1).lower()) or int(years.group(1))
        unit = years.group(2).lower().rstrip("s").replace("centurie", "century")
        total = count * {"year": 1, "decade": 10, "century": 100}[unit]
        return f"{total}-year milestone" if total > 1 else None
    ordinal = re.search(
        r"\b(\d[\d,]*(?:st|nd|rd|th)|[a-z]+-(?:millionth|billionth|thousandth|hundredth))\s+(.+)",
        title,
    )
    if ordinal is None:
        return None
    noun: list[str] = []
    for word in ordinal.group(2).split()[:3]:
        if not re.fullmatch(r"[a-z-]+", word) or word in _MILESTONE_STOPS:
            break
        noun.append(word)
    return f"{ordinal.group(1)} {' '.join(noun)}" if noun else None


_MILESTONE_STOPS = frozenset(
    "rolls leaves comes goes is was in at for to on since with from off by".split()
)


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
     "Gulf", "Nordics", "Balkans", "Americas", "Caribbean", "Far East", "Baltics"]
)  # fmt: skip


def detail(kind: EventKind, title: str, names: tuple[str, ...], company: str) -> Detail | None:
    """The news with its detail for ``kind``, named for ``company``; None when nothing is safe,
    and always None when the headline does not name the company (whose news would it be?)."""
    if not any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", title, re.IGNORECASE) for n in names):
        return None
    return _DETAIL_BY_KIND[kind](title, names, possessive(company), company)


def _approval(title: str, owner: str) -> Detail | None:
    """A regulator's approval is a milestone, named as the headline names it: "gets USFDA
    approval for cancer drug", "receives PMDA approval from Japan" ("nod" is said "approval")."""
    approval = re.search(
        r"\b(?P<verb>wins?|gets?|receives?|secures?|earns?|bags?)\s+"
        r"(?:(?:key|final|formal|full|crucial|conditional|initial)\s+)?"  # said as approval
        r"(?P<who>(?:regulatory|marketing|[A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*)?(?:\s+regulatory)?)\s+)"
        r"(?:approval|nod|clearance)\b(?P<what>\s+(?:for|from)\s+[^,;:|]+)?",
        title,
    )
    if approval is None or approval.group("who").split()[0] in ("Sebi", "SEBI"):
        return None  # an issue's approval is named by details._ipo_news
    what = (approval.group("what") or "").rstrip()
    bare = re.fullmatch(r"(\s+for\s+)([a-z][\w-]*(?:\s+[a-z][\w-]*)*)", what)
    if (
        bare
        and bare.group(2).split()[0] not in ("a", "an", "the", "its", "two", "three")
        and not (bare.group(2).endswith("s"))
    ):
        what = f"{bare.group(1)}{indefinite_article(bare.group(2))} {bare.group(2)}"  # a drug
    said = f"{approval.group('who')}approval{what}"
    verb = approval.group("verb").lower()
    past = _PAST.get(verb) or _PAST.get(f"{verb}s", "won")
    return Detail(f"{owner} {said}", f"{past} {said}", "approval")


# Regulators whose approval a headline names: "FDA approves ...", "... approved by EU".
_REGULATOR = (
    r"(?:U\.?S\.?\s+)?FDA|EMA|CHMP|EU|European Commission|US|U\.S\.|Japan|China|DCGI|Health Canada|"
    r"MHRA|NICE|European regulators?|EU regulators?|US regulators?"
)


def _regulator_approval(title: str, names: tuple[str, ...], owner: str) -> Detail | None:
    """ "FDA approves Acme's Zolvix for migraine" -> the FDA approval for Acme's Zolvix for
    migraine; "Acme says new pill Zolvix approved by EU" -> EU approval for the new pill Zolvix."""
    company = names_alternation(names)
    approves = re.match(
        rf"(?P<who>{_REGULATOR})\s+(?:approves|clears|okays)\s+"
        rf"(?:{company})(?:['\u2019]s?)?\s+(?P<what>[^,;:]+)$",
        title,
        re.IGNORECASE,
    )
    if approves is None:
        approves = re.match(
            rf"(?:{company})\s+says\s+(?P<what>[^,;:]+?)\s+approved\s+(?:by|in)\s+"
            rf"(?:the\s+)?(?P<who>{_REGULATOR})$",
            title,
            re.IGNORECASE,
        )
    if approves is None:
        # "EU regulator backs approval for Acme's asthma drug": a recommendation, said as one
        backs = re.match(
            rf"(?:the\s+)?(?P<who>{_REGULATOR})\s+(?:backs?|recommends?|endorses?|supports?)\s+"
            rf"(?:(?:the\s+)?approval\s+(?:for|of)\s+)?(?:{company})(?:['\u2019]s?)?\s+"
            rf"(?P<what>[^,;:]+)$",
            title,
            re.IGNORECASE,
        )
        if backs is None or len(backs.group("what").split()) > 10:
            return None
        who, what = backs.group("who"), backs.group("what").strip()
        backers = possessive(who)
        return Detail(
            f"the {backers} backing for {owner} {what}",
            f"won the {backers} backing for {_yours(what)}",
            "approval",
        )
    who = approves.group("who")
    what = approves.group("what").strip()
    if len(what.split()) > 10:
        return None
    return Detail(
        f"the {who} approval for {owner} {what}",
        f"won {who} approval for {_yours(what)}",
        "approval",
    )


def _yours(what: str) -> str:
    """ "your migraine drug", but "Vyvanse for binge-eating disorder": a product's name takes no
    "your" (a person writes "approval for Vyvanse")."""
    return what if what[:1].isupper() else f"your {what}"


# A status a regulator gives a drug on its way to approval, as a note names it.
_DRUG_STATUS = {
    "orphan": "orphan drug designation",
    "fast": "fast-track designation",
    "breakthrough": "breakthrough therapy designation",
    "priority": "priority review",
}


def _drug_status(title: str, names: tuple[str, ...], owner: str) -> Detail | None:
    """ "Acme's Zolvix gets orphan drug label" -> the orphan drug designation for Acme's Zolvix:
    the drug is named, never "a recent milestone"."""
    company = names_alternation(names)
    found = re.match(
        rf"(?:{company})['\u2019]s\s+(?P<drug>[A-Z][\w-]*)\s+(?:gets|wins|receives|earns|secures)\s+"
        r"(?:an?\s+|the\s+)?(?:\w+\s+)?(?P<status>orphan[- ]drug|fast[- ]track|breakthrough"
        r"(?:[- ]therapy)?|priority[- ]review)(?:\s+(?:label|designation|status|tag))?\b",
        title,
        re.IGNORECASE,
    )
    if found is None:
        return None
    status = _DRUG_STATUS[re.split(r"[- ]", found.group("status").lower())[0]]
    drug = found.group("drug")
    if _GENERIC_DRUG.search(drug):
        drug = drug.lower()  # a generic name ("selumetinib") is not a brand: Title Case capped it
    return Detail(f"the {status} for {owner} {drug}", f"won {status} for {drug}", "approval")


# Endings of international nonproprietary (generic) drug names, from the WHO's INN stems:
# kinase inhibitors, antibodies, antivirals, statins and the like. Brand names rarely end so.
_GENERIC_DRUG = re.compile(
    r"(?:tinib|rafenib|ciclib|parib|mab|vir|vastatin|pril|sartan|olol|parin|cillin|mycin"
    r"|floxacin|azole|prazole|gliptin|gliflozin|lukast|setron|tide|platin|taxel|rubicin)$",
    re.IGNORECASE,
)
_PAST = {
    "wins": "won",
    "gets": "got",
    "receives": "received",
    "secures": "secured",
    "earns": "earned",
}


def _award(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    found = award_name(title)
    if found is None:
        return None
    sort, name = found
    if sort == "prize":
        return Detail(f"{owner} {name.removeprefix('the ')}", f"received {name}")
    event = award_event(title)
    if sort == "title":
        return Detail(f"{owner} {name} award", f"won {name} at {event}" if event else f"won {name}")
    return Detail(f"{owner} win at {name}", f"won at {name}")


def _growth(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    said = results(title, names, owner)
    if said is not None:
        return Detail(said.news, said.clause, "" if said.strong else "modest")
    found = growth_figure(title)
    if found is None:
        rose = _RISING_COUNT.search(title)
        if rose is None:
            return None
        counted = f"{_COUNTED[rose.group(1).lower()]} numbers"
        return Detail(f"the rise in {owner} {counted}", f"grown your {counted}", "modest")
    percent, metric = found
    return Detail(
        f"{owner} {percent} rise in {metric}",
        f"posted {indefinite_article(percent)} {percent} rise in {metric}",
    )


_TIMES = r"(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times"
# The demand for a share issue as the headline tells it: "IPO oversubscribed 8.63 times", "FPO
# fully subscribed", "IPO subscribed 1.47 times" (at least once over: 0.55 times is not news).
_SUBSCRIBED = re.compile(
    rf"\b(?P<issue>IPO|FPO|rights issue|bond issue|NCD issue|issue)\b[^,;:]*?\b(?:(?:is|was|gets|got)\s+)?(?:"
    rf"(?P<how>fully\s+|over-?\s?)subscribed(?:\s+(?:by\s+)?(?:over\s+|nearly\s+|about\s+)?"
    rf"(?P<after>{_TIMES}))?|"
    rf"subscribed\s+(?P<plain>{_TIMES})|"
    rf"(?P<before>{_TIMES})\s+over-?subscribed)",
    re.IGNORECASE,
)
_ISSUE_WORDS = {
    "IPO": "IPO", "FPO": "follow-on share offer", "RIGHTS ISSUE": "rights issue",
    "BOND ISSUE": "bond issue", "NCD ISSUE": "debenture issue",
}  # fmt: skip
_REGULATOR_NOD = re.compile(
    r"\b(?:gets?|receives?|wins?|secures?|bags?)\s+(?P<who>Sebi|SEBI|RBI|CCI|FIPB|DCGI|USFDA|"
    r"US\s?FDA|FDA|EMA)(?:'s)?\s+(?:nod|approval|clearance|go-ahead)\s+for\s+(?:its\s+|an?\s+|the\s+)?"
    r"(?P<what>(?:[\w,.-]+\s+){0,3}?(?:IPO|FPO|issue|listing))\b|"
    r"\b(?P<what2>IPO|FPO)s?\s+(?:of\s+[^;:]{1,80}?\s+)?gets?\s+(?P<who2>Sebi|SEBI)(?:'s)?\s+"
    r"(?:nod|approval|go-ahead)",
)


_OPENS = re.compile(r"\b(?P<issue>IPO|FPO|rights issue|public issue)\s+opens\b", re.IGNORECASE)


def _ipo_news(title: str, owner: str) -> Detail | None:
    """An issue's demand ("IPO oversubscribed 8.63 times") or a regulator's nod for it ("gets
    Sebi nod for IPO"), as the headline says them; bids are in, the money not yet raised."""
    demand = _demand(title)
    if demand is not None:
        issue, said = demand
        money = amount(title)
        if money is not None:
            issue = f"{money} {issue}"
        return Detail(f"{owner} {issue} being {said}", f"seen your {issue} {said}")
    opens = _OPENS.search(title)
    if opens is not None:  # "IPO opens today": the issue is launched, the money not yet raised
        issue = _ISSUE_WORDS.get(opens.group("issue").upper(), opens.group("issue").lower())
        return Detail(f"the opening of {owner} {issue}", f"opened your {issue}", "under way")
    nod = _REGULATOR_NOD.search(title)
    if nod is None:
        return None
    who = nod.group("who") or nod.group("who2")
    what = nod.group("what") or nod.group("what2")
    return Detail(
        f"{who}'s approval for {owner} {what}", f"won {who}'s approval for your {what}", "approval"
    )


def _demand(title: str) -> tuple[str, str] | None:
    """(the issue in plain words, how it was subscribed) when the headline tells the demand."""
    match = _SUBSCRIBED.search(title)
    if match is None:
        return None
    said = match.group("issue").upper()
    bonds = re.search(r"\bbonds?\b", title, re.IGNORECASE)
    issue = _ISSUE_WORDS.get(said) or ("bond issue" if bonds else "share issue")
    plain = match.group("plain")
    if plain is not None:
        number = plain.split()[0]
        if number[0].isdigit() and float(number) < 1:
            return None  # undersubscribed so far: not news to congratulate
        return issue, f"subscribed {plain}"
    times = match.group("after") or match.group("before")
    how = (match.group("how") or "over").strip(" -").lower()
    said = "fully subscribed" if how == "fully" else "oversubscribed"
    return issue, f"{said} {times}" if times else said


_ISSUES = frozenset({"IPO", "rights issue", "bond issue", "NCD issue", "QIP"})


# "to make stock market debut on December 23", "makes decent debut": in a funding headline, a
# listing, not a raise (and the headline's verdict on it, "decent", is left out).
_DEBUT = re.compile(
    r"\b(?:(?P<plan>to\s+)?(?:make|makes|made|making)\s+(?:its\s+|their\s+|a\s+)?(?:\w+\s+)?"
    r"(?:(?:stock|share)[- ]market\s+|market\s+|bourse\s+|trading\s+|listing\s+)?debut|debuts)"
    r"(?:\s+on\s+(?P<when>(?:[A-Z][a-z]{2,8}\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}|[A-Z][a-z]+day)\b))?",
)


def _debut(title: str, owner: str) -> Detail | None:
    found = _DEBUT.search(title)
    if found is None:
        return None
    when = f" on {found.group('when')}" if found.group("when") else ""
    if found.group("plan"):
        return Detail(
            f"{owner} coming stock-market debut{when}",
            f"announced plans for your stock-market debut{when}",
        )
    return Detail(f"{owner} stock-market debut{when}", f"made your stock-market debut{when}")


def _funding(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    debut = _debut(title, owner)
    if debut is not None:
        return debut
    news = _ipo_news(title, owner)
    money = amount(title)
    if news is not None or money is None:
        return news
    kind = funding_round(title, money)
    if _PLANNED_RAISE.search(title) and not _DONE_RAISE.search(title):  # not raised yet
        if kind in _ISSUES and not money.startswith("up to"):
            return Detail(
                f"{owner} planned {money} {kind}",
                f"announced plans for {indefinite_article(money)} {money} {kind}",
            )
        if kind in _ISSUES:  # a ceiling: "plan to raise up to Rs 1,293 crore through an IPO"
            via = f" through {indefinite_article(kind)} {kind}"
            return Detail(f"{owner} plan to raise {money}{via}", f"announced plans to raise {money}{via}")
        return Detail(f"{owner} plan to raise {money}", f"announced plans to raise {money}")
    if kind == "IPO":  # an IPO priced is not yet closed: say what was raised
        return Detail(f"{owner} {money} IPO", f"raised {money} in your IPO")
    if kind in _ISSUES:
        return Detail(
            f"{owner} {money} {kind}", f"raised {money} through {indefinite_article(kind)} {kind}"
        )
    if kind:
        return Detail(
            f"{owner} {money} {kind}", f"raised {indefinite_article(money)} {money} {kind}"
        )
    return Detail(f"the {money} in new funding for {company}", f"secured {money} in new funding")


def _new_account(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    who = customer(title, names)
    if who is None:
        return _deal(title, names, owner)
    return Detail(f"{owner} new business with {who}", f"won new business with {who}")


def _deal(title: str, names: tuple[str, ...], owner: str) -> Detail | None:
    found = deal(title, names)
    if found is None:
        return None
    what, noun, other = found
    named = f"{what} {noun}".strip()
    verb = "entered into" if noun in ("alliance", "partnership", "tie-up") else "signed"
    return Detail(
        f"{owner} new {named} with {other}",
        f"{verb} {indefinite_article(named)} {named} with {other}",
    )


def _partnership(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    other = partner(title, names)
    if other is None:
        return _deal(title, names, owner)
    return Detail(f"{owner} new partnership with {other}", f"formed a new partnership with {other}")


# Who cleared the company's deal, as a note names them.
_APPROVERS = {
    "shareholders": "the shareholders'", "investors": "investors'", "regulators": "the regulators'",
    "nse & bse": "the stock exchanges'", "bse & nse": "the stock exchanges'",
    "nse and bse": "the stock exchanges'", "bse and nse": "the stock exchanges'",
    "bourses": "the stock exchanges'", "exchanges": "the stock exchanges'",
}  # fmt: skip
_WHO = r"Shareholders|Investors|Regulators|NSE\s*(?:&|and)\s*BSE|BSE\s*(?:&|and)\s*NSE|bourses|exchanges"
_DEAL = r"(?:deal|takeover|merger|acquisition|buyout)"


def _deal_approved(title: str, names: tuple[str, ...], owner: str) -> Detail | None:
    """ "Shareholders give Acme green light for $2.7 billion Beta deal", "Acme-Beta deal secures
    NSE & BSE nod": who cleared which of the company's deals, never "its latest acquisition"."""
    company = names_alternation(names)
    given = re.search(
        rf"\b(?P<who>{_WHO})\s+(?:give|gives|gave|approve|approves|approved|back|backs|clear|clears)"
        rf"\s+(?:{company})(?:['\u2019]s)?\s+(?:green\s+light\s+|nod\s+|approval\s+)?(?:for\s+|to\s+)?"
        rf"(?:the\s+|its\s+)?(?P<deal>[^,;:]{{0,40}}?\b{_DEAL}\b(?:\s+(?:of|for|with)\s+{_NAME})?)",
        title,
        re.IGNORECASE,
    )
    paired = re.search(
        rf"(?:{company})\s*-\s*(?P<target>[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*)?)\s+(?P<noun>{_DEAL})\b"
        rf"[^;]*?\b(?:secures?|gets?|wins?|receives?)\s+(?P<who>{_WHO})\s+(?:nod|approval|clearance)",
        title,
        re.IGNORECASE,
    )
    if given:
        who, deal = given.group("who"), given.group("deal")
    elif paired:
        who, deal = paired.group("who"), f"{paired.group('target')} {paired.group('noun').lower()}"
    else:
        return None
    approver = _APPROVERS[re.sub(r"\s+", " ", who.lower())]
    return Detail(
        f"{approver} approval for {owner} {deal}", f"won {approver} approval for your {deal}", "approval"
    )


_A_MARKET = re.compile(r"\b(?:BSE|NSE|bourses?|stock|shares?|listing|Nasdaq|NYSE|IPO)\b", re.I)


def _launch(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    if _A_MARKET.search(title) and (debut := _debut(title, owner)) is not None:
        return debut  # "makes decent debut, surges 17% on BSE": a listing, not a product
    name = product(title, names)
    return Detail(f"{owner} launch of {name}", f"launched {name}") if name else None


def _acquisition(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    approved = _deal_approved(title, names, owner)
    if approved is not None:
        return approved
    found = acquired(title, names)
    if found is None:
        return None
    target, planned = found
    if planned:
        return Detail(f"{owner} planned acquisition of {target}", f"agreed to acquire {target}")
    return Detail(f"{owner} acquisition of {target}", f"acquired {target}")


def _expansion(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    found = place(title)
    if found is None:
        return None
    preposition, where = found
    company_names = names_alternation(names)
    if re.search(rf"(?:{company_names})(?:\s+Ltd\.?)?\s+(?:plans\s+)?to\s+\w", title):
        # "Just Dial Ltd to set up shop in UK, UAE": announced, not done
        return Detail(
            f"{owner} planned expansion into {where}", f"announced plans to expand into {where}"
        )
    return Detail(f"{owner} expansion {preposition} {where}", f"expanded {preposition} {where}")


def _milestone(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    found = milestone(title)
    if found is None:
        return (
            _approval(title, owner)
            or _regulator_approval(title, names, owner)
            or _drug_status(title, names, owner)
            or _ipo_news(title, owner)
        )
    if found.endswith(("anniversary", "milestone")):
        return Detail(f"{owner} {found}", f"reached your {found}")
    return Detail(f"{owner} {found} milestone", f"reached the milestone of your {found}")


_DETAIL_BY_KIND = {
    EventKind.AWARD: _award,
    EventKind.GROWTH: _growth,
    EventKind.FUNDING: _funding,
    EventKind.NEW_ACCOUNT: _new_account,
    EventKind.PARTNERSHIP: _partnership,
    EventKind.LAUNCH: _launch,
    EventKind.ACQUISITION: _acquisition,
    EventKind.EXPANSION: _expansion,
    EventKind.MILESTONE: _milestone,
}
