"""Pure: the phrase a headline supports ("winning the 2026 Edison Award"), never claiming more than
it says.

When the headline starts with the company and a verb we know ("Acme Corp wins ..."), the predicate
becomes a gerund ("winning ..."), with the articles a headline drops put back ("lands contract" ->
"landing a contract") and its Title Case turned into sentence case where the words are ordinary. A
few other common shapes ("X selects Acme for Y", "Acme and Beta announce ...") have their own
phrasing. Anything else gives None, and the sentence names the kind of news instead.

The headline is cleaned in headline.py; the articles are put back by noun_phrases.py, the casing
lowered by casing.py, the verbs turned by verbs.py, the other shapes read by headline_shapes.py.
"""

from __future__ import annotations

import re

from ..models import EventKind
from .casing import is_title_case, sentence_case
from .english import is_countable, verb_forms
from .figures import AMOUNT
from .headline import _first_clause, clean_headline
from .headline_shapes import _joint_announcement, _selected_by
from .noun_phrases import _DESCRIBES_A_NAME, _DETERMINERS, _PREPOSITIONS, _bare, with_articles
from .verbs import (
    _GERUNDS,
    _KNOWN_GERUNDS,
    _PARTICLES,
    _PASSIVES,
    _REGULAR_VERBS,
    _gerund,
    _third_person,
    participle_phrase,
)

MAX_WORDS = 35


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
        if match and (
            not title[match.end(1) :].startswith("'") or _ARM_NAMED.match(match.group(2))
        ):  # "Acme's arm Beta Labs launches ...": the possessive introduces its unit
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
    phrase = _MONEY_FOR_NEEDS.sub(r"\1", phrase)
    phrase = _PURCHASE_FOR_A_REASON.sub(r"\1", phrase)
    phrase = _NET_ALONE.sub(r"\1 net profit", phrase)
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


# Money raised "to meet capex need", "to meet lending, redemption needs": the headline's
# explanation, in shorthand a sentence cannot quote, and no part of the news.
_MONEY_FOR_NEEDS = re.compile(
    r"^((?:planning to )?(?:rais|garner|mop|secur|mobilis|mobiliz)\w*\b.*?)\s+to meet\b.*$"
)
# A company bought "to quench thirst for craft beer", "to boost its digital play": the
# headline's gloss on the purchase, often a pun; the purchase and its target are the news.
_PURCHASE_FOR_A_REASON = re.compile(
    r"^((?:buying|acquiring|snapping up|taking over|agreeing to (?:buy|acquire)) "
    r"[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3}) to [a-z]\w*\b.*$"
)
# "posts higher Q2 net": the press's shorthand for net profit.
_NET_ALONE = re.compile(
    r"\b(higher|lower|record|Q[1-4]|quarterly|annual|half-yearly)\s+net\b"
    r"(?!\s+(?:profit|income|loss|sales|revenue|worth|debt|interest|margin|asset|premium)s?\b)"
)
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
_SCENE = frozenset("after amid over despite following driven helped buoyed fuelled fueled aided".split())
# Days that are wrong by the time a note is read: "to list its shares tomorrow", "on Monday".
_RELATIVE_DAYS = frozenset("today tomorrow yesterday tonight".split())
_WEEKDAY = re.compile(
    r"\s+(?:on|this|next|last)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b(?!\s+\d)"
)


def _without_scene(phrase: str) -> str:
    """The phrase without a trailing scene-setting noun phrase or a relative day; a clause
    after the connective ("after orders jumped 40%") is news and stays."""
    phrase = _WEEKDAY.sub("", phrase)
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
    if len(words) > 1 and words[1].lower() in ("worth", "valued"):
        return None  # "orders worth Rs 500 crore": a noun, not the verb "to order"
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
        obj = words[2:]
        if len(obj) > 1 and obj[0].lower() in _PARTICLES:
            verb, obj = f"{verb} {obj[0].lower()}", obj[1:]  # "to set up plant in Hungary"
        return " ".join([lead, verb, *with_articles(obj, verb.split()[0])])
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
        if _bare(word) in _DESCRIBES_A_NAME and words[index + 1 : index + 2] != [] and (
            words[index + 1][:1].isupper()
        ):
            continue  # "in logistics firm Nikkos": a name's description takes no article
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
        after = _group_news_of_an_arm(rest) or _AFTER_UNIT.match(rest)
        if after is not None:
            said = _gerund_phrase(after.group("rest"), title_case)
    return said


# "Dewan Housing's PE arm ArthVeda Fund launches ...", "Acme subsidiary Beta wins ...": a unit
# introduced by what it is, then named, then the verb.
_ARM_NAMED = re.compile(
    r"(?:[\w&-]+\s+){0,2}?(?:arm|unit|subsidiary|affiliate|division|venture)\s+"
    r"(?:[A-Z][\w&.-]*\s+){1,3}?(?P<rest>[a-z]\w*\s.+)$"
)
# The unit's own capital: "arm Snowman Logistics plans Rs 200 crore IPO" is no IPO of the group.
_ITS_OWN_CAPITAL = re.compile(
    r"\b(?:IPO|FPO|list(?:s|ed|ing)?|raises?|raising|fund[- ]?rais\w*|shares?|stake|bonds?|debentures?)\b",
    re.IGNORECASE,
)


def _group_news_of_an_arm(rest: str) -> re.Match[str] | None:
    """An arm's launch, order or deal, told as the group's news; never its own capital."""
    arm = _ARM_NAMED.match(rest)
    if arm is None or _ITS_OWN_CAPITAL.search(arm.group("rest")):
        return None
    return arm


# Capitalised words of a unit's name ("Securities", "Prudential Life"), then the verb.
_AFTER_UNIT = re.compile(
    r"(?:(?!(?:Q[1-4]|H[12]|FY\d*|9M)\b)[A-Z][\w&.-]*\s+){1,2}?(?P<rest>[a-z]\w*\s.+)$"
)  # a period is no unit: "Q3 shoots over 3-fold" is the quarter's profit


def _without_cut_tail(rest: str) -> str:
    """A headline cut short by its feed, without the fragment the cut left: "Partners With
    IBM Corp. To Drive ..." -> "Partners With IBM Corp."; "Receives FDA Nod To Proceed With
    Clinical Trials For 2 Drug ..." -> "Receives FDA Nod To Proceed With Clinical Trials"."""
    words = rest.rstrip(" .\u2026").split()
    for index in range(len(words) - 1, max(len(words) - 5, 1), -1):
        if words[index].lower() in _PREPOSITIONS | {"to"}:
            return " ".join(words[:index])
    return " ".join(words)
