"""A trainer's override of one capstone rating, with a reason, kept on the trainer's side.

The engine rates a capstone meeting from the typed moves (group/scoring.py): sixteen checklist
items, six competency levels, an MI profile and an overall result. A trainer who reads the
transcript may disagree with one of them (a move the engine read as blaming was a kind joke; a
tool was used but not named). They override that one rating with a reason; the status is then
worked out again by the engine's own rules (`scoring.decide`), so a "potentially harmful" level
that the trainer overrides no longer blocks and a rating the trainer lowers to "potentially
harmful" does. The overall result can be overridden too.

Where: `capstone-overrides.json` in the course folder, beside the gradebook that holds the other
manual marks, never in anything a trainee hands in. The course folder is outside the repository
(and the name is git-ignored in case one is made there by mistake); the file is owner-only
(0600) and written atomically. Every change is appended with its time, so the file is also the
history of the trainer's decisions; the last entry for a rating counts, and `autograde` never
touches it, so overrides survive a re-run; every gradebook backup copies it and `restore` puts it
back with the gradebook (backup.py). Each entry names the SHA-256 of the transcript it was
made on: when a trainee hands in a new copy, the trainer's earlier overrides no longer apply (a
judgement of one meeting must not unblock another) and the views say so.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from ..atomic_file import atomic_write_text
from ..coding.labels import LEVELS as PROFILE_LEVELS
from ..group.scoring import (
    BLOCKED,
    COMPETENCY_LEVELS,
    HARMFUL,
    NOT_SHOWN,
    NOT_YET,
    PASS,
    CapstoneResult,
    decide,
)
from .private import private_file
from .rubric import RubricError

OVERRIDES_NAME = "capstone-overrides.json"
FORMAT = "facilitator-course/capstone-overrides"
VERSION = 1
MAX_REASON_CHARS = 2000
DONE, NOT_DONE = "done", "not done"
OVERALL_VALUES = (PASS, NOT_YET, BLOCKED)
TRAINER = "overridden by trainer: "

_VALUE_ALIASES = {
    "met": DONE,
    "yes": DONE,
    "not met": NOT_DONE,
    "no": NOT_DONE,
    "harmful": HARMFUL,
    "not shown": NOT_SHOWN,
    "passed": PASS,
    "not passed": NOT_YET,
}


class CapstoneOverrideError(RubricError):
    """An override that cannot be recorded, said in one sentence a trainer can act on."""


@dataclass(frozen=True)
class Rating:
    """One rating a trainer can override: where it sits, its name, the values it takes."""

    kind: str  # "checklist", "competency", "profile" or "overall"
    key: str  # how it is stored: "checklist:<item>", "competency:<key>", "profile", "overall"
    label: str
    values: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Override:
    rating: str  # Rating.key
    value: str
    reason: str
    when: str
    transcript: str = ""  # SHA-256 of the transcript the trainer judged

    @property
    def note(self) -> str:
        return TRAINER + self.reason


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[_\-:]+", " ", str(text)).lower().split())


def ratings_of(result: CapstoneResult | None) -> list[Rating]:
    """Every rating of a scored capstone (only the overall result when it could not be scored)."""
    found = []
    if result is not None:
        for item in result.checklist:
            found.append(Rating("checklist", f"checklist:{item.item}", item.item, (DONE, NOT_DONE)))
        for c in result.competencies:
            short = c.name.split(" (")[0]
            found.append(
                Rating(
                    "competency", f"competency:{c.key}", c.name, COMPETENCY_LEVELS, (c.key, short)
                )
            )
        found.append(Rating("profile", "profile", "MI profile", PROFILE_LEVELS, ("mi",)))
    found.append(Rating("overall", "overall", "overall result", OVERALL_VALUES, ("overall",)))
    return found


def find_rating(name: str, result: CapstoneResult | None) -> Rating:
    """The rating a trainer named (its words, any case; a competency also by its short name)."""
    wanted = _norm(name)
    for rating in ratings_of(result):
        if wanted in {_norm(rating.label), *map(_norm, rating.aliases)}:
            return rating
    names = "; ".join(f'"{r.label}"' for r in ratings_of(result))
    raise CapstoneOverrideError(f'No capstone rating "{name}". Ratings: {names}.')


def check_value(rating: Rating, value: str) -> str:
    wanted = _norm(value)
    wanted = _VALUE_ALIASES.get(wanted, wanted)
    for allowed in rating.values:
        if wanted == _norm(allowed):
            return allowed
    listed = ", ".join(f'"{v}"' for v in rating.values)
    raise CapstoneOverrideError(f'"{value}" is not a level of "{rating.label}". Levels: {listed}.')


def check_reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise CapstoneOverrideError(
            'An override of a capstone rating needs a reason: add --reason "..." '
            "(every view of the capstone and certification show why it was changed)."
        )
    if len(text) > MAX_REASON_CHARS:
        raise CapstoneOverrideError(f"The reason is longer than {MAX_REASON_CHARS} characters.")
    return text


# --- the file ---------------------------------------------------------------------------------


def overrides_path(course_root: Path) -> Path:
    return Path(course_root) / OVERRIDES_NAME


def transcript_digest(path: Path) -> str:
    """SHA-256 of a submitted transcript ("" when there is none to read)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""


def _entries(course_root: Path) -> list[dict]:
    path = overrides_path(course_root)
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CapstoneOverrideError(
            f"{path} could not be read ({exc}); restore it or remove it to drop the overrides."
        ) from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if data.get("format") != FORMAT or not isinstance(entries, list):
        raise CapstoneOverrideError(f"{path} is not a capstone overrides file.")
    return [e for e in entries if isinstance(e, dict)]


def read_overrides(course_root: Path, trainee: str, module: str) -> dict[str, Override]:
    """{rating key: the override that counts} for one trainee's capstone (latest entry wins)."""
    found: dict[str, Override] = {}
    for e in _entries(course_root):
        if e.get("trainee") != trainee or e.get("module") != module:
            continue
        key = str(e.get("rating", ""))
        if e.get("value") is None:  # the trainer gave the rating back to the engine
            found.pop(key, None)
        else:
            found[key] = Override(
                key,
                str(e["value"]),
                str(e.get("reason", "")),
                str(e.get("when", "")),
                str(e.get("transcript", "")),
            )
    return found


def write_override(
    course_root: Path,
    trainee: str,
    module: str,
    rating: Rating,
    value: str | None,
    reason: str | None,
    transcript: str = "",
) -> None:
    """Append one decision (value None: back to the engine's rating) and rewrite the file."""
    entries = _entries(course_root)
    entries.append(
        {
            "trainee": trainee,
            "module": module,
            "rating": rating.key,
            "label": rating.label,
            "value": value,
            "reason": reason,
            "transcript": transcript,
            "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
    )
    path = overrides_path(course_root)
    text = json.dumps({"format": FORMAT, "version": VERSION, "entries": entries}, indent=1)
    atomic_write_text(path, text + "\n")
    private_file(path)


# --- applying them ----------------------------------------------------------------------------


def apply_overrides(result: CapstoneResult, overrides: dict[str, Override]) -> CapstoneResult:
    """The result with the trainer's ratings in place and the status worked out again."""
    if not overrides:
        return result
    items = tuple(
        replace(i, met=o.value == DONE, evidence=o.note)
        if (o := overrides.get(f"checklist:{i.item}"))
        else i
        for i in result.checklist
    )
    levels = tuple(
        replace(c, level=o.value, reasons=(o.note,))
        if (o := overrides.get(f"competency:{c.key}"))
        else c
        for c in result.competencies
    )
    profile = overrides.get("profile")
    rated = profile.value if profile else result.profile_level
    status, reasons, fidelity = decide(
        items, levels, result.profile, rated, result.moves_judged, result.ending
    )
    if profile and rated == PROFILE_LEVELS[0]:
        kept = [r for r in reasons if not r.startswith("MI profile")]
        reasons = (*kept, f"MI profile below fair ({profile.note})")
    overall = overrides.get("overall")
    if overall:
        status, reasons = overall.value, (overall.note,)
    return replace(
        result,
        status=status,
        reasons=reasons,
        checklist=items,
        fidelity=fidelity,
        competencies=levels,
        profile_level=rated,
    )
