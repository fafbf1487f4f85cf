"""Reading the judge's learned weights (``model.json``, shipped in this package), once, on
first use: ``research --help`` and runs that judge nothing never load them.

The file is plain JSON numbers, so loading it runs no code (unlike a pickle); its format is
checked, and a file that does not read gives a clear error instead of a wrong model.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ResearchError
from ..models import EventKind
from .model import KindWeights, Model, Policy, Weights

FORMAT = 1


class ModelError(ResearchError):
    """The judge's model file is missing or damaged: reinstall the package."""


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    """The model that ships with the package."""
    try:
        raw = resources.files(__package__).joinpath("model.json").read_text(encoding="utf-8")
        return model_from_json(json.loads(raw))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(
            f"the judge's model (research/judge/model.json) cannot be read: {exc}; "
            "reinstall research, or retrain it with benchmarks/train_judge.py"
        ) from exc


def model_from_json(data: dict[str, Any]) -> Model:
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown model format {data.get('format')!r}, expected {FORMAT}")
    heads = data["heads"]
    return Model(
        good=_weights(heads["good"]),
        harmful=_weights(heads["harmful"]),
        kinds=KindWeights({EventKind(k): _weights(v) for k, v in heads["kinds"].items()}),
        policy=policy_from_json(data["policy"]),
    )


def policy_from_json(data: dict[str, Any]) -> Policy:
    overrule = {str(basis): float(value) for basis, value in data["overrule"].items()}
    learned = frozenset(EventKind(kind) for kind in data["learned_kinds"])
    return Policy(overrule, float(data["harmful"]), learned, float(data["familiar"]))


def _weights(head: dict[str, Any]) -> Weights:
    """A head's weights as JSON gave them: its keys are text already, and its values are checked
    to be numbers by their types at once (copying 45,000 of them cost 15 ms of every run)."""
    features = head["features"]
    if not isinstance(features, dict) or not {type(v) for v in features.values()} <= {int, float}:
        raise ValueError("feature weights must be numbers")
    return Weights(float(head["bias"]), features)
