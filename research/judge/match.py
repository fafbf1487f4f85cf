"""Pure: is an item really about this company, and how do we know?

An item counts when it comes from the company's own site, or when the company's name or an alias
appears as a whole word in the headline (else in the summary's first sentence) with the name's
capitals intact ("Apple" matches "Apple", not "apple pie", unless the headline is all capitals).
Exclude terms mark namesakes; an alias followed by another company's legal suffix ("Acme Brick
Co.") is a namesake too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sources.models import Item
from sources.parse.urls import host_of
from sources.providers.registry import SEC_EDGAR

from ..models import Company
from ..plan.company import LEGAL_SUFFIXES, is_generic
from ..write.english import is_ordinary

_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z0-9\"'\u201c])")
_ABBREVIATIONS = frozenset(
    """st dr mr mrs ms prof gen gov sen rep jr sr inc corp co ltd no vs jan feb mar apr jun jul
    aug sep sept oct nov dec mt ft u.s u.k e.g i.e""".split()
)
_CLEAR_SUFFIXES = frozenset("inc corp ltd llc plc gmbh limited incorporated corporation".split())
# Spellings of one legal form, keyed without dots.
_LEGAL_FORMS = {
    "corporation": "corp", "incorporated": "inc", "company": "co", "limited": "ltd",
    "llc": "llc", "sa": "sa", "nv": "nv", "bv": "bv", "plc": "plc", "spa": "spa",
}  # fmt: skip
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@dataclass(frozen=True)
class Mention:
    """How an item was matched to the company."""

    name: str
    where: str  # "headline", "summary" or "own site"
    position: int | None = None  # where the name starts in the headline

    @property
    def reason(self) -> str:
        if self.where == "filing":
            return f"from its own filing with the SEC ({self.name})"
        if self.where == "own site":
            return f"from the company's own site ({self.name})"
        if self.where == "summary":
            return f"the summary's first sentence names {self.name}"
        return f"the headline names {self.name}"


def domain_host(domain: str | None) -> str:
    """The host of a profile's domain, which may be written as a host or as a URL."""
    if not domain:
        return ""
    return host_of(domain if "://" in domain else f"https://{domain}")


def own_hosts(company: Company) -> set[str]:
    """The hosts of the company's own site: its domain, and its newsroom's host."""
    return {h for h in (domain_host(company.domain), domain_host(company.newsroom)) if h}


def is_own_site(item: Item, company: Company) -> bool:
    """Read from the company's own newsroom, or published on its own site."""
    if item.first_party:
        return True
    hosts = {host_of(item.url), item.publisher_domain.removeprefix("www.")}
    return any(h == own or h.endswith("." + own) for own in own_hosts(company) for h in hosts if h)


def find_mention(item: Item, company: Company) -> Mention | str:
    """A Mention when the item is about the company; otherwise the reason it is not."""
    if item.source == SEC_EDGAR:  # first-party too, but a filing, not the newsroom
        return Mention(item.publisher or "EDGAR", "filing")
    if is_own_site(item, company):
        return Mention(next(iter(sorted(own_hosts(company))), "its newsroom"), "own site")
    return mention_in_text(item.title, item.summary, company)


def mention_in_text(title: str, summary: str, company: Company) -> Mention | str:
    """The same check on a headline and summary alone (no site to recognise)."""
    title = _plain_quotes(title)
    first_sentence = _plain_quotes(first_sentence_of(summary)) if summary else ""
    namesake = ""
    for where, text in (("headline", title), ("summary", first_sentence)):
        if not text:
            continue
        # Exclude terms count where the company is looked for: the headline, and the summary
        # only when the headline does not name the company.
        excluded = _excluded(text, company) if company.exclude else ""
        if excluded:
            return excluded
        upper = text.isupper()
        for name, plain, generic in _names_to_find(company.names):
            capitals = not upper and (company.exact_case or generic)
            for position in _positions(text, plain, case_sensitive=capitals):
                other = _other_company(text, position, name, company)
                if other:
                    namesake = namesake or other
                    continue
                return Mention(name, where, position if where == "headline" else None)
    if namesake:
        return f"names another company, {namesake!r}"
    return f"neither the headline nor the summary's first sentence names {company.name}"


@functools.lru_cache(maxsize=4096)
def looked_for(names: tuple[str, ...]) -> tuple[str, ...]:
    """The company's names and each without a word of its corporate form ("Intertek" for
    "Intertek Group"), as headlines are read for them; a common word alone is left out."""
    shortened = (_without_corporate_form(n) for n in names)
    return tuple(dict.fromkeys((*names, *(n for n in shortened if n and not is_generic(n)))))


@functools.lru_cache(maxsize=65536)
def _names_to_find(names: tuple[str, ...]) -> tuple[tuple[str, str, bool], ...]:
    """Each name, and each without a word of its corporate form, longest first, with its
    plain-quote spelling and whether it is a common word (prepared once per company: this runs
    for every headline)."""
    ordered = sorted(looked_for(names), key=len, reverse=True)
    return tuple((name, _plain_quotes(name), is_generic(name)) for name in ordered)


def _without_corporate_form(name: str) -> str:
    """ "Intertek" for "Intertek Group", "Acme" for "Acme Holdings": how headlines name a group.
    Looked for, not searched for: a search asks for the name as given."""
    words = name.split()
    if len(words) > 1 and words[-1].casefold() in _CORPORATE_FORMS:
        return " ".join(words[:-1])
    return ""


_CORPORATE_FORMS = frozenset(("group", "holdings", "holding"))


def _excluded(text: str, company: Company) -> str:
    for term in company.exclude:
        if next(_positions(text, _plain_quotes(term), case_sensitive=False), None) is not None:
            return f"mentions {term!r}, which is excluded for {company.name}"
    return ""


def first_sentence_of(text: str) -> str:
    """The text up to the first full stop that ends a sentence (not "St." or "Dr." or "J.")."""
    for match in _SENTENCE_END.finditer(text):
        word = text[: match.start() + 1].split()[-1].rstrip(".!?").casefold()
        if word in _ABBREVIATIONS or len(word) == 1:
            continue
        return text[: match.start() + 1][:400]
    return text[:400]


def _plain_quotes(text: str) -> str:
    """Typographic apostrophes as plain ones, same length, so positions stay valid."""
    return text.translate(_QUOTES)


@functools.lru_cache(maxsize=65536)
def _name_pattern(name: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern for ``name`` (capitals are checked by the caller),
    also matching the name glued to a lower-case word before it, as some feeds print it."""
    escaped = re.escape(name)
    return re.compile(rf"(?<![\w&]){escaped}(?![\w&])|(?<=[a-z]){escaped}(?![\w&])", re.I)


def _positions(text: str, name: str, *, case_sensitive: bool) -> Iterator[int]:
    """Where ``name`` starts as a whole word in ``text``; capitals in the name must be capitals."""
    for match in _name_pattern(name).finditer(text):
        found = match.group(0)
        glued = match.start() > 0 and text[match.start() - 1].isalnum()
        if glued and (found != name or not name[:1].isupper()):
            continue  # only an exact, capitalised name may be glued to the word before it
        if not case_sensitive or all(
            f.isupper() for n, f in zip(name, found, strict=False) if n.isupper()
        ):
            yield match.start()


def _is_legal_suffix(word: str) -> bool:
    """A legal-form word as headlines write it: "Co." or "AG" or "Inc", not the words "as" or
    "Company" in a Title Case headline."""
    if word.casefold() not in LEGAL_SUFFIXES:
        return False
    return (
        word.endswith(".")
        or (word.isupper() and len(word) > 1)
        or word.casefold() in _CLEAR_SUFFIXES
    )


def _legal_form(word: str) -> str:
    folded = word.casefold().replace(".", "")
    return _LEGAL_FORMS.get(folded, folded)


def _same_legal_form(suffix: str, name: str) -> bool:
    """ "Corporation" is the same legal form as the "Corp" in "Acme Corp"; a name without a
    suffix of its own cannot tell, so any form is taken as its own."""
    own = name.replace(",", " ").split()[-1]
    if own.casefold() not in LEGAL_SUFFIXES:
        return True
    return _legal_form(suffix) == _legal_form(own)


def _ends_a_longer_name(text: str, position: int, name: str, company: Company) -> str:
    """ "Severn Trent" for Trent, "Geojit BNP Paribas" for BNP Paribas: in a sentence-case
    headline, a capitalised word that is no ordinary English word, place or nationality, right
    before the name, makes a longer name, another company's (or a joint venture's) unless the
    profile lists it. "Drugmaker Shire", "UK-based Acme", "India's Acme" are descriptions."""
    before = _WORD_BEFORE.search(text, 0, position)
    if before is None or not sentence_case(text):
        return ""
    word = before.group(1)
    if (
        (word.isupper() and len(word) <= 4)
        or is_ordinary(word)
        or word.casefold() in _NOT_A_NEW_NAME
        or word.casefold() in _PLACES
        or word.casefold() in _COUNTS
        or word.endswith(_DESCRIPTIONS)
    ):
        return ""
    longer = f"{word} {name}"
    return "" if longer.casefold() in {n.casefold() for n in company.names} else longer


_WORD_BEFORE = re.compile(r"(?<![\w'&.-])([A-Z][a-z]*[A-Za-z]) $")
# Places and nationalities a headline may put before a company's name ("Russia Sistema").
_PLACES = frozenset(
    """russia russian brazil brazilian mexico mexican italy italian spain spanish korea korean
    taiwan taiwanese singapore swiss sweden swedish norway norwegian denmark danish finland
    finnish dutch belgium belgian austria austrian ireland irish israel israeli turkey turkish
    saudi qatar dubai kenya kenyan nigeria nigerian egypt egyptian indonesia indonesian
    malaysia malaysian thailand thai vietnam vietnamese pakistan pakistani bangladesh sri lanka
    nepal chile chilean peru argentina argentine argentinian colombia colombian chinese japanese
    indian german french british american canadian australian european asian african chinas
    mumbai delhi bangalore bengaluru chennai kolkata hyderabad pune gujarat london paris berlin
    tokyo beijing shanghai seoul sydney toronto""".split()
)
_COUNTS = frozenset("two three four five six seven eight nine ten".split())
# Words that describe the company rather than name another: "Drugmaker Shire", "Carmaker X".
_DESCRIPTIONS = ("maker", "makers", "-based", "-owned", "-run", "-listed", "-backed")


def _other_company(text: str, position: int, name: str, company: Company) -> str:
    """ "Acme Brick Co." when the name found is followed by capitalised words and then a legal
    suffix, and that longer name is not one of the company's own. The name directly followed by a
    suffix ("Acme Corporation" for "Acme Corp") is the company itself, written out. In a
    sentence-case headline, a capitalised word after a shortened or guessed name makes a longer
    proper name, another company unless the profile lists it: "Acme Brick wins award" for Acme
    Corp, "Acme Pencil Works posts record sales" for `research acme`."""
    longer = _ends_a_longer_name(text, position, name, company)
    if longer:
        return longer
    tail = [w for w in (t.strip(",;:") for t in text[position + len(name) :].split()[:4]) if w]
    words = [name]
    for word in tail:
        if _is_legal_suffix(word):
            candidate = " ".join([*words, word])
            if len(words) == 1 and _same_legal_form(word, company.name):
                return ""
            own = {n.casefold() for n in company.names}
            return "" if candidate.casefold() in own else candidate
        if not word[:1].isupper() or word.casefold() in _NOT_A_NEW_NAME:
            break  # "Kinder Morgan and BP Form Joint Venture Limited ...": BP's verb, in Title Case
        words.append(word)
    return _longer_proper_name(text, position, name, company)


def _longer_proper_name(text: str, position: int, name: str, company: Company) -> str:
    words = [name]
    for raw in text[position + len(name) :].split()[:4]:
        word = _POSSESSIVE.sub("", raw.rstrip(",;:"))
        if not _continues_a_name(word):
            break
        words.append(word)
        if word != raw:
            break  # "Acme Brick's", "Acme Brick, ...": the name ends there
    if len(words) == 1 or not sentence_case(text) or not _name_is_partial(name, company):
        return ""
    candidate = " ".join(words).casefold()
    if any(n.casefold().startswith(candidate) for n in company.names):
        return ""
    return " ".join(words)


def _name_is_partial(name: str, company: Company) -> bool:
    """Whether a longer name can only be someone else's: the name found is a shortening of the
    company's full name ("Acme" for "Acme Corp": "Acme Brick" is not Acme Corp), or the name is
    our guess from a slug ("acme"). A name typed in full may be followed by a unit's name
    ("Tesco Mobile"), which counts as the company."""
    full = company.name.casefold()
    return not company.exact_case or (
        full != name.casefold() and full.startswith(name.casefold() + " ")
    )


_POSSESSIVE = re.compile("['\u2019]s?$")


def _continues_a_name(word: str) -> bool:
    """A capitalised word that carries on a proper name: not a ticker-like abbreviation
    ("IPO", "Q3", "CEO"), not a role, a month or a headline verb, not the company's own form
    ("Group") or a country unit ("Acme India")."""
    return (
        word[:1].isupper()
        and word.isalpha()
        and not word.startswith(("'", ","))
        and not (word.isupper() and len(word) <= 4)
        and word.casefold() not in _NOT_A_NEW_NAME
    )


# Capitalised words after a company's name that do not make another company's name.
_NOT_A_NEW_NAME = frozenset(
    """group holdings holding industries international enterprises global india uk us usa
    america americas europe china japan germany france australia canada asia africa
    plans partners forms files gets wins signs launches posts reports buys sells raises opens
    acquires names appoints unveils says sees eyes ipo ipos
    form sign win launch buy sell raise acquire unveil agree team join ink seal strike
    pvt private ltds net profit
    pat sales revenue revenues results earnings rs inr usd price chairman chairwoman chair
    chief president director founder cofounder co-founder head boss executive officer board
    shares share stock stocks scrip q1 q2 q3 q4 jan feb mar apr may jun jul aug sep sept oct nov
    dec january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


def sentence_case(text: str) -> bool:
    """A headline written as a sentence ("Acme Corp buys Voltaire Labs for $2.7 billion"), where
    a capital inside marks a name; not Title Case ("Acme Corp to Buy Voltaire Labs For $2.7
    Billion"), where every longer word has one, or a small word is capitalised."""
    words = _WORDS.findall(text)[1:]
    if not any(w[:1].islower() for w in words) or any(w in _SMALL_WORDS for w in words):
        return False
    longer = [w for w in words if len(w) > 3]
    return len(longer) < 2 or not all(w[:1].isupper() for w in longer)


_WORDS = re.compile(r"[^\W\d_][\w'&.-]*")
# Small words a Title Case headline capitalises and a sentence does not.
_SMALL_WORDS = frozenset("To For In On With Of And At By From As The An Its Is After Over Into".split())
