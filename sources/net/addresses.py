"""Which IP addresses the fetcher may dial: pure decisions, no I/O.

A feed URL or a redirect can point anywhere: this machine, the office network, a cloud metadata
service (169.254.169.254). Only public addresses are dialled unless an allow list names the
address or its network. The decision is on the resolved address, never on how the host is spelt.
"""

from __future__ import annotations

from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_network

IPAddress = IPv4Address | IPv6Address
IPNetwork = IPv4Network | IPv6Network

ALLOW_PRIVATE_OPTION = "--allow-private"
ALLOW_PRIVATE_ENV = "RESEARCH_ALLOW_PRIVATE"


def unwrap(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv4-mapped IPv6 address (::ffff:127.0.0.1) connects to."""
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def spelled(address: IPAddress) -> str:
    """The address as people write it: Python before 3.13 shows ::ffff:127.0.0.1 as ::ffff:7f00:1."""
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        return f"::ffff:{address.ipv4_mapped}"
    return str(address)


def is_public(address: IPAddress) -> bool:
    """True for an address on the public internet.

    ``is_global`` alone is not enough: multicast counts as global, some reserved IPv6 ranges and
    site-local fec0::/10 are not private, and ::ffff:127.0.0.1 is not loopback until unwrapped.
    100.64.0.0/10 (carrier-grade NAT) is neither private nor global, so it is refused here.
    """
    address = unwrap(address)
    if address.is_multicast or address.is_reserved or address.is_unspecified:
        return False
    if isinstance(address, IPv6Address) and address.is_site_local:
        return False
    return address.is_global


def kind_of(address: IPAddress) -> str:
    """A few words for the refusal message: why the address is not public."""
    address = unwrap(address)
    if address.is_loopback:
        return "a loopback address (this machine)"
    if address.is_link_local:
        return "a link-local address (cloud metadata services live here)"
    if address.is_unspecified:
        return "the unspecified address"
    if address.is_multicast:
        return "a multicast address"
    if address.is_private:
        return "a private network address"
    return "not a public internet address"


@dataclass(frozen=True)
class AllowList:
    """Non-public addresses that may be dialled anyway, for intranet feeds and local tests."""

    networks: tuple[IPNetwork, ...] = ()
    everything: bool = False

    @classmethod
    def parse(cls, value: str) -> AllowList:
        """From ``all`` or comma-separated addresses and networks (``127.0.0.1,10.20.0.0/16``).

        A ValueError names the part that is neither; host names are refused because the guard
        decides on addresses, and a name can resolve to something else tomorrow.
        """
        if value.strip().lower() == "all":
            return cls(everything=True)
        networks = []
        for part in value.split(","):
            try:
                networks.append(ip_network(part.strip(), strict=False))
            except ValueError:
                raise ValueError(
                    f"{part.strip()!r} in {value!r} is not an IP address or network"
                ) from None
        return cls(networks=tuple(networks))

    def allows(self, address: IPAddress) -> bool:
        if self.everything:
            return True
        candidates = {address, unwrap(address)}
        return any(candidate in network for candidate in candidates for network in self.networks)

    def may_dial(self, address: IPAddress) -> bool:
        return is_public(address) or self.allows(address)


def refusal(host: str, address: IPAddress) -> str:
    """The message for a refused connection: which host, which address, why, and the remedy."""
    text = spelled(address)
    where = text if host in (text, str(address)) else f"{host} ({text})"
    return (
        f"refused to connect to {where}: {kind_of(address)}; to fetch it anyway, allow it with "
        f"{ALLOW_PRIVATE_OPTION} {text} or {ALLOW_PRIVATE_ENV}={text}"
    )
