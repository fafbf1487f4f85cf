"""Pure robots.txt rules as RFC 9309 reads them: the group for our user agent (else "*"), and
the longest matching Allow or Disallow path wins, with "*" and "$" wildcards. The standard
library's parser applies the first matching rule instead, and knows no wildcards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

AGENT = "research"


@dataclass(frozen=True)
class Robots:
    """The rules of one site for our user agent."""

    rules: tuple[tuple[bool, str], ...] = ()  # (allowed, path pattern)

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if path == "/robots.txt":
            return True
        best_length, allowed = -1, True
        for rule_allows, pattern in self.rules:
            if _matches(pattern, path) and (
                len(pattern) > best_length or (len(pattern) == best_length and rule_allows)
            ):
                best_length, allowed = len(pattern), rule_allows
        return allowed


ALLOW_ALL = Robots()
DENY_ALL = Robots(((False, "/"),))


def _matches(pattern: str, path: str) -> bool:
    if not pattern:
        return False
    anchored = pattern.endswith("$")
    body = pattern[:-1] if anchored else pattern
    regex = ".*".join(re.escape(part) for part in body.split("*")) + ("$" if anchored else "")
    return re.match(regex, path) is not None


def parse_robots(text: str, agent: str = AGENT) -> Robots:
    """The rules that apply to ``agent``: its own groups merged, else the "*" groups."""
    groups: list[tuple[list[str], list[tuple[bool, str]]]] = []
    agents: list[str] = []
    rules: list[tuple[bool, str]] = []
    for raw in text.splitlines()[:5000]:
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        field, value = (part.strip() for part in line.split(":", 1))
        field = field.lower()
        if field == "user-agent":
            if rules:
                groups.append((agents, rules))
                agents, rules = [], []
            agents.append(value.lower())
        elif field in ("allow", "disallow") and agents and value:
            rules.append((field == "allow", value))
    if agents:
        groups.append((agents, rules))
    ours = [
        r
        for names, rs in groups
        if any(n != "*" and agent.lower().startswith(n) for n in names)
        for r in rs
    ]
    if ours or any(
        any(n != "*" and agent.lower().startswith(n) for n in names) for names, _ in groups
    ):
        return Robots(tuple(ours))
    return Robots(tuple(r for names, rs in groups if "*" in names for r in rs))
