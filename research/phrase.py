"""Pure: one congratulatory sentence from an event's headline, never claiming more than it says.

When the headline starts with the company and a verb we know ("Acme Corp wins ..."), the predicate
becomes a gerund ("... on winning ..."). A few other common shapes ("X selects Acme for Y", "Acme and
Beta announce ...") have their own phrasing. Anything else gets a sentence that names the kind of
news without quoting the headline.
"""

from __future__ import annotations

import itertools
import re

from sources.text import strip_dateline

from .models import EventKind

MAX_WORDS = 35

_KIND_PHRASES: dict[EventKind, str] = {
    EventKind.AWARD: "recent award",
    EventKind.GROWTH: "strong recent results",
    EventKind.FUNDING: "new funding",
    EventKind.NEW_ACCOUNT: "new customer win",
    EventKind.PARTNERSHIP: "new partnership",
    EventKind.LAUNCH: "latest launch",
    EventKind.ACQUISITION: "latest acquisition",
    EventKind.EXPANSION: "expansion",
    EventKind.MILESTONE: "recent milestone",
}

# Third-person verbs we turn into gerunds, with the irregular ones spelled out.
_GERUNDS = {
    "wins": "winning", "hits": "hitting", "tops": "topping", "sets": "setting",
    "begins": "beginning", "gets": "getting", "plans": "planning", "ships": "shipping",
    "nets": "netting", "is": "being", "takes": "taking", "makes": "making", "goes": "going",
    "buys": "buying", "inks": "inking", "bags": "bagging", "grabs": "grabbing",
    "wraps": "wrapping", "steps": "stepping",
}  # fmt: skip
_REGULAR_VERBS = frozenset(
    """acquires adds announces celebrates closes completes debuts earns enters expands introduces
    joins lands launches marks opens partners posts raises reaches receives releases reports
    secures signs surpasses unveils rolls teams breaks books doubles triples extends forms
    achieves clinches captures wraps welcomes names appoints""".split()
)
_PASSIVES = frozenset({"named", "selected", "chosen", "honored", "honoured", "recognized", "recognised",
                       "ranked", "awarded", "certified", "picked", "tapped", "listed"})  # fmt: skip
# Singular nouns that headlines use without the article an ordinary sentence needs.
_COUNTABLE_HEADS = frozenset(
    """award prize honor honour title contract deal order account agreement office plant facility
    factory hub campus headquarters store center centre partnership round milestone grant medal
    ranking certification spot place acquisition purchase merger expansion launch clinic brand cell market studio network
    service app platform product model unit vessel device system drug vaccine licence license
    fund program programme route tablet assistant turbine robot
    tier cabin sensor lager kiln mill""".split()
)
_DETERMINERS = frozenset(
    ["a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those"]
)
_PREPOSITIONS = frozenset(
    ["for", "from", "with", "to", "in", "at", "on", "by", "as", "of", "after", "over", "under"]
)
_SMALL_WORDS = frozenset(
    """a an and as at but by for from in into of on or over the to with million billion percent""".split()
)
# Words a Title Case headline capitalises that are (almost) never part of a name.
_COMMON_HEADLINE_WORDS = frozenset(
    """acquisition acquisitions acquires acquire record records quarter quarterly first second
    third fourth fiscal year years results result revenue revenues sales profit profits earnings
    growth partnership partnerships partner partners contract contracts deal deals order orders
    office offices plant plants facility facilities headquarters launch launches launched new
    expansion expands expanding funding round investment investors milestone anniversary
    celebration customers customer users clients employees jobs hires hiring opens opening
    announces announced completes completed agreement agreements strategic global annual largest
    biggest best top leading program programme service services product products platform
    solution solutions team teams company companies market markets""".split()
)
_CLAUSE_END = re.compile(r"\s*[,;:|]\s|\s+[-\u2013\u2014]\s")


def _gerund(verb: str) -> str | None:
    lowered = verb.lower()
    if lowered in _GERUNDS:
        return _GERUNDS[lowered]
    if lowered not in _REGULAR_VERBS:
        return None
    if lowered.endswith(("ches", "shes", "sses", "xes", "zes")):
        base = lowered[:-2]
    else:
        base = lowered[:-1]
    if base.endswith("e") and not base.endswith("ee"):
        base = base[:-1]
    return base + "ing"


def _sentence_case(words: list[str]) -> list[str]:
    """Headline Title Case -> sentence case for the small words and plain capitalised words."""
    capitalised = sum(1 for w in words if w[:1].isupper())
    if len(words) < 3 or capitalised / len(words) < 0.7:
        return words
    result = []
    for word in words:
        if word.lower() in _SMALL_WORDS or word.lower() in _COMMON_HEADLINE_WORDS:
            result.append(word.lower())
        elif word.isupper() and len(word) > 4:
            result.append(word.capitalize())
        else:
            result.append(word)
    return result


def _with_article(words: list[str]) -> list[str]:
    """Put back the article a headline dropped: "winning 2026 Edison Award" -> "the 2026 ..."."""
    if not words or words[0].lower() in _DETERMINERS or words[0].lower() == "record":
        return words
    chunk = []
    for word in words:
        if word.lower() in _PREPOSITIONS:
            break
        chunk.append(word)
    if not chunk or chunk[-1].lower().strip(".,") not in _COUNTABLE_HEADS:
        return words
    first = chunk[0]
    followed_by_of = len(words) > len(chunk) and words[len(chunk)].lower() == "of"
    if first.isalpha() and first.isupper() and 2 <= len(first) <= 5 and not followed_by_of:
        # An acronym is read letter by letter: "an AI assistant", "a GPS tracker".
        article = "an" if first[0] in "AEFHILMNORSX" else "a"
    elif followed_by_of or first[:1].isupper() or _is_year(first):
        article = "the"
    else:
        article = indefinite_article(first)
    return [article, *words]


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def indefinite_article(word: str) -> str:
    """ "a" or "an" by sound: "an award", "a utility", "an hour", "a $4 million order"."""
    lowered = word.lower()
    if lowered.startswith(("hour", "honest", "honor", "honour", "heir", "8", "11", "18")):
        return "an"
    if lowered.startswith(("eu", "one", "once", "ewe")) or re.match(
        r"u[bcdfgjklmnpqrstvz][aeiou]", lowered
    ):
        return "a"  # "a utility", "a usage-based", "a unique", "a European" (a "you" or "w" sound)
    return "an" if lowered[:1] in ("a", "e", "i", "o", "u") else "a"


def _first_clause(text: str) -> str:
    """The text up to the first comma, colon or dash outside brackets; brackets never left open."""
    clause = text
    for match in _CLAUSE_END.finditer(text):
        before = text[: match.start()]
        if before.count("(") == before.count(")") and before.count("[") == before.count("]"):
            clause = before
            break
    for opening, closing in (("(", ")"), ("[", "]")):
        if clause.count(opening) != clause.count(closing):
            clause = (
                clause[: clause.index(opening)]
                if opening in clause
                else clause.replace(closing, "")
            )
    return clause.strip().rstrip(".!,;:")


def _predicate(title: str, names: tuple[str, ...]) -> tuple[str, str] | None:
    """(name as written, text after it) when the headline starts with the company's name."""
    for name in sorted(names, key=len, reverse=True):
        match = re.match(rf"\s*({re.escape(name)})(?!\w)(?:'s\b)?\s+(.+)$", title, re.IGNORECASE)
        if match and not title[match.end(1) :].startswith("'"):
            return match.group(1), match.group(2)
    return None


def _gerund_phrase(rest: str) -> str | None:
    words = _first_clause(rest).split()
    if not words:
        return None
    first = words[0]
    if first.lower() == "to" and len(words) > 2:
        lead = "agreeing to" if words[1].lower() in ("acquire", "buy", "merge") else "planning to"
        return " ".join([lead, words[1].lower(), *_with_article(_sentence_case(words[2:]))])
    if first.lower() in ("is", "was", "are") and len(words) > 2:
        if words[1].lower().endswith("ing"):
            return " ".join([words[1].lower(), *_with_article(_sentence_case(words[2:]))])
        if words[1].lower() in _PASSIVES:
            words = words[1:]
            first = words[0]
    if first.lower() in _PASSIVES and len(words) > 1:
        return " ".join(["being", first.lower(), *_sentence_case(words[1:])])
    gerund = _gerund(first)
    if gerund is None or len(words) < 2:
        return None
    after = words[1:]
    if after[0].lower() in _PARTICLES and len(after) > 1:
        gerund, after = f"{gerund} {after[0].lower()}", after[1:]  # "rolling out", "teaming up"
    return " ".join([gerund, *_with_article(_sentence_case(after))])


def _selected_by(title: str, names: tuple[str, ...]) -> str | None:
    """ "City of Lakemont selects Acme Corp for X" -> "being selected by City of Lakemont for X"."""
    for name in names:
        match = re.match(
            rf"(?P<who>.+?)\s+(?P<verb>selects|chooses|picks|taps|hires|awards)\s+{re.escape(name)}"
            rf"(?!\w)\s+(?P<rest>(for|to|as)\s+.+)$",
            title,
            re.IGNORECASE,
        )
        if match:
            participle = {"selects": "selected", "chooses": "chosen", "picks": "picked",
                          "taps": "tapped", "hires": "hired", "awards": "awarded"}[match["verb"].lower()]  # fmt: skip
            preposition, *obj = _first_clause(match["rest"]).split()
            rest = " ".join([preposition, *_with_article(obj)])
            return f"being {participle} by {match['who'].strip()} {rest}"
    return None


def _joint_announcement(title: str, names: tuple[str, ...]) -> str | None:
    """ "Acme Corp and Beta announce fleet partnership" -> "the fleet partnership with Beta"."""
    for name in names:
        match = re.match(
            rf"\s*{re.escape(name)}(?!\w)\s+and\s+(?P<partner>.+?)\s+"
            rf"(announce|form|sign|launch|unveil|ink|expand|extend)\s+(?P<what>.+)$",
            title,
            re.IGNORECASE,
        )
        if match:
            what = _first_clause(match["what"])
            what = re.sub(r"^((a|an|the|new)\s+)+", "", what, flags=re.IGNORECASE)
            return f"the new {what} with {match['partner'].strip()}"
    return None


def congratulation(
    title: str, company_name: str, kind: EventKind, names: tuple[str, ...] = ()
) -> str:
    """The default sentence: the first formal phrasing (see ``phrasings``)."""
    return phrasings(title, company_name, kind, names)["formal"][0][0]


# Press-release furniture that is not part of the news: ticker tags and wire names.
_TICKER = re.compile(
    r"\s*\((?:NASDAQ|NYSE|NYSE American|AMEX|LSE|AIM|TSX|TSXV|ASX|NSE|BSE|OTC\w*|Euronext|XETRA|TSE|HKEX|SIX)"
    r"\s*:\s*[A-Z0-9.\-]{1,10}\)",
    re.IGNORECASE,
)
_WIRE_SUFFIX = re.compile(
    r"\s*[-|\u2013\u2014]\s*(press release|business ?wire|pr ?newswire|globe ?newswire|accesswire|newswire)\s*$",
    re.IGNORECASE,
)


def clean_headline(title: str, names: tuple[str, ...]) -> str:
    """The headline without ticker tags and wire names, and readable when it was
    written in capitals (Title Case, with the company's names spelled as the profile does)."""
    title = strip_dateline(_WIRE_SUFFIX.sub("", _TICKER.sub("", title))).strip()
    for name in names:
        # "Acme Corp. Announces ..." for "Acme Corp": the abbreviation's stop, not a sentence end
        if not name.endswith("."):
            title = re.sub(rf"(?<!\w)({re.escape(name)})\.(?=\s)", r"\1", title)
    letters = [c for c in title if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        # Capitals hide which words are names: Title Case keeps them readable, and the
        # phrasing below lower-cases the common words.
        title = " ".join(
            w.lower() if w.lower() in _SMALL_WORDS and i else w[:1] + w[1:].lower()
            for i, w in enumerate(title.split())
        )
        for name in sorted(names, key=len, reverse=True):
            title = re.sub(re.escape(name), name.replace("\\", r"\\"), title, flags=re.IGNORECASE)
    return title


def possessive(name: str) -> str:
    """ "Acme" -> "Acme's", "Siemens" -> "Siemens'"."""
    return f"{name}'" if name.endswith("s") and not name.endswith("ss") else f"{name}'s"


# ---------------------------------------------------------------------------------------------
# Snippets: the sentence in two registers and a few phrasings, plus the clause that completes
# "especially now that you've ...".

TONES = ("warm", "formal")
VARIANTS = 3

_PARTICIPLES = {
    "winning": "won", "being": "been", "taking": "taken", "making": "made", "going": "gone",
    "buying": "bought", "getting": "got", "setting": "set", "hitting": "hit",
    "beginning": "begun", "breaking": "broken", "agreeing": "agreed",
}  # fmt: skip

# Clauses that say what happened without any detail we could get wrong.
KIND_CLAUSES: dict[EventKind, str] = {
    EventKind.AWARD: "received a new award",
    EventKind.GROWTH: "posted strong results",
    EventKind.FUNDING: "secured new funding",
    EventKind.NEW_ACCOUNT: "won a new customer",
    EventKind.PARTNERSHIP: "formed a new partnership",
    EventKind.LAUNCH: "launched something new",
    EventKind.ACQUISITION: "completed an acquisition",
    EventKind.EXPANSION: "expanded",
    EventKind.MILESTONE: "reached a milestone",
}


_PARTICLES = frozenset({"out", "up", "off", "down"})
_PLAIN_PHRASE = re.compile(r"[\w\s.,'&$%\u20ac\u00a3\u00a5\u20b9/:+\-]+")


def _garbled(phrase: str) -> bool:
    """Repeated words ("a a a") or a phrase too long to be a headline's: not worth quoting."""
    words = phrase.lower().split()
    return len(words) > MAX_WORDS or any(a == b for a, b in itertools.pairwise(words))


# The third phrasing of each tone speaks to the kind of news.
_WARM_TAILS: dict[EventKind, str] = {
    EventKind.AWARD: "a well-deserved honour",
    EventKind.GROWTH: "a fantastic result",
    EventKind.FUNDING: "a big vote of confidence",
    EventKind.NEW_ACCOUNT: "a big win",
    EventKind.PARTNERSHIP: "an exciting partnership",
    EventKind.LAUNCH: "an exciting launch",
    EventKind.ACQUISITION: "an exciting step",
    EventKind.EXPANSION: "an exciting step",
    EventKind.MILESTONE: "a proud moment",
}
_FORMAL_TAILS: dict[EventKind, str] = {
    EventKind.AWARD: "it is well-deserved recognition",
    EventKind.GROWTH: "it is an impressive result",
    EventKind.FUNDING: "it is a strong vote of confidence",
    EventKind.NEW_ACCOUNT: "it is a significant win",
    EventKind.PARTNERSHIP: "it is a promising partnership",
    EventKind.LAUNCH: "it is an impressive launch",
    EventKind.ACQUISITION: "it is a notable step for the company",
    EventKind.EXPANSION: "it is a notable step for the company",
    EventKind.MILESTONE: "it is a remarkable milestone",
}


def participle_phrase(gerund_phrase: str) -> str:
    """ "winning the Edison Award" -> "won the Edison Award"; "the new pact with Beta" ->
    "announced the new pact with Beta"."""
    first, _, rest = gerund_phrase.partition(" ")
    if not first.endswith("ing"):
        clause = f"announced {gerund_phrase}"
    else:
        clause = f"{_PARTICIPLES.get(first) or first[:-3] + 'ed'} {rest}".strip()
    return clause


def event_phrase(title: str, names: tuple[str, ...]) -> str | None:
    """The gerund phrase a headline supports ("winning the 2026 Edison Award"), or None."""
    title = clean_headline(title, names)
    phrase = _joint_announcement(title, names) or _selected_by(title, names)
    if phrase is None:
        found = _predicate(title, names)
        phrase = _gerund_phrase(found[1]) if found else None
    return phrase


def phrasings(
    title: str, company_name: str, kind: EventKind, names: tuple[str, ...] = ()
) -> dict[str, tuple[tuple[str, str], ...]]:
    """Every (sentence, clause) for each tone, VARIANTS of each, best first; all within MAX_WORDS."""
    names = names or (company_name,)
    phrase = event_phrase(title, names)
    if phrase is not None and (not _PLAIN_PHRASE.fullmatch(phrase) or _garbled(phrase)):
        phrase = None  # never quote markup, symbols or garbled text: name the kind instead
    team = company_name if company_name.lower().startswith("the ") else f"the {company_name}"
    owner = possessive(company_name)
    news = _KIND_PHRASES[kind]
    if phrase:
        done = participle_phrase(phrase)  # "has won ...", about the company
        # The clause speaks to the reader ("now that you've ..."): the company's "its" is "your".
        clause = re.sub(r"\bits\b", "your", done)
        # "Acme Corp winning the award", or "Acme Corp's new partnership with Beta"
        about = f"{owner} {phrase[4:]}" if phrase.startswith("the ") else f"{company_name} {phrase}"
        warm = (
            f"Congratulations to you and {team} team on {phrase}!",
            f"It was great to read about {about}, congratulations to the whole team!",
            f"Congratulations on {phrase}, {_WARM_TAILS[kind]} for everyone at {company_name}!",
        )
        formal = (
            f"Congratulations to {team} team on {phrase}.",
            f"I read with interest that {company_name} has {done}, and I offer my congratulations.",
            f"My congratulations to {team} team on {phrase}; {_FORMAL_TAILS[kind]}.",
        )
    else:
        clause = KIND_CLAUSES[kind]
        warm = (
            f"I saw the news about {owner} {news}, congratulations to you and the team!",
            f"Congratulations on {owner} {news}, it is great news for the whole team!",
            f"It was lovely to read about {owner} {news}, congratulations to everyone there!",
        )
        formal = (
            f"I saw the news about {owner} {news}, and wanted to say congratulations.",
            f"I read about {owner} {news}, and I offer my congratulations.",
            f"Please accept my congratulations on {owner} {news}.",
        )
    fallback = {
        "warm": f"I saw the news about {owner} {news}, congratulations to you and the team!",
        "formal": f"I saw the news about {owner} {news}, and wanted to say congratulations.",
    }
    result: dict[str, tuple[tuple[str, str], ...]] = {}
    for tone, sentences in (("warm", warm), ("formal", formal)):
        result[tone] = tuple(
            (
                s if len(s.split()) <= MAX_WORDS else fallback[tone],
                clause if len(s.split()) <= MAX_WORDS else KIND_CLAUSES[kind],
            )
            for s in sentences
        )
    return result
