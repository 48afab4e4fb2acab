"""The learned part of the coder: a linear model stored as plain JSON and scored in pure Python.

Weights are data, never code: loading the model reads numbers from a JSON file and checks their
shape, so a tampered or corrupt file can make the coder wrong but can never make it run anything.
Scoring a response touches only the features it has (about a hundred), so it takes well under a
millisecond and needs neither numpy nor scikit-learn.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .labels import LABELS

MODEL_PATH = Path(__file__).resolve().parent / "model.json"
MODEL_FORMAT = "facilitator-course linear coder"


class ModelError(ValueError):
    """The model file is missing, unreadable or not shaped like a model."""


@dataclass(frozen=True)
class LinearModel:
    """Multinomial logistic regression: one weight per (feature, label), plus a bias per label."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    meta: Mapping[str, object]

    def scores(self, features: Mapping[str, float]) -> list[float]:
        totals = list(self.bias)
        n = len(totals)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                for i in range(n):
                    totals[i] += row[i] * value
        return totals

    def probabilities(self, features: Mapping[str, float]) -> list[float]:
        scores = self.scores(features)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def contributions(
        self, features: Mapping[str, float], label: str, against: str | None = None
    ) -> list[tuple[float, str]]:
        """(weight for `label` minus weight for `against`, feature) for each present feature."""
        i = self.labels.index(label)
        j = self.labels.index(against) if against else None
        out: list[tuple[float, str]] = []
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                out.append(((row[i] - (row[j] if j is not None else 0.0)) * value, name))
        out.sort(reverse=True)
        return out


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ModelError("weights must be finite numbers")
    return float(value)


def model_from_dict(data: object) -> LinearModel:
    """Check the shape of parsed JSON and build the model; raises ModelError on any mismatch."""
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise ModelError(f"not a {MODEL_FORMAT!r} file")
    labels = data.get("labels")
    if not isinstance(labels, list) or tuple(labels) != LABELS:
        raise ModelError("the model's labels do not match coding.labels.LABELS")
    n = len(labels)
    bias = data.get("bias")
    if not isinstance(bias, list) or len(bias) != n:
        raise ModelError("bias must be a list with one number per label")
    raw = data.get("weights")
    if not isinstance(raw, dict):
        raise ModelError("weights must map feature names to lists of numbers")
    weights: dict[str, tuple[float, ...]] = {}
    for name, row in raw.items():
        if not isinstance(name, str) or not isinstance(row, list) or len(row) != n:
            raise ModelError(f"weights for {name!r} must be a list of {n} numbers")
        weights[name] = tuple(_number(v) for v in row)
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    return LinearModel(tuple(labels), tuple(_number(b) for b in bias), weights, meta)


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> LinearModel:
    """Load (once) the model shipped with the package, or another one at `path`."""
    target = Path(path) if path else MODEL_PATH
    try:
        with open(target, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"could not read {target.name}: {exc}") from None
    return model_from_dict(data)
