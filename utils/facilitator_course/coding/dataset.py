"""The course's own labelled examples: development, test and independent-style portions.

The split was made once and is stored as separate files, so nothing can drift between runs:
`dev` is the only portion training or tuning may read; `test` and `independent` are for the
benchmark only (see data/coding/README.md for how each was written).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..paths import data_dir

SPLITS = ("dev", "test", "independent")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                row = json.loads(line)
                if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                    raise ValueError(f"{path.name}, line {number}: expected an object with text")
                rows.append(row)
    return rows


def load_coding(split: str) -> list[dict[str, Any]]:
    """Facilitator responses: text, optional context, code, labeling, disguised_advice."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    return _read_jsonl(data_dir() / "coding" / f"{split}.jsonl")


def load_beliefs(split: str) -> list[dict[str, Any]]:
    """Beliefs: text with the irrational and rational types a trained reader would tag."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    return _read_jsonl(data_dir() / "beliefs" / f"{split}.jsonl")


def load_disputes(split: str) -> list[dict[str, Any]]:
    """Disputing questions: text with kind empirical, logical, pragmatic or none."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}")
    return _read_jsonl(data_dir() / "beliefs" / f"disputes_{split}.jsonl")
