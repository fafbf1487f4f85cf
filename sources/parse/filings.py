"""Pure reading of SEC filings: a filing's index page, its press-release exhibit, and the items
of a current report (8-K), as headlines a note can congratulate on. Takes decoded HTML, never a
URL to fetch.

A current report says in its items what happened; the headline is written here only where the
report says something worth congratulating in words we can trust: an agreement whose name says
it is a business deal (a supply, licence or collaboration agreement, not a loan or an employment
contract), or an acquisition completed. Anything else is left to its press release, or skipped.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlsplit

from .text import SUMMARY_LIMIT, TITLE_LIMIT, clean_text, parse_html, strip_dateline, truncate
from .urls import is_http_url

_BLOCKS = ("p", "div", "td", "li", "h1", "h2", "h3", "h4", "h5", "h6", "center")
_BOILERPLATE = re.compile(
    r"^(?:ex(?:hibit|\.)?\s*-?\s*99(?:\.\d+)?\b|for immediate release|press release$|news release$"
    r"|news$|media (?:contact|relations)|investor (?:contact|relations)|contacts?\b|source:"
    r"|about\s|forward[- ]looking|page \d|\(?\d+\)?$|table of contents)",
    re.IGNORECASE,
)
_ITEM_HEADING = re.compile(r"^item\s*(\d{1,2}\.\d{2})\b\.?", re.IGNORECASE)
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with".split())
# Agreements worth congratulating on: their name says business with a customer or partner.
_DEAL_WORDS = re.compile(
    r"\b(?:supply|services?|licen[cs]e|licensing|collaborat\w*|partnership|distribution|joint"
    r" venture|development|commercial\w*|manufactur\w*|reseller|strategic|alliance|research"
    r"|marketing|co-promotion|customer|production|offtake|procurement|purchase order)\b",
    re.IGNORECASE,
)
# Agreements that are not news to congratulate on, whatever else their name says.
_NOT_DEAL_WORDS = re.compile(
    r"\b(?:credit|loan|notes?|indenture|underwriting|employment|separation|severance|consulting"
    r"|indemnification|registration rights|amendment|amended|forbearance|guarant\w*|security"
    r"|pledge|lease|equity distribution|sales agreement|at[- ]the[- ]market|securities purchase"
    r"|warrant|voting|support|lock-up|settlement|termination|retention|transition|merger"
    r"|stock purchase|share purchase|asset purchase|purchase and sale|exchange)\b",
    re.IGNORECASE,
)
_PARTY_END = (
    r"(?=\s*(?:\(|,|;|\.\s|\.$|$|\bpursuant\b|\bunder\b|\bfor\b|\bwhich\b|\bwhereby\b|\bto\b"
    r"|\bdated\b|\beffective\b|\bfrom\b|\bby\b))"
)
_AGREEMENT = re.compile(
    r"\bentered into (?:an?|the|that certain)\s+(?P<what>[^.;()\"“”]{2,100}?\b(?:Agreement|Contract))"
    r"\b(?:\s*\([^)]{0,80}\))?(?:,?\s*(?:dated|effective)(?:\s+as\s+of)?\s+[A-Za-z]+\.?\s+\d{1,2},\s+\d{4},?)?\s*"
    r"(?:with|by and between|between|by and among|among)\s+(?P<who>[^;()\"“”]{2,100}?)"
    + _PARTY_END,
    re.IGNORECASE,
)
_ACQUIRED = re.compile(
    r"\b(?:completed|consummated|closed)\s+(?:its|the)?\s*(?:previously[- ]announced\s+)?"
    r"acquisition of\s+(?P<what>[^;()\"“”]{2,100}?)" + _PARTY_END,
    re.IGNORECASE,
)
_DISPOSED = re.compile(r"\b(?:sale|sold|dispos\w*|divest\w*|spin-?off)\b", re.IGNORECASE)


def text_blocks(html: str) -> list[str]:
    """The page's innermost blocks of text in reading order, whitespace collapsed."""
    soup = parse_html(html)
    for hidden in soup(["script", "style", "template", "noscript", "head"]):
        hidden.decompose()
    blocks = []
    for node in soup.find_all(_BLOCKS):
        if node.find(_BLOCKS) is None:
            text = clean_text(node.get_text(" "))
            if text:
                blocks.append(text)
    return blocks


def exhibit_links(index_html: str, index_url: str) -> list[tuple[str, str]]:
    """(type, absolute URL) of each document an EDGAR filing index lists, in its order.

    The index's document table has a header (Seq, Description, Document, Type, Size) and a row
    per file with a link to it and its type (``8-K``, ``EX-99.1``, ...). Inline XBRL links
    (``/ix?doc=/Archives/...``) are read as the document they show.
    """
    found: list[tuple[str, str]] = []
    for table in parse_html(index_html).find_all("table"):
        header = [clean_text(th.get_text(" ")).lower() for th in table.find_all("th")]
        if "type" not in header or "document" not in header:
            continue
        type_at, document_at = header.index("type"), header.index("document")
        for row in table.find_all("tr"):
            cells = row.find_all("td")
            if len(cells) <= max(type_at, document_at):
                continue
            link = cells[document_at].find("a", href=True)
            kind = clean_text(cells[type_at].get_text(" ")).upper()
            url = _document_url(str(link.get("href")), index_url) if link else None
            if url and kind and (kind, url) not in found:
                found.append((kind, url))
    return found


def _document_url(href: str, base: str) -> str | None:
    parts = urlsplit(href)
    if parts.path.rstrip("/").endswith("/ix"):  # the inline XBRL viewer: its doc= is the file
        href = (parse_qs(parts.query).get("doc") or [""])[0]
    url = urljoin(base, href)
    return url if is_http_url(url) else None


def press_release(html: str) -> tuple[str, str]:
    """A press-release exhibit's headline and lead paragraph (dateline removed): ("", "") when
    the document reads as no press release (a letter, a slide deck, tables)."""
    blocks = [b for b in text_blocks(html) if not _BOILERPLATE.match(b)]
    for index, block in enumerate(blocks[:12]):
        words = block.split()
        if 4 <= len(words) <= 30 and not block.endswith((":", ";")) and not _dateline(block):
            lead = next((b for b in blocks[index + 1 :] if len(b.split()) >= 15), "")
            return truncate(_as_headline(block), TITLE_LIMIT), truncate(
                strip_dateline(lead), SUMMARY_LIMIT
            )
    return "", ""


def _dateline(block: str) -> bool:
    return strip_dateline(block) != block


def _as_headline(text: str) -> str:
    """A headline in capitals ("ACME CORP WINS ...") in title case; any other as written."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    words = text.lower().split()
    return " ".join(
        w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def item_text(html: str, item: str) -> str:
    """The first paragraph of ``item`` (such as "1.01") in a current report, or ""."""
    blocks = text_blocks(html)
    for index, block in enumerate(blocks):
        heading = _ITEM_HEADING.match(block)
        if heading is None or heading.group(1) != item:
            continue
        rest = block[heading.end() :]
        if len(rest.split()) >= 20:  # heading and paragraph in one block
            return _first_paragraph(rest)
        for following in blocks[index + 1 : index + 12]:
            if _ITEM_HEADING.match(following) or following.lower().startswith("signature"):
                break
            if len(following.split()) >= 12:
                return _first_paragraph(following)
    return ""


def _first_paragraph(text: str) -> str:
    return truncate(clean_text(text), SUMMARY_LIMIT)


def agreement_headline(company: str, text: str) -> str:
    """ "Acme Corp signs a master supply agreement with Contoso Ltd" from an Item 1.01 paragraph,
    or "" when the agreement is not a business deal (a loan, an employment contract, a merger
    whose direction the words do not say) or the paragraph names no party."""
    match = _AGREEMENT.search(text)
    if match is None:
        return ""
    what = clean_text(match.group("what"))
    what = re.sub(r"^(?:certain|new)\s+", "", what, flags=re.IGNORECASE)
    if not _DEAL_WORDS.search(what) or _NOT_DEAL_WORDS.search(what):
        return ""
    who = _party(match.group("who"), company)
    if not who:
        return ""
    article = "an" if what[:1].lower() in "aeiou" else "a"
    return truncate(f"{company} signs {article} {_lower_title(what)} with {who}", TITLE_LIMIT)


def acquisition_headline(company: str, text: str) -> str:
    """ "Acme Corp completes acquisition of Fabrikam Inc" from an Item 2.01 paragraph; "" for a
    sale or other disposition, which the same item also reports."""
    match = _ACQUIRED.search(text)
    if match is None or _DISPOSED.search(text[: match.start()]):
        return ""
    what = _party(match.group("what"), company)
    return truncate(f"{company} completes acquisition of {what}", TITLE_LIMIT) if what else ""


def _party(raw: str, company: str) -> str:
    """The other party's name: "the Company and Contoso Ltd" -> "Contoso Ltd"."""
    who = clean_text(raw).rstrip(" ,.")
    who = re.sub(
        rf"^(?:the company|{re.escape(company)}|us|we)\s+and\s+", "", who, flags=re.IGNORECASE
    )
    who = re.sub(r"^(?:all of the (?:outstanding )?(?:shares|stock|equity)[^,]*? of)\s+", "", who)
    if len(who.split()) > 12 or who.lower() in ("the company", company.lower()):
        return ""
    return who


def _lower_title(what: str) -> str:
    """ "Master Supply Agreement" -> "master supply agreement"; acronyms ("OEM") kept."""
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in what.split())
