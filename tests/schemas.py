"""The published JSON Schemas of docs/schema/, for tests: ``validate(document, "result")``.

Tests validate against a closed copy of each schema (no property it does not declare), so a field
added to a document without being documented fails here; the published schemas stay open, as a
version may add fields (readers ignore those they do not know).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

SCHEMA_FOLDER = Path(__file__).resolve().parent.parent / "docs" / "schema"
NAMES = ("result", "note", "digest", "congratulation", "articles")
PUBLISHED = {
    name: json.loads((SCHEMA_FOLDER / f"{name}.json").read_text(encoding="utf-8"))
    for name in NAMES
}


def _closed(schema: Any) -> Any:
    """The schema with every object that lists its properties closed to any other."""
    if isinstance(schema, dict):
        closed = {key: _closed(value) for key, value in schema.items()}
        if closed.get("type") == "object" and "properties" in closed:
            closed["additionalProperties"] = False
        return closed
    if isinstance(schema, list):
        return [_closed(value) for value in schema]
    return schema


CLOSED = {name: _closed(copy.deepcopy(schema)) for name, schema in PUBLISHED.items()}
_REGISTRY: Registry[Any] = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema)) for schema in CLOSED.values()
)


def validate(document: object, name: str, definition: str | None = None) -> None:
    """Raise jsonschema.ValidationError naming the first place ``document`` breaks the schema
    ``name``, or its ``$defs`` entry ``definition`` (a part other documents share)."""
    schema = CLOSED[name]
    if definition is not None:
        schema = {"$ref": f"{schema['$id']}#/$defs/{definition}"}
    checker = Draft202012Validator(schema, registry=_REGISTRY, format_checker=FormatChecker())
    checker.validate(document)
