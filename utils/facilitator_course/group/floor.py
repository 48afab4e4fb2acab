"""Who speaks next in a group meeting, and what they say: the floor after each move.

Kept apart from engine.py, which decides what a move does (harm, incidents, phases), because
handing out turns is its own set of rules: the person invited by name speaks first, a quiet
member pressed to speak withdraws, a reflection draws out the person reflected, a question goes
to whoever has not yet had their say in this phase. `GroupSession` mixes this in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..coding.labels import QUESTIONS, REFLECTIONS
from .model import GroupMeeting, Line
from .moves import Recognised, pressures

RESPONSIVE = REFLECTIONS | {"affirm"}
# Group moves that hand someone the floor, whatever the coder calls the sentence.
ASKING_MOVES = {"start_check_in", "ask_plan", "keep_time", "group_ideas", "invite_quiet",
                "use_tool", "set_agenda"}  # fmt: skip
REDIRECTS = {"redirect_crosstalk", "redirect_advice", "keep_time"}


class GroupFloor:
    """The turn-taking half of `GroupSession`, reading its meeting, phase, last line and turns."""

    if TYPE_CHECKING:
        meeting: GroupMeeting
        phase: str
        _text: str
        last: Line
        reflected: set[str]
        board_used: int
        lines_used: dict[tuple[str, str], int]

    def _floor(
        self, code: str, found: dict[str, Recognised], named: list[str], reflect: bool = True
    ) -> list[Line]:
        """Who speaks next, and what they say (after a move to a new phase, only if asked)."""
        quiet = self.meeting.quiet_members
        invited = [n for n in named if n not in quiet or "invite_quiet" in found]
        if REDIRECTS & set(found):  # the person redirected is not being given the floor
            invited = [n for n in invited if n in quiet and "invite_quiet" in found]
        if pressures(self._text) and any(n in quiet for n in named):
            name = next(n for n in named if n in quiet)
            return [Line(name, self.meeting.person(name).to_confrontation)]
        if "invite_quiet" in found:  # the person invited by name speaks first
            return self._turn(next(n for n in named if n in quiet))
        if reflect and "link_members" in found and len(named) >= 2:
            return [Line(named[1], self.meeting.person(named[1]).to_link)]
        if reflect and (code in RESPONSIVE or "reflect_group" in found):
            addressed = invited and self._text.lower().startswith(invited[0].lower())
            target = invited[0] if invited and (addressed or not self.last.who) else self.last.who
            if target and target not in self.reflected:
                self.reflected.add(target)
                return [Line(target, self.meeting.person(target).to_reflection)]
            if target:  # a second reflection draws out more, if they have more to say
                return self._turn(target, "Yes, that's it.")
        if (
            self.phase == "working_time"
            and ({"use_tool", "group_ideas"} & set(found))
            and not named
        ):
            board = self.meeting.phase("working_time").board
            if self.board_used < len(board):
                self.board_used += 1
                return [board[self.board_used - 1]]
        asks = code in QUESTIONS or code == "seeking_collaboration" or "?" in self._text
        asks = asks or bool(set(found) & ASKING_MOVES)
        if not asks:
            return [Line("", "The group waits for you to go on.")] if not named else []
        if self.phase not in ("check_in", "working_time", "check_out"):
            return [Line("", "People nod and settle in.")]
        if invited:
            return self._turn(invited[0])
        for name in self.meeting.names:
            if name not in quiet and self._pending(name):
                return self._turn(name)
        return [Line("", "Nobody has more to add just now.")]

    def _pending(self, name: str) -> bool:
        own = self.meeting.person(name).lines_for(self.phase)
        return self.lines_used.get((self.phase, name), 0) < len(own)

    def _turn(self, name: str, otherwise: str = "I'm okay for now, thanks.") -> list[Line]:
        """The member's next line in this phase, or `otherwise` when they have said it all."""
        if not self._pending(name):
            return [Line(name, otherwise)]
        said = self.lines_used.get((self.phase, name), 0)
        self.lines_used[(self.phase, name)] = said + 1
        return [Line(name, self.meeting.person(name).lines_for(self.phase)[said])]
