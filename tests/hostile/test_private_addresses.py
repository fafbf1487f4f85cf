"""N10-N12: the private-address guard, on the resolved address of every hop, over real sockets.

Linux routes all of 127.0.0.0/8 to the loopback interface, so with 127.0.0.1 allowed (as every
test server needs) a bare listening socket on 127.0.0.2 stands for the intranet: it never
accepts, so any connection made to it stays queued and ``Listener.connections()`` counts it.
"""

from __future__ import annotations

import asyncio
import re
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

import research
from research import ConfigError
from research.config import load_settings, parse_allow_private
from sources import (
    HttpClient,
    HttpLimits,
    InvalidURL,
    NameNotResolved,
    PrivateAddress,
    ProtocolError,
    Response,
    SourceError,
    TimedOut,
)
from sources.net.addresses import AllowList, is_public
from sources.net.netguard import GuardedTransport, Resolver

from ..helpers import LOOPBACK, RECORDED_AT
from ..server import FIXTURES, Reply, TestServer
from ..tls import certificate, pem_pair

NOTHING_ALLOWED = AllowList()
HOME = "unused-home"  # settings only name the folder
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}


class Listener:
    """A listening socket that never accepts: connections queue in the backlog to be counted."""

    def __init__(self, host: str, port: int = 0) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind((host, port))
        self._socket.listen(16)
        self._socket.setblocking(False)
        self.port: int = self._socket.getsockname()[1]

    def connections(self) -> int:
        count = 0
        while True:
            try:
                accepted, _ = self._socket.accept()
            except BlockingIOError:
                return count
            accepted.close()
            count += 1

    def close(self) -> None:
        self._socket.close()


@pytest.fixture
def intranet() -> Iterator[Listener]:
    """Something listening on 127.0.0.2, a private address the tests do not allow."""
    listener = Listener("127.0.0.2")
    yield listener
    listener.close()


@pytest.fixture
def guarded(fast_limits: HttpLimits) -> HttpLimits:
    """The fast limits with the guard fully on: nothing private allowed, not even 127.0.0.1."""
    return replace(fast_limits, allow_private=NOTHING_ALLOWED)


def get(
    url: str, limits: HttpLimits, transport: httpx.AsyncBaseTransport | None = None
) -> Response:
    async def run() -> Response:
        async with HttpClient(limits, transport=transport) as http:
            return await http.get(url)

    return asyncio.run(run())


def refusal(
    url: str, limits: HttpLimits, transport: httpx.AsyncBaseTransport | None = None
) -> PrivateAddress:
    started = time.monotonic()
    with pytest.raises(PrivateAddress) as info:
        get(url, limits, transport)
    assert time.monotonic() - started < 0.5, "refused at once, before any connection attempt"
    return info.value


def guarded_transport(
    allow: AllowList, resolve: Resolver, verify: ssl.SSLContext | None = None
) -> GuardedTransport:
    return GuardedTransport(
        allow, verify=verify or ssl.create_default_context(), limits=httpx.Limits(), resolve=resolve
    )


# --- which addresses are public: a pure decision ------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.0.0.2", "127.255.255.254",  # loopback
        "10.0.0.1", "172.16.0.1", "172.31.255.1", "192.168.1.1",  # RFC 1918
        "169.254.169.254", "169.254.0.1",  # link-local: cloud metadata
        "100.64.0.1", "100.127.255.254",  # carrier-grade NAT: neither private nor global
        "0.0.0.0", "0.1.2.3",  # unspecified, "this network"
        "224.0.0.1", "239.255.255.250", "255.255.255.255",  # multicast, broadcast
        "240.0.0.1", "192.0.2.1", "198.18.0.1",  # reserved, documentation, benchmarking
        "::1", "::",  # IPv6 loopback, unspecified
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",  # IPv4-mapped
        "::127.0.0.1",  # IPv4-compatible (deprecated)
        "fc00::", "fd12:3456::1",  # unique local
        "fe80::1", "fec0::1",  # link-local, site-local
        "ff02::1", "2001:db8::1",  # multicast, documentation
    ],
)  # fmt: skip
def test_non_public_addresses_are_blocked(address: str) -> None:
    assert not is_public(ip_address(address))
    assert not NOTHING_ALLOWED.may_dial(ip_address(address))


@pytest.mark.parametrize(
    "address",
    ["93.184.216.34", "8.8.8.8", "1.1.1.1", "100.128.0.1", "100.63.255.255", "172.32.0.1",
     "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8"],
)  # fmt: skip
def test_public_addresses_may_be_dialled(address: str) -> None:
    assert is_public(ip_address(address))
    assert NOTHING_ALLOWED.may_dial(ip_address(address))


def test_ipv4_mapped_loopback_is_not_loopback_to_ipaddress_so_it_is_unwrapped() -> None:
    """The fact the guard works around: ipaddress alone would call ::ffff:127.0.0.1 harmless."""
    mapped = ip_address("::ffff:127.0.0.1")
    assert not mapped.is_loopback
    assert not is_public(mapped)


# --- the allow list -----------------------------------------------------------------------------


def test_allow_all_allows_every_address() -> None:
    for text in ("all", "ALL", " all "):
        allow = AllowList.parse(text)
        assert allow.may_dial(ip_address("127.0.0.2"))
        assert allow.may_dial(ip_address("169.254.169.254"))
        assert allow.may_dial(ip_address("fd00::1"))


def test_allow_list_of_addresses_and_networks() -> None:
    allow = AllowList.parse(" 127.0.0.1 , 10.20.0.0/16,fd00:1::/32")
    assert allow.may_dial(ip_address("127.0.0.1"))
    assert allow.may_dial(ip_address("::ffff:127.0.0.1")), "the same socket as 127.0.0.1"
    assert allow.may_dial(ip_address("10.20.255.1"))
    assert allow.may_dial(ip_address("fd00:1:2::3"))
    assert not allow.may_dial(ip_address("127.0.0.2"))
    assert not allow.may_dial(ip_address("10.21.0.1"))
    assert not allow.may_dial(ip_address("169.254.169.254"))
    assert not allow.may_dial(ip_address("fd00:2::1"))


def test_a_network_with_host_bits_means_its_network() -> None:
    assert AllowList.parse("10.20.3.4/16") == AllowList.parse("10.20.0.0/16")


@pytest.mark.parametrize(
    ("value", "bad"),
    [
        ("localhost", "localhost"),
        ("127.0.0.1,", ""),
        ("10.0.0.0/33", "10.0.0.0/33"),
        ("127.0.0.1;10.0.0.1", "127.0.0.1;10.0.0.1"),
        ("all,10.0.0.1", "all"),
        ("999.1.1.1", "999.1.1.1"),
    ],
)
def test_bad_allow_values_are_config_errors_naming_the_value(value: str, bad: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings({"RESEARCH_ALLOW_PRIVATE": value}, home=HOME)
    message = str(info.value)
    assert message.startswith("RESEARCH_ALLOW_PRIVATE: ")
    assert repr(bad) in message and repr(value) in message
    with pytest.raises(ConfigError, match=r"^--allow-private: "):
        parse_allow_private(value, "--allow-private")


def test_an_empty_option_is_an_error_and_an_empty_variable_is_unset() -> None:
    with pytest.raises(ConfigError, match=r"^--allow-private: '' in '' is not"):
        parse_allow_private("", "--allow-private")
    assert load_settings({"RESEARCH_ALLOW_PRIVATE": ""}, home=HOME).http.allow_private == (
        NOTHING_ALLOWED
    )


def test_settings_read_the_allow_list_from_the_environment() -> None:
    settings = load_settings({"RESEARCH_ALLOW_PRIVATE": "10.20.0.0/16,127.0.0.1"}, home=HOME)
    assert settings.http.allow_private == AllowList.parse("10.20.0.0/16,127.0.0.1")
    assert load_settings({"RESEARCH_ALLOW_PRIVATE": "all"}, home=HOME).http.allow_private == (
        AllowList(everything=True)
    )


def test_the_guard_is_on_when_nothing_is_set() -> None:
    assert HttpLimits().allow_private == NOTHING_ALLOWED
    assert load_settings({}, home=HOME).http.allow_private == NOTHING_ALLOWED


def test_an_argument_beats_the_environment() -> None:
    env = {"RESEARCH_ALLOW_PRIVATE": "all"}
    settings = load_settings(env, home=HOME, allow_private="127.0.0.1")
    assert settings.http.allow_private == LOOPBACK
    given = HttpLimits(allow_private=AllowList.parse("10.0.0.0/8"), read_timeout=3.0)
    kept = load_settings(env, home=HOME, http=given).http
    assert kept == given
    replaced = load_settings(env, home=HOME, http=given, allow_private="127.0.0.1").http
    assert replaced == replace(given, allow_private=LOOPBACK)
    with pytest.raises(ConfigError, match=r"^allow_private: 'nope'"):
        load_settings(env, home=HOME, allow_private="nope")


def test_environment_fills_in_limits_that_allow_nothing() -> None:
    given = HttpLimits(read_timeout=3.0)
    settings = load_settings({"RESEARCH_ALLOW_PRIVATE": "127.0.0.1"}, home=HOME, http=given)
    assert settings.http == replace(given, allow_private=LOOPBACK)


def test_the_address_rules_load_without_network_libraries() -> None:
    """research.config imports them, and the CLI must start without httpx."""
    code = "import sys, sources.net.addresses; print(' '.join(sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert not {"httpx", "httpcore", "socket", "asyncio"} & set(loaded)


# --- N10: a redirect to a private address -------------------------------------------------------


def test_redirect_to_another_loopback_address_is_refused_with_zero_hits(
    server: TestServer, fast_limits: HttpLimits, intranet: Listener
) -> None:
    target = f"http://127.0.0.2:{intranet.port}/admin"
    start = server.route("/feed", Reply(301, headers={"Location": target}))
    error = refusal(start, fast_limits)
    assert intranet.connections() == 0
    assert len(server.hits_for("/feed")) == 1, "a refusal is never retried"
    assert error.address == "127.0.0.2" and error.host == "127.0.0.2"
    assert error.url == target
    assert error.reason == "private_address"
    assert "127.0.0.2" in error.message
    assert "--allow-private" in error.message and "RESEARCH_ALLOW_PRIVATE" in error.message


def test_the_same_redirect_is_followed_when_its_address_is_allowed(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    """The control for the test above: the redirect and the listener do work when allowed."""
    with TestServer("127.0.0.2") as inside:
        target = inside.route("/admin", Reply(200, b"<rss/>", RSS))
        start = server.route("/feed", Reply(301, headers={"Location": target}))
        allowed = replace(fast_limits, allow_private=AllowList.parse("127.0.0.0/8"))
        assert get(start, allowed).body == b"<rss/>"
        assert len(inside.hits_for("/admin")) == 1
        with pytest.raises(PrivateAddress):
            get(start, fast_limits)
        assert len(inside.hits_for("/admin")) == 1


@pytest.mark.parametrize(
    ("target", "address"),
    [
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://100.64.0.1/", "100.64.0.1"),
        ("http://10.0.0.1/", "10.0.0.1"),
        ("http://192.168.0.1:8080/", "192.168.0.1"),
        ("https://[fd00::1]/", "fd00::1"),
        ("http://[fe80::1]/", "fe80::1"),
        ("http://0.0.0.0/", "0.0.0.0"),
    ],
)
def test_redirects_to_private_networks_are_refused_at_once(
    server: TestServer, fast_limits: HttpLimits, target: str, address: str
) -> None:
    """Unrefused, these would hang until the connect timeout or reach this machine."""
    start = server.route("/feed", Reply(302, headers={"Location": target}))
    error = refusal(start, fast_limits)
    assert error.address == address
    assert address in error.message


def test_the_guard_is_on_for_a_default_client(server: TestServer) -> None:
    url = server.route("/feed", Reply(200, b"<rss/>", RSS))
    error = refusal(url, HttpLimits())
    assert error.address == "127.0.0.1"
    assert "a loopback address" in error.message
    assert server.hits == []


def test_a_refused_source_fails_alone_and_the_others_still_count(
    server: TestServer, fast_limits: HttpLimits, intranet: Listener
) -> None:
    google = (FIXTURES / "feeds" / "google-news-acme-corp.xml").read_bytes()
    settings = load_settings(
        google_news_url=server.route("/google", Reply(200, google, RSS)),
        bing_news_url=server.route(
            "/bing", Reply(302, headers={"Location": f"http://127.0.0.2:{intranet.port}/"})
        ),
        http=fast_limits,
    )
    result = research.research("acme-corp", settings=settings, now=RECORDED_AT)
    assert result.events, "the Google News results still count"
    (failure,) = result.failures
    assert failure.reason == "private_address"
    assert "127.0.0.2" in failure.error and "--allow-private" in failure.error
    assert intranet.connections() == 0


def test_environment_proxies_cannot_carry_a_request_past_the_guard(
    fast_limits: HttpLimits, intranet: Listener, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A proxy would resolve and dial the target itself, unseen. httpx reads proxy variables only
    when it builds its own transport, and our client always gives it the guarded one."""
    proxy = Listener("127.0.0.1")
    try:
        monkeypatch.delenv("NO_PROXY")
        for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.setenv(name, f"http://127.0.0.1:{proxy.port}")
        refusal(f"http://127.0.0.2:{intranet.port}/", fast_limits)
        assert proxy.connections() == 0
        assert intranet.connections() == 0
    finally:
        proxy.close()


def test_replay_never_dials_so_the_guard_does_not_apply(
    acme_replay: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RESEARCH_ALLOW_PRIVATE")
    result = research.research("acme-corp", replay=acme_replay)
    assert result.events
    assert not [f for f in result.failures if f.reason == "private_address"]


# --- N11: private hosts written so a name check would miss them --------------------------------


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1"),
        ("localhost", "127.0.0.1"),
        ("127.0.0.1", "127.0.0.1"),
    ],
)
def test_obfuscated_loopback_hosts_are_refused_before_any_byte_is_sent(
    guarded: HttpLimits, host: str, address: str
) -> None:
    listener = Listener("127.0.0.1")
    try:
        error = refusal(f"http://{host}:{listener.port}/feed", guarded)
        assert listener.connections() == 0
    finally:
        listener.close()
    assert error.address == address
    assert error.host == host.strip("[]")
    assert host.strip("[]") in error.message and address in error.message


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("0177.0.0.1", (InvalidURL,)),  # httpx refuses octal quads outright
        ("localhost.", (PrivateAddress, NameNotResolved)),  # depends on the system resolver
    ],
)
def test_other_spellings_never_connect(
    guarded: HttpLimits, host: str, expected: tuple[type[SourceError], ...]
) -> None:
    listener = Listener("127.0.0.1")
    try:
        with pytest.raises(expected):
            get(f"http://{host}:{listener.port}/feed", guarded)
        assert listener.connections() == 0
    finally:
        listener.close()


def test_a_redirect_to_an_octal_host_is_refused_without_connecting(
    server: TestServer, guarded: HttpLimits
) -> None:
    listener = Listener("127.0.0.1")
    try:
        target = f"http://0177.0.0.1:{listener.port}/"
        start = server.route("/feed", Reply(301, headers={"Location": target}))
        with pytest.raises(ProtocolError, match=re.escape("Invalid IPv4 address: '0177.0.0.1'")):
            get(start, replace(guarded, allow_private=LOOPBACK))
        assert listener.connections() == 0
    finally:
        listener.close()


# --- N12: the address checked is the address dialled -------------------------------------------


class ChangingResolver:
    """Answers the first lookup with ``first`` and every later one with ``later``: DNS
    rebinding, as a hostile name server does it."""

    def __init__(self, first: Sequence[str], later: Sequence[str]) -> None:
        self.first = list(first)
        self.later = list(later)
        self.calls: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        return self.first if len(self.calls) == 1 else self.later


def test_a_changed_dns_answer_cannot_redirect_the_checked_connection(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    """The lookup says 127.0.0.1 (allowed), any second lookup 127.0.0.2, where a listener waits
    on the same port. A check-then-connect design dials 127.0.0.2; ours dials what it checked."""
    url = server.route("/feed", Reply(200, b"<rss/>", RSS)).replace("127.0.0.1", "feeds.example")
    listener = Listener("127.0.0.2", server.port)
    try:
        resolver = ChangingResolver(["127.0.0.1"], ["127.0.0.2"])
        assert get(url, fast_limits, guarded_transport(LOOPBACK, resolver)).body == b"<rss/>"
        assert resolver.calls == ["feeds.example"]
        (hit,) = server.hits_for("/feed")
        assert hit.headers["Host"] == f"feeds.example:{server.port}"
        # A new connection looks up again, gets 127.0.0.2 and is refused before dialling it.
        error = refusal(url, fast_limits, guarded_transport(LOOPBACK, resolver))
        assert error.host == "feeds.example" and error.address == "127.0.0.2"
        assert "feeds.example (127.0.0.2)" in error.message
        assert listener.connections() == 0
    finally:
        listener.close()


@pytest.mark.parametrize("first", ["93.184.216.34", "127.0.0.1"])
def test_one_private_address_in_an_answer_refuses_the_whole_answer(
    server: TestServer, fast_limits: HttpLimits, first: str
) -> None:
    url = server.route("/feed", Reply(200, b"<rss/>", RSS)).replace("127.0.0.1", "feeds.example")
    resolver = ChangingResolver([first, "127.0.0.2"], [first, "127.0.0.2"])
    error = refusal(url, fast_limits, guarded_transport(LOOPBACK, resolver))
    assert error.address == "127.0.0.2"
    assert resolver.calls == ["feeds.example"], "looked up once: a refusal is not retried"
    assert server.hits == []


def test_the_next_checked_address_is_tried_when_one_refuses(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/feed", Reply(200, b"<rss/>", RSS)).replace("127.0.0.1", "feeds.example")
    allow = AllowList.parse("127.0.0.1,127.0.0.3")
    resolver = ChangingResolver(["127.0.0.3", "127.0.0.1"], [])  # nothing listens on 127.0.0.3
    assert get(url, fast_limits, guarded_transport(allow, resolver)).body == b"<rss/>"


def test_a_failed_lookup_is_name_not_resolved(fast_limits: HttpLimits) -> None:
    async def unknown(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with pytest.raises(NameNotResolved, match=r"could not look up feeds\.example"):
        get("http://feeds.example/feed", fast_limits, guarded_transport(LOOPBACK, unknown))


def test_a_slow_lookup_ends_at_the_connect_timeout(fast_limits: HttpLimits) -> None:
    async def slow(host: str, port: int) -> list[str]:
        await asyncio.sleep(30)
        return ["127.0.0.1"]

    limits = replace(fast_limits, connect_timeout=0.2, retries=0)
    started = time.monotonic()
    with pytest.raises(TimedOut):
        get("http://feeds.example/feed", limits, guarded_transport(LOOPBACK, slow))
    assert time.monotonic() - started < 0.2 + 0.5


# --- TLS still checks the name, though an address is dialled ------------------------------------


class _Hello(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "6")
        self.end_headers()
        self.wfile.write(b"secure")


def _self_signed(folder: Path, host: str) -> tuple[Path, Path]:
    """A throwaway certificate and key for ``host``, valid for a day."""
    key = ec.generate_private_key(ec.SECP256R1())
    return pem_pair(
        folder, "cert", certificate(host, key, names=[x509.DNSName(host)], days=(-1, 1)), key
    )


def test_https_sends_and_verifies_the_host_name_not_the_address(
    tmp_path: Path, fast_limits: HttpLimits
) -> None:
    """httpcore passes the origin's host to start_tls; if it passed the dialled address, SNI
    would be 127.0.0.1 and the certificate for feeds.example would not verify."""
    cert, key = _self_signed(tmp_path, "feeds.example")
    names: list[str | None] = []

    def record_sni(_socket: ssl.SSLObject, name: str | None, _context: ssl.SSLContext) -> None:
        names.append(name)

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = record_sni
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        port = httpd.server_address[1]
        trusting = ssl.create_default_context(cafile=str(cert))
        transport = guarded_transport(LOOPBACK, ChangingResolver(["127.0.0.1"], []), trusting)
        assert get(f"https://feeds.example:{port}/", fast_limits, transport).body == b"secure"
        assert names == ["feeds.example"]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
