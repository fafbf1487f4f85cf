"""Pure builders of the URLs the built-in sources ask, from a company query or a filer.

Documented formats:
- Google News RSS search: ``https://news.google.com/rss/search?q=QUERY&hl=en-US&gl=US&ceid=US:en``,
  where QUERY accepts quoted phrases, ``OR`` and a ``when:Nd`` recency operator.
- Bing News RSS search: ``https://www.bing.com/news/search?q=QUERY&format=rss``.
- GDELT DOC 2.0: ``https://api.gdeltproject.org/api/v2/doc/doc?query=QUERY&mode=artlist&format=json
  &maxrecords=N&sort=datedesc&timespan=Nd``, where QUERY takes quoted phrases, ``OR`` only inside
  parentheses and operators such as ``sourcelang:english``; ``maxrecords`` is at most 250 and the
  index covers the last three months.
- SEC EDGAR: the company-tickers list ``https://www.sec.gov/files/company_tickers.json``, a filer's
  submissions ``https://data.sec.gov/submissions/CIK##########.json`` (the CIK zero-padded to ten
  digits), and a filing's files under ``https://www.sec.gov/Archives/edgar/data/CIK/ACCESSION``
  (the CIK without padding, the accession number without dashes), its index page named
  ``ACCESSION-index.htm`` (with dashes).
The base URL (everything before ``?``, or EDGAR's two hosts) can be replaced for mirrors, proxies
and tests; the rest is always built here.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ..models import Query

GOOGLE_NEWS_SEARCH = "https://news.google.com/rss/search"
BING_NEWS_SEARCH = "https://www.bing.com/news/search"
GDELT_DOC_API = "https://api.gdeltproject.org/api/v2/doc/doc"
EDGAR_WWW = "https://www.sec.gov"
EDGAR_DATA = "https://data.sec.gov"
# GDELT's DOC API searches a rolling window of the last three months.
GDELT_MAX_DAYS = 90
GDELT_MAX_RECORDS = 200  # the API allows 250; feeds keep their newest 200 items too
MAX_CIK = 9_999_999_999
_ACCESSION = re.compile(r"[0-9]{10}-[0-9]{2}-[0-9]{6}")
_DOCUMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


def search_expression(query: Query) -> str:
    """Each name quoted as a phrase, OR-ed: ``"Acme Corp" OR "Acme"``."""
    phrases = []
    for term in query.terms:
        phrase = " ".join(term.replace('"', " ").split())
        if phrase:
            phrases.append(f'"{phrase}"')
    return " OR ".join(phrases)


def _join(base: str, query_string: str) -> str:
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}{query_string}"


def google_news_url(query: Query, base: str = GOOGLE_NEWS_SEARCH) -> str:
    expression = f"{search_expression(query)} when:{query.days}d"
    return _join(base, f"q={quote(expression, safe='')}&hl=en-US&gl=US&ceid=US:en")


def bing_news_url(query: Query, base: str = BING_NEWS_SEARCH) -> str:
    return _join(base, f"q={quote(search_expression(query), safe='')}&format=rss")


def gdelt_expression(query: Query) -> str:
    """Each name a quoted phrase, OR-ed inside parentheses (GDELT refuses a bare OR), in English:
    ``("Acme Corp" OR "Acme") sourcelang:english``."""
    phrases = search_expression(query)
    if " OR " in phrases:
        phrases = f"({phrases})"
    return f"{phrases} sourcelang:english"


def gdelt_url(query: Query, base: str = GDELT_DOC_API) -> str:
    days = max(1, min(query.days, GDELT_MAX_DAYS))
    return _join(
        base,
        f"query={quote(gdelt_expression(query), safe='')}&mode=artlist&format=json"
        f"&maxrecords={GDELT_MAX_RECORDS}&sort=datedesc&timespan={days}d",
    )


def check_cik(cik: int) -> int:
    """A Central Index Key as the SEC numbers filers: 1 to ten digits; ValueError otherwise."""
    if isinstance(cik, bool) or not isinstance(cik, int) or not 0 < cik <= MAX_CIK:
        raise ValueError(f"a CIK is a number of 1 to 10 digits; got {cik!r:.40}")
    return cik


def edgar_tickers_url(www: str = EDGAR_WWW) -> str:
    return f"{www.rstrip('/')}/files/company_tickers.json"


def edgar_submissions_url(cik: int, data: str = EDGAR_DATA) -> str:
    return f"{data.rstrip('/')}/submissions/CIK{check_cik(cik):010d}.json"


def edgar_filing_folder(cik: int, accession: str, www: str = EDGAR_WWW) -> str:
    """The folder of one filing's files; ValueError for an accession number not as the SEC
    writes them (0000320193-24-000123)."""
    if not _ACCESSION.fullmatch(accession):
        raise ValueError(f"not an accession number: {accession!r:.40}")
    return f"{www.rstrip('/')}/Archives/edgar/data/{check_cik(cik)}/{accession.replace('-', '')}"


def edgar_filing_index_url(cik: int, accession: str, www: str = EDGAR_WWW) -> str:
    return f"{edgar_filing_folder(cik, accession, www)}/{accession}-index.htm"


def edgar_document_url(cik: int, accession: str, document: str, www: str = EDGAR_WWW) -> str:
    """A file of the filing, by the name the submissions list gives; ValueError for a name
    that is not a plain file name."""
    if not _DOCUMENT.fullmatch(document) or ".." in document:
        raise ValueError(f"not a file name of a filing: {document!r:.60}")
    return f"{edgar_filing_folder(cik, accession, www)}/{document}"
