"""Which SEC filer a company is: the CIK its profile sets, else the one the SEC's list of filers
gives for its names. The list is kept in the cache and asked for again after a week; a run (or a
whole digest) loads it at most once, whichever company asks first.
"""

from __future__ import annotations

import asyncio
import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

from sources import HttpClient, NotListed, SourceError
from sources.models import Filer

from ..errors import StoreError
from ..logs import library_logger
from ..models import Company
from ..store.cache import Cache
from .company import command_name, strip_legal_suffix

LIST_NAME = "sec-company-tickers"
REFRESH_AFTER = timedelta(days=7)
# "ACME CORP /DE/", "ACME CORP\\DE\\": the state of incorporation some filer names carry.
_STATE_SUFFIX = re.compile(r"\s*[/\\][A-Z]{2,4}[/\\]?\s*$")
_WORD = re.compile(r"[a-z0-9&]+")

logger = library_logger(__name__)


class NotStored(SourceError):
    """Offline, and the SEC's list of filers was never fetched: the CIK cannot be found."""

    reason = "not_stored"


def filer_key(name: str) -> str:
    """A name as filer names are compared: no legal form, state suffix, accents or punctuation,
    in lower case ("ACME CORP /DE/" and "Acme Corp." -> "acme")."""
    text = _STATE_SUFFIX.sub("", name)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = strip_legal_suffix(" ".join(text.split()))
    return " ".join(_WORD.findall(text.casefold()))


def matching_filers(names: Iterable[str], filers: Iterable[Filer]) -> list[Filer]:
    """The filers (one per CIK) whose name is one of ``names``, compared by ``filer_key``."""
    wanted = {key for key in (filer_key(n) for n in names) if key}
    found: dict[int, Filer] = {}
    for filer in filers:
        if filer.cik not in found and filer_key(filer.title) in wanted:
            found[filer.cik] = filer
    return list(found.values())


class Filers:
    """The SEC's list of filers for one run. ``stored_first`` uses a list younger than a week
    from the cache (a recording passes False, so that its folder holds the list it used)."""

    def __init__(self, cache: Cache | None, now: datetime, *, stored_first: bool = True) -> None:
        self.cache = cache
        self.now = now
        self.stored_first = stored_first
        self._loading: asyncio.Task[tuple[Filer, ...]] | None = None

    async def cik_for(
        self, company: Company, http: HttpClient | None, contact: str, www: str
    ) -> int:
        """The company's CIK; NotListed when no filer, or more than one, goes by its names,
        another SourceError when the list could not be had. ``http`` None (offline) uses the
        stored list alone."""
        if company.cik is not None:
            return company.cik
        filers = await self._list(http, contact, www)
        found = matching_filers(company.names, filers)
        fix = f"research company add {command_name(company)} --cik NUMBER"
        if not found:
            raise NotListed(
                f"no company in the SEC's list of filers goes by {company.name!r}; if it files "
                f"with the SEC under another name, set its CIK: {fix}"
            )
        if len(found) > 1:
            named = ", ".join(f"{f.title} (CIK {f.cik})" for f in found[:5])
            raise NotListed(
                f"several SEC filers go by {company.name!r}: {named}; choose one with: {fix}"
            )
        return found[0].cik

    async def _list(self, http: HttpClient | None, contact: str, www: str) -> tuple[Filer, ...]:
        if self._loading is None:
            self._loading = asyncio.ensure_future(self._load(http, contact, www))
        return await self._loading

    async def _load(self, http: HttpClient | None, contact: str, www: str) -> tuple[Filer, ...]:
        stored = self._stored()
        if stored is not None and (http is None or self._fresh(stored[0])):
            return stored[1]
        if http is None:
            raise NotStored(
                "the SEC's list of filers is not stored yet; run once without --offline"
            )
        from sources.providers.edgar import (
            fetch_filers,  # the filings reader, only when EDGAR is asked
        )

        try:
            filers = await fetch_filers(http, contact, www)
        except SourceError as error:
            if stored is None:
                raise
            logger.warning(
                "the SEC's list of filers could not be refreshed (%s); using the one of %s",
                error.message,
                f"{stored[0]:%Y-%m-%d}",
            )
            return stored[1]
        self._save(filers)
        return filers

    def _fresh(self, fetched_at: datetime) -> bool:
        return self.stored_first and self.now - fetched_at < REFRESH_AFTER

    def _stored(self) -> tuple[datetime, tuple[Filer, ...]] | None:
        if self.cache is None:
            return None
        try:
            stored = self.cache.reference_list(LIST_NAME)
            if stored is None:
                return None
            rows = json.loads(stored[1])
            return stored[0], tuple(Filer(int(c), str(t), str(n)) for c, t, n in rows)
        except (StoreError, ValueError, TypeError) as exc:
            logger.warning("the stored list of SEC filers was not used: %s", exc)
            return None

    def _save(self, filers: tuple[Filer, ...]) -> None:
        if self.cache is None:
            return
        data = json.dumps([[f.cik, f.ticker, f.title] for f in filers], ensure_ascii=False)
        try:
            self.cache.save_reference_list(LIST_NAME, data, self.now.astimezone(timezone.utc))
        except StoreError as exc:
            logger.warning("the list of SEC filers was not stored: %s", exc)
