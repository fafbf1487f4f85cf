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
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import httpx

from .errors import NotRecorded, ReplayError
from .text import parse_date

INDEX = "index.json"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


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
        except (KeyError, TypeError, ValueError) as exc:
            raise ReplayError(f"response {number} in {index_path} is malformed: {exc}") from exc
        if entry.get("body") and not body_file.is_relative_to(root):
            raise ReplayError(f"response {number} in {index_path} points outside the folder")
        responses[url] = RecordedResponse(status, headers, body_file)
    return Recording(directory, recorded_at, responses)


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


class RecordingTransport(httpx.AsyncBaseTransport):
    """Passes requests to the network and saves each response into a recording folder."""

    def __init__(
        self, directory: Path, *, max_body_bytes: int, now: datetime | None = None
    ) -> None:
        self.directory = directory
        self.max_body_bytes = max_body_bytes
        self.inner = httpx.AsyncHTTPTransport()
        self.entries: list[dict[str, object]] = []
        self.recorded_at = now or datetime.now(timezone.utc)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        body = bytearray()
        try:
            async for chunk in response.stream:  # type: ignore[union-attr]
                body.extend(chunk)
                if len(body) > self.max_body_bytes:
                    break
        finally:
            await response.aclose()
        name = f"{len(self.entries) + 1:03d}-{_SAFE_NAME.sub('_', request.url.host)[:60]}.body"
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / name).write_bytes(bytes(body))
        self.entries.append(
            {
                "url": str(request.url),
                "status": response.status_code,
                "headers": {
                    k: v for k, v in response.headers.items() if k.lower() != "transfer-encoding"
                },
                "body": name,
            }
        )
        self._write_index()
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=httpx.ByteStream(bytes(body)),
            request=request,
        )

    def _write_index(self) -> None:
        index = {
            "recorded_at": self.recorded_at.isoformat().replace("+00:00", "Z"),
            "responses": self.entries,
        }
        temporary = self.directory / f".{INDEX}.tmp"
        temporary.write_text(json.dumps(index, indent=2), encoding="utf-8")
        temporary.replace(self.directory / INDEX)

    async def aclose(self) -> None:
        await self.inner.aclose()
