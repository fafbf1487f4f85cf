"""Sources whose parsers misbehave, for the parse-isolation tests.

They live apart from the tests because a worker process unpickles them: importing this small
module costs milliseconds, where importing the test module (and pytest with it) takes over half a
second, which a worker started under a 1 s parse deadline cannot afford on a busy machine.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sources import ParsedFeed, Query

MiB = 1024 * 1024


@dataclass(frozen=True)
class Greedy:
    """A source whose parser asks for more memory than a worker may map."""

    url: str
    name: str = "greedy"

    def url_for(self, query: Query) -> str:
        return self.url

    def parse(
        self, body: bytes, headers: Mapping[str, str], *, url: str, now: datetime
    ) -> ParsedFeed:
        hoard = bytearray(1024 * MiB)
        return ParsedFeed(str(len(hoard)), ())


@dataclass(frozen=True)
class Crashing:
    """A source whose parser dies the way a crash in C code or the OOM killer ends it."""

    url: str
    name: str = "crashing"

    def url_for(self, query: Query) -> str:
        return self.url

    def parse(
        self, body: bytes, headers: Mapping[str, str], *, url: str, now: datetime
    ) -> ParsedFeed:
        os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("unreachable: the process is gone")
