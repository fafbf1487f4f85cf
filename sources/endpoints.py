"""Pure builders of news-search URLs from a company query.

Documented formats:
- Google News RSS search: ``https://news.google.com/rss/search?q=QUERY&hl=en-US&gl=US&ceid=US:en``,
  where QUERY accepts quoted phrases, ``OR`` and a ``when:Nd`` recency operator.
- Bing News RSS search: ``https://www.bing.com/news/search?q=QUERY&format=rss``.
The base URL (everything before ``?``) can be replaced for mirrors, proxies and tests; the query
string is always built here.
"""

from __future__ import annotations

from urllib.parse import quote

from .models import Query

GOOGLE_NEWS_SEARCH = "https://news.google.com/rss/search"
BING_NEWS_SEARCH = "https://www.bing.com/news/search"


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
