"""Errors raised by the fetch layer.

Every error names what failed and, where there is one, what to do next. Each class carries a short
``reason`` code that reports and JSON output use, so a program can tell "blocked" from "no news".

    SourceError
     ├── InvalidURL (also ValueError)        not an http(s) URL, or too long
     ├── ReplayError (also ValueError)       a --replay folder that cannot be read
     ├── MissingContact                      a service that asks who calls (SEC EDGAR), no contact set
     ├── NotListed                           no SEC filer goes by the company's names
     ├── FetchError                          the request did not give a usable response
     │    ├── ConnectFailed                  DNS, refused, unreachable, reset
     │    │    ├── TLSFailed                 certificate or handshake; never retried
     │    │    └── NameNotResolved           DNS lookup failed; never retried
     │    ├── TimedOut                       connect, read or total deadline
     │    ├── TooLarge                       body over the size cap
     │    ├── TooManyRedirects               more than the redirect limit, or a loop
     │    ├── UnsupportedEncoding            stacked or unknown Content-Encoding
     │    ├── IncompleteBody                 connection cut mid-body, truncated gzip
     │    ├── ProtocolError                  broken HTTP (giant headers, garbage)
     │    ├── NotRecorded                    replay has no response for this URL
     │    ├── PrivateAddress                 host resolves to a non-public address; never retried
     │    └── HTTPStatusError                an unusable status code
     │         ├── Blocked                   401/403: a login wall or bot challenge
     │         ├── RateLimited               429 (or 503 with a long Retry-After)
     │         ├── NotFound                  404
     │         ├── Gone                      410
     │         └── ServerError               5xx
     └── ParseError                          bytes arrived but are not usable
          ├── EmptyResponse                  200 with no body
          ├── NotAFeed                       HTML, JSON, PDF, ... where a feed was expected
          ├── Malformed                      JSON that does not parse or has another shape
          ├── Refused                        a service's error text (a query it will not run)
          ├── NeedsBrowser                   a page drawn by JavaScript: nothing to read
          ├── ParseTimedOut                  over the parse deadline (the worker is killed)
          ├── ParseTooBig                    over the parse memory cap
          └── ParserCrashed                  the parser process died
"""

from __future__ import annotations


class SourceError(Exception):
    """Base class of every error the fetch layer raises on purpose."""

    reason = "error"

    def __init__(self, message: str, *, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.reason


class InvalidURL(SourceError, ValueError):
    reason = "invalid_url"


class ReplayError(SourceError, ValueError):
    reason = "replay"


class MissingContact(SourceError):
    """Not asked: the service's terms want a contact address in every request (SEC EDGAR's
    fair-access rules), and none is configured."""

    reason = "missing_contact"


class NotListed(SourceError):
    """Not asked: no company in the SEC's list of filers goes by the company's names."""

    reason = "not_listed"


class FetchError(SourceError):
    reason = "network"


class ConnectFailed(FetchError):
    reason = "unreachable"


class TLSFailed(ConnectFailed):
    reason = "tls"


class NameNotResolved(ConnectFailed):
    reason = "unreachable"


class TimedOut(FetchError):
    reason = "timed_out"


class TooLarge(FetchError):
    reason = "too_large"


class TooManyRedirects(FetchError):
    reason = "redirects"


class UnsupportedEncoding(FetchError):
    reason = "unsupported_encoding"


class IncompleteBody(FetchError):
    reason = "incomplete"


class ProtocolError(FetchError):
    reason = "protocol"


class NotRecorded(FetchError):
    reason = "not_recorded"


class PrivateAddress(FetchError):
    """Refused before connecting: the host resolved to an address that is not public and not
    allowed, so a feed or a redirect cannot reach this machine, the intranet or a cloud metadata
    service."""

    reason = "private_address"

    def __init__(self, message: str, *, url: str | None = None, host: str, address: str) -> None:
        super().__init__(message, url=url)
        self.host = host
        self.address = address


class HTTPStatusError(FetchError):
    reason = "http_error"

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        status: int,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, url=url)
        self.status = status
        self.retry_after = retry_after


class Blocked(HTTPStatusError):
    reason = "blocked"


class RateLimited(HTTPStatusError):
    reason = "rate_limited"


class NotFound(HTTPStatusError):
    reason = "not_found"


class Gone(HTTPStatusError):
    reason = "gone"


class ServerError(HTTPStatusError):
    reason = "server_error"


class ParseError(SourceError):
    reason = "parse"


class EmptyResponse(ParseError):
    reason = "empty"


class NotAFeed(ParseError):
    reason = "not_a_feed"


class Malformed(ParseError):
    """JSON that does not parse, or not of the shape the service documents."""

    reason = "malformed"


class Refused(ParseError):
    """The service answered with an error text instead of data (a query it will not run)."""

    reason = "refused"


class NeedsBrowser(ParseError):
    reason = "needs_browser"


class ParseTimedOut(ParseError):
    reason = "parse_timed_out"


class ParseTooBig(ParseError):
    reason = "parse_too_big"


class ParserCrashed(ParseError):
    reason = "parse_crashed"
