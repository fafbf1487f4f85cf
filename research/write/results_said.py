"""Pure: a results headline's news as a note says it: the ``Results`` read from it, a rise
with its figure ("the 20% rise in Biocon's Q2 net profit") and a raised dividend. Shared by the
readers of results.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .grammar import indefinite_article
from .results_terms import FIGURE, PERIOD_WORD, spelled_figure, spelled_period


@dataclass(frozen=True)
class Results:
    """A results headline read: ``news`` completes "congratulations on ...", ``clause``
    completes "now that you've ..."."""

    news: str
    clause: str
    strong: bool = False  # a beat, a double-digit rise, a record: praise may say "impressive"
    as_written: bool = False  # the headline's own words say it as well ("posts record revenue")


def risen(owner: str, what: str, figure: str | None, to: str) -> Results:
    """The rise in ``what``, with its figure when the headline gives one; strong when the
    figure is ten per cent or more."""
    if not figure:
        return Results(f"the rise in {owner} {what}{to}", f"posted a rise in {what}{to}")
    figure = spelled_figure(figure.strip())
    percent = re.match(r"(?:more than\s+)?(\d+(?:\.\d+)?)%", figure)
    strong = percent is None or float(percent.group(1)) >= 10
    if re.match(r"\d", figure) or figure.endswith("fold"):  # "the more than tenfold rise"
        return Results(
            f"the {figure} rise in {owner} {what}{to}",
            f"posted {indefinite_article(figure)} {figure} rise in {what}{to}",
            strong=strong,
        )
    return Results(
        f"the rise of {figure} in {owner} {what}{to}",
        f"posted a rise of {figure} in {what}{to}",
        strong=strong,
    )


DIVIDEND = re.compile(
    rf"(?:hikes?|raises?|lifts?|increases?|ups|boosts?)\s+(?:its\s+)?"
    rf"(?P<period>(?:(?:{PERIOD_WORD}|interim|final|special)\s+){{0,2}})(?:dividend|payout)"
    rf"(?:\s+(?:by\s+)?(?P<figure>{FIGURE}))?(?!\w)",
    re.I,
)


def dividend(match: re.Match[str], owner: str) -> Results:
    """ "hikes dividend 20%" -> "the 20% rise in Acme's dividend"; a payout raised is a sign
    of confidence, strong when the figure is ten per cent or more."""
    period = re.sub(r"\b(?:Interim|Final|Special)\b", lambda m: m.group(0).lower(),
                    spelled_period(match.group("period") or ""))  # fmt: skip
    what = f"{period} dividend".strip()
    figure = match.group("figure")
    if not figure:
        return Results(f"the rise in {owner} {what}", f"raised your {what}", strong=True)
    rise = risen(owner, what, figure, "")
    told = spelled_figure(figure.strip())
    return Results(rise.news, f"raised your {what} by {told}", strong=rise.strong)
