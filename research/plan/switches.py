"""Pure: which built-in sources are on for a company and a run.

A built-in source is on by default, or not (SEC EDGAR is on once the user's contact is set); a
profile switches it on or off for its company, and the run's ``--source`` / ``--no-source``
have the last word. ``builtin=False`` switches off the searches and services a run does not
name, not the company's own feeds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sources.providers.bing_news import NAME as BING_NEWS
from sources.providers.gdelt import NAME as GDELT
from sources.providers.google_news import NAME as GOOGLE_NEWS
from sources.providers.registry import SEC_EDGAR, SWITCHABLE, WIRE

from .. import arguments
from ..errors import InvalidInput
from ..models import Company

# On unless switched off. SEC EDGAR joins them once a contact is set: its terms want one.
DEFAULT_ON = frozenset({GOOGLE_NEWS, BING_NEWS, GDELT, WIRE})
# What builtin=False turns off: the searches and services, not the company's own feeds.
BUILTIN = frozenset({GOOGLE_NEWS, BING_NEWS, GDELT, SEC_EDGAR})


@dataclass(frozen=True)
class Switches:
    """The names a run switches on (``--source``) and off (``--no-source``)."""

    on: tuple[str, ...] = ()
    off: tuple[str, ...] = ()


NO_SWITCHES = Switches()


def check_names(what: str, names: Iterable[str]) -> tuple[str, ...]:
    """Known source names, once each; InvalidInput naming ``what`` and the known names."""
    checked = arguments.names(what, names)
    unknown = [n for n in checked if n not in SWITCHABLE]
    if unknown:
        raise InvalidInput(
            f"unknown source {unknown[0][:60]!r} in {what}; the sources are {', '.join(SWITCHABLE)}"
        )
    return tuple(dict.fromkeys(checked))


def switches(on: Iterable[str], off: Iterable[str]) -> Switches:
    """A run's switches, checked: known names, none both on and off."""
    on, off = check_names("sources", on), check_names("no_sources", off)
    both = set(on) & set(off)
    if both:
        raise InvalidInput(f"source {sorted(both)[0]!r} is both switched on and off")
    return Switches(on, off)


def switched_on(
    company: Company, run: Switches, *, builtin: bool, contact: bool
) -> tuple[frozenset[str], frozenset[str]]:
    """The sources on for this company and run, and those of them asked for by name."""
    on = set(DEFAULT_ON) | ({SEC_EDGAR} if contact else set())
    if not builtin:
        on -= BUILTIN
    on = (on | set(company.sources)) - set(company.no_sources)
    on = (on | set(run.on)) - set(run.off)
    return frozenset(on), frozenset((set(company.sources) | set(run.on)) & on)
