"""Trainee IDs, never names: what may name a submission, and the roster that maps names to IDs.

An LMS export names each submission after a person (a folder `Jane Doe_12345_assignsubmission_
file_`, a file `jane.doe_01-exercise.ipynb`, an email address). Names must not enter the course
folder, the gradebook, reports or feedback, so `collect` maps them through a roster the trainer
keeps outside the repository (a CSV: name or LMS user, trainee ID), and without a roster refuses
anything that looks like a name, saying how to make one.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

TRAINEE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class CollectError(RuntimeError):
    """The source cannot be collected at all (unsafe zip, unknown layout); nothing was changed."""


ROSTER_HINT = (
    "give `collect` a roster (--roster FILE: a CSV kept outside the repository, one line per "
    "trainee: name or LMS user, trainee ID) so names are mapped to pseudonymous IDs such as t07"
)
_NAME_PART = r"[A-Za-z][a-z]+|[A-Z]{2,}"
_LOOKS_LIKE_NAME = (
    re.compile(rf"^(?:{_NAME_PART})(?:[._\- ](?:{_NAME_PART})){{1,3}}$"),  # first.last, First_Last
    re.compile(r"^(?:[A-Z][a-z]+){2,4}$"),  # FirstLast
)


def looks_like_name(name: str) -> bool:
    """A folder/file name that is probably a person's name (no digit, two to four words)."""
    if "@" in name:
        return True
    if any(ch.isdigit() for ch in name):
        return False
    return any(pattern.match(name) for pattern in _LOOKS_LIKE_NAME)


def check_trainee_id(name: str) -> str | None:
    """Why a folder/file name cannot be used as a trainee ID, or None if it can."""
    if "@" in name:
        return (
            "looks like an email address; use pseudonymous trainee IDs (e.g. t07) so no "
            f"email address enters the gradebook, reports or exports: {ROSTER_HINT}"
        )
    if looks_like_name(name):
        return f"looks like a person's name, and names never enter the course folder: {ROSTER_HINT}"
    if not TRAINEE_ID.match(name):
        return (
            "is not a usable trainee ID (letters, digits, '.', '_' and '-' only, no spaces); "
            f"rename it to the trainee's pseudonymous ID, or {ROSTER_HINT}"
        )
    return None


# --- the roster: names (as an LMS writes them) to trainee IDs --------------------------------

_MOODLE_SUFFIX = re.compile(r"_\d+_assign(?:submission|ment)_[a-z]+_?$", re.I)


def roster_key(name: str) -> str:
    """A name as the roster and an export spell it alike: case, separators and LMS suffixes go,
    so `Jane Doe`, `jane.doe`, `JaneDoe` and `Jane Doe_12345_assignsubmission_file_` all match."""
    name = _MOODLE_SUFFIX.sub("", name.strip())
    return re.sub(r"[\s._\-,']+", "", name.casefold())


def load_roster(path: Path) -> dict[str, str]:
    """{roster key: trainee ID} from a CSV of `name or LMS user, trainee ID` lines.

    A header line is allowed. Every ID must itself be a usable, pseudonymous trainee ID.
    """
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = [row for row in csv.reader(handle) if any(cell.strip() for cell in row)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CollectError(f"The roster {path} could not be read ({exc}).") from exc
    roster: dict[str, str] = {}
    for number, row in enumerate(rows, start=1):
        if len(row) < 2:
            raise CollectError(f"Roster line {number}: expected `name, trainee ID`.")
        name, trainee = row[0].strip(), row[1].strip()
        if number == 1 and (check_trainee_id(trainee) or not any(c.isdigit() for c in trainee)):
            continue  # a header such as `name,trainee_id`
        problem = check_trainee_id(trainee)
        if problem:
            raise CollectError(f"Roster line {number}: the trainee ID '{trainee}' {problem}.")
        roster[roster_key(name)] = trainee
    if not roster:
        raise CollectError(f"The roster {path} has no `name, trainee ID` lines.")
    return roster


def resolve_trainee(name: str, roster: dict[str, str] | None) -> tuple[str | None, str | None]:
    """(trainee ID, None) for a folder/file name, or (None, why it was refused)."""
    if roster:
        key = roster_key(name)
        if key in roster:
            return roster[key], None
        # Canvas-style names carry numbers after the user: `doejane_12345_67890`.
        for known in sorted(roster, key=len, reverse=True):
            if key.startswith(known) and key[len(known) :].isdigit():
                return roster[known], None
        if name in roster.values():  # the export already uses the roster's IDs
            return name, None
        # With a roster, an unknown user name (`jdoe`) must not slip in as an ID of its own.
        return None, "is not in the roster: add a line for it (name or LMS user, trainee ID)"
    problem = check_trainee_id(name)
    return (None, problem) if problem else (name, None)
