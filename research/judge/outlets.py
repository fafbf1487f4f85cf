"""Pure: how much to trust where a story was published.

The company's own newsroom ranks first (what it announces is what it is proud of), then
established news organisations and press-release wires, then everything else. The list is of
well-known news and wire domains; a story carried by any of them counts.
"""

from __future__ import annotations

from collections.abc import Iterable

ESTABLISHED = frozenset(
    """
    reuters.com apnews.com bloomberg.com wsj.com ft.com nytimes.com washingtonpost.com bbc.co.uk
    bbc.com theguardian.com economist.com cnbc.com cnn.com forbes.com fortune.com businessinsider.com
    marketwatch.com barrons.com techcrunch.com theverge.com wired.com axios.com politico.com
    latimes.com usatoday.com npr.org afp.com dw.com lemonde.fr handelsblatt.com nikkei.com
    asia.nikkei.com scmp.com straitstimes.com economictimes.indiatimes.com livemint.com
    business-standard.com thehindubusinessline.com moneycontrol.com financialexpress.com
    businesswire.com prnewswire.com globenewswire.com accesswire.com einpresswire.com
    newswire.ca marketscreener.com investing.com finance.yahoo.com news.yahoo.com
    """.split()
)
ESTABLISHED_BONUS = 0.1


def established_outlet(domains: Iterable[str]) -> str:
    """The first of these domains that belongs to an established outlet, else ""."""
    for domain in domains:
        host = domain.casefold().removeprefix("www.")
        if host in ESTABLISHED or any(host.endswith("." + known) for known in ESTABLISHED):
            return host
    return ""
