"""A short typed group practice in a lesson: the capstone's meeting view, played as a practice.

The same widget as the capstone (`group_meeting.GroupMeetingView`), with three differences: the
session is a `PracticeSession` (a focus note on every move, an end after the planned moves), the
top line counts moves instead of a 90-minute clock, and the end shows the practice's debrief
instead of the capstone report. Where the learner stands is saved in the course progress store,
like every other practice widget (resume.py), so a reload brings the practice back.

    show_group_practice("m1-reflecting-to-the-group")   # the cell's value is the widget
"""

from __future__ import annotations

from typing import Any

from ..group.engine import GroupSession
from ..group.model import PHASE_NAMES, GroupMeeting
from ..group.practice import FOCUS, HARMFUL, SHOWN, PracticeSession, debrief
from ..group.schema import load_group_meeting
from ..htmlsafe import escape
from ..progress import ProgressStore
from .group_meeting import GroupMeetingView
from .resume import load_state, save_position
from .style import message_html, nbgrader_running

TONES = {SHOWN: "good", HARMFUL: "unsafe"}


def debrief_html(session: PracticeSession) -> str:
    """The debrief: the verdict on the focus skill first, then what to keep and what to change."""
    found = debrief(session)
    points = "".join(f"<li>{escape(p)}</li>" for p in found.points)
    return message_html(
        TONES.get(found.status, "mixed"),
        f"<strong>Debrief: {escape(found.headline)}</strong><ul>{points}</ul>",
    )


class GroupPracticeView(GroupMeetingView):
    """Build with `GroupPracticeView.for_practice("m1-linking-two-members")`; use `.widget`."""

    def __init__(self, meeting: GroupMeeting, store: ProgressStore | None = None) -> None:
        if not meeting.practice:
            raise ValueError(f"{meeting.id} is not a group practice (kind: practice)")
        self.store = store
        self.key = f"group/{meeting.id}"  # the home page reads it (learner_progress.py)
        super().__init__(meeting, transcript=None)
        self.report_button.description = "Show my debrief so far"
        self.report_button.layout.width = "auto"  # the longer label stays on one line
        self.report_button.tooltip = "How the focus skill is going so far"
        self.restart_button.tooltip = "Start the practice again"

    @classmethod
    def for_practice(cls, practice_id: str, **kwargs: Any) -> GroupPracticeView:
        return cls(load_group_meeting(practice_id), **kwargs)

    def _new_session(self) -> GroupSession:
        return PracticeSession(self.meeting)

    def show_report(self) -> None:
        assert isinstance(self.session, PracticeSession)
        self.report.value = debrief_html(self.session)

    def _clock_html(self) -> str:
        s = self.session
        assert isinstance(s, PracticeSession)
        focus = FOCUS[self.meeting.focus].name
        return (
            f'<div class="fc-clock" role="status" aria-live="polite"><strong>Practice: '
            f"{escape(focus)}.</strong> Moves judged: {len(s.judged_records)} of {s.planned}; now: "
            f"{escape(PHASE_NAMES[s.phase])}.</div>"
        )

    def _final_html(self) -> str:
        assert isinstance(self.session, PracticeSession)
        return debrief_html(self.session)

    # -- saving in the progress store, as the other practice widgets do -------------------------
    def _save(self) -> str:
        if nbgrader_running():
            return ""
        s = self.session
        assert isinstance(s, PracticeSession)
        state = {"moves": list(self.moves), "finished": s.finished, "shown": bool(s.shown_at)}
        note = save_position(self.store, self.key, state)
        return "Where you are could not be saved; keep this page open." if note else ""

    def _restore(self) -> str:
        if nbgrader_running():
            return ""
        from .resume import store_or_default

        moves = load_state(store_or_default(self.store), self.key).get("moves")
        if not isinstance(moves, list) or not moves:
            return ""
        if not all(isinstance(m, str) for m in moves):
            return ""
        for move in moves:
            if self.session.finished:  # the file changed since: what is left cannot be played
                break
            self.session.play(move)
            self.moves.append(move)
        return f"Welcome back: your practice continues after {len(self.moves)} moves."


def show_group_practice(practice_id: str, **kwargs: Any) -> Any:
    """Display a group practice (for lessons: the cell's value is the widget)."""
    return GroupPracticeView.for_practice(practice_id, **kwargs).widget
