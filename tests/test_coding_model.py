"""The learned model is data, never code: loading checks its shape, and the rules back it up."""

from __future__ import annotations

import json
import re

import pytest

from facilitator_course.coding import code_response, coder
from facilitator_course.coding.labels import LABELS
from facilitator_course.coding.model import MODEL_FORMAT, ModelError, load_model, model_from_dict


def _valid() -> dict:
    n = len(LABELS)
    return {
        "format": MODEL_FORMAT,
        "labels": list(LABELS),
        "bias": [0.0] * n,
        "weights": {"w:hello": [0.1] * n},
    }


def test_the_shipped_model_loads_and_was_trained_on_development_sets_only():
    """No benchmark set (test, independent, fresh, fresh2, final) may be trained on."""
    model = load_model()
    assert model.labels == LABELS
    trained = model.meta.get("trained_on", "").split(", ")
    assert trained and all(
        re.fullmatch(r"data/coding/(harm_)?dev\d*\.jsonl", name) for name in trained
    )
    assert "data/coding/dev.jsonl" in trained


def test_the_blend_averages_two_models_scores():
    from facilitator_course.coding.train import blend

    first = {"labels": ["a", "b"], "bias": [1.0, 0.0], "weights": {"w:x": [1.0, -1.0]}, "meta": {}}
    second = {"labels": ["a", "b"], "bias": [0.0, 2.0], "weights": {"w:y": [0.5, 0.5]}, "meta": {}}
    mixed = blend(first, second)
    assert mixed["bias"] == [0.5, 1.0]
    assert mixed["weights"] == {"w:x": [0.5, -0.5], "w:y": [0.25, 0.25]}


@pytest.mark.parametrize(
    "change",
    [
        {"format": "pickle"},
        {"labels": ["a", "b"]},
        {"bias": [0.0]},
        {"weights": {"w:x": ["__import__('os')"] * len(LABELS)}},
        {"weights": {"w:x": [float("nan")] * len(LABELS)}},
        {"weights": []},
    ],
)
def test_a_tampered_model_is_rejected(change):
    with pytest.raises(ModelError):
        model_from_dict(_valid() | change)


def test_an_unreadable_model_file_is_a_model_error(tmp_path):
    path = tmp_path / "model.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError):
        load_model(str(path))
    path.write_text(json.dumps(_valid()), encoding="utf-8")
    assert load_model(str(path)).labels == LABELS


def test_without_a_model_the_rules_still_code_with_modest_confidence(monkeypatch):
    monkeypatch.setattr(coder, "_model", lambda: None)
    coded = code_response("What brings you here tonight?")
    assert coded.code == "question_open"
    assert coded.confidence == coder.RULES_ONLY_CONFIDENCE
    assert coded.explanation.startswith("This looks like")
