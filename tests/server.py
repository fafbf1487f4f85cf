"""A real HTTP server on 127.0.0.1 for tests: scripted responses and faults over a real socket.

Each path has a list of responses served in turn (the last one repeats), so "500 then 200" is
``server.route("/x", Reply(500), Reply(200, body))``. A Reply can delay, trickle, cut the body
short or run any function on the raw handler for faults no ordinary response can make.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    trickle: float = 0.0  # seconds between body bytes
    cut_after: int | None = None  # close the connection after this many body bytes
    raw: Callable[[BaseHTTPRequestHandler], None] | None = None  # full control


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    at: float


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes; with Nagle on, the body would wait for the client's
    # delayed ACK (about 40 ms on Linux), a cost of this server that real servers do not add.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.record(self)
        reply = self.server.next_reply(self.path)
        if reply.delay:
            time.sleep(reply.delay)
        if reply.raw is not None:
            reply.raw(self)
            return
        try:
            self.send_response(reply.status)
            headers = {"Content-Type": "application/rss+xml; charset=utf-8", **reply.headers}
            if "Content-Length" not in headers:
                headers["Content-Length"] = str(len(reply.body))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            body = reply.body if reply.cut_after is None else reply.body[: reply.cut_after]
            if reply.trickle:
                for index in range(len(body)):
                    self.wfile.write(body[index : index + 1])
                    self.wfile.flush()
                    time.sleep(reply.trickle)
            else:
                self.wfile.write(body)
            if reply.cut_after is not None:
                self.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client hanging up is part of many tests, not an error worth a traceback."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    def __init__(self, host: str) -> None:
        super().__init__((host, 0), _Handler)
        self.routes: dict[str, list[Reply]] = {}
        self.served: dict[str, int] = defaultdict(int)
        self.hits: list[Hit] = []
        self.lock = threading.Lock()

    def record(self, handler: BaseHTTPRequestHandler) -> None:
        with self.lock:
            self.hits.append(Hit(handler.path, dict(handler.headers.items()), time.monotonic()))

    def next_reply(self, path: str) -> Reply:
        with self.lock:
            if path not in self.routes:
                path = path.split("?", 1)[0]
            replies = self.routes.get(path)
            if replies is None:
                return Reply(404, b"not here", {"Content-Type": "text/plain"})
            index = min(self.served[path], len(replies) - 1)
            self.served[path] += 1
            return replies[index]


class TestServer:
    """Start with ``with TestServer() as server``; ``server.url("/path")`` gives the full URL."""

    __test__ = False  # a helper, not a test class

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._server = _Server(host)
        self.host = host
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> TestServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def route(self, path: str, *replies: Reply) -> str:
        """Serve these replies at ``path`` in turn; return the full URL."""
        with self._server.lock:
            self._server.routes[path] = list(replies)
            self._server.served[path] = 0
        return self.url(path)

    def fixture(self, path: str, name: str, content_type: str = "application/rss+xml") -> str:
        body = (FIXTURES / name).read_bytes()
        return self.route(path, Reply(200, body, {"Content-Type": content_type}))

    def hits_for(self, path: str) -> list[Hit]:
        with self._server.lock:
            return [
                hit for hit in self._server.hits if hit.path.split("?")[0] == path.split("?")[0]
            ]

    @property
    def hits(self) -> list[Hit]:
        with self._server.lock:
            return list(self._server.hits)
