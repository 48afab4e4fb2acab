"""The meeting simulator: run a 90-minute meeting element by element and handle what comes up.

Each decision costs time and moves the group climate. The debrief scores every element on how
its situations were handled and whether it kept to its time budget. An element in which nothing
came up to handle is not scored at all: its minutes are the plan's, which the learner did not
choose, so a score for it would be credit for nothing and would lift the meeting's average. A safety incident is
different: mishandling it fails the whole simulation, whatever else went well, because in a
real meeting nothing else would matter as much.
"""

from __future__ import annotations

from dataclasses import dataclass

from .format import MEETING_MINUTES, MeetingElement
from .model import (
    GOOD,
    HANDLING_POINTS,
    OK,
    UNSAFE,
    ElementPlan,
    Meeting,
    MeetingChoice,
    MeetingEvent,
)

PASS_SCORE = 60
HANDLING_WEIGHT = 0.7  # the rest of an element's score is keeping to its time budget
MINUTES_GRACE = 5  # minutes over (or under) the budget after which the time score is zero
NOTHING_TO_HANDLE = "nothing to handle"


@dataclass(frozen=True)
class Decision:
    element: str
    event: MeetingEvent
    choice: MeetingChoice

    @property
    def mishandled_safety(self) -> bool:
        return self.event.safety and self.choice.handling not in (GOOD, OK)

    @property
    def unsafe(self) -> bool:
        return self.choice.handling == UNSAFE or self.mishandled_safety


@dataclass(frozen=True)
class ElementScore:
    element: MeetingElement
    planned: int
    minutes: int
    handling_points: int
    handling_max: int
    decisions: tuple[Decision, ...]

    @property
    def within_budget(self) -> bool:
        return self.element.within_budget(self.minutes)

    @property
    def time_score(self) -> float:
        if self.within_budget:
            return 1.0
        low, high = self.element.min_minutes, self.element.max_minutes
        off = low - self.minutes if self.minutes < low else self.minutes - high
        return max(0.0, 1.0 - off / MINUTES_GRACE)

    @property
    def scored(self) -> bool:
        """Whether the element had anything for the learner to handle. Without a situation the
        learner made no choice in it (its minutes are the plan's), so there is nothing to score."""
        return self.handling_max > 0

    @property
    def handling_score(self) -> float | None:
        return self.handling_points / self.handling_max if self.scored else None

    @property
    def score(self) -> int | None:
        """0-100, or None for an element with nothing to handle (left out of the average)."""
        if self.handling_score is None:
            return None
        value = HANDLING_WEIGHT * self.handling_score + (1 - HANDLING_WEIGHT) * self.time_score
        return round(100 * value)

    @property
    def handling_text(self) -> str:
        """The handling as the debrief shows it: points out of the most, or that there was none."""
        return f"{self.handling_points}/{self.handling_max}" if self.scored else NOTHING_TO_HANDLE


@dataclass(frozen=True)
class MeetingDebrief:
    elements: tuple[ElementScore, ...]
    minutes: int
    climate: int
    safety_failures: tuple[Decision, ...]

    @property
    def scored_elements(self) -> tuple[ElementScore, ...]:
        return tuple(e for e in self.elements if e.scored)

    @property
    def score(self) -> int:
        """The average over the elements that had something to handle. A meeting with nothing
        to handle at all (the meeting checker refuses such a file) scores 0: nothing was done
        that could earn credit, and it must not pass by default."""
        scores = [e.score for e in self.scored_elements if e.score is not None]
        return round(sum(scores) / len(scores)) if scores else 0

    @property
    def over_time(self) -> int:
        return max(0, self.minutes - MEETING_MINUTES)

    @property
    def passed(self) -> bool:
        return not self.safety_failures and self.score >= PASS_SCORE

    @property
    def verdict(self) -> str:
        if self.safety_failures:
            # Say which case it is: "whatever else went well" would flatter a meeting in which
            # nothing else went well either.
            rest = (
                f"The meeting scored {self.score}, which would otherwise pass, but this is the "
                "part of a meeting that matters most."
                if self.score >= PASS_SCORE
                else f"The meeting as a whole also scored {self.score}; {PASS_SCORE} is needed."
            )
            return (
                "Not passed: a choice put someone's safety or the group's confidentiality at "
                f"risk. {rest}"
            )
        if self.passed:
            return "Passed."
        return f"Not passed yet: the meeting scored {self.score}; {PASS_SCORE} is needed."

    def to_frame(self):  # -> pandas.DataFrame (imported lazily: pandas is slow to import)
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "element": e.element.name,
                    "budget": e.element.budget,
                    "minutes": e.minutes,
                    "within budget": e.within_budget,
                    "handling": e.handling_text,
                    "score": e.score,  # None (not scored) for an element with nothing to handle
                }
                for e in self.elements
            ]
        )


class MeetingSimulation:
    """One run through a meeting. Call `choose(i)` for each event until `finished`."""

    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.restart()

    def restart(self) -> None:
        self._position = 0
        self._decisions: list[Decision] = []
        self._climate = self.meeting.start_climate
        self._steps: list[tuple[ElementPlan, MeetingEvent]] = [
            (plan, event) for plan in self.meeting.elements for event in plan.events
        ]

    @property
    def finished(self) -> bool:
        return self._position >= len(self._steps)

    @property
    def current_event(self) -> MeetingEvent | None:
        return None if self.finished else self._steps[self._position][1]

    @property
    def current_element(self) -> ElementPlan | None:
        return None if self.finished else self._steps[self._position][0]

    @property
    def decisions(self) -> tuple[Decision, ...]:
        return tuple(self._decisions)

    @property
    def climate(self) -> int:
        return self._climate

    @property
    def step(self) -> int:
        """1-based number of the current event (or the number of events once finished)."""
        return min(self._position + 1, len(self._steps))

    @property
    def total_steps(self) -> int:
        return len(self._steps)

    def choose(self, index: int) -> Decision:
        """Take option `index` (0-based whole number) for the current event.

        Raises TypeError if `index` is not a whole number (e.g. the text "0"), IndexError if
        there is no such option, RuntimeError once the meeting has finished: each with a
        plain message, so a caller learns what went wrong at the call, not from inside.
        """
        if self.finished:
            raise RuntimeError("the meeting has finished; see the debrief or start again")
        plan, event = self._steps[self._position]
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError(
                f"choose() takes the option's number, a whole number from 0 to "
                f"{len(event.choices) - 1}; got {type(index).__name__} {index!r}"
            )
        if not 0 <= index < len(event.choices):
            raise IndexError(f"option {index} does not exist; there are {len(event.choices)}")
        decision = Decision(plan.element.key, event, event.choices[index])
        self._decisions.append(decision)
        self._climate = max(0, min(100, self._climate + decision.choice.climate))
        self._position += 1
        return decision

    def element_minutes(self, key: str) -> int:
        plan = next(p for p in self.meeting.elements if p.element.key == key)
        extra = sum(d.choice.minutes for d in self._decisions if d.element == key)
        return max(0, plan.planned + extra)

    def clock(self) -> int:
        """Minutes since the meeting opened: finished elements in full, plus the current one's
        extra minutes so far."""
        if self.finished:
            return sum(self.element_minutes(p.element.key) for p in self.meeting.elements)
        current = self.current_element
        minutes = 0
        for plan in self.meeting.elements:
            if plan is current:
                extra = sum(
                    d.choice.minutes for d in self._decisions if d.element == plan.element.key
                )
                return minutes + max(0, extra)
            minutes += self.element_minutes(plan.element.key)
        return minutes

    def debrief(self) -> MeetingDebrief:
        scores = []
        for plan in self.meeting.elements:
            key = plan.element.key
            decisions = tuple(d for d in self._decisions if d.element == key)
            scores.append(
                ElementScore(
                    element=plan.element,
                    planned=plan.planned,
                    minutes=self.element_minutes(key),
                    handling_points=sum(HANDLING_POINTS[d.choice.handling] for d in decisions),
                    handling_max=2 * len(plan.events),
                    decisions=decisions,
                )
            )
        return MeetingDebrief(
            elements=tuple(scores),
            minutes=sum(s.minutes for s in scores),
            climate=self._climate,
            safety_failures=tuple(d for d in self._decisions if d.unsafe),
        )
