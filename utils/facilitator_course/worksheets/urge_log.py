"""The urge log: noting each urge (when, how strong, what set it off, what I did) to see patterns.

Two lessons usually come out of a log and the analysis points at them when the entries show it:
urges rise and pass, and they cluster around particular triggers and times that can be planned for.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .base import (
    INFO,
    OK,
    TODO,
    Message,
    WorksheetFeedback,
    length_problem,
    require_text,
    safety_messages,
)

MAX_ENTRIES = 200
# Strength is rated 0-10, the scale the Module 3 lesson's urge log uses.
MIN_INTENSITY, MAX_INTENSITY = 0, 10


@dataclass(frozen=True)
class UrgeEntry:
    when: str  # free text: "Fri 18:30", "after work"
    intensity: int  # 0-10
    trigger: str
    minutes: int | None = None  # how long it lasted
    response: str = ""  # what I did
    acted: bool = False  # did I act on it?

    def __post_init__(self) -> None:
        """Wrong types are a programming mistake, stopped here with a plain TypeError (not an
        AttributeError from inside `problems()`); wrong values are the learner's, and
        `problems()` explains them."""
        for name in ("when", "trigger", "response"):
            require_text(f"UrgeEntry's '{name}'", getattr(self, name))
        for name, optional in (("intensity", False), ("minutes", True)):
            value = getattr(self, name)
            if (value is None and optional) or (
                isinstance(value, int) and not isinstance(value, bool)
            ):
                continue
            raise TypeError(
                f"UrgeEntry's '{name}' should be a whole number"
                + (" or None" if optional else "")
                + f", got {type(value).__name__} {value!r}"[:80]
            )
        if not isinstance(self.acted, bool):
            raise TypeError(f"UrgeEntry's 'acted' should be True or False, got {self.acted!r}"[:90])

    def problems(self) -> list[str]:
        found = []
        if not MIN_INTENSITY <= self.intensity <= MAX_INTENSITY:
            found.append(f"intensity should be from {MIN_INTENSITY} to {MAX_INTENSITY}")
        if not self.trigger.strip():
            found.append("say what set the urge off (a place, a feeling, a person, a time)")
        if self.minutes is not None and not 0 <= self.minutes <= 24 * 60:
            found.append("the duration should be in minutes, from 0 to 1440")
        for name, text in (
            ("when", self.when),
            ("trigger", self.trigger),
            ("response", self.response),
        ):
            problem = length_problem(name.capitalize(), text, 300)
            if problem:
                found.append(problem)
        return found

    def to_dict(self) -> dict:
        return {
            "when": self.when,
            "intensity": self.intensity,
            "trigger": self.trigger,
            "minutes": self.minutes,
            "response": self.response,
            "acted": self.acted,
        }

    @classmethod
    def from_dict(cls, raw: dict) -> UrgeEntry:
        minutes = raw.get("minutes")
        intensity = raw.get("intensity")
        if intensity in (None, ""):  # 0 is a real rating now, so a missing one must not become 0
            raise ValueError("the entry has no strength")
        return cls(
            str(raw.get("when", "")),
            int(intensity),
            str(raw.get("trigger", "")),
            None if minutes in (None, "") else int(minutes),
            str(raw.get("response", "")),
            bool(raw.get("acted", False)),
        )


@dataclass
class UrgeLog:
    entries: list[UrgeEntry] = field(default_factory=list)

    def add(self, entry: UrgeEntry) -> list[str]:
        """Add an entry if it is valid; return the problems (empty when it was added).

        Raises TypeError if `entry` is not an UrgeEntry (a dict: see UrgeEntry.from_dict)."""
        if not isinstance(entry, UrgeEntry):
            raise TypeError(
                f"UrgeLog.add() takes an UrgeEntry (UrgeEntry.from_dict reads a mapping), "
                f"got {type(entry).__name__}"
            )
        problems = entry.problems()
        if len(self.entries) >= MAX_ENTRIES:
            problems.append(f"the log holds {MAX_ENTRIES} entries; export or clear older ones")
        if not problems:
            self.entries.append(entry)
        return problems

    def remove(self, index: int) -> None:
        del self.entries[index]

    def fields(self) -> dict:
        return {"entries": [e.to_dict() for e in self.entries]}

    @classmethod
    def from_fields(cls, fields: dict) -> UrgeLog:
        return cls([UrgeEntry.from_dict(e) for e in fields.get("entries", [])])


def _trigger_key(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .!")


def analyse_urge_log(log: UrgeLog) -> WorksheetFeedback:
    entries = log.entries
    messages: list[Message] = []
    messages.extend(safety_messages(f"{e.when}\n{e.trigger}\n{e.response}" for e in entries))
    if not entries:
        messages.append(
            Message(
                TODO,
                "No entries yet. Log each urge when it happens: when, how "
                "strong (0-10), what set it off and what you did.",
            )
        )
        return WorksheetFeedback(tuple(messages), False, {"entries": 0})
    count = len(entries)
    mean = sum(e.intensity for e in entries) / count
    resisted = sum(not e.acted for e in entries)
    triggers = Counter(_trigger_key(e.trigger) for e in entries)
    durations = [e.minutes for e in entries if e.minutes is not None]
    messages.append(Message(OK, f"{count} urge(s) logged, average strength {mean:.1f} out of 10."))
    if resisted:
        messages.append(
            Message(
                INFO,
                f"You did not act on {resisted} of {count} urge(s). Each "
                "one is evidence that an urge can pass without acting on it.",
            )
        )
    if durations:
        messages.append(
            Message(
                INFO,
                f"Urges lasted {sum(durations) / len(durations):.0f} "
                f"minutes on average (longest {max(durations)}). They rise, "
                "peak and fade.",
            )
        )
    common = [(t, n) for t, n in triggers.most_common(3) if n > 1]
    if common:
        listed = ", ".join(f"{t} ({n}×)" for t, n in common)
        messages.append(
            Message(
                INFO,
                f"Triggers that came up more than once: {listed}. Which of "
                "them could you plan for or avoid?",
            )
        )
    if count < 3:
        messages.append(
            Message(TODO, "Patterns show after a few entries; keep logging for a week.")
        )
    details = {
        "entries": count,
        "mean_intensity": round(mean, 1),
        "resisted": resisted,
        "triggers": dict(triggers),
        "mean_minutes": round(sum(durations) / len(durations), 1) if durations else None,
    }
    return WorksheetFeedback(tuple(messages), count >= 3, details)
