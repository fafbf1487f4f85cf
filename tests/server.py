"""A real HTTP server on 127.0.0.1 for tests: scripted responses and faults over a real socket.

Each path has a list of responses served in turn (the last one repeats), so "500 then 200" is
``server.route("/x", Reply(500), Reply(200, body))``. A Reply can delay, trickle, cut the body
short or run any function on the raw handler for faults no ordinary response can make.
"""

from __future__ import annotations

import socket
import ssl
import struct
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


# --- raw sockets: faults below HTTP ---------------------------------------------------------------

Script = Callable[[socket.socket], None]


def read_request(connection: socket.socket, limit: int = 64 * 1024) -> bytes:
    """Read one request head (up to the blank line) from the client; b"" if it hung up."""
    data = b""
    while b"\r\n\r\n" not in data and len(data) < limit:
        try:
            chunk = connection.recv(4096)
        except OSError:
            return data
        if not chunk:
            return data
        data += chunk
    return data


def reset(connection: socket.socket) -> None:
    """Abort the connection with a TCP RST (SO_LINGER 0), not an orderly FIN."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connection.close()


class RawServer:
    """A bare TCP (or TLS) server on 127.0.0.1 for faults no HTTP server would make.

    Each accepted connection goes to the next script in turn (the last one repeats), run in its
    own thread with the connected socket, which is closed after the script returns. With ``tls``
    the socket is wrapped first; ``handshakes`` counts the TLS handshakes that completed.
    ``connections`` counts every TCP connection accepted.
    """

    __test__ = False

    def __init__(self, *scripts: Script, tls: ssl.SSLContext | None = None) -> None:
        assert scripts, "give at least one script"
        self._scripts = list(scripts)
        self._tls = tls
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self._socket.settimeout(0.05)
        self.port: int = self._socket.getsockname()[1]
        self.connections = 0
        self.handshakes = 0
        self.lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)

    def __enter__(self) -> RawServer:
        self._acceptor.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._acceptor.join()
        self._socket.close()
        for thread in self._threads:
            thread.join(timeout=5)

    def url(self, path: str = "/") -> str:
        scheme = "https" if self._tls is not None else "http"
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self.lock:
                script = self._scripts[min(self.connections, len(self._scripts) - 1)]
                self.connections += 1
            thread = threading.Thread(target=self._serve, args=(connection, script), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, connection: socket.socket, script: Script) -> None:
        connection.settimeout(10)
        try:
            if self._tls is not None:
                connection = self._tls.wrap_socket(connection, server_side=True)
                with self.lock:
                    self.handshakes += 1
            script(connection)
        except OSError:  # the client hung up or refused the certificate: part of the test
            pass
        finally:
            connection.close()
