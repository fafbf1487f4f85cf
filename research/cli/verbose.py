"""``--verbose``: the library's progress on standard error, kept terminal-safe."""

import logging

from .common import safe


class SafeFormatter(logging.Formatter):
    """Log lines quote what servers sent (a parser's complaint about a feed): keep the
    terminal safe from escape sequences in them, as for every other line we print."""

    def format(self, record: logging.LogRecord) -> str:
        return "\n".join(safe(line) for line in super().format(record).splitlines())


def log_progress() -> None:
    """Show research's and sources' INFO lines, and everyone's warnings."""
    handler = logging.StreamHandler()
    handler.setFormatter(SafeFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    for ours in ("research", "sources"):
        logging.getLogger(ours).setLevel(logging.INFO)
