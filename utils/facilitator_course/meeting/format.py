"""The standard meeting format: six elements and their time budgets, defined once.

Lessons, the meeting simulator, its checker and the debrief all import these values, so a change
to the format (for example a local 60-minute variant) happens in one place only. The timings are
those of the US outline for a 90-minute meeting.
"""

from __future__ import annotations

from dataclasses import dataclass

MEETING_MINUTES = 90


@dataclass(frozen=True)
class MeetingElement:
    key: str
    name: str
    min_minutes: int
    max_minutes: int
    purpose: str

    @property
    def budget(self) -> str:
        if self.min_minutes == self.max_minutes:
            return f"{self.min_minutes} min"
        return f"{self.min_minutes}–{self.max_minutes} min"

    def within_budget(self, minutes: float) -> bool:
        return self.min_minutes <= minutes <= self.max_minutes


MEETING_ELEMENTS: tuple[MeetingElement, ...] = (
    MeetingElement(
        "welcome",
        "Welcome and introduction",
        5,
        5,
        "Close the small talk, open the meeting and orient anyone new.",
    ),
    MeetingElement(
        "check_in",
        "Check-in",
        10,
        20,
        "Each person says briefly how things have gone since the last meeting: wins and struggles.",
    ),
    MeetingElement(
        "agenda",
        "Agenda setting",
        3,
        3,
        "Pick what to work on from the check-in, or a planned topic or tool.",
    ),
    MeetingElement(
        "working_time",
        "Working time",
        40,
        50,
        "The core of the meeting: apply the tools to the issues the group raised.",
    ),
    MeetingElement(
        "pass_the_hat",
        "Passing the hat",
        3,
        3,
        "A moment for voluntary donations; nobody has to give.",
    ),
    MeetingElement(
        "check_out",
        "Check-out and close",
        15,
        15,
        "Each person names what they take away and their plan for the week.",
    ),
)

ELEMENT_KEYS: tuple[str, ...] = tuple(e.key for e in MEETING_ELEMENTS)


def element(key: str) -> MeetingElement:
    for item in MEETING_ELEMENTS:
        if item.key == key:
            return item
    raise KeyError(f"no meeting element '{key}'; the elements are: {', '.join(ELEMENT_KEYS)}")
