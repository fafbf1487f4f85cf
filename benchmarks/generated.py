"""Write a generated source file, or with --check say whether it is what generation gives."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(table: Path, text: str, wrote: str) -> None:
    """``--check``: exit 1 when ``table`` differs from ``text``; otherwise write it and print
    ``wrote``."""
    if "--check" in sys.argv:
        current = table.read_text(encoding="utf-8") if table.exists() else ""
        print(f"{table.name} is current" if current == text else f"{table.name} is out of date")
        sys.exit(0 if current == text else 1)
    table.write_text(text, encoding="utf-8")
    print(wrote)
