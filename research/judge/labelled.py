"""Reading labelled headlines for evaluation: JSON lines, a JSON list, or CSV.

Columns (first match wins): the headline in ``title``/``headline``/``sentence``; the company in
``company``/``target``/``entity``; the label in ``label``/``gold``/``sentiment`` as positive,
negative or neutral, or as a score in [-1, 1] (>= 0.2 positive, <= -0.2 negative); optionally the
event kind in ``kind``/``gold_kind``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import InvalidInput
from ..models import EventKind
from .evaluate import LABELS, LabelledHeadline, label_from_score

_TITLE = ("title", "headline", "sentence")
_COMPANY = ("company", "target", "entity")
_LABEL = ("label", "gold", "sentiment", "gold_label")
_KIND = ("kind", "gold_kind")
MAX_ROWS = 1_000_000


def load_labelled(path: Path) -> list[LabelledHeadline]:
    """Every row of the file; InvalidInput naming the file and row when one cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read {path}: {exc}") from exc
    try:
        if path.suffix.lower() == ".csv":
            records: Iterable[Mapping[str, Any]] = csv.DictReader(text.splitlines())
        elif text.lstrip().startswith("["):
            records = json.loads(text)
        else:
            records = _json_lines(text, path)
        rows = []
        for number, record in enumerate(records, 1):
            if number > MAX_ROWS:
                raise InvalidInput(f"{path} has more than {MAX_ROWS:,} rows")
            rows.append(_row(record, number, path))
    except (csv.Error, RecursionError, ValueError) as exc:
        if isinstance(exc, InvalidInput):
            raise
        raise InvalidInput(f"{path} cannot be read as labelled headlines: {exc!s:.200}") from None
    if not rows:
        raise InvalidInput(f"{path} has no rows")
    return rows


def _json_lines(text: str, path: Path) -> Iterable[Mapping[str, Any]]:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line)
            except ValueError as exc:
                raise InvalidInput(f"{path}, line {number}: not valid JSON ({exc})") from exc


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        if name in record and record[name] not in (None, ""):
            return record[name]
    return None


def _row(record: Mapping[str, Any], number: int, path: Path) -> LabelledHeadline:
    if not isinstance(record, Mapping):
        raise InvalidInput(f"{path}, row {number}: expected an object with named fields")
    title, company, label = (_first(record, n) for n in (_TITLE, _COMPANY, _LABEL))
    if not isinstance(title, str | None) or not isinstance(company, str | None):
        raise InvalidInput(f"{path}, row {number}: the title and the company must be text")
    if title is None or company is None or label is None:
        raise InvalidInput(
            f"{path}, row {number}: needs a title, a company and a label "
            f"(found fields: {', '.join(sorted(record))})"
        )
    return LabelledHeadline(
        str(title), str(company), _label(label, number, path), _kind(record, number, path)
    )


def _label(value: Any, number: int, path: Path) -> str:
    text = str(value).strip().lower()
    if text in LABELS:
        return text
    try:
        score = float(text)
        if not -1.0 <= score <= 1.0:  # also refuses nan and inf
            raise ValueError(text)
        return label_from_score(score)
    except ValueError:
        raise InvalidInput(
            f"{path}, row {number}: label {value!r} is not positive, negative, neutral or a score "
            "from -1 to 1"
        ) from None


def _kind(record: Mapping[str, Any], number: int, path: Path) -> EventKind | None:
    value = _first(record, _KIND)
    if value is None:
        return None
    try:
        return EventKind(str(value).strip().lower())
    except ValueError:
        kinds = ", ".join(k.value for k in EventKind)
        raise InvalidInput(f"{path}, row {number}: kind {value!r} is not one of {kinds}") from None
