"""Serve a hand-written fixture site (fixtures/sites/NAME) from the local test server.

The pages link to their fictional host (https://brightwell.example/...); while serving, that origin
is replaced by the test server's, so links lead back to the server and the whole path runs.
"""

from __future__ import annotations

import json
from pathlib import Path

from .server import FIXTURES, Reply, TestServer

SITES = FIXTURES / "sites"


def site_meta(name: str) -> dict[str, object]:
    return json.loads((SITES / name / "site.json").read_text(encoding="utf-8"))


def _content_type(path: str, body: bytes) -> str:
    head = body.lstrip()[:200]
    if path.endswith(".txt"):
        return "text/plain; charset=utf-8"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed")):
        return "application/atom+xml" if b"<feed" in body[:500] else "application/rss+xml"
    if head.startswith(b"{"):
        return "application/feed+json"
    return "text/html; charset=utf-8"


def serve_site(server: TestServer, name: str) -> str:
    """Serve every path the site lists; return the origin that stands in for its host."""
    meta = site_meta(name)
    host = str(meta["host"])
    origin = server.url("").rstrip("/")
    for path, file in dict(meta["paths"]).items():  # type: ignore[call-overload]
        body = (SITES / name / str(file)).read_bytes()
        for scheme in ("https", "http"):
            body = body.replace(f"{scheme}://{host}".encode(), origin.encode())
            body = body.replace(f"{scheme}://www.{host}".encode(), origin.encode())
        server.route(str(path), Reply(200, body, {"Content-Type": _content_type(str(path), body)}))
    return origin


def unserve(origin: str, host: str, text: str) -> str:
    """Put the fictional host back into a URL or text, for comparing with golden files."""
    return text.replace(origin, f"https://{host}")


def golden(name: str) -> dict[str, object]:
    return json.loads((SITES / name / "expected.json").read_text(encoding="utf-8"))


def site_dir(name: str) -> Path:
    return SITES / name
