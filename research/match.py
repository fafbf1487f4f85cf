"""Pure: is an item really about this company, and how do we know?

An item counts when it comes from the company's own site, or when the company's name or an alias
appears as a whole word in the headline (else in the summary's first sentence) with the name's
capitals intact ("Apple" matches "Apple", not "apple pie", unless the headline is all capitals).
Exclude terms mark namesakes; an alias followed by another company's legal suffix ("Acme Brick
Co.") is a namesake too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sources.models import Item
from sources.urls import host_of

from .company import LEGAL_SUFFIXES
from .models import Company

_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“])")


@dataclass(frozen=True)
class Mention:
    """How an item was matched to the company."""

    name: str
    where: str  # "headline", "summary" or "own site"
    position: int | None = None  # where the name starts in the headline

    @property
    def reason(self) -> str:
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


def is_own_site(item: Item, company: Company) -> bool:
    own = domain_host(company.domain)
    if not own:
        return False
    hosts = {host_of(item.url), item.publisher_domain.removeprefix("www.")}
    return any(h == own or h.endswith("." + own) for h in hosts if h)


def find_mention(item: Item, company: Company) -> Mention | str:
    """A Mention when the item is about the company; otherwise the reason it is not."""
    if is_own_site(item, company):
        return Mention(domain_host(company.domain), "own site")
    first_sentence = _FIRST_SENTENCE.split(item.summary, maxsplit=1)[0][:400]
    for text in (item.title, first_sentence):
        for term in company.exclude:
            if _find(text, term, case_sensitive=False) is not None:
                return f"mentions {term!r}, which is excluded for {company.name}"
    names = sorted(company.names, key=len, reverse=True)
    namesake = ""
    for where, text in (("headline", item.title), ("summary", first_sentence)):
        for name in names:
            position = _find(text, name, case_sensitive=not text.isupper())
            if position is None:
                continue
            other = _other_company(text, position, name, company)
            if other:
                namesake = other
                continue
            return Mention(name, where, position if where == "headline" else None)
    if namesake:
        return f"names another company, {namesake!r}"
    return f"neither the headline nor the summary's first sentence names {company.name}"


def _find(text: str, name: str, *, case_sensitive: bool) -> int | None:
    """Where ``name`` starts as a whole word in ``text``; capitals in the name must be capitals."""
    for match in re.finditer(rf"(?<![\w&]){re.escape(name)}(?![\w&])", text, re.IGNORECASE):
        found = match.group(0)
        if not case_sensitive or all(
            f.isupper() for n, f in zip(name, found, strict=False) if n.isupper()
        ):
            return match.start()
    return None


def _other_company(text: str, position: int, name: str, company: Company) -> str:
    """ "Acme Brick Co." when the name found is followed by capitalised words and another legal
    suffix, and that longer name is not one of the company's own."""
    tail = text[position + len(name) :].split()[:3]
    words = [name]
    for word in tail:
        bare = word.rstrip(",;:")
        if bare.casefold() in LEGAL_SUFFIXES:
            candidate = " ".join([*words, bare])
            own = {n.casefold() for n in company.names}
            return "" if candidate.casefold() in own else candidate
        if not bare[:1].isupper():
            return ""
        words.append(bare)
    return ""
