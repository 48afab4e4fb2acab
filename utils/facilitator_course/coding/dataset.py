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
# `fresh` was written after the coder's rules, by someone who never read them or the other
# splits, in the registers learners use (typos, speech, soft advice, one-word replies...).
# `final` came later still, from a third writer, and is run once per release.
CODING_SPLITS = (
    *SPLITS,
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "final",
)
# The held-out sets the benchmarks run by default (`final` is run once per release).
FRESH_SPLITS = tuple(split for split in CODING_SPLITS if split.startswith("fresh"))
# The sets training and tuning may read (`coding/train.py` trains on all of them).
DEVELOPMENT_SPLITS = tuple(split for split in CODING_SPLITS if split.startswith("dev"))


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
    if split not in CODING_SPLITS:
        raise ValueError(f"split must be one of {CODING_SPLITS}")
    return _read_jsonl(data_dir() / "coding" / f"{split}.jsonl")


def load_harm(split: str = "fresh") -> list[dict[str, Any]]:
    """Replies that must never be rewarded (advice, confrontation, labels, mixed) or that cannot
    be judged (gibberish, other languages, off topic, fillers, repeats), by category. `dev` may
    be tuned on (it also has good replies that look harmful); `fresh` and `final` never."""
    return _read_jsonl(data_dir() / "coding" / f"harm_{split}.jsonl")


def load_content(split: str = "fresh") -> list[dict[str, Any]]:
    """Typed reflections to scenario lines, with the side a human says they picked up."""
    return _read_jsonl(data_dir() / "coding" / f"content_{split}.jsonl")


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
