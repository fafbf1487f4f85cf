"""Pure: does an event touch a topic the user discussed in the interview ("supply chain")?"""

from __future__ import annotations

import re

MAX_TOPICS = 10
MAX_TOPIC_LENGTH = 100
_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset("a an and as at by for from in into of on or our the their to with its".split())


def _stem(word: str) -> str:
    """A crude common stem, applied to both sides: "hiring", "hire" and "hires" -> "hir";
    "ships" and "shipping" -> "ship"; "centres" and "centers" -> "cent"; "news" stays "news"."""
    if len(word) <= 3 or word.endswith(("ss", "ews", "us", "is")):
        return word
    for ending in ("ing", "ies", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)] + ("y" if ending == "ies" else "")
            break
    if word.endswith("re") and len(word) > 4:
        word = word[:-2] + "er"  # "centre" and "center" alike
    for ending in ("er", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "shipp" -> "ship"
    return word


def topic_words(text: str) -> frozenset[str]:
    """The content words of a text, lower case, with simple plural and verb endings removed."""
    return frozenset(_stem(w) for w in _WORD.findall(text.casefold()) if w not in _STOP)


def touches(topic: str, text: str) -> bool:
    """True when every content word of the topic appears in the text ("the Denver office"
    touches "Acme opens new office in Denver")."""
    wanted = topic_words(topic)
    return bool(wanted) and wanted <= topic_words(text)
