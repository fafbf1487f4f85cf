"""Pure: the verbs a headline tells its news with, as the phrasing turns them: "wins" ->
"winning" (the phrase quoted) -> "won" (the clause that says it was done)."""

from __future__ import annotations

from .english import participles, verb_forms

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
