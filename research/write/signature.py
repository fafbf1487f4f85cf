"""Pure: the sender's signature under the note, and what each of its fields accepts.

Apart from the config file that keeps it (``research.store.config_file``), so the note's pure code can
use it and a value is checked the same way whether it comes from the file or from a caller.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields

from ..errors import InvalidInput

_LIMITS = {"name": 120, "phone": 40, "email": 254}
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
_EXAMPLES = {"name": "Ann Smith", "phone": "+1 555 0100", "email": "ann@example.com"}


def check_field(field: str, value: object, label: str | None = None) -> str:
    """``value`` as the note will show it (outer spaces removed), or InvalidInput naming
    ``label`` (the field, or the config key it came from) and an example that works."""
    label = label or field
    example = f"e.g. {_EXAMPLES[field]!r}"
    if not isinstance(value, str):
        raise InvalidInput(f"{label} must be text ({example}); got {value!r:.60}")
    text = value.strip()
    if not text or len(text) > _LIMITS[field]:
        raise InvalidInput(
            f"{label} must be 1 to {_LIMITS[field]} characters ({example}); got {value!r:.60}"
        )
    if any(unicodedata.category(c).startswith("C") for c in text):
        raise InvalidInput(
            f"{label} must be one line without control characters ({example}); got {value!r:.60}"
        )
    if field == "phone" and not any(c.isdigit() for c in text):
        raise InvalidInput(f"{label} must contain a number ({example}); got {value!r:.60}")
    if field == "email" and not _EMAIL.fullmatch(text):
        raise InvalidInput(f"{label} must be an address like {_EXAMPLES[field]}; got {value!r:.60}")
    return text


@dataclass(frozen=True)
class Signature:
    """Who the note is from. With no field set, the closing keeps placeholders to fill in
    ("[Your name]", "[Your phone] | [Your email]"); once any is set, it shows the ones set (and
    "[Your name]" if the name is not)."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if value is not None:
                object.__setattr__(self, field.name, check_field(field.name, value))

    @property
    def is_empty(self) -> bool:
        return self.name is None and self.phone is None and self.email is None
