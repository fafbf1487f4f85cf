"""Pure robots.txt rules as RFC 9309 reads them, by protego (Scrapy's parser): the group for our
user agent (else "*"), the longest matching Allow or Disallow path wins (Allow on a tie), "*" and
"$" wildcards, paths compared percent-encoded. What is ours: how much of a file is read, a byte
order mark, and the verdicts for a site with no robots.txt or one that cannot be read.
"""

from __future__ import annotations

from dataclasses import dataclass

from protego import Protego

AGENT = "research"
# RFC 9309 section 2.5: a crawler reads at least the first 500 KiB; the rest is ignored.
MAX_ROBOTS_CHARS = 500 * 1024


@dataclass(frozen=True)
class Robots:
    """The rules of one site for our user agent (no rules: everything allowed)."""

    rules: Protego | None = None
    agent: str = AGENT

    def allows(self, url: str) -> bool:
        return self.rules is None or self.rules.can_fetch(url, self.agent)


ALLOW_ALL = Robots()
DENY_ALL = Robots(Protego.parse("User-agent: *\nDisallow: /\n"))


def parse_robots(text: str, agent: str = AGENT) -> Robots:
    """The rules that apply to ``agent``: its own groups merged, else the "*" groups."""
    text = text.removeprefix("\ufeff")  # decoded as UTF-8, a BOM would hide the first line
    if len(text) > MAX_ROBOTS_CHARS:
        text = "\n".join(text[:MAX_ROBOTS_CHARS].splitlines()[:-1])  # the last line may be cut
    return Robots(Protego.parse(text), agent)
