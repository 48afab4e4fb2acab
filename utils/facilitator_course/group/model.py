"""A typed group meeting as data: the people, the phases against the clock, and the incidents.

A meeting file (data/group_meetings/*.yaml, checked by `schema.py`) becomes a `GroupMeeting`.
The engine (`engine.py`) plays it; nothing here knows how a move is judged, so an author's file
and the judging code can change independently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The phases a capstone meeting runs through, in order, and the element of the standard format
# (meeting/format.py) whose time budget each one spends. Check-out and close share one element.
PHASES: tuple[str, ...] = ("opening", "check_in", "agenda", "working_time", "check_out", "close")
PHASE_ELEMENT: dict[str, str] = {
    "opening": "welcome",
    "check_in": "check_in",
    "agenda": "agenda",
    "working_time": "working_time",
    "check_out": "check_out",
    "close": "check_out",
}
PHASE_NAMES: dict[str, str] = {
    "opening": "Opening",
    "check_in": "Check-in",
    "agenda": "Agenda",
    "working_time": "Working time",
    "check_out": "Check-out and 7-day plans",
    "close": "Close",
}
# Phases in which members speak in turn when given the floor (their lines in `says`).
TURN_PHASES: tuple[str, ...] = ("check_in", "working_time", "check_out")
TOOLS: dict[str, str] = {"cba": "Cost-Benefit Analysis", "abc": "ABC"}

# The incidents a capstone must contain, and what each one is in plain words.
INCIDENT_KINDS: dict[str, str] = {
    "dominator_and_silent": "a member who dominates while another stays silent",
    "crosstalk": "crosstalk",
    "advice_giving": "advice-giving between members",
    "twelve_step": "a 12-step advocate",
    "intoxicated": "a member who arrives intoxicated",
    "disclosure": "a disclosure that needs the crisis escalation rule",
}
SAFETY_INCIDENTS: tuple[str, ...] = ("disclosure",)
# What a file is: the capstone (a whole meeting, every incident) or a short group practice (one or
# two phases, one focus skill; group/practice.py says how each skill is shown).
CAPSTONE, PRACTICE = "capstone", "practice"
KINDS: tuple[str, ...] = (CAPSTONE, PRACTICE)


@dataclass(frozen=True)
class Line:
    """One thing a participant says (or, with who empty, a line of narration)."""

    who: str
    says: str


@dataclass(frozen=True)
class Persona:
    name: str
    changing: str
    background: str
    quiet: bool  # speaks only when invited by name
    check_in: str  # (a practice needs lines only for the phases it has: the others stay "")
    working_time: tuple[str, ...]
    check_out: str  # what they take away and their 7-day plan
    to_reflection: str  # answer when the facilitator reflects them well
    to_advice: str  # answer to being told what to do ("yes, but")
    to_confrontation: str  # answer to being argued with, blamed or labelled
    to_link: str  # answer when linked with another member

    def lines_for(self, phase: str) -> tuple[str, ...]:
        if phase == "check_in":
            return (self.check_in,) if self.check_in else ()
        if phase == "check_out":
            return (self.check_out,) if self.check_out else ()
        if phase == "working_time":
            return self.working_time
        return ()


@dataclass(frozen=True)
class Phase:
    key: str
    minutes: int  # planned minutes, within its format element's budget
    moves: int  # typed moves the planned minutes allow; each move costs minutes / moves
    scene: str
    board: tuple[Line, ...] = ()  # working time: what the group adds to the tool on the board

    @property
    def minutes_per_move(self) -> float:
        return self.minutes / self.moves


@dataclass(frozen=True)
class Incident:
    """Something that happens in the group and must be handled within `within` moves.

    `needs` are the group moves (moves.py) that handle it, all of them; `says` is what starts it,
    `again` what happens at each move that does not handle it, `handled`, `missed` and `harmed`
    what the group says after it was handled well, never handled, or handled with harm.
    """

    id: str
    kind: str
    phase: str
    after: int  # fires after the facilitator's n-th move in the phase (0: as the phase opens)
    who: str
    needs: tuple[str, ...]
    within: int
    says: tuple[Line, ...]
    again: tuple[Line, ...]
    handled: tuple[Line, ...]
    missed: tuple[Line, ...]
    harmed: tuple[Line, ...]
    extra_minutes: int = 0  # the clock cost of leaving it unhandled
    quiet: str = ""  # dominator_and_silent: the member left out

    @property
    def safety(self) -> bool:
        return self.kind in SAFETY_INCIDENTS


@dataclass(frozen=True)
class GroupMeeting:
    id: str
    title: str
    about: str
    setting: str
    tool: str  # "cba" or "abc": the tool worked on the board with the group
    participants: tuple[Persona, ...]
    phases: tuple[Phase, ...]  # a capstone: the six PHASES; a practice: some of them; in order
    incidents: tuple[Incident, ...]
    path: str = ""
    names: tuple[str, ...] = field(default=())
    kind: str = CAPSTONE
    module: str = ""  # a practice: the module whose lesson shows it
    focus: str = ""  # a practice: the one group skill it practises (group/practice.py FOCUS)

    @property
    def phase_keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.phases)

    @property
    def practice(self) -> bool:
        return self.kind == PRACTICE

    def person(self, name: str) -> Persona:
        for persona in self.participants:
            if persona.name == name:
                return persona
        raise KeyError(name)

    def phase(self, key: str) -> Phase:
        for phase in self.phases:
            if phase.key == key:
                return phase
        raise KeyError(key)

    @property
    def quiet_members(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.participants if p.quiet)

    @property
    def planned_minutes(self) -> int:
        return sum(p.minutes for p in self.phases)
