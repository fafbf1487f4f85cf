"""Pure: the phrase a headline supports ("winning the 2026 Edison Award"), never claiming more than
it says.

When the headline starts with the company and a verb we know ("Acme Corp wins ..."), the predicate
becomes a gerund ("winning ..."), with the articles a headline drops put back ("lands contract" ->
"landing a contract") and its Title Case turned into sentence case where the words are ordinary. A
few other common shapes ("X selects Acme for Y", "Acme and Beta announce ...") have their own
phrasing. Anything else gives None, and the sentence names the kind of news instead.
"""

from __future__ import annotations

import html
import re

from sources.parse.text import strip_dateline

from ..models import EventKind
from .details import DEFINITE_PLACES, is_demonym
from .english import is_countable, is_ordinary, participles, verb_forms
from .figures import AMOUNT
from .grammar import indefinite_article as indefinite_article
from .grammar import possessive as possessive
from .results import spelled_out

MAX_WORDS = 35

# Third-person verbs we turn into gerunds, with the irregular ones spelled out.
_GERUNDS = {
    "wins": "winning", "hits": "hitting", "tops": "topping", "sets": "setting",
    "begins": "beginning", "gets": "getting", "plans": "planning", "ships": "shipping",
    "nets": "netting", "is": "being", "takes": "taking", "makes": "making", "goes": "going",
    "buys": "buying", "inks": "inking", "bags": "bagging", "grabs": "grabbing",
    "wraps": "wrapping", "steps": "stepping", "snaps": "snapping", "swings": "swinging",
    "strikes": "striking",
}  # fmt: skip
_REGULAR_VERBS = frozenset(
    """acquires adds announces celebrates closes completes debuts earns enters expands introduces
    joins lands launches marks opens partners posts raises reaches receives releases reports
    secures signs surpasses unveils rolls teams breaks books doubles triples extends forms rebrands
    achieves clinches captures welcomes names appoints establishes commissions delivers
    installs pours publishes bakes carries attracts scoops purchases collaborates lifts fires
    switches ranks hires""".split()
)
_PASSIVES = frozenset({"named", "selected", "chosen", "honored", "honoured", "recognized", "recognised",
                       "ranked", "awarded", "certified", "picked", "tapped", "listed", "retained",
                       "voted"})  # fmt: skip
_PARTICLES = frozenset({"out", "up", "off", "down", "over"})
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
    """award prize honor honour title contract deal order account agreement office plant facility
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
    subsidiary portal pill debut""".split()
)
_DETERMINERS = frozenset(
    "a an the its their his her our this that these those each every another".split()
)
_PREPOSITIONS = frozenset(
    ["for", "from", "with", "to", "in", "at", "on", "by", "as", "of", "after", "over", "under",
     "into", "across", "behind", "through", "amid", "via", "since", "during", "near"]
)  # fmt: skip
_CHUNK_ENDS = _PREPOSITIONS | {"that", "which", "who", "worth", "while", "and", "led", "backed"}
_ADVERBS = frozenset("nationwide worldwide globally today statewide countrywide".split())
# Where a bare noun after the preposition is the company's own ("for its merchant platform").
_OWNED_AFTER = {
    "for": frozenset("platform suite range programme program plant fleet network portfolio project site".split()),
    "on": frozenset("platform fleet network project site".split()),
    "to": frozenset("range portfolio platform lineup".split()),
    "across": frozenset("fleet network".split()),
    "since": frozenset("founding inception launch".split()),
}  # fmt: skip
# Nouns a company has one of, its own whatever the modifier ("its US headquarters").
_OWN_HEADS = frozenset("headquarters hq ipo".split())
# What money is raised through, one of them at a time: "via an IPO", "through a rights issue".
_ISSUES = frozenset("ipo fpo issue offering placement qip sale".split())
# What a company does not own though it expands it ("to expand access to care").
_UNOWNED_OBJECTS = frozenset("access".split())
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
_SMALL_WORDS = frozenset(
    """a an and as at but by for from in into of on or over the to with million billion percent
    up its year""".split()
)
# Words a Title Case headline capitalises that are ordinary words, lowered in a sentence.
_ORDINARY_WORDS = frozenset(
    """acquisition acquisitions acquires acquire record records quarter quarterly first second
    third fourth fifth fiscal year years results result revenue revenues sales profit profits
    earnings growth partnership partnerships contract contracts deal deals order orders
    office offices plant plants facility facilities headquarters launch launches launched new
    expansion expands expanding funding round investment milestone anniversary celebration
    customers customer users clients employees jobs hires hiring opens opening announces
    announced completes completed agreement agreements strategic global annual largest biggest
    best top leading program programme service services product products platform solution
    solutions team teams company market markets release date line sensor industrial
    next-generation generation generative copilot analysts analyst report data pipelines
    open-source source log analytics banks bank three two four five ten hundred thousand
    centuries century decade decades glassmaking premier cloud provider provider's state
    employee employees benefits third-quarter second-quarter first-quarter fourth-quarter
    leader bookings over precision largest deal yet top employer certified across countries
    beat margins shipments expectations anniversary silver golden countries partner
    partners nearly almost about more than despite lower higher rise rises after amid""".split()
)
# Words that end a company's name in Title Case ("Larchmont Partners"): kept after a name.
_NAME_ENDINGS = frozenset(
    """partners partner group capital bank holdings ventures labs systems society mutual company
    pharmaceuticals industries motors airline airlines airways foods technologies networks brands
    resources healthcare""".split()
)
_ORDINARY_SUFFIXES = ("tion", "tions", "ment", "ments", "ness", "ity", "ities", "ance", "ence")
_CLAUSE_END = re.compile(r"\s*[,;:|]\s|\s+[-\u2013\u2014]\s")


# Words after a company's name that are verbs in form but never the news to quote: a share
# move ("Acme surges", "flies to a record"), a noun ("Acme shares", "Acme results"), or talk
# about the future ("backs its 2015 view", "aims", "gives guidance").
_NOT_PREDICATES = frozenset(
    """shares stocks results profits gains losses falls drops slips rallies surges jumps soars
    climbs rises zooms spurts tumbles plunges slumps dips sinks slides gains trades extends
    flies ends says notes sees expects backs aims guides gives reaps eyes mulls weighs rights
    bonds""".split()
)


def _third_person(base: str) -> str:
    """ "debut" -> "debuts", "list" -> "lists", "carry" -> "carries": the form _gerund reads."""
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u"):
        return base[:-1] + "ies"
    return base + "s"


def _gerund(verb: str) -> str | None:
    lowered = verb.lower()
    if lowered in _GERUNDS:
        return _GERUNDS[lowered]
    if lowered not in _REGULAR_VERBS:
        if lowered in _NOT_PREDICATES:
            return None
        forms = verb_forms().get(lowered)
        return forms[0] if forms else None
    if lowered.endswith("ies") and len(lowered) > 4:
        return lowered[:-3] + "ying"  # "carries" -> "carrying"
    if lowered.endswith(("ches", "shes", "sses", "xes", "zes")):
        base = lowered[:-2]
    else:
        base = lowered[:-1]
    if base.endswith("e") and not base.endswith("ee"):
        base = base[:-1]
    return base + "ing"


# A headline may start with the gerund itself ("Acme hiring 200 engineers").
_KNOWN_GERUNDS = frozenset(
    [*_GERUNDS.values(), *(_gerund(v) or "" for v in _REGULAR_VERBS if v not in _NOT_PREDICATES)]
)


def is_title_case(title: str, names: tuple[str, ...]) -> bool:
    """A headline written in Title Case ("Acme Launches New App"): no ordinary word is in lower
    case, so capitals there do not mark names."""
    for name in sorted(names, key=len, reverse=True):
        title = re.sub(re.escape(name), " ", title, flags=re.IGNORECASE)
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", title)]
    lowered = [w for w in words if w[:1].islower() and w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and not lowered


def _ordinary(word: str) -> bool:
    """A Title Case word that is a plain English word, not part of a name."""
    lowered = word.lower().strip(",.:;")
    if word[1:2].isupper():
        return False  # "AI", "SDK", "HomeCell"
    if lowered in _ORDINARY_WORDS or lowered in _SMALL_WORDS or is_ordinary(lowered):
        return True
    if "-" in lowered:
        return all(_ordinary(part) for part in lowered.split("-") if part)
    return (len(lowered) >= 8 and lowered.endswith("ing")) or lowered.endswith(_ORDINARY_SUFFIXES)


_LEGAL_SUFFIXES = frozenset("corp corp. inc inc. ltd ltd. plc llc co co. ag sa nv".split())


def _before_legal_suffix(words: list[str]) -> set[int]:
    """The capitalised words of a name that ends in a legal suffix ("International Business
    Machines Corp."): ordinary words, but a name."""
    named: set[int] = set()
    for index, word in enumerate(words):
        if word.lower().rstrip(",;:") in _LEGAL_SUFFIXES and index:
            start = index
            while (
                start > 0
                and words[start - 1][:1].isupper()
                and _bare(words[start - 1]) not in _PREPOSITIONS
                and index - start < 5
            ):
                start -= 1
            named.update(range(start, index + 1))
    return named


# A word that introduces a name in apposition: "Production Company Mammoth Screen", "Rival
# Beta Labs", "Software Maker Blue Yonder".
_DESCRIBES_A_NAME = frozenset(
    """company firm maker startup start-up rival brand developer producer retailer operator
    provider supplier specialist studio label carrier lender insurer chain""".split()
)


def _after_descriptor(words: list[str]) -> set[int]:
    """The capitalised words right after a word that introduces a name ("Production Company
    Mammoth Screen"), up to a preposition, a conjunction or a comma: ordinary words, but a name."""
    named: set[int] = set()
    for index, word in enumerate(words[:-1]):
        if _bare(word) not in _DESCRIBES_A_NAME or word.endswith((",", ";", ":")):
            continue
        end = index + 1
        while (
            end < len(words)
            and end - index <= 4
            and words[end][:1].isupper()
            and _bare(words[end]) not in _CHUNK_ENDS
            and _bare(words[end]) not in ("to", "and", "or")
        ):
            end += 1
            if words[end - 1].endswith((",", ";", ":")):
                break
        named.update(range(index + 1, end))
    return named


def sentence_case(words: list[str]) -> list[str]:
    """Title Case words -> sentence case: ordinary words lowered ("Posts Rise in Earnings
    Despite Lower Oil Prices" -> "posts rise in earnings despite lower oil prices"), names kept
    ("Omnis Pharmaceuticals", "BG Group", "Data Pipelines SDK"), quoted titles kept whole."""
    named = _before_legal_suffix(words) | _after_descriptor(words)
    result: list[str] = []
    quoted = False
    for index, word in enumerate(words):
        in_quotes = quoted or word[:1] in "'\"\u2018\u201c"
        if in_quotes:  # inside a quoted title until a word ends with the closing quote
            quoted = not (word[-1:] in "'\"\u2019\u201d" and (quoted or len(word) > 1))
        keep = in_quotes or index in named
        # "Edison Award", "Omnis Pharmaceuticals": a name's last word is part of the name
        after_name = bool(result) and result[-1][:1].isupper() and not result[-1].endswith("'")
        ends_name = _bare(word) in _NAME_ENDINGS or word.rstrip(",.:;") in _NAME_HEADS
        if keep or (ends_name and after_name) or word[1:2].isupper() or not _ordinary(word):
            result.append(word)
        else:
            result.append(word.lower())
    return result


def _acronym_article(word: str) -> str:
    """An acronym is read letter by letter: "an AI assistant", "a GPS tracker", "an SDK"."""
    return "an" if word[0] in "AEFHILMNORSX" else "a"


def _bare(word: str) -> str:
    return word.lower().strip(".,;:!?'\u2019\"")


def _chunk(words: list[str], start: int) -> list[str]:
    """The noun phrase at ``start``: up to the next preposition or relative word."""
    chunk: list[str] = []
    for word in words[start:]:
        if _bare(word) in _CHUNK_ENDS and chunk:
            break
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
    quoted = first.startswith(("'", "\u2018", '"', "\u201c"))
    named = quoted or re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*", first)  # "HomeCell"
    described = any(_bare(w) in _DESCRIBES_A_NAME for w in heads[1:-1])  # "company Mammoth Screen"
    if named and len(heads) > 1 and (head[:1].islower() or described) and not followed_by_of:
        return "the"  # a product's name: "the HomeCell solar battery", "the 'Glass' report"
    if quoted:
        return None
    if first.endswith("'"):  # "builders' federation"
        return "the" if preposition else None
    if " ".join(w.strip(",") for w in chunk) in DEFINITE_PLACES:
        return "the"
    if _bare(head) in _MARKETS and first[:1].isupper():
        return "the"  # "to list on the BSE SME platform", "on the Nasdaq Global Market"
    if first in _INSTITUTIONS and followed_by_of:
        return "the"  # "the City of Lakemont"
    if head.endswith(_NAME_HEADS) and head[:1].isupper():
        return "the"  # "the 2026 Edison Award", "the PharmaTech Awards"
    if first in _SUPERLATIVES:
        return "the" if len(chunk) > 1 else None  # "the most punctual carrier"; "ranking highest"
    if lowered.endswith("-ever"):
        return "its"  # "its best-ever export volumes"
    if first.split("-")[0] in _ORDINALS or re.fullmatch(r"[\d,]+(st|nd|rd|th)", first):
        return "the" if _bare(head) in _THE_ORDINAL_HEADS or preposition == "in" else "its"
    if preposition in ("through", "via"):
        # "through acquisition" names a way; "via an IPO", "through a rights issue" name a thing
        return indefinite_article(first) if _bare(head) in _ISSUES and len(heads) <= 3 else None
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
    if AMOUNT.match(" ".join(chunk)) and _bare(head) in _AMOUNT_HEADS and len(chunk) > 1:
        return indefinite_article(first)  # "a C$90 million bought-deal financing"
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
    elif head.isupper():
        head = head.lower()  # "an IPO", "an open-source SDK"
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
    modifier = first[:1].isupper() and not first.isupper()
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


def _first_clause(text: str) -> str:
    """The text up to the first comma, colon or dash outside brackets; brackets never left open."""
    clause = text
    for match in _CLAUSE_END.finditer(text):
        before = text[: match.start()]
        if before.count("(") <= before.count(")") and before.count("[") <= before.count("]"):
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


# What a headline calls the company before its name: "Drugmaker Shire to buy ...", "Drug major
# Ranbaxy posts ...", "Budget airline easyJet opens ...".
_DESCRIBED = re.compile(
    r"\s*(?:[A-Z][a-z]+\s+)?[A-Za-z-]*(?:maker|makers|major|giant|firm|carrier|airline|lender|"
    r"bank|insurer|grocer|retailer|miner|chain|brand|group|company|operator|developer|producer|"
    r"supplier|startup)\s+(?=[A-Z])"
)


def _predicate(title: str, names: tuple[str, ...]) -> tuple[str, str] | None:
    """(name as written, text after it) when the headline starts with the company's name, or
    with a description of it and then its name."""
    described = _DESCRIBED.match(title)
    if described is not None:
        title = title[described.end() :]
    for name in sorted(names, key=len, reverse=True):
        match = re.match(
            rf"\s*({re.escape(name)})(?!\w)(?:'s\b)?(?:\s+|(?=,\s))(.+)$", title, re.IGNORECASE
        )
        if match and not title[match.end(1) :].startswith("'"):
            return match.group(1), match.group(2)
    return None


def _counted(word: str) -> bool:
    """ "200 engineers", "a new office": what follows a verb, not a noun ("hiring spree")."""
    return word[:1].isdigit() or word.lower() in _DETERMINERS


def _counted_or_money(word: str) -> bool:
    return _counted(word) or word in ("Rs", "$", "US$") or word[:1] in "$\u00a3\u20ac\u20b9"


def _gerund_phrase(rest: str, title_case: bool) -> tuple[str, str] | None:
    """(gerund phrase, what has been done) for the words after the company's name."""
    phrase = _gerund_words(rest, title_case)
    if phrase is None:
        return None
    phrase = _without_headline_clause(_without_scene(_past_after_conjunction(phrase)))
    if any(_bare(word) in _UNFLATTERING for word in phrase.split(" ")):
        return None  # "marks muted 150th birthday": the news, not the headline's verdict on it
    if re.match(r"\w+ing nod\b", phrase):
        return None  # "getting nod for IPOs": whose nod? headline shorthand, not a sentence
    phrase = _BID_FOR_NAME.sub(r"\g<verb> a \g<what> for \g<name>", phrase)
    phrase = _PERCENT_IN.sub(r"\g<verb> a \g<share> stake in", phrase)
    if phrase.startswith(_IN_PROGRESS):
        return phrase[len(_IN_PROGRESS) :], f"begun {phrase[len(_IN_PROGRESS) :]}"
    if phrase.split(" ", 1)[0] in _ONGOING:
        return phrase, f"begun {phrase}"
    return phrase, participle_phrase(phrase)


# A headline's own verdict that a note would not quote back to the company.
_UNFLATTERING = frozenset(
    "muted subdued modest decent meagre meager tepid lacklustre lackluster sluggish low-key "
    "disappointing scaled-back scaled-down belated".split()
)
# "an SAB bid" reads as a headline; "a bid for SAB" as a sentence.
_BID_FOR_NAME = re.compile(
    r"\b(?P<verb>launching|making|tabling|submitting|lodging|mounting|placing) (?:an?|the) "
    r"(?P<name>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2}) (?P<what>(?:takeover )?(?:bid|offer))\b"
)
# "buys 26% in Beta", "picks up 70% in Nikkos": a stake, as a sentence says it.
_PERCENT_IN = re.compile(
    r"\b(?P<verb>buying|acquiring|picking up|taking|bought|acquired|picked up|took) "
    r"(?P<share>\d+(?:\.\d+)?%) in\b"
)
# Connectives that start a second clause of the headline: "as e-commerce marketplace rolls out".
_SECOND_CLAUSE = frozenset("as while when".split())


def _without_headline_clause(phrase: str) -> str:
    """The phrase without a trailing clause still in headline shorthand (a countable noun with
    no article), which a sentence cannot quote: "planning to raise Rs 1,000 crore as e-commerce
    marketplace rolls out" -> "planning to raise Rs 1,000 crore"."""
    words = phrase.split(" ")
    for index in range(3, len(words) - 1):
        if _bare(words[index]) not in _SECOND_CLAUSE:
            continue
        rest = words[index + 1 :]
        has_verb = any(_bare(w) in verb_forms() or _bare(w) in _PAST.values() for w in rest)
        if has_verb and _bare_singular(rest):  # a clause, not a role ("as outside counsel")
            return " ".join(words[:index]).rstrip(",;:")
    return phrase


# Words that set the scene after the news ("after 6-month pursuit", "amid investor frenzy"): a
# headline's shorthand that a sentence need not carry, cut unless a clause follows. Not "since":
# "25 years since its founding" is the news.
_SCENE = frozenset("after amid over despite following".split())
# Days that are wrong by the time a note is read: "to list its shares tomorrow".
_RELATIVE_DAYS = frozenset("today tomorrow yesterday tonight".split())


def _without_scene(phrase: str) -> str:
    """The phrase without a trailing scene-setting noun phrase or a relative day; a clause
    after the connective ("after orders jumped 40%") is news and stays."""
    words = [w for w in phrase.split(" ") if _bare(w) not in _RELATIVE_DAYS]
    for index in range(len(words) - 1, 1, -1):
        if _bare(words[index]) not in _SCENE:
            continue
        rest = words[index + 1 :]
        told = any(_bare(w) in _PAST.values() for w in rest)
        money = bool(AMOUNT.match(" ".join(rest)))  # "over $70 billion", "over Rs 1,160 crore"
        if not told and not money and index >= 3:
            words = words[:index]
        break
    return " ".join(words).rstrip(",;:")


_IN_PROGRESS = "\0"  # marks "is hiring ...": under way, not done ("begun hiring ...")
# Work that goes on after the news: "has collaborated" would say it is over.
_ONGOING = frozenset({"collaborating"})

# A headline's present tense after "as" or "after" ("as sales surge"), told in the past.
_PAST = {
    "surge": "surged", "climb": "climbed", "jump": "jumped", "soar": "soared", "rise": "rose",
    "grow": "grew", "gain": "gained", "increase": "increased", "double": "doubled",
    "top": "topped", "beat": "beat", "pass": "passed", "hit": "hit", "rebound": "rebounded",
    "improve": "improved", "outpace": "outpaced", "take": "took",
}  # fmt: skip
_PAST |= {f"{verb}es" if verb.endswith("ss") else f"{verb}s": past for verb, past in _PAST.items()}


def _past_after_conjunction(phrase: str) -> str:
    """ "posting record revenue as cloud sales surge" -> "... as cloud sales surged": the
    sentence tells of news already out, and "has posted ... as sales surge" clashes."""
    words = phrase.split(" ")
    for index, word in enumerate(words):
        if word.lower() not in ("as", "after", "while"):
            continue
        # the subject's words, then its verb: "after orders jump 40%", "as revenue rises"; not
        # a noun phrase ("as a top workplace")
        for at in range(index + 2, min(index + 5, len(words))):
            verb = words[at].lower()
            if verb in _PAST and (verb.endswith("s") or words[at - 1].endswith("s")):
                words[at] = _PAST[verb]
                break
    return " ".join(words)


# "Acme to acquire Beta", "Acme to supply robots to Beta": a deal agreed, not the company's plan.
_AGREED_VERBS = frozenset("acquire buy merge supply provide deliver equip".split())


def _gerund_words(rest: str, title_case: bool) -> str | None:
    words = _first_clause(rest).split()
    if not words:
        return None
    if title_case:
        words = [words[0], *sentence_case(words[1:])]
    first = words[0].lower()
    if first == "agrees" and len(words) > 2 and words[1].lower() == "to":
        words, first = words[1:], "to"
    if first in ("set", "poised", "slated") and len(words) > 2 and words[1].lower() == "to":
        words, first = words[1:], "to"  # "set to open 200 stores": a plan
    if first == "to" and len(words) > 2:
        verb = words[1].lower()
        if "today" in (w.lower() for w in words[2:]) and (doing := _gerund(_third_person(verb))):
            # "to debut today on bourses": it is happening as the news is read, not a plan
            return " ".join([doing, *with_articles(words[2:], verb)])
        lead = "agreeing to" if verb in _AGREED_VERBS else "planning to"
        return " ".join([lead, verb, *with_articles(words[2:], verb)])
    if first in ("is", "was", "are") and len(words) > 2:
        if words[1].lower().endswith("ing"):
            return _IN_PROGRESS + " ".join([words[1].lower(), *with_articles(words[2:])])
        if words[1].lower() in _PASSIVES:
            words = words[1:]
            first = words[0].lower()
    if first in _PASSIVES and len(words) > 1:
        return " ".join(["being", first, *with_articles(words[1:], first)])
    if first in _KNOWN_GERUNDS and len(words) > 1 and _counted(words[1]):
        return _IN_PROGRESS + " ".join([first, *with_articles(words[1:], first)])
    gerund = _gerund(first)
    if gerund is None and len(words) > 1 and _counted_or_money(words[1]):
        # "Industries bag Rs 297 crore contract": the plural name's verb, said in the base form
        gerund = _gerund(_third_person(first)) if first.isalpha() and first.islower() else None
    if gerund is None or len(words) < 2:
        return None
    after = words[1:]
    particle = after[0].lower()
    if len(after) > 1 and (particle in _PARTICLES or (gerund, particle) == ("switching", "on")):
        gerund, after = f"{gerund} {particle}", after[1:]  # "rolling out", "teaming up"
    phrase = [gerund, *with_articles(after, gerund.split()[0])]
    hand_listed = first in _GERUNDS or first in _REGULAR_VERBS
    if not hand_listed and _continues_the_name(words, title_case):
        return None  # "Balrampur Chini Mills Q2 net up": "Mills" is the name, not a verb
    if not hand_listed and _bare_singular(phrase[1:]):
        return None  # "cutting ribbon on ...": the articles we know how to put back are missing
    return " ".join(phrase)


def _continues_the_name(words: list[str], title_case: bool) -> bool:
    """A capitalised word after the company's name that only looks like a verb: in a headline in
    sentence case, verbs are not capitalised ("Edelweiss Financial Services Q2 net up"); in
    Title Case, a name's last word is followed by the verb ("Chini Mills Posts ...")."""
    if not words[0][:1].isupper():
        return False
    if not title_case:
        return True
    after = words[1].lower() if len(words) > 1 else ""
    return after in _GERUNDS or after in _REGULAR_VERBS or after in verb_forms()


_NOUN_PHRASE_BREAKS = _PREPOSITIONS | {"and", "or", "as", "that", "which", "while"}


def _bare_singular(words: list[str]) -> bool:
    """A countable noun in the singular with nothing before it in its phrase that could stand
    for an article ("ribbon" in "cutting ribbon", "team" in "as team passes 800"); the phrasing
    would read as a headline. A phrase with a determiner, possessive, number or name is fine."""
    for index, word in enumerate(words):
        if not is_countable(_bare(word)) or word[:1].isupper():
            continue
        before = []
        for earlier in reversed(words[:index]):
            if _bare(earlier) in _NOUN_PHRASE_BREAKS:
                break
            before.append(earlier)
        if not any(
            _bare(w) in _DETERMINERS or w.endswith(("'s", "\u2019s", "'")) or w[:1].isdigit()
            or w[:1] in "$\u00a3\u20ac\u20b9" or w[:1].isupper()
            for w in before
        ):  # fmt: skip
            return True
    return False


def _by_whom(who: str) -> str:
    """ "Regional hospital network" -> "a regional hospital network": a description written with
    a headline's capital; a name ("City of Lakemont", "Zephyr Airlines") keeps its capitals."""
    words = who.split()
    if len(words) > 1 and all(w[:1].islower() for w in words[1:]) and not is_demonym(words[0]):
        words[0] = words[0].lower()
    return " ".join(with_articles(words, "by"))


# What the patterns below need whatever the company: checked first, since a pattern holding the
# company's name is compiled anew for each company (a third of a 50-company digest's phrasing).
_SELECTING = re.compile(r"\s(?:selects|chooses|picks|taps|hires|awards)\s", re.IGNORECASE)
_AND_BETWEEN = re.compile(r"\sand\s", re.IGNORECASE)


def _selected_by(title: str, names: tuple[str, ...]) -> str | None:
    """ "City of Lakemont selects Acme Corp for X" -> "being selected by the City of Lakemont for
    X"."""
    if not _SELECTING.search(title):
        return None
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
            rest = " ".join(with_articles(_first_clause(match["rest"]).split(), "by"))
            return f"being {participle} by {_by_whom(match['who'].strip())} {rest}"
    return None


def _joint_announcement(title: str, names: tuple[str, ...]) -> tuple[str, str] | None:
    """ "Acme Corp and Beta sign fleet partnership" -> ("the new fleet partnership with Beta",
    "signed a new fleet partnership with Beta"); one they expand is not new."""
    if not _AND_BETWEEN.search(title):
        return None
    for name in names:
        match = re.match(
            rf"\s*{re.escape(name)}(?!\w)\s+and\s+(?P<partner>.+?)\s+"
            rf"(?P<verb>announce|form|sign|launch|unveil|ink|expand|extend)\s+(?P<what>.+)$",
            title,
            re.IGNORECASE,
        )
        if match:
            what = _first_clause(match["what"]).strip(" .\u2026")
            what = re.sub(r"^((a|an|the|new)\s+)+", "", what, flags=re.IGNORECASE)
            if is_title_case(title, names):  # "Sign Memo of Understanding": not proper nouns
                what = " ".join(sentence_case(what.split()))
            what = re.sub(r"\bmemo of understanding\b", "memorandum of understanding", what)
            verb = match["verb"].lower()
            done = f"{verb}d" if verb.endswith("e") else f"{verb}ed"
            # the partner right after the noun: "joint venture with Beta for offshore wind"
            noun, *purpose = re.split(r"\s(?=(?:for|on|in|to)\s)", what, maxsplit=1)
            what = " ".join([noun, "with", match["partner"].strip(), *purpose])
            if verb in ("expand", "extend"):
                return f"the {done} {what}", f"{done} its {what}"
            return f"the new {what}", f"{done} a new {what}"
    return None


# Press-release furniture that is not part of the news: ticker tags, wire names and datelines.
# The classifier reads headlines without it too (see strip_boilerplate), so it is kept to what
# is furniture everywhere: nothing here may remove a word that carries news.
_EXCHANGE = (
    r"NASDAQ|NYSE(?: American| Arca| MKT)?|AMEX|LSE|LON|AIM|TSXV?|TSX-V|CSE|NEO|Cboe|ASX|NZX|JSE"
    r"|NSE|BSE|OTC\w*|Euronext|XETRA|FWB|FRA|TSE|HKEX|SGX|SIX"
)
_LISTING = rf"(?:{_EXCHANGE})\s*:\s*[A-Z0-9.\-]{{1,10}}"
# "(NASDAQ: ACME)", "(NASDAQ:ACME)", "(TSX: ACME; OTCQB: ACMX)"
_TICKER = re.compile(rf"\s*\(\s*{_LISTING}(?:\s*[,;/|&]\s*{_LISTING})*\s*\)", re.IGNORECASE)
# "NASDAQ:ACME" without brackets, after another word: exactly so, in capitals and unspaced, as
# "Nasdaq: Acme ..." may be a headline's own words.
_BARE_TICKER = re.compile(rf"(?<=\S)\s+(?:{_EXCHANGE}):[A-Z][A-Z0-9.]{{0,9}}(?=[\s,;)]|$)")
_WIRES = (
    r"(?:press|news|media) release|business ?wire|pr ?newswire(?:-[\w-]+)?|globe ?newswire"
    r"|accesswire|newsfile(?: corp\.?)?|ein ?presswire|prweb|newswire|reuters|bloomberg(?: news)?"
    r"|associated press|afp|dow jones(?: newswires)?"
)
# "- Press Release", "| Business Wire", "-- PR Newswire", "- Reuters" at the end.
_WIRE_SUFFIX = re.compile(rf"\s*[-|\u2013\u2014]+\s*(?:{_WIRES})\s*$", re.IGNORECASE)
# "(GLOBE NEWSWIRE)", "/PRNewswire/" anywhere.
_WIRE_TAG = re.compile(rf"\s*(?:\(\s*(?:{_WIRES})\s*\)|/\s*(?:{_WIRES})\s*/)", re.IGNORECASE)
# "LONDON (Reuters) -", "CHICAGO /PRNewswire/ --": a dateline with no date.
_WIRE_DATELINE = re.compile(
    rf"[A-Z][A-Z .,'-]{{1,40}}(?i:\(\s*(?:{_WIRES})\s*\)|/\s*(?:{_WIRES})\s*/)\s*(?:--|[-\u2013\u2014])\s*"
)
# "Press Release: ...", "-- ..." left at the start once a wire tag has gone.
_WIRE_LEAD = re.compile(
    rf"\s*(?:(?:{_WIRES})\s*(?::|[-|\u2013\u2014]+)|[-|\u2013\u2014]+)\s*", re.I
)


def strip_boilerplate(title: str) -> str:
    """The headline without press-release furniture: ticker tags ("(NASDAQ: ACME)"), wire and
    release names ("- Press Release", "| Business Wire", "(GLOBE NEWSWIRE)") and a leading
    dateline ("NEW YORK, Nov. 20, 2026 /PRNewswire/ --"), with the ends stripped. Nothing else
    changes: capitals, entities, names and every other word stay as written."""
    return boilerplate_removed(title)[0]


def boilerplate_removed(title: str) -> tuple[str, tuple[int, ...] | None]:
    """strip_boilerplate's text, and where each of its characters stands in ``title`` (-1 for a
    space put between two words the furniture separated); None when the text is ``title``."""
    text, where = title, None
    # Every piece of furniture has one of these marks; most headlines have none (cuts only ever
    # take characters away, so what the title lacks the text lacks too).
    colon = ":" in text
    dashed = "-" in text or "\u2013" in text or "\u2014" in text
    marked = colon or dashed or "(" in text or "/" in text or "|" in text
    if colon and "(" in text:
        text, where = _cut(text, where, _spans(_TICKER, text))
    wired = marked and _names_a_wire(text)
    if wired and ("(" in text or "/" in text):
        dateline = _WIRE_DATELINE.match(text)
        if dateline is not None and dateline.end() < len(text):
            text, where = _cut(text, where, [dateline.span()])
        text, where = _cut(text, where, _spans(_WIRE_TAG, text))
    if colon and _capitals_around_a_colon(text):
        text, where = _cut(text, where, _spans(_BARE_TICKER, text))
    if wired:
        for _ in range(3):  # "- Press Release | Business Wire"
            suffix = _WIRE_SUFFIX.search(text)
            if suffix is None or suffix.start() == 0:
                break
            text, where = _cut(text, where, [suffix.span()])
        lead = _WIRE_LEAD.match(text)
        if lead is not None and lead.end() < len(text):
            text, where = _cut(text, where, [lead.span()])
    if dashed and text[:1].isupper() and "," in text[:64]:
        rest = strip_dateline(text)
        if len(rest) < len(text) and text.endswith(rest) and rest.strip():
            text, where = _cut(text, where, [(0, len(text) - len(rest))])
    stripped = text.strip()
    if stripped != text:
        start = len(text) - len(text.lstrip())
        text, where = _cut(text, where, [(0, start), (start + len(stripped), len(text))])
    return text, (None if where is None else tuple(where))


def _names_a_wire(text: str) -> bool:
    """A quick test for a wire's or a release's name before searching for its furniture."""
    lower = text.lower()
    return (
        "wire" in lower or "release" in lower or "press" in lower or "reuters" in lower
        or "bloomberg" in lower or "newsfile" in lower or "prweb" in lower or "afp" in lower
        or "jones" in lower
    )  # fmt: skip


def _capitals_around_a_colon(text: str) -> bool:
    """A quick test for "NASDAQ:ACME" before searching for it (most headlines have none)."""
    colon = text.find(":", 1)
    while colon != -1 and colon + 1 < len(text):
        if text[colon - 1].isupper() and text[colon + 1].isupper():
            return True
        colon = text.find(":", colon + 1)
    return False


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


def _cut(
    text: str, where: list[int] | None, spans: list[tuple[int, int]]
) -> tuple[str, list[int] | None]:
    """``text`` without ``spans`` (in order, not overlapping), and where its characters were; a
    space stands between two words a span separated ("Acme(NASDAQ:ACME)Wins")."""
    pieces: list[str] = []
    kept: list[int] = []
    origin = list(range(len(text))) if where is None else where
    last = 0
    for start, end in spans:
        if start >= end:
            continue
        pieces.append(text[last:start])
        kept.extend(origin[last:start])
        if start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum():
            pieces.append(" ")
            kept.append(-1)
        last = end
    if not last:
        return text, where
    pieces.append(text[last:])
    kept.extend(origin[last:])
    return "".join(pieces), kept


# Inline emphasis a feed left in a title; any other tag makes the headline unquotable.
_EMPHASIS = re.compile(r"</?(b|i|em|strong|u|mark|span)>", re.IGNORECASE)
# An award or title in quotes inside a headline: the name reads the same without them.
_QUOTED_NAME = re.compile(
    r"(?<=\bwins )[\"\u201c]([A-Z][\w'\u2019&-]*(?: [\w'\u2019&-]+){0,7})[\"\u201d](?= award\b)"
)


# A wire's label for a story's version: "UPDATE 1-", "CORRECTED-", "RPT-", "EXCLUSIVE-".
_WIRE_LABEL = re.compile(
    r"^(?:(?:RPT|REFILE|CORRECTED|UPDATE(?:\s*\d+)?|EXCLUSIVE|BUZZ|WRAPUP(?:\s*\d+)?|"
    r"\d+(?:ST|ND|RD|TH)\s+UPDATE)\s*[-:]\s*)+",
    re.IGNORECASE,
)


def clean_headline(title: str, names: tuple[str, ...]) -> str:
    """The headline without HTML entities, wire labels, ticker tags and wire names, and readable
    when it was written in capitals (Title Case, with the company's names spelled as the profile
    does)."""
    title = spelled_out(html.unescape(title))  # "&amp;" is "&"; "Rs 89 cr" is "Rs 89 crore"
    title = _WIRE_LABEL.sub("", title)
    title = re.sub(r"(?<=[a-z]);(?=[a-z])", "; ", title)  # "deal;stk rallies": a clause break
    title = _EMPHASIS.sub("", title)  # "<b>Edison</b> Award": the words, not the markup
    title = _QUOTED_NAME.sub(r"the \1", title)  # 'wins "Innovator of the Year" award'
    title = strip_boilerplate(title)
    for name in names:
        # "Acme Corp. Announces ..." for "Acme Corp": the abbreviation's stop, not a sentence end
        if not name.endswith(".") and f"{name}." in title:
            title = re.sub(rf"(?<!\w)({re.escape(name)})\.(?=\s)", r"\1", title)
    letters = [c for c in title if c.isupper() or c.islower()]  # letters with a case ("ก" has none)
    if letters and all(c.isupper() for c in letters):
        # Capitals hide which words are names: Title Case keeps them readable, and the
        # phrasing lower-cases the ordinary words.
        title = " ".join(
            w.lower() if w.lower() in _SMALL_WORDS and i else w[:1] + w[1:].lower()
            for i, w in enumerate(title.split())
        )
        for name in sorted(names, key=len, reverse=True):
            title = re.sub(re.escape(name), name.replace("\\", r"\\"), title, flags=re.IGNORECASE)
    return title


# Clauses that say what happened without any detail we could get wrong.
KIND_CLAUSES: dict[EventKind, str] = {
    EventKind.AWARD: "earned new recognition",  # an award, a certification or a place on a list
    EventKind.GROWTH: "posted good results",
    EventKind.FUNDING: "secured new funding",
    EventKind.NEW_ACCOUNT: "won a new customer",
    EventKind.PARTNERSHIP: "formed a new partnership",
    EventKind.LAUNCH: "launched something new",
    EventKind.ACQUISITION: "announced an acquisition",  # true whether it is agreed or closed
    EventKind.EXPANSION: "expanded",
    EventKind.MILESTONE: "reached a milestone",
}

_PARTICIPLES = {
    "winning": "won", "being": "been", "taking": "taken", "making": "made", "going": "gone",
    "buying": "bought", "getting": "got", "setting": "set", "hitting": "hit",
    "beginning": "begun", "breaking": "broken", "agreeing": "agreed", "swinging": "swung",
    "striking": "struck",
}  # fmt: skip


def participle_phrase(gerund_phrase: str) -> str:
    """ "winning the Edison Award" -> "won the Edison Award"; "the new pact with Beta" ->
    "announced the new pact with Beta"."""
    first, _, rest = gerund_phrase.partition(" ")
    if not first.endswith("ing"):
        return f"announced {gerund_phrase}"
    if gerund_phrase.startswith("planning to "):
        return f"announced plans {rest}"  # "to open an office": not opened yet
    stem = first[:-3]
    regular = (
        stem[:-1] + "ied" if stem.endswith("y") and stem[-2:-1] not in "aeiou" else stem + "ed"
    )
    return f"{_PARTICIPLES.get(first) or participles().get(first) or regular} {rest}".strip()


def reason_phrase(reason: str) -> tuple[str, str] | None:
    """The gerund phrase of a share move's reason that starts with a gerund ("on winning
    10-year engagement with ATCO"): (phrase, done), told as done, or None."""
    words = reason.split()
    first = words[0].lower() if words else ""
    if first not in _KNOWN_GERUNDS or len(words) < 2:
        return None
    phrase = " ".join([first, *with_articles(words[1:], first)])
    return phrase, participle_phrase(phrase)


def event_phrase(title: str, names: tuple[str, ...]) -> tuple[str, str] | None:
    """The gerund phrase a headline supports and what it says was done: ("winning the 2026 Edison
    Award", "won the 2026 Edison Award"), or None."""
    title = clean_headline(title, names)
    joint = _joint_announcement(title, names)
    if joint is not None:
        return joint
    chosen = _selected_by(title, names)
    if chosen is not None:
        phrase = _past_after_conjunction(chosen)
        return phrase, participle_phrase(phrase)
    found = _predicate(title, names)
    if found is None:
        return None
    rest = found[1]
    if rest.rstrip().endswith(("...", "\u2026")):
        rest = _without_cut_tail(rest)  # "... To Drive ...": the feed cut the headline short
    title_case = is_title_case(title, names)
    said = _gerund_phrase(rest, title_case) if rest else None
    if said is None and not title_case:
        # "ICICI Securities launches ...": a unit's words before the verb. (A list of
        # companies is not read so: "NTPC, PFC and IRFC to raise up to $2 billion" is their
        # total, not one member's.)
        after = _AFTER_UNIT.match(rest)
        if after is not None:
            said = _gerund_phrase(after.group("rest"), title_case)
    return said


# Capitalised words of a unit's name ("Securities", "Prudential Life"), then the verb.
_AFTER_UNIT = re.compile(r"(?:[A-Z][\w&.-]*\s+){1,2}?(?P<rest>[a-z]\w*\s.+)$")


def _without_cut_tail(rest: str) -> str:
    """A headline cut short by its feed, without the fragment the cut left: "Partners With
    IBM Corp. To Drive ..." -> "Partners With IBM Corp."; "Receives FDA Nod To Proceed With
    Clinical Trials For 2 Drug ..." -> "Receives FDA Nod To Proceed With Clinical Trials"."""
    words = rest.rstrip(" .\u2026").split()
    for index in range(len(words) - 1, max(len(words) - 5, 1), -1):
        if words[index].lower() in _PREPOSITIONS | {"to"}:
            return " ".join(words[:index])
    return " ".join(words)
