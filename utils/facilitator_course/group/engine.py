"""Playing a group meeting: the volunteer types every move, the group answers.

Each move goes through the course's one judgement front door, `coding.judge.code_response`,
and through the group-move recogniser (moves.py). The precedence, in this order:

1. **Can't judge** (gibberish, another language, off topic, too unsure): nothing changes, not the
   clock, not the phase, not the score; the learner is told why and what to try.
2. **Harm wins.** Advice without permission, confrontation or a label is answered as a person
   answers it (a "yes, but", a member who withdraws), makes any open incident worse, and never
   counts as handling anything. One exception, named in the feedback: the move that carries out
   the course's escalation rule on a disclosure (a private word, a direct question, crisis help)
   is what the course requires, even where the coder hears "let's have a word" as advice.
3. **Group moves** handle incidents (each incident says which ones it needs) and run the meeting:
   naming the next phase moves on; inviting someone by name gives them the floor (who speaks
   next is in floor.py).

The group's answers depend on the move, never on the learner's intent: a fix-it facilitator
gets "yes, but" and can never reach the best ending (see `ending`).
"""

from __future__ import annotations

from ..coding import code_response
from ..coding.harm import find_harm
from ..coding.labels import LABEL_NAMES
from ..coding.text import clean
from ..meeting.format import MEETING_MINUTES
from ..safety import mentions_distress
from . import wording
from .floor import GroupFloor
from .model import PHASE_ELEMENT, PHASE_NAMES, GroupMeeting, Line
from .moves import (
    Recognised,
    names_in,
    names_next_phase,
    private_word,
    public_suicide_question,
    recognise,
)
from .records import HANDLED, HARMED, MISSED, IncidentState, MoveRecord
from .wording import BEST, COMPLETED, CONFLICTING, CUT_SHORT, HINTS, UNSAFE

MAX_MOVE_CHARS = 2000  # the coder reads at most this much of a move anyway
OVERRUN_MINUTES = 15  # past 90 + this, the meeting is cut short
HARM_CODES = ("persuade", "confront")
OPENING_NOISE = ("start_check_in", "redirect_crosstalk", "set_agenda", "use_tool", "ask_plan")


class GroupSession(GroupFloor):
    """One run of a group meeting. `play(text)` takes a typed move and returns its record."""

    def __init__(self, meeting: GroupMeeting) -> None:
        self.meeting = meeting
        self.keys = meeting.phase_keys  # the capstone's six phases; a practice's one or two
        self.records: list[MoveRecord] = []
        self.phase_index = 0
        self.moves_in_phase = 0
        self.clock = 0.0
        self.element_minutes: dict[str, float] = {}
        self.lines_used: dict[tuple[str, str], int] = {}  # (phase, name) -> lines said
        self.board_used = 0
        self.incidents: list[IncidentState] = []
        self.last = Line("", meeting.phases[0].scene)
        self.finished = False
        self.closed_formally = False
        self.heard: list[Line] = []
        self._typed_now = ""
        self.reflected: set[str] = set()  # members who have given their answer to a reflection
        self._fire(0)
        first = self.meeting.phases[0]
        self.start_lines: tuple[Line, ...] = (
            Line("", f"{PHASE_NAMES[first.key]}: {first.scene}"),
            *self._new_incident_lines(),
        )

    # --- what the widget and the scoring read -------------------------------------------------
    @property
    def phase(self) -> str:
        return self.keys[self.phase_index]

    @property
    def judged_records(self) -> list[MoveRecord]:
        return [r for r in self.records if r.judged]

    def spoke(self, phase: str) -> set[str]:
        return {name for (p, name), n in self.lines_used.items() if p == phase and n}

    def open_incidents(self) -> list[IncidentState]:
        return [s for s in self.incidents if s.open]

    def ending(self) -> str:
        if any(s.incident.safety and s.outcome in (MISSED, HARMED) for s in self.incidents):
            return UNSAFE
        if not self.closed_formally:
            return CUT_SHORT
        best = (
            all(s.outcome == HANDLED and not s.asked_publicly for s in self.incidents)
            and len(self.incidents) == len(self.meeting.incidents)
            and not any(r.harmful for r in self.records)
            and self.spoke("check_out") >= set(self.meeting.names)
            and self.clock <= MEETING_MINUTES
        )
        return BEST if best else COMPLETED

    # --- playing a move -----------------------------------------------------------------------
    def play(self, text: object) -> MoveRecord:
        typed = text if isinstance(text, str) else ""
        typed = typed[:MAX_MOVE_CHARS]
        self._typed_now = typed
        number = len(self.records) + 1
        if self.finished:
            return self._unjudged(number, typed, "finished", "The meeting has ended.")
        related = tuple(x.says for x in self.heard[-8:]) + self.meeting.names
        related += tuple(p.scene for p in self.meeting.phases)
        coded = code_response(typed, self.last.says, related, in_meeting=True)
        found = recognise(typed, self.meeting.names, self.meeting.quiet_members,
                          self.meeting.tool, self.last.who)  # fmt: skip
        if self.phase == "opening" and "explain_format" in found:  # naming the parts of the
            for later in OPENING_NOISE:  # meeting is not yet doing them
                found.pop(later, None)
        if coded.error or not coded.judged:
            message = (
                coded.explanation if not coded.error else f"I can't judge this: {coded.error}."
            )
            record = self._unjudged(number, typed, coded.reason or "error", message)
            self.records.append(record)
            return record
        harmful = coded.code in HARM_CODES or coded.labeling
        public = public_suicide_question(typed)  # acting on a disclosure, in the wrong place
        override = (
            harmful
            and coded.code == "persuade"
            and not coded.labeling
            and ("safety_check" in found or bool(public))
            and any(s.incident.safety for s in self.incidents)
        )
        harmful = harmful and not override
        if harmful and found and not coded.labeling and not find_harm(clean(typed)):
            # Only the model's reading of the overall wording says harm, no rule names harmful
            # words, and the words do what the group needs: the evidence conflicts, so the move
            # is not judged (nothing changes) rather than punished or rewarded on a guess.
            record = self._unjudged(
                number,
                typed,
                "conflicting",
                CONFLICTING.format(
                    code=LABEL_NAMES[coded.code], moves="; ".join(r.plain for r in found.values())
                ),
            )
            self.records.append(record)
            return record
        evidence = ""
        if harmful:
            evidence = "words" if coded.labeling or find_harm(clean(typed)) else "wording"
        phase_before = self.phase
        self._spend(self.meeting.phase(self.phase).minutes_per_move)
        self.moves_in_phase += 1
        feedback = [coded.explanation]
        if override:
            feedback.append("The coder reads part of this as advice, but acting on a disclosure "
                            "(a private word, asking directly, crisis help) is what the course's "
                            "escalation rule asks of you, so it is not counted against you.")  # fmt: skip
        if found:
            feedback.append(
                "For the group, you " + "; ".join(r.plain for r in found.values()) + "."
            )
        named = names_in(typed, self.meeting.names)
        replies, settled, took_floor = self._incidents(found, harmful, feedback, named, public)
        safety_now = any(s.incident.safety and s.settled_at == number for s in self.incidents)
        if not safety_now:  # acting on a disclosure is the whole move: nothing else happens
            calmed = any(outcome == HANDLED for _, outcome in settled)
            replies += self._flow(coded.code, coded.labeling, found, named, harmful, feedback,
                                  reflect=not calmed, floor=not took_floor)  # fmt: skip
        if self.phase == phase_before and not self.finished:
            self._fire(self.moves_in_phase)
            replies += self._new_incident_lines()
        self._time_feedback(feedback)
        distress = mentions_distress(typed) or any(mentions_distress(x.says) for x in replies)
        for line in replies:
            if line.who:
                self.last = line
            self.heard.append(line)
        record = MoveRecord(
            number, phase_before, typed, True, None, coded.code, coded.explanation,
            coded.labeling, harmful, override, tuple(found.values()), tuple(replies),
            tuple(feedback), self.clock, distress, tuple(settled), tuple(named), evidence,
        )  # fmt: skip
        self.records.append(record)
        if self.clock > MEETING_MINUTES + OVERRUN_MINUTES and not self.finished:
            self.finished = True
        return record

    def _unjudged(self, number: int, typed: str, reason: str, message: str) -> MoveRecord:
        for state in self.open_incidents():  # say what the moment needs, in plain words
            message += f" What this moment needs: {HINTS[state.incident.kind]}."
        return MoveRecord(
            number, self.phase, typed, False, reason, "other", message, False, False, False, (),
            (), (message + " Nothing has changed in the meeting: try again.",), self.clock,
            mentions_distress(typed),
        )  # fmt: skip

    def _spend(self, minutes: float) -> None:
        self.clock += minutes
        key = PHASE_ELEMENT[self.phase]
        self.element_minutes[key] = self.element_minutes.get(key, 0.0) + minutes

    # --- incidents ----------------------------------------------------------------------------
    def _fire(self, after: int) -> None:
        fired = {s.incident.id for s in self.incidents}
        for incident in self.meeting.incidents:
            if (
                incident.phase == self.phase
                and incident.after == after
                and incident.id not in fired
            ):
                self.incidents.append(IncidentState(incident, len(self.records)))
                if incident.kind == "dominator_and_silent":  # their long turn was their turn
                    self.lines_used[(self.phase, incident.who)] = 1

    def _new_incident_lines(self) -> list[Line]:
        return [line for s in self.incidents if s.open and s.fired_at == len(self.records)
                for line in s.incident.says]  # fmt: skip

    def _incidents(
        self, found: dict[str, Recognised], harmful: bool, feedback: list[str], named: list[str],
        public: str | None = None,
    ) -> tuple[list[Line], list[tuple[str, str]], bool]:  # fmt: skip
        replies: list[Line] = []
        settled: list[tuple[str, str]] = []
        took_floor = False
        for state in self.open_incidents():
            incident = state.incident
            what = wording.describe(incident)
            involved = {incident.who, incident.quiet} - {""}
            if harmful and (not named or involved & set(named)):  # harm aimed elsewhere: see below
                state.outcome, lines = HARMED, incident.harmed
                feedback.append(f"{what}: this made it worse. Better: {HINTS[incident.kind]}.")
            else:
                done = set(found)
                if state.asked_publicly and private_word(self._text):  # the missing part, now
                    done.add("safety_check")
                state.seen |= {n for n in incident.needs if set(n.split("|")) & done}
                if state.seen >= set(incident.needs):
                    state.outcome, lines = HANDLED, incident.handled
                    feedback.append(f"{what}: handled well.")
                else:
                    if public and incident.safety:
                        feedback.append(wording.asked_publicly(incident, public))
                        if not state.asked_publicly:  # one more move to offer the private word
                            state.asked_publicly = took_floor = True
                            replies.extend(incident.again)
                            continue
                    state.moves_since += 1
                    if state.moves_since < incident.within:
                        replies.extend(incident.again)
                        took_floor = True
                        missing = [
                            wording.need_words(m) for m in incident.needs if m not in state.seen
                        ]
                        feedback.append(f"{what}: still going. Still to do: {', '.join(missing)}.")
                        continue
                    state.outcome, lines = MISSED, incident.missed
                    self._spend(incident.extra_minutes)
                    feedback.append(f"{what}: not handled. What helps: {HINTS[incident.kind]}.")
            state.settled_at = len(self.records) + 1
            settled.append((incident.id, state.outcome))
            replies.extend(lines)
            took_floor = took_floor or state.outcome != HANDLED
        return replies, settled, took_floor

    # --- the meeting's flow -------------------------------------------------------------------
    def _flow(
        self, code: str, labeling: bool, found: dict[str, Recognised], named: list[str],
        harmful: bool, feedback: list[str], reflect: bool = True, floor: bool = True,
    ) -> list[Line]:  # fmt: skip
        if harmful and not floor:
            return []
        if harmful:
            target = named[0] if named else self.last.who
            if not target:
                return [Line("", "The group goes quiet.")]
            person = self.meeting.person(target)
            hurt = code == "confront" or labeling
            return [Line(target, person.to_confrontation if hurt else person.to_advice)]
        if "close" in found and self.phase in ("check_out", "close") and "close" in self.keys:
            self.phase_index = self.keys.index("close")
            self.finished = self.closed_formally = True
            return [Line("", "The meeting is closed. People gather their things and say goodbye.")]
        later = self.keys[self.phase_index + 1 :]
        moved = next((p for p in later if names_next_phase(self._text, p)), "")
        if not moved and "keep_time" in found and not named and later and self._turns_done():
            moved = later[0]
        lines: list[Line] = []
        if moved:
            self._advance(self.keys.index(moved), feedback)
            lines.append(
                Line("", f"{PHASE_NAMES[self.phase]}: {self.meeting.phase(self.phase).scene}")
            )
            lines += self._new_incident_lines()
            if self.open_incidents() and lines[1:]:
                return lines
        if not floor:
            return lines
        return lines + self._floor(code, found, named, reflect=reflect and not moved)

    @property
    def _text(self) -> str:
        return self._typed_now

    def _turns_done(self) -> bool:
        people = {n for n in self.meeting.names if self.meeting.person(n).lines_for(self.phase)}
        return self.spoke(self.phase) >= people or self.phase not in ("check_in", "check_out")

    def _advance(self, to_index: int, feedback: list[str]) -> None:
        for state in self.open_incidents():
            state.outcome, state.settled_at = MISSED, len(self.records) + 1
            feedback.append(
                f"{wording.describe(state.incident)}: left behind when the meeting moved on."
            )
        passed = self.keys[self.phase_index : to_index]
        if to_index > self.phase_index + 1:
            skipped = ", ".join(PHASE_NAMES[p] for p in passed[1:])
            feedback.append(f"You skipped: {skipped}. Every part of the meeting has a purpose.")
        self.phase_index = to_index
        self.moves_in_phase = 0
        self._fire(0)
        fired = {s.incident.id for s in self.incidents}
        for incident in self.meeting.incidents:  # what was due in the parts passed still happens
            if incident.phase in passed and incident.id not in fired:
                self.incidents.append(IncidentState(incident, len(self.records)))

    def _time_feedback(self, feedback: list[str]) -> None:
        key = PHASE_ELEMENT[self.phase]
        feedback.append(wording.time_note(self.clock, key, self.element_minutes.get(key, 0.0)))


def play_moves(meeting: GroupMeeting, moves: list[str]) -> GroupSession:
    """Replay typed moves from the start: the trainer's side rebuilds a capstone this way."""
    session = GroupSession(meeting)
    for move in moves:
        session.play(move)
    return session
