"""SEC EDGAR: a US-listed company's current reports, read as its own announcements.

The company's submissions (``data.sec.gov/submissions/CIK##########.json``) list its filings;
the newest current reports (8-K, and 6-K of foreign issuers) whose items can be good news are
read further: the filing's index page names its documents, a press-release exhibit (EX-99) gives
the headline and lead, and without one an Item 1.01 (a material agreement) or 2.01 (a completed
acquisition) paragraph of the report itself gives them (``sources.parse.filings``).

The SEC's fair-access rules: every request says who is calling (a User-Agent with a contact
address, which the user configures; without it the source is not asked) and at most ten
requests a second reach its hosts (``sources.net.limits.SERVICE_SPACING``).
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TypeVar

from ..errors import EmptyResponse, Malformed, SourceError
from ..models import Filer, Item, Query
from ..net.http import HttpClient
from ..net.isolate import run_parse
from ..net.limits import package_version
from ..parse.feeds import ParsedFeed
from ..parse.filings import (
    acquisition_headline,
    agreement_headline,
    exhibit_links,
    item_text,
    press_release,
)
from ..parse.items import make_item
from ..parse.pages import decode_html
from ..parse.text import parse_date
from .endpoints import (
    EDGAR_DATA,
    EDGAR_WWW,
    check_cik,
    edgar_document_url,
    edgar_filing_index_url,
    edgar_submissions_url,
    edgar_tickers_url,
)
from .registry import SEC_EDGAR

NAME = SEC_EDGAR
PUBLISHER = "SEC EDGAR"
DOMAIN = "sec.gov"
# Current reports worth reading, and the 8-K items that can be good news: 1.01 a material
# agreement, 2.01 a completed acquisition, 2.02 results (with their press release), 7.01 and
# 8.01 announcements (with theirs).
FORMS = frozenset({"8-K", "6-K"})
GOOD_ITEMS = frozenset({"1.01", "2.01", "2.02", "7.01", "8.01"})
# Items a report's own words can tell, without a press release.
TOLD_BY_THE_REPORT = {"1.01": agreement_headline, "2.01": acquisition_headline}
# The newest reports read per run (each costs two or three requests), and how far back.
FILINGS_TO_READ = 6
OLDEST = timedelta(days=365)

logger = logging.getLogger(__name__)
T = TypeVar("T")
# Reads a fetched page (body, headers, final URL) in a parser process.
Reader = Callable[[bytes, Mapping[str, str], str], T]


@dataclass(frozen=True)
class Filing:
    """A current report worth reading: where it is and what its items say it is about."""

    accession: str
    form: str
    filed: datetime
    items: tuple[str, ...]
    primary_document: str


@dataclass(frozen=True)
class FilingList(ParsedFeed):
    """The submissions list read: the filings still to read (``Edgar.complete`` reads them)."""

    filings: tuple[Filing, ...] = ()


def sec_user_agent(contact: str) -> str:
    """What the SEC asks every automated request to say: who is calling, and how to reach them."""
    return f"{contact} research/{package_version()}"


@dataclass(frozen=True)
class Edgar:
    """One filer's current reports as a Source; ``company`` names it in written headlines."""

    cik: int
    contact: str
    company: str
    www: str = EDGAR_WWW
    data: str = EDGAR_DATA
    name: str = NAME

    def __post_init__(self) -> None:
        check_cik(self.cik)

    @property
    def user_agent(self) -> str:
        return sec_user_agent(self.contact)

    def url_for(self, query: Query) -> str:
        return edgar_submissions_url(self.cik, self.data)

    def parse(
        self, body: bytes, headers: Mapping[str, str], *, url: str, now: datetime
    ) -> FilingList:
        return parse_submissions(body, url=url, now=now)

    async def complete(self, parsed: ParsedFeed, http: HttpClient, *, now: datetime) -> ParsedFeed:
        """Each listed report read for its headline; one that cannot be read is a warning."""
        filings = parsed.filings if isinstance(parsed, FilingList) else ()
        read = await asyncio.gather(*(self._read(filing, http) for filing in filings))
        items = tuple(r for r in read if isinstance(r, Item))
        warnings = tuple(r for r in read if isinstance(r, str))
        return ParsedFeed(parsed.title, items, (*parsed.warnings, *warnings))

    async def _read(self, filing: Filing, http: HttpClient) -> Item | str | None:
        index_url = edgar_filing_index_url(self.cik, filing.accession, self.www)
        try:
            documents = await self._page(http, index_url, _exhibits)
            release = _press_release_url(documents)
            if release is not None:
                title, lead = await self._page(http, release, _release)
                if title:
                    return self._item(filing, title, lead, release)
            told = [i for i in filing.items if i in TOLD_BY_THE_REPORT]
            if filing.form != "8-K" or not told:
                return None
            report = edgar_document_url(
                self.cik, filing.accession, filing.primary_document, self.www
            )
            texts = await self._page(http, report, functools.partial(_item_texts, items=told))
            for item, text in zip(told, texts, strict=True):
                headline = TOLD_BY_THE_REPORT[item](self.company, text)
                if headline:
                    return self._item(filing, headline, text, report)
            return None
        except SourceError as error:
            return f"could not read the filing {index_url}: {error.message}"
        except ValueError as error:  # a document name the submissions list should not hold
            return f"skipped the filing {filing.accession}: {error}"
        except Exception as error:  # a parser tripped on this filing: skip it, keep the others
            logger.exception("unexpected error while reading %s", index_url)
            return f"could not read the filing {index_url} ({type(error).__name__})"

    async def _page(self, http: HttpClient, url: str, read: Reader[T]) -> T:
        response = await http.get(
            url, user_agent=self.user_agent, max_bytes=http.limits.max_page_bytes
        )
        return await run_parse(
            functools.partial(read, response.body, response.headers, response.url),
            url=response.url,
            size=len(response.body),
        )

    def _item(self, filing: Filing, title: str, summary: str, url: str) -> Item:
        item = make_item(
            title=title,
            url=url,
            published=filing.filed,
            summary=summary,
            publisher=PUBLISHER,
            publisher_domain=DOMAIN,
            source=self.name,
            guid=filing.accession,
        )
        # What a company files about itself is its own announcement, as its newsroom's is.
        return replace(item, first_party=True)


def _press_release_url(documents: list[tuple[str, str]]) -> str | None:
    """The press release among a filing's documents: exhibit 99.1, else the first EX-99."""
    exact = [url for kind, url in documents if kind == "EX-99.1"]
    releases = exact or [url for kind, url in documents if kind.startswith("EX-99")]
    return releases[0] if releases else None


def _exhibits(body: bytes, headers: Mapping[str, str], url: str) -> list[tuple[str, str]]:
    return exhibit_links(decode_html(body, headers), url)


def _release(body: bytes, headers: Mapping[str, str], url: str) -> tuple[str, str]:
    return press_release(decode_html(body, headers))


def _item_texts(
    body: bytes, headers: Mapping[str, str], url: str, *, items: list[str]
) -> list[str]:
    html = decode_html(body, headers)
    return [item_text(html, item) for item in items]


def parse_submissions(body: bytes, *, url: str, now: datetime) -> FilingList:
    """The newest current reports worth reading, from a filer's submissions JSON."""
    document = _json_object(body, url, "the company's filings")
    filings = document.get("filings")
    recent = filings.get("recent") if isinstance(filings, dict) else None
    columns = ("accessionNumber", "form", "acceptanceDateTime", "filingDate", "items")
    if not isinstance(recent, dict) or not all(isinstance(recent.get(c), list) for c in columns):
        raise Malformed("the SEC's answer lists no recent filings ('filings.recent')", url=url)
    primary = recent.get("primaryDocument")
    primaries = primary if isinstance(primary, list) else []
    chosen: list[Filing] = []
    for row, (accession, form, accepted, filed, items) in enumerate(
        zip(*(recent[c] for c in columns), strict=False)  # columns cut short: read what is whole
    ):
        codes = tuple(i.strip() for i in str(items or "").split(",") if i.strip())
        if form not in FORMS or (form == "8-K" and not GOOD_ITEMS.intersection(codes)):
            continue
        when = parse_date(str(accepted or "")) or parse_date(str(filed or ""))
        if when is None or when > now or when < now - OLDEST:
            continue
        primary_document = str(primaries[row]) if row < len(primaries) else ""
        chosen.append(Filing(str(accession), str(form), when, codes, primary_document))
        if len(chosen) >= FILINGS_TO_READ:
            break
    name = document_name(document)
    return FilingList(name, (), filings=tuple(chosen))


def document_name(document: Mapping[str, object]) -> str:
    name = document.get("name")
    return name if isinstance(name, str) else PUBLISHER


def parse_filers(body: bytes, *, url: str = "") -> tuple[Filer, ...]:
    """The SEC's company-tickers list: ``{"0": {"cik_str": 320193, "ticker": "AAPL", "title":
    "Apple Inc."}, ...}``."""
    document = _json_object(body, url, "the list of filers")
    filers = []
    for entry in document.values():
        if not isinstance(entry, dict):
            continue
        cik, ticker, title = entry.get("cik_str"), entry.get("ticker"), entry.get("title")
        if isinstance(cik, int) and 0 < cik < 10**10 and isinstance(title, str) and title:
            filers.append(Filer(cik, str(ticker or ""), title))
    if not filers:
        raise Malformed("the SEC's list of filers holds no company", url=url)
    return tuple(filers)


async def fetch_filers(http: HttpClient, contact: str, www: str = EDGAR_WWW) -> tuple[Filer, ...]:
    """The SEC's list of filers, asked with the user's contact; SourceError if it fails."""
    url = edgar_tickers_url(www)
    response = await http.get(url, user_agent=sec_user_agent(contact))
    return await run_parse(
        functools.partial(parse_filers, response.body, url=url), url=url, size=len(response.body)
    )


def _json_object(body: bytes, url: str, what: str) -> dict[str, object]:
    if not body.strip():
        raise EmptyResponse(f"the SEC sent an empty answer instead of {what}", url=url)
    try:
        document = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise Malformed(f"{what} from the SEC is not valid JSON", url=url) from exc
    if not isinstance(document, dict):
        raise Malformed(f"{what} from the SEC is JSON but not an object", url=url)
    return document
