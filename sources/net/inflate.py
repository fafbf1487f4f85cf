"""Undoing a body's Content-Encoding under a size cap: a small compressed body must not
become gigabytes (a zip bomb), so nothing is inflated beyond what the caller has room for."""

from __future__ import annotations

import zlib

from ..errors import IncompleteBody, UnsupportedEncoding


class Decoder:
    """Undoes at most one gzip or deflate layer, never producing more than it is asked for."""

    def __init__(self, content_encoding: str, url: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        self._url = url
        self._inflater: zlib._Decompress | None = None
        self._head = b""
        self._coding = codings[0] if codings else ""
        if len(codings) > 1:
            raise UnsupportedEncoding(
                f"the server stacked several compressions ({content_encoding}); refused", url=url
            )
        if self._coding not in ("", "gzip", "x-gzip", "deflate"):
            raise UnsupportedEncoding(
                f"the server used the unsupported compression {self._coding!r}", url=url
            )

    def feed(self, data: bytes, room: int) -> list[bytes]:
        if not self._coding:
            return [data]
        if self._inflater is None:
            # Deflate comes zlib-wrapped or raw; the two-byte header tells, so wait for two bytes.
            data = self._head + data
            if len(data) < 2:
                self._head = data
                return []
            self._head = b""
            if self._coding == "deflate" and not _looks_like_zlib(data):
                self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            else:
                self._inflater = zlib.decompressobj(
                    zlib.MAX_WBITS | (16 if "gzip" in self._coding else 0)
                )
        pieces = []
        pending = data
        try:
            while pending and room > 0:
                piece = self._inflater.decompress(pending, room)
                pieces.append(piece)
                room -= len(piece)
                pending = self._inflater.unconsumed_tail
                if not piece and not pending:
                    break
        except zlib.error as exc:
            raise IncompleteBody(
                f"the compressed response is corrupt: {exc}", url=self._url
            ) from exc
        return pieces

    def finish(self) -> None:
        if self._head or (self._inflater is not None and not self._inflater.eof):
            raise IncompleteBody(
                "the compressed response ended before it was complete", url=self._url
            )


def _looks_like_zlib(data: bytes) -> bool:
    return len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
