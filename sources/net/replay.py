"""Recordings of HTTP responses, replayed below the HTTP client so the whole fetch path still runs.

A recording is a folder with ``index.json``::

    {"recorded_at": "2026-11-20T12:00:00Z",
     "responses": [{"url": "https://...", "status": 200,
                    "headers": {"content-type": "application/rss+xml"},
                    "body": "google-news.xml"}]}

``body`` names a file in the same folder holding the bytes exactly as sent on the wire (still
compressed if a Content-Encoding header says so). ``recorded_at`` is the moment the recording
stands for: a replay judges recency from it, so the same recording always gives the same report.
A request for a URL that was not recorded fails as "not recorded", like a source that is down.

An optional ``companies`` object holds, by slug, each company as the recorded run resolved it
(its saved profile and the aliases typed), so a replay asks exactly what was asked without
reading the store. Its entries are data for the caller (``research``), checked only as objects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from ..errors import NotRecorded, ReplayError
from ..parse.text import parse_date

INDEX = "index.json"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# Headers that describe the bytes on the wire, not the decoded body a recording keeps.
_TRANSFER_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


@dataclass(frozen=True)
class RecordedResponse:
    status: int
    headers: tuple[tuple[str, str], ...]
    body_file: Path


@dataclass(frozen=True)
class Recording:
    directory: Path
    recorded_at: datetime
    responses: dict[str, RecordedResponse]
    companies: Mapping[str, Mapping[str, object]] = field(default_factory=dict)


def load_recording(directory: Path) -> Recording:
    """Read and check a recording folder; ReplayError says what is wrong with it."""
    index_path = directory / INDEX
    try:
        document = json.loads(index_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReplayError(
            f"{index_path} does not exist; a replay folder needs an {INDEX}"
        ) from None
    except (OSError, ValueError) as exc:
        raise ReplayError(f"cannot read {index_path}: {exc}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("responses"), list):
        raise ReplayError(f"{index_path} must be an object with a list of 'responses'")
    recorded_at = parse_date(str(document.get("recorded_at", "")))
    if recorded_at is None:
        raise ReplayError(f"{index_path} needs 'recorded_at' as an ISO 8601 date and time")
    root = directory.resolve()
    responses: dict[str, RecordedResponse] = {}
    for number, entry in enumerate(document["responses"], 1):
        try:
            url = str(entry["url"])
            status = int(entry["status"])
            headers = tuple((str(k), str(v)) for k, v in dict(entry.get("headers", {})).items())
            body_file = (root / str(entry.get("body", ""))).resolve()
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ReplayError(f"response {number} in {index_path} is malformed: {exc}") from exc
        if entry.get("body") and not body_file.is_relative_to(root):
            raise ReplayError(f"response {number} in {index_path} points outside the folder")
        if not 100 <= status <= 599:
            raise ReplayError(f"response {number} in {index_path} has an invalid status {status}")
        for name, value in headers:
            if not (
                name.isascii() and value.isascii() and name.isprintable() and value.isprintable()
            ):
                raise ReplayError(
                    f"response {number} in {index_path} has a header that is not printable "
                    f"ASCII: {name!r}"
                )
        responses[url] = RecordedResponse(status, headers, body_file)
    return Recording(directory, recorded_at, responses, _companies(document, index_path))


def _companies(document: dict[str, object], index_path: Path) -> dict[str, Mapping[str, object]]:
    """The recorded companies by slug: an object of objects, or nothing when it is absent."""
    companies = document.get("companies", {})
    if not isinstance(companies, dict) or not all(
        isinstance(slug, str) and isinstance(entry, dict) for slug, entry in companies.items()
    ):
        raise ReplayError(f"'companies' in {index_path} must be an object of objects, by slug")
    return companies


class ReplayTransport(httpx.AsyncBaseTransport):
    """Answers each request from a recording instead of the network."""

    def __init__(self, recording: Recording) -> None:
        self.recording = recording

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        recorded = self.recording.responses.get(url)
        if recorded is None:
            raise NotRecorded(
                f"the recording in {self.recording.directory} has no response for this URL",
                url=url,
            )
        body = b""
        if recorded.body_file != self.recording.directory.resolve():
            try:
                body = recorded.body_file.read_bytes()
            except OSError as exc:
                raise NotRecorded(
                    f"cannot read recorded body {recorded.body_file}: {exc}", url=url
                ) from exc
        return httpx.Response(
            recorded.status,
            headers=list(recorded.headers),
            stream=httpx.ByteStream(body),
            request=request,
        )


class Recorder:
    """Saves each response the HTTP client receives into a recording folder, for later replay.

    Bodies are saved decoded (the Content-Encoding header is dropped with them), so a recording
    can be read and edited by hand. Writing the index after every response keeps a partial run
    replayable.
    """

    def __init__(self, directory: Path, *, now: datetime) -> None:
        self.directory = directory
        self.recorded_at = now
        self.entries: list[dict[str, object]] = []
        self.companies: dict[str, Mapping[str, object]] = {}
        directory.mkdir(parents=True, exist_ok=True)

    def keep_company(self, slug: str, company: Mapping[str, object]) -> None:
        """Record the company as the run resolved it, before anything is fetched for it."""
        self.companies[slug] = company
        self._write_index()

    def save(self, url: str, status: int, headers: Mapping[str, str], body: bytes) -> None:
        host = _SAFE_NAME.sub("_", urlsplit(url).hostname or "host")[:60]
        name = f"{len(self.entries) + 1:03d}-{host}.body"
        (self.directory / name).write_bytes(body)
        kept = {k: v for k, v in headers.items() if k.lower() not in _TRANSFER_HEADERS}
        self.entries.append({"url": url, "status": status, "headers": kept, "body": name})
        self._write_index()

    def _write_index(self) -> None:
        index: dict[str, object] = {
            "recorded_at": self.recorded_at.isoformat().replace("+00:00", "Z"),
            "responses": self.entries,
        }
        if self.companies:
            index["companies"] = self.companies
        temporary = self.directory / f".{INDEX}.tmp"
        temporary.write_text(json.dumps(index, indent=2, ensure_ascii=False), encoding="utf-8")
        temporary.replace(self.directory / INDEX)
