"""`facilitator-course code [FILE]`: label facilitator responses, one JSON object per line.

Input lines: {"text": ..., "context": ...} (context optional; other keys passed through).
Output lines: the input keys plus code, confidence, labeling, disguised_advice, explanation, cue,
rewrite, question_type, kind and error. Only the coder is imported (no pandas or matplotlib), so
a thousand responses take well under three seconds including start-up.
"""

from __future__ import annotations

import argparse
from typing import Any

from .jsonl import add_file_argument, run_file

FIELDS = ("judged", "reason", "code", "confidence", "labeling", "disguised_advice", "explanation")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_file_argument(parser, 'facilitator responses {"text": ..., "context": ...}')


def _code(row: dict[str, Any]) -> dict[str, Any]:
    from ..coding.judge import code_response

    context = row.get("context")
    return code_response(row["text"], context if isinstance(context, str) else None).to_dict()


def run(args: argparse.Namespace) -> int:
    return run_file(args.file, _code, FIELDS)
