"""Pure: the approvals a headline tells of, named as it names them: a regulator's ("gets USFDA
approval for cancer drug", "FDA approves Acme's Zolvix"), a drug's status on the way to one, and
the shareholders' or the exchanges' for a deal."""

from __future__ import annotations

import re

from .details import _NAME, Detail, after_name, names_alternation
from .grammar import indefinite_article, possessive


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
        return None  # an issue's approval is named by share_issues._ipo_news
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
        rf"(?:{company})(?:['\u2019]s\s+(?P<drug>[A-Z][\w-]*)|(?:['\u2019]s)?\s+(?P<kind>(?:[a-z-]+\s+)?"
        r"(?:drug|therapy|treatment|vaccine|pill|medicine)))\s+(?:gets|wins|receives|earns|secures)\s+"
        r"(?:an?\s+|the\s+)?(?:\w+\s+)?(?P<status>orphan[- ]drug|fast[- ]track|breakthrough"
        r"(?:[- ]therapy)?|priority[- ]review)(?:\s+(?:label|designation|status|tag))?\b",
        title,
        re.IGNORECASE,
    )
    if found is None:
        return None
    status = _DRUG_STATUS[re.split(r"[- ]", found.group("status").lower())[0]]
    if found.group("kind"):  # "Acme cancer drug wins fast-track status": a drug it does not name
        kind = found.group("kind").lower()
        return Detail(
            f"the {status} for {owner} {kind}", f"won {status} for your {kind}", "approval"
        )
    drug = found.group("drug")
    if _GENERIC_DRUG.search(drug):
        drug = drug.lower()  # a generic name ("selumetinib") is not a brand: Title Case capped it
    return Detail(f"the {status} for {owner} {drug}", f"won {status} for {drug}", "approval")


# A drug's trial going well, as the headline says it: "clinical trial success", "sails through
# trial", "strong trial results", "positive study data".
_TRIAL_WENT_WELL = re.compile(
    r"\b(?:(?:clinical\s+|late-stage\s+|phase\s+(?:\d|i+)\w*\s+)?(?:trial|study)\s+success"
    r"|succe\w+\s+(?:in\s+|at\s+)?(?:an?\s+|its\s+|the\s+)?(?:\w+\s+)?(?:trial|study)"
    r"|(?:sails?|sailed|breezes?|breezed)\s+through\s+(?:an?\s+|its\s+|the\s+)?(?:\w+\s+)?(?:trial|study|tests?)"
    r"|(?:strong|positive|good|encouraging|promising|upbeat)\s+(?:\w+\s+)?(?:trial|study)\s+(?:results|data))\b",
    re.IGNORECASE,
)
# The kind of drug a headline names in plain words ("heart drug", "dry eye treatment").
_DRUG_KIND = re.compile(
    r"\b(?:(?!(?:for|as|of|its|the|a|an|on|in|with|after|by|to|and|from|new|major)\b)[a-z-]+\s+){1,2}"
    r"(?:drug|therapy|treatment|vaccine|pill|medicine)\b"
)


def _trial_success(title: str, owner: str) -> Detail | None:
    """ "Acme heart drug boosted by major clinical trial success" -> the successful trial of
    Acme's heart drug, never "a recent milestone"."""
    if _TRIAL_WENT_WELL.search(title) is None:
        return None
    kind = _DRUG_KIND.search(title)
    if kind is None:
        return None
    drug = kind.group(0)
    return Detail(
        f"the successful trial of {owner} {drug}", f"seen a successful trial of your {drug}"
    )


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


# Who cleared the company's deal, as a note names them.
_APPROVERS = {
    "shareholders": "the shareholders'", "investors": "investors'", "regulators": "the regulators'",
    "nse & bse": "the stock exchanges'", "bse & nse": "the stock exchanges'",
    "nse and bse": "the stock exchanges'", "bse and nse": "the stock exchanges'",
    "bourses": "the stock exchanges'", "exchanges": "the stock exchanges'",
}  # fmt: skip
_WHO = r"Shareholders|Investors|Regulators|NSE\s*(?:&|and|,)\s*BSE|BSE\s*(?:&|and|,)\s*NSE|bourses|exchanges"
# A regulator named: "CCI", "Forward Markets Commission", "Competition Tribunal".
_BODY = (
    r"(?-i:[A-Z]{2,6}|(?:[A-Z][a-z]+\s+){1,3}(?:Commission|Ministry|Authority|Board|Tribunal"
    r"|Regulator|Bureau))"
)
_DEAL = r"(?:deal|takeover|merger|acquisition|buyout)"


# "Acme merger with Beta gets CCI nod", "Acme's deal secures shareholders' approval": after
# the company's name (found apart, so that the pattern is compiled once).
_OWN_DEAL_CLEARED = re.compile(
    rf"(?:['\u2019]s)?\s+(?P<deal>(?:[a-z][\w-]*\s+){{0,3}}?(?i:{_DEAL})(?:\s+(?:with|of|for)\s+"
    rf"{_NAME})?)\s+(?i:secures?|gets?|wins?|receives?)\s+(?P<who>(?i:{_WHO})|[A-Z]{{2,}}"
    r"(?:,?\s+[A-Z]{2,})?)'?\s+(?i:nod|approval|clearance|green\s+light)\b"
)


def _deal_approved(title: str, names: tuple[str, ...], owner: str) -> Detail | None:
    """ "Shareholders give Acme green light for $2.7 billion Beta deal", "Acme-Beta deal secures
    NSE & BSE nod": who cleared which of the company's deals, never "its latest acquisition"."""
    company = names_alternation(names)
    given = re.search(
        rf"\b(?P<who>{_WHO}|{_BODY})\s+(?:give|gives|gave|approve|approves|approved|back|backs|clear"
        rf"|clears)\s+(?:{company})(?:\s+(?-i:[A-Z][\w&.]*))*?(?:['\u2019]s)?\s+"
        rf"(?:green\s+light\s+|nod\s+|approval\s+)?(?:for\s+|to\s+)?"
        rf"(?:the\s+|its\s+)?(?P<deal>(?=(?-i:[a-z$\d\u00a3\u20ac\u20b9]))[^,;:]{{0,40}}?\b{_DEAL}\b(?:\s+(?:of|for|with)\s+{_NAME}"
        rf"|\s+to\s+(?:buy|acquire)\s+(?:an?\s+)?(?P<stake>\d+(?:\.\d+)?\s*(?:%|per\s*cent))\s+stake\s+in"
        rf"\s+{_NAME})?)",
        title,
        re.IGNORECASE,
    )
    paired = re.search(
        # "Acme-Beta deal", "Acme, Beta Holiday merger deal": the two parties, then the deal
        rf"(?:{company})\s*(?:-|,\s)\s*(?P<target>[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*)?)\s+"
        rf"(?P<noun>{_DEAL})(?:\s+deal)?\b"
        rf"[^;]*?\b(?:secures?|gets?|wins?|receives?)\s+(?P<who>{_WHO}|(?-i:[A-Z]{{2,}}))\s+"
        r"(?:nod|approval|clearance)",
        title,
        re.IGNORECASE,
    )
    if given:
        who, deal = given.group("who"), given.group("deal")
        if given.group("stake"):  # "deal to buy 15 per cent stake in MCX": "a 15% stake"
            stake = re.sub(r"\s*(?:%|per\s*cent)$", "%", given.group("stake"))
            deal = deal.replace(given.group("stake"), stake).replace(" to buy ", " to buy a ", 1)
            deal = deal.replace(" to acquire ", " to acquire a ", 1).replace(" a a ", " a ")
    elif paired:
        who, deal = paired.group("who"), f"{paired.group('target')} {paired.group('noun').lower()}"
    elif own := _OWN_DEAL_CLEARED.match(title, after_name(title, names)):
        who, deal = own.group("who"), own.group("deal")
    else:
        return None
    said = re.sub(r"\s*,\s*", " & ", re.sub(r"\s+", " ", who.lower()))
    # "the CCI approval", but "the Forward Markets Commission's approval"
    body = f"the {who}'s" if re.fullmatch(_BODY, who) and not who.isupper() else None
    approver = _APPROVERS.get(said) or (f"the {who}" if who.isupper() else body)
    if approver is None:
        return None
    return Detail(
        f"{approver} approval for {owner} {deal}",
        f"won {approver} approval for your {deal}",
        "approval",
    )
