"""Pure: a headline's noun phrases as a sentence needs them: the articles a headline drops put
back ("lands contract" -> "landing a contract", "expands operations" -> "expanding its
operations"), and the words where a noun phrase ends or a name begins."""

from __future__ import annotations

import re

from .details import DEFINITE_PLACES, is_demonym
from .english import is_countable, participles, verb_forms
from .figures import AMOUNT
from .grammar import indefinite_article
from .results_terms import MONTH_ABBREVIATIONS as MONTHS

# Verbs whose bare object is the company's own ("expands operations" -> "expanding its operations").
_OWN_OBJECT_VERBS = frozenset(
    "expanding extending lifting raising doubling tripling growing upgrading expand extend "
    "double raise lift grow advance hike boost increase".split()
)
# Verbs after which a place-named object is one of several ("buying an Osaka studio"), where an
# opening's is the company's own ("opening the Denver office").
_BUYING_VERBS = frozenset(
    "acquiring buying purchasing acquire buy purchase taking over snapping scooping adding".split()
)
# Singular nouns that headlines use without the article an ordinary sentence needs.
_COUNTABLE_HEADS = frozenset(
    """award prize honor honour title contract deal order account agreement mou pact office plant facility
    factory hub campus headquarters store center centre partnership round milestone grant medal
    ranking spot place acquisition purchase merger expansion launch clinic brand cell market
    studio network service app platform product model unit vessel device system drug vaccine
    licence license fund program programme route tablet assistant turbine robot tier cabin sensor
    lager kiln mill year quarter month season record loan raise offering investment valuation
    concession charter major stake specialist seller startup maker operator developer importer
    drugmaker group architect designer university hospital grocer retailer owner rival chain firm
    company house show trade suburb feature line configurator copilot tool sdk ipo consortium
    alliance venture collaboration adaptation collection range suite portfolio project site mine
    study report leader partner carrier agency district authority council federation airline
    automaker exchange region outlook forecast fleet ministry insurer bank manufacturer provider
    supplier customer client jet tower building centre café cafe flagship assessment rollout test
    farm rpg farmer takeover port festival date kit celebration engagement mandate bid
    subsidiary portal pill debut
    thinner blocker inhibitor reliever antidepressant statin sedative biosimilar injectable
    block""".split()
)
_DETERMINERS = frozenset(
    "a an the its their his her our this that these those each every another one".split()
)
_PREPOSITIONS = frozenset(
    ["for", "from", "with", "to", "in", "at", "on", "by", "as", "of", "after", "over", "under",
     "into", "across", "behind", "through", "amid", "via", "since", "during", "near"]
)  # fmt: skip
_CHUNK_ENDS = _PREPOSITIONS | {"that", "which", "who", "worth", "while", "and", "led", "backed"}
_TIME_UNITS = frozenset(
    "week weekend month year quarter fiscal season summer winter spring autumn".split()
)
_ADVERBS = frozenset("nationwide worldwide globally today statewide countrywide".split())
# Where a bare noun after the preposition is the company's own ("for its merchant platform").
_OWNED_AFTER = {
    "for": frozenset(
        "platform suite range programme program plant fleet network portfolio project site expansion".split()
    ),
    "on": frozenset("platform fleet network project site".split()),
    "to": frozenset("range portfolio platform lineup".split()),
    "across": frozenset("fleet network".split()),
    # a joint venture the company holds a stake in is its own; another's unit is not
    "its stake in": frozenset("venture ventures".split()),
    "since": frozenset("founding inception launch".split()),
}  # fmt: skip
# Nouns a company has one of, its own whatever the modifier ("its US headquarters").
_OWN_HEADS = frozenset("headquarters hq ipo".split())
# Abbreviations in mixed case that are common nouns, not names.
_MIXED_ACRONYMS = frozenset(("mou",))
# The company's own listing, spelled out ("its initial public offer").
_OWN_LISTINGS = frozenset(
    ("initial public offer", "initial public offering", "public issue", "public offer")
)
# What money is raised through, one of them at a time: "via an IPO", "through a rights issue".
_ISSUES = frozenset("ipo fpo issue offering placement qip sale ncd".split())
# What a company does not own though it expands it ("to expand access to care").
_UNOWNED_OBJECTS = frozenset("access trophy medal award prize certificate".split())
# An amount before these makes one countable deal ("a €70 million financing").
_AMOUNT_HEADS = frozenset(
    "financing refinancing offer bid profit order contract deal loan investment grant stake "
    "acquisition".split()
)
# Nouns there is one of in a place ("the Italian renewables market", "the Stockholm exchange").
_SITES = frozenset("plant project site mine factory facility".split())
_BARE_PLACE_HEADS = frozenset("centre center station airport".split())
_UNIQUE_HEADS = frozenset("market markets exchange region".split())
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
_SUPERLATIVES = frozenset(
    "best largest biggest fastest tallest highest strongest most greatest longest".split()
)
_THE_ORDINAL_HEADS = frozenset("half quarter year time season month week day round".split())
# Infinitives after which the object is a noun phrase ("to supply a supermarket chain").
_INFINITIVES = frozenset(
    """supply build open acquire buy launch fund advance serve protect expand scale integrate
    bring develop co-develop add hire create power equip deliver""".split()
)
_NAME_HEADS = ("Award", "Awards", "Prize", "Medal", "Trophy", "Cup", "Championships", "Expo")
_INSTITUTIONS = frozenset("City Town Port University State Province Republic County".split())
# A word that introduces a name in apposition: "Production Company Mammoth Screen", "Rival
# Beta Labs", "Software Maker Blue Yonder".
_DESCRIBES_A_NAME = frozenset(
    """company firm maker startup start-up rival brand developer producer retailer operator
    provider supplier specialist studio label carrier lender insurer chain""".split()
)


def _acronym_article(word: str) -> str:
    """An acronym is read letter by letter: "an AI assistant", "a GPS tracker", "an SDK"."""
    return "an" if word[0] in "AEFHILMNORSX" else "a"


def _time_adverbial(words: list[str], index: int) -> bool:
    """ "this month", "next year", "last week" at ``index``: when, not a noun phrase."""
    return (
        _bare(words[index]) in ("this", "next", "last")
        and index + 1 < len(words)
        and _bare(words[index + 1]) in _TIME_UNITS
    )


def _bare(word: str) -> str:
    return word.lower().strip(".,;:!?'\u2019\"")


def _chunk(words: list[str], start: int) -> list[str]:
    """The noun phrase at ``start``: up to the next preposition or relative word."""
    chunk: list[str] = []
    for index, word in enumerate(words[start:], start):
        if _bare(word) in _CHUNK_ENDS and chunk:
            break
        if chunk and _time_adverbial(words, index):
            break  # "launch forward contracts this month": the time is no part of the noun
        chunk.append(word)
        if word.endswith(","):
            break
    return chunk


def _countable_object(chunk: list[str], heads: list[str], preposition: str) -> bool:
    """A short noun phrase whose head the generated lexicon says always counts ("subsidiary",
    "team"), where "a" is the article it lacks: not after "to" (a verb may follow: "to raise"),
    "since" or "over" (there "the" or nothing is right), not a number's phrase ("over 3%
    premium") and not an acronym or a longer run whose last word may be a verb ("as battery
    sales surge")."""
    head = heads[-1].strip(".,;:")
    return (
        len(heads) <= 2
        and preposition not in ("to", "since", "over", "under", "about", "until")
        and chunk[0][:1].isalpha()
        and head[:1].islower()
        and is_countable(_bare(head))
    )


# A listing venue, named by its exchange: someone else's, and one of a kind.
_MARKETS = frozenset("platform board exchange bourse market segment".split())


def _determiner(
    chunk: list[str], followed_by_of: bool, verb: str, preposition: str, guess: bool = True
) -> str | None:
    """The article a bare noun phrase needs where it stands, or None to leave it bare."""
    first = chunk[0].strip(",")
    heads = [w for w in chunk if _bare(w) not in _ADVERBS] or chunk
    head = heads[-1].strip(".,;:")
    lowered = _bare(first)
    if lowered in _DETERMINERS or lowered.endswith(("'s", "\u2019s")):
        return None
    if lowered in ("up", "about", "nearly", "around", "almost"):
        return None  # "raising up to $1 billion": a limit, not a thing
    if re.fullmatch(r"[\w]+-?fold", lowered) and len(chunk) == 1:
        return None  # "to expand nine-fold to 74 outlets": how much, not what
    quoted = first.startswith(("'", "\u2018", '"', "\u201c"))
    # "HomeCell" is a product's name; "MoU" is a memorandum of understanding
    named = quoted or (
        re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*", first) and _bare(first) not in _MIXED_ACRONYMS
    )
    described = any(_bare(w) in _DESCRIBES_A_NAME for w in heads[1:-1])  # "company Mammoth Screen"
    if named and len(heads) > 1 and (head[:1].islower() or described) and not followed_by_of:
        return "the"  # a product's name: "the HomeCell solar battery", "the 'Glass' report"
    if quoted:
        return None
    if first.endswith("'"):  # "builders' federation"
        return "the" if preposition else None
    if " ".join(w.strip(",") for w in chunk) in DEFINITE_PLACES:
        return "the"
    if _bare(head) in ("quarter", "half") and len(heads) == 2 and _bare(first)[:3] in MONTHS:
        return "the"  # "in the March quarter", "for the Jan-Mar quarter": one period, known
    if _bare(head) in _MARKETS and first[:1].isupper():
        return "the"  # "to list on the BSE SME platform", "on the Nasdaq Global Market"
    if first in _INSTITUTIONS and followed_by_of:
        return "the"  # "the City of Lakemont"
    if head.endswith(_NAME_HEADS) and head[:1].isupper():
        return "the"  # "the 2026 Edison Award", "the PharmaTech Awards"
    if first in _SUPERLATIVES:
        return "the" if len(chunk) > 1 else None  # "the most punctual carrier"; "ranking highest"
    if not preposition and any(" ".join(map(_bare, heads[-n:])) in _OWN_LISTINGS for n in (2, 3)):
        return "its"  # "plans its initial public offer": the company's own listing
    if lowered.endswith("-ever") or lowered in ("latest", "maiden"):
        return "its"  # "its best-ever export volumes", "its latest model", "its maiden bond issue"
    if (
        re.fullmatch(r"\d+(?:\.\d+)?%", first)
        and len(heads) == 2
        and is_countable(_bare(head))
        and preposition not in ("over", "under", "about")  # "at over 3% premium": a figure's words
    ):
        return "a"  # "at a 5.06% coupon", "with a 12% stake"
    if first.split("-")[0] in _ORDINALS or re.fullmatch(r"[\d,]+(st|nd|rd|th)", first):
        return "the" if _bare(head) in _THE_ORDINAL_HEADS or preposition == "in" else "its"
    if preposition in ("through", "via"):
        # "through acquisition" names a way; "via an IPO", "through a rights issue" name a thing
        return indefinite_article(first) if _bare(head) in _ISSUES and len(heads) <= 3 else None
    if preposition == "from" and _bare(head) in _ISSUES and len(heads) <= 4:
        # "raising $250 million from a bond sale", "from its IPO", "from the sale of a stake"
        if followed_by_of:
            return "the"
        return "its" if _bare(head) in _OWN_HEADS else indefinite_article(first)
    if (
        not preposition
        and verb in _OWN_OBJECT_VERBS
        and first[:1].isalpha()
        and lowered not in ("new", "up", "over", "about", "nearly", "around")
        and not AMOUNT.match(" ".join(chunk))  # "raising Rs 667 crore", never "its Rs 667 crore"
        and _bare(head) not in _UNOWNED_OBJECTS
    ):
        return "its"  # "raising its guidance", "expanding its operations"
    if AMOUNT.match(" ".join(chunk)) and _bare(head) in _ISSUES and not preposition:
        return "its"  # the company's own offering: "launching its Rs 2,500-crore IPO"
    if (
        AMOUNT.match(" ".join(chunk))
        and (_bare(head) in _AMOUNT_HEADS or is_countable(_bare(head)))
        and len(chunk) > 1
    ):
        return indefinite_article(first)  # "a C$90 million bought-deal financing", "a $5m round"
    countable_head = is_countable(_bare(head)) or _bare(head) in _COUNTABLE_HEADS
    if preposition == "since" and len(heads) <= 2 and head[:1].islower() and countable_head:
        return "the"  # "its first mortgages since the crisis"
    if (
        preposition in _OWNED_AFTER
        and _bare(head) in _OWNED_AFTER[preposition]
        and lowered != "new"
        and not head[:1].isupper()
    ):
        return "its"  # "for its merchant platform", "since its founding"
    if re.fullmatch(r"Series [A-H]", " ".join(chunk[-2:])):
        head = "round"  # "a $45 million Series B"
    elif head.isupper() or _bare(head) in _MIXED_ACRONYMS:
        head = head.lower()  # "an IPO", "an open-source SDK", "an MoU"
    countable = _bare(head) in _COUNTABLE_HEADS or (
        guess and _countable_object(chunk, heads, preposition)
    )
    if not countable or head[:1].isupper():
        return None  # uncountable, plural, or a name ("sensor maker Veltro")
    if lowered == "record" and len(chunk) == 1 and not preposition:
        return "a"
    if followed_by_of:
        return "the"
    if _bare(head) in _OWN_HEADS and lowered != "new":
        return "its"  # "opening its US headquarters in Boston"
    if preposition == "at" and _bare(head) in _SITES and lowered != "new":
        return "the"  # "at the Whitestone project"
    modifier = first[:1].isupper() and not first.isupper() and _bare(first) not in _MIXED_ACRONYMS
    if modifier and preposition and _bare(head) in _BARE_PLACE_HEADS:
        return None  # "in Leeds city centre", "at Bath railway station"
    if _bare(head) in _UNIQUE_HEADS and (modifier or is_demonym(first)):
        return "the"
    if is_demonym(first):
        return indefinite_article(first)
    if first.isalpha() and first.isupper() and 2 <= len(first) <= 5:
        return _acronym_article(first)
    if modifier or _is_year(first):
        return indefinite_article(first) if preposition or verb in _BUYING_VERBS else "the"
    return indefinite_article(first)


def with_articles(words: list[str], verb: str = "") -> list[str]:
    """Put back the articles a headline dropped: "winning 2026 Edison Award" -> "the 2026 ...",
    "from Greek owner" -> "from a Greek owner", "expanding operations" -> "its operations"."""
    words = _quotes_whole(words)
    result: list[str] = []
    index, preposition, object_verb, guessed = 0, "", verb, False
    while index < len(words):
        lowered = _bare(words[index])
        if lowered in _PREPOSITIONS:
            if lowered == "in" and [_bare(w) for w in result[-2:]] in (
                ["its", "stake"],
                ["its", "stakes"],
            ):
                lowered = "its stake in"  # "raise its stake in its Indian joint venture"
            result.append(words[index])
            index += 1
            preposition, object_verb, guessed = lowered, "", False
            if lowered == "to" and index < len(words) and _infinitive(words[index]):
                object_verb, preposition = _bare(words[index]), ""
                guessed = object_verb not in _INFINITIVES
                result.append(words[index])
                index += 1
            elif (
                lowered in ("by", "without")
                and index < len(words)
                and _bare(words[index]) in participles()
            ):
                object_verb, preposition = _bare(words[index]), ""  # "by selling a stake"
                guessed = True
                result.append(words[index])
                index += 1
            continue
        if _time_adverbial(words, index):
            result.extend(words[index : index + 2])  # "this month", "next year": no article
            index += 2
            continue
        chunk = _chunk(words, index)
        if not chunk or lowered in _CHUNK_ENDS:
            result.append(words[index])
            index += 1
            continue
        after = index + len(chunk)
        followed_by_of = after < len(words) and _bare(words[after]) == "of"
        # After a verb only the lexicon says is one, the object keeps the headline's articles.
        article = _determiner(chunk, followed_by_of, object_verb, preposition, not guessed)
        result.extend([article, *chunk] if article else chunk)
        index = after
        preposition, object_verb, guessed = "", "", False
    return " ".join(result).replace(_JOINED, " ").split(" ")


def _infinitive(word: str) -> bool:
    """A verb after "to" ("to hike its stake"), whose object is a noun phrase of its own; never
    a name ("to Middle East")."""
    bare, forms = _bare(word), verb_forms()
    if bare in _INFINITIVES:
        return True
    return word[:1].islower() and (f"{bare}s" in forms or f"{bare}es" in forms)


_JOINED = "\u00a0"


def _quotes_whole(words: list[str]) -> list[str]:
    """A quoted title as one word, so no article lands inside it."""
    merged: list[str] = []
    quoted = False
    for word in words:
        if quoted:
            merged[-1] += _JOINED + word
        else:
            merged.append(word)
        if word[:1] in "'\"\u2018\u201c" and not quoted:
            quoted = word[-1:] not in "'\"\u2019\u201d" or len(word) == 1
        elif quoted and word[-1:] in "'\"\u2019\u201d":
            quoted = False
    return merged


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")
