"""`facilitator-course beliefs [FILE]`: find REBT belief types, one JSON object per line.

Input lines: {"text": ...} (other keys passed through). Output lines: the input keys plus
irrational, rational, spans (start, end, type, text: offsets into the input text) and explanation.
"""

from __future__ import annotations

import argparse
from typing import Any

from .jsonl import add_file_argument, run_file

FIELDS = ("irrational", "rational", "spans")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file_argument(parser, 'beliefs {"text": ...}')


def _analyse(row: dict[str, Any]) -> dict[str, Any]:
    from ..coding.rebt.beliefs import analyse_belief

    result = analyse_belief(row["text"])
    out = result.to_dict()
    out["error"] = result.error
    return out


def run(args: argparse.Namespace) -> int:
    return run_file(args.file, _analyse, FIELDS)
