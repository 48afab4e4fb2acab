"""Shared JSON Lines plumbing for the `code` and `beliefs` commands.

The contract other tools rely on: one output line per non-blank input line, in order; the input
object's keys are passed through (the command's own keys win on a clash); a line that cannot be
used gets an "error" key and the run goes on. Only input that cannot be read at all (a missing
file) makes the exit status non-zero. Bytes that are not UTF-8 are replaced, not fatal.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any, TextIO

Handler = Callable[[dict[str, Any]], dict[str, Any]]


def add_file_argument(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        help=f"JSON Lines file of {what} (default or '-': read standard input)",
    )


def open_input(name: str) -> TextIO:
    """The input stream: a file, or stdin for '-'. Raises OSError if the file cannot be read."""
    if name == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    return open(name, encoding="utf-8", errors="replace")


def process_line(line: str, number: int, handler: Handler, fields: tuple[str, ...]) -> dict:
    """One output object for one input line; never raises."""
    try:
        row = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return {
            "line": number,
            "error": f"line {number} is not valid JSON ({exc.__class__.__name__})",
        }
    if not isinstance(row, dict):
        return {"line": number, "error": f'line {number} must be a JSON object with "text"'}
    text = row.get("text")
    if not isinstance(text, str):
        kind = "missing" if text is None else f"of type {type(text).__name__}, not a string"
        return {**row, **dict.fromkeys(fields), "error": f'line {number}: "text" is {kind}'}
    try:
        return {**row, **handler(row)}
    except Exception as exc:  # a bug must cost one line, not the whole batch
        return {**row, "error": f"line {number} could not be processed ({exc.__class__.__name__})"}


def _dumps(result: dict) -> str:
    """One JSON line; text that cannot be UTF-8 (a lone surrogate escaped in the input) is written
    as a JSON escape rather than stopping the run."""
    text = json.dumps(result, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(result, ensure_ascii=True)
    return text


def run_lines(lines: Iterable[str], out: TextIO, handler: Handler, fields: tuple[str, ...]) -> int:
    count = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        result = process_line(line, number, handler, fields)
        out.write(_dumps(result) + "\n")
        count += 1
    return count


def run_file(name: str, handler: Handler, fields: tuple[str, ...]) -> int:
    """Run `handler` over every line of `name` (or stdin); the command's exit status."""
    try:
        stream = open_input(name)
    except OSError as exc:
        print(f"Cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        with stream:
            run_lines(stream, sys.stdout, handler, fields)
    except OSError as exc:  # e.g. a directory given as FILE, or a read error mid-way
        print(f"Cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    sys.stdout.flush()
    return 0
