"""Short group practices: one group skill, a few typed moves, played by the capstone's engine.

Issue 14 asks for group-level practice before the capstone: reflecting to the group, linking two
members, bringing in the quiet member, stopping crosstalk without shaming, running a tool with the
whole group and handling a member who gives advice. A practice is a group meeting file with
`kind: practice`, one or two phases and a `focus` (one of `FOCUS`). It is played by the same
`GroupSession` as the capstone, so every move goes through the same judge with the same
precedence: "can't judge" changes nothing, harm is never rewarded. This module adds only what a
practice needs on top: after each judged move a note naming the focus skill (shown in this move,
or what it still takes), the end after the planned number of moves, and a short debrief.

Why a skill counts only in some MI forms: a group skill is done *with* the members' own words.
"Do several of you find evenings hard?" asks for a yes or no; "Several of you find the evenings
hardest" hands the group's experience back to it. So reflecting to the group needs a reflection,
linking needs a reflection or an open question, and inviting the quiet member needs words that
invite with room to pass, not a bare question mark.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..coding.labels import LABEL_NAMES, QUESTIONS, REFLECTIONS
from ..safety import ESCALATION_RULE
from .engine import GroupSession
from .model import GroupMeeting
from .moves import pressures
from .records import HANDLED, HARMED, MISSED, MoveRecord
from .wording import HINTS

SHOWN, NOT_YET, HARMFUL = "shown", "not yet", "harmful"
OPEN_FORMS = REFLECTIONS | {"question_open", "seeking_collaboration", "affirm"}
BOARD_VOICES = 3  # a tool worked "with the whole group": at least three members add to the board


@dataclass(frozen=True)
class Focus:
    """One group skill: how a move shows it (`moves` in one of `forms`) or which incident, when
    handled, shows it; `tip` says in plain words what it takes."""

    key: str
    name: str
    why: str
    tip: str
    moves: tuple[str, ...] = ()
    forms: frozenset[str] = frozenset()
    incident: str = ""
    needs_quiet: bool = False
    phase: str = ""


FOCUS: dict[str, Focus] = {
    f.key: f
    for f in (
        Focus(
            "reflect_group", "reflecting to the whole group",
            "it tells members they are not alone and turns separate stories into a shared theme",
            "say back, as a statement, what several members share: 'Several of you find the "
            "evenings hardest.'",
            moves=("reflect_group",), forms=REFLECTIONS,
        ),
        Focus(
            "link_members", "linking two members",
            "members who hear their experience in someone else's help each other more than any "
            "facilitator can",
            "name two members and what they have in common, as a reflection or an open question: "
            "'{a} and {b}, you both...'",
            moves=("link_members",), forms=REFLECTIONS | {"question_open"},
        ),
        Focus(
            "invite_quiet", "bringing in the quiet member",
            "a quiet member may be new, shy or struggling; an invitation with room to pass keeps "
            "speaking a choice",
            "invite the quiet member by name, with an easy way to pass: '{quiet}, would you like to "
            "add anything? It's fine to pass.'",
            moves=("invite_quiet",), needs_quiet=True,
        ),
        Focus(
            "redirect_crosstalk", "stopping crosstalk without shaming",
            "check-in belongs to the person speaking; a warm redirect protects them and keeps the "
            "member who jumped in on side",
            HINTS["crosstalk"], incident="crosstalk",
        ),
        Focus(
            "use_tool", "running a tool with the whole group",
            "a tool worked on the board with everyone's ideas is the heart of working time",
            "put the tool on the board and ask the whole group, with open questions, for what "
            "goes in each box, until at least three members have added something",
            moves=("use_tool", "group_ideas"), forms=OPEN_FORMS, phase="working_time",
        ),
        Focus(
            "redirect_advice", "handling a member who gives advice",
            "advice between members is well meant but lands as 'you're doing it wrong'; shared "
            "experience leaves the choice with the person",
            HINTS["advice_giving"], incident="advice_giving",
        ),
    )
}  # fmt: skip


def _shows(focus: Focus, record: MoveRecord) -> str:
    """The words that show the (move-based) focus skill in this move, or ''."""
    if not record.judged or record.harmful:
        return ""
    seen = [r for r in record.moves if r.move in focus.moves]
    if not seen:
        return ""
    if focus.key == "invite_quiet" and seen[0].words.endswith(": ?"):
        return ""  # a bare question put to the quiet member is not yet an invitation
    if focus.forms and record.code not in focus.forms:
        return ""
    return seen[0].plain


class PracticeSession(GroupSession):
    """A group practice: the capstone's engine, a focus note on every judged move, and an end
    after the planned number of judged moves (`planned`)."""

    def __init__(self, meeting: GroupMeeting) -> None:
        self.focus = FOCUS[meeting.focus]
        self.planned = sum(p.moves for p in meeting.phases)
        self.shown_at = 0  # the move number that first showed the focus skill
        super().__init__(meeting)

    def play(self, text: object) -> MoveRecord:
        record = super().play(text)
        if not record.judged:
            return record
        note = self._note(record)
        record = replace(record, feedback=(note, *record.feedback))
        self.records[-1] = record
        if len(self.judged_records) >= self.planned:
            self.finished = True
        return record

    def _time_feedback(self, feedback: list[str]) -> None:
        feedback.append(f"Judged move {len(self.judged_records) + 1} of {self.planned}.")

    def _board_voices(self) -> int:
        return len(
            {line.who for line in self.meeting.phase("working_time").board[: self.board_used]}
        )

    def _note(self, record: MoveRecord) -> str:
        f = self.focus
        head = f"Focus skill ({f.name}): "
        if record.harmful:
            return head + (f"not shown. A move read as {LABEL_NAMES[record.code]} is never "
                           f"rewarded, whatever else it does. What it takes: {self.tip()}.")  # fmt: skip
        if f.incident:
            outcome = next((o for i, o in record.incidents if self._kind(i) == f.incident), "")
            if outcome == HANDLED:
                self.shown_at = self.shown_at or record.number
                done = "; ".join(r.plain for r in record.moves)
                return head + f"shown: you {done}, and nobody was shamed."
            if outcome in (MISSED, HARMED):
                return head + f"{outcome}. What it takes: {self.tip()}."
            if self.shown_at:
                return head + f"shown at move {self.shown_at}; keep the group working together."
            states = [s for s in self.incidents if s.incident.kind == f.incident]
            if not states:
                return head + "its moment has not come yet; keep the meeting going."
            if not states[0].open:  # settled at an earlier move
                return head + (f"the moment has passed ({states[0].outcome} at move "
                               f"{states[0].settled_at}). Next time: {self.tip()}.")  # fmt: skip
            return head + f"not yet. What it takes: {self.tip()}."
        words = _shows(f, record)
        if f.key == "use_tool" and words:
            voices = self._board_voices()
            if voices < BOARD_VOICES:
                return head + (f"on its way: {words}; {voices} member(s) on the board so far, "
                               f"ask until at least {BOARD_VOICES} have added something.")  # fmt: skip
        if words and not self.shown_at:
            self.shown_at = record.number
        if words:
            return head + f"shown: {words}, as {LABEL_NAMES[record.code]}."
        near = [r.plain for r in record.moves if r.move in f.moves]
        if self.shown_at:
            return head + f"shown at move {self.shown_at}; keep the group working together."
        if near:
            return head + (f"not yet: {near[0]}, but as {LABEL_NAMES[record.code]}. "
                           f"What it takes: {self.tip()}.")  # fmt: skip
        return head + f"not in this move. What it takes: {self.tip()}."

    def tip(self) -> str:
        """The focus skill's tip with this practice's own names in its example."""
        quiet = self.meeting.quiet_members
        names = self.meeting.names
        tip = self.focus.tip.format(quiet=quiet[0] if quiet else "(name)", a=names[0], b=names[-1])
        return tip.rstrip(".")

    def _kind(self, incident_id: str) -> str:
        return next(i.kind for i in self.meeting.incidents if i.id == incident_id)

    def ending(self) -> str:
        return debrief(self).status


@dataclass(frozen=True)
class PracticeDebrief:
    status: str  # SHOWN, NOT_YET or HARMFUL
    focus: str  # the skill's name
    headline: str
    points: tuple[str, ...]


def _quote(record: MoveRecord) -> str:
    return f"move {record.number} (\u201c{record.text.rstrip('.!')}\u201d)"


def debrief(session: PracticeSession) -> PracticeDebrief:
    """Whether the focus skill was shown, what got in the way, and what to try next time."""
    f = session.focus
    judged = session.judged_records
    quiet = set(session.meeting.quiet_members)
    harm = [f"{_quote(r)} was read as {LABEL_NAMES[r.code]}{' with a label' * r.labeling}: "
            "never rewarded" for r in judged if r.harmful]  # fmt: skip
    harm += [f"{_quote(r)} pushed the quiet member to speak" for r in judged
             if pressures(r.text) and quiet & set(r.addressed) and not r.harmful]  # fmt: skip
    harm += [f"{s.incident.kind.replace('_', ' ')} ({s.incident.who}) was handled with shame"
             for s in session.incidents if s.outcome == HARMED]  # fmt: skip
    shown = next((r for r in judged if r.number == session.shown_at), None)
    points: list[str] = []
    if shown is not None:
        points.append(f"You showed {f.name} at {_quote(shown)}.")
    else:
        points.append(f"{f.name.capitalize()} was not shown yet. What it takes: {session.tip()}.")
    points.append(f"Why it matters: {f.why}.")
    points += [h[0].upper() + h[1:] + "." for h in harm]
    reflections = sum(r.code in REFLECTIONS for r in judged)
    questions = [r for r in judged if r.code in QUESTIONS]
    closed = sum(r.code == "question_closed" for r in questions)
    points.append(f"Your moves: {len(judged)} judged, {reflections} reflection(s), "
                  f"{len(questions)} question(s) ({closed} closed).")  # fmt: skip
    skipped = len(session.records) - len(judged)
    if skipped:
        points.append(f"{skipped} move(s) could not be judged and changed nothing.")
    heard = sorted({x.who for r in judged for x in r.replies if x.who})
    silent = [n for n in session.meeting.names if n not in heard]
    points.append("Heard from: " + (", ".join(heard) or "nobody yet")
                  + (f"; not heard: {', '.join(silent)}." if silent else "."))  # fmt: skip
    if any(r.distress for r in session.records):
        points.append(f"Distress came up. {ESCALATION_RULE}")
    if harm:  # say what it was, first: the points below also say whether the skill was shown
        also = f" You did show {f.name} at move {shown.number}." if shown is not None else ""
        status, headline = HARMFUL, f"Not counted: {harm[0]}.{also}"
    elif shown is not None:
        status, headline = SHOWN, f"Well done: you showed {f.name}."
    else:
        status, headline = NOT_YET, f"Not yet: {f.name} was not shown."
    return PracticeDebrief(status, f.name, headline, tuple(points))


def start_session(meeting: GroupMeeting) -> GroupSession:
    """The session a file asks for: a practice gets its focus notes and debrief."""
    return PracticeSession(meeting) if meeting.practice else GroupSession(meeting)


def play_practice(meeting: GroupMeeting, moves: list[str]) -> PracticeSession:
    """Replay typed moves from the start (tests and the widget's resume use this)."""
    session = PracticeSession(meeting)
    for move in moves:
        session.play(move)
    return session
