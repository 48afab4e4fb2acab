"""The group meeting widget: the volunteer types every move and the group answers.

A thin view over `group.engine.GroupSession`: the "Say it" button plays one move and the view
is redrawn from the session's records. After every move the typed moves (and only them) are
saved as data beside the notebook (group/transcript.py: atomic, owner-only), so a reload resumes
the meeting and the trainer can re-judge the submission with the trainer's own engine. Every
text a person typed or a participant says is escaped (htmlsafe) before it is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as w

from ..coding.labels import LABEL_NAMES
from ..group.engine import GroupSession
from ..group.model import PHASE_ELEMENT, PHASE_NAMES, GroupMeeting, Line
from ..group.records import MoveRecord
from ..group.schema import load_group_meeting
from ..group.scoring import score_session
from ..group.transcript import TRANSCRIPT_NAME, TranscriptError, load_transcript, save_transcript
from ..group.wording import ENDINGS
from ..htmlsafe import escape
from ..meeting.format import MEETING_MINUTES, element
from ..safety import crisis_banner_html
from .group_report import report_html
from .style import badge, message_html, nbgrader_running, root

CAPSTONE = "capstone-thursday-evening"
# Links in the page's text are told apart by colour alone (axe link-in-text-block, WCAG 1.4.1):
# underline them (the selector must outrank `.jp-RenderedHTMLCommon a:link`).
LINK_STYLE = (
    "<style>.jp-RenderedHTMLCommon.jp-RenderedMarkdown a:link,"
    ".jp-RenderedHTMLCommon.jp-RenderedMarkdown a:visited{text-decoration:underline}</style>"
)
HARM_TONE = {True: "poor", False: "good"}


def line_html(line: Line) -> str:
    if not line.who:
        return f'<p class="fc-line"><em>{escape(line.says)}</em></p>'
    return f'<p class="fc-line"><strong>{escape(line.who)}:</strong> “{escape(line.says)}”</p>'


def record_html(record: MoveRecord) -> str:
    """One move: what you said, how it was judged, the group moves, what the group said."""
    if not record.judged:
        code = badge("not judged", "todo")
    else:
        code = badge(LABEL_NAMES.get(record.code, record.code), HARM_TONE[record.harmful])
    moves = "".join(badge(r.move.replace("_", " "), "info") + " " for r in record.moves)
    return (
        '<div class="fc-turn">'
        f'<p class="fc-line"><strong>Move {record.number} ({escape(PHASE_NAMES[record.phase])}'
        f"), you:</strong> “{escape(record.text)}” {code} {moves}</p>"
        + "".join(line_html(x) for x in record.replies)
        + "</div>"
    )


def _people_html(meeting: GroupMeeting) -> str:
    items = "".join(
        f"<li><strong>{escape(p.name)}</strong> (changing: {escape(p.changing)}): "
        f"{escape(p.background)}</li>"
        for p in meeting.participants
    )
    return f"<details><summary>Who is in the group ({len(meeting.participants)})</summary>" + (
        f"<ul>{items}</ul></details>"
    )


class GroupMeetingView:
    """Build with `GroupMeetingView.for_meeting("capstone-thursday-evening")`; use `.widget`.

    `transcript` is where the typed moves are saved (default: beside the notebook); nothing is
    saved or restored while nbgrader runs the notebook.
    """

    def __init__(self, meeting: GroupMeeting, transcript: Path | str | None = TRANSCRIPT_NAME):
        self.meeting = meeting
        self.session = self._new_session()
        self.moves: list[str] = []
        self.path = None if transcript is None or nbgrader_running() else Path(transcript)
        self.header = w.HTML(
            f"{LINK_STYLE}<h3>{escape(meeting.title)}</h3><p>{escape(meeting.about)}</p>"
            f"<p>{escape(meeting.setting)}</p>{_people_html(meeting)}"
        )
        self.clock = w.HTML()
        self.speaking = w.HTML()
        self.transcript = w.HTML()
        self.text = w.Textarea(
            value="",
            description="Your move:",
            placeholder="Type what you say to the group, as you would say it",
            layout=w.Layout(width="98%", height="90px"),
        )
        self.text.add_class("fc-stacked")
        self.say = w.Button(description="Say it", button_style="primary",
                            tooltip="Say this to the group")  # fmt: skip
        self.report_button = w.Button(description="Show my report so far",
                                      tooltip="Score the meeting as it stands")  # fmt: skip
        self.restart_button = w.Button(description="Start again",
                                       tooltip="Start the meeting again from the opening")  # fmt: skip
        self.crisis = w.HTML()
        self.feedback = w.HTML()
        self.report = w.HTML()
        self.say.on_click(lambda _: self.submit())
        self.report_button.on_click(lambda _: self.show_report())
        self.restart_button.on_click(lambda _: self.restart())
        buttons = w.HBox([self.say, self.report_button, self.restart_button],
                         layout=w.Layout(flex_flow="row wrap"))  # fmt: skip
        self.widget = root(
            [self.header, self.clock, self.transcript, self.speaking, self.crisis, self.text,
             buttons, self.feedback, self.report],
            "group-meeting",
        )  # fmt: skip
        self.status = self._restore()
        self.render()

    @classmethod
    def for_meeting(cls, meeting_id: str = CAPSTONE, **kwargs: Any) -> GroupMeetingView:
        return cls(load_group_meeting(meeting_id), **kwargs)

    # -- actions ------------------------------------------------------------------------------
    def submit(self) -> MoveRecord | None:
        if self.session.finished:
            self.feedback.value = message_html("info", "The meeting has ended. Your report is "
                                               "below; start again to run it once more.")  # fmt: skip
            return None
        typed = self.text.value
        if not typed.strip():
            self.feedback.value = message_html("todo", "Type what you would say first.")
            return None
        record = self.session.play(typed)
        self.moves.append(typed)
        if record.judged:
            self.text.value = ""  # an unjudged move stays in the box to be reworded
        saved = self._save()
        self.render(record, saved)
        return record

    def _new_session(self) -> GroupSession:
        return GroupSession(self.meeting)

    def restart(self) -> None:
        self.session = self._new_session()
        self.moves = []
        self.render(saved=self._save())
        self.feedback.value = message_html("info", "The meeting starts again from the opening.")

    def show_report(self) -> None:
        self.report.value = report_html(score_session(self.session))

    # -- saving -------------------------------------------------------------------------------
    def _save(self) -> str:
        if self.path is None:
            return ""
        try:
            save_transcript(self.path, self.meeting.id, self.moves)
        except OSError as exc:
            return f"Your moves could not be saved ({exc.strerror or exc}); keep this page open."
        return ""

    def _restore(self) -> str:
        if self.path is None or not self.path.exists():
            return ""
        try:
            found = load_transcript(self.path)
        except TranscriptError as exc:
            return f"Your earlier meeting could not be read ({exc}); this is a new meeting."
        if found.meeting != self.meeting.id:
            return ""
        for move in found.moves:
            self.session.play(move)
            self.moves.append(move)
        return f"Welcome back: your meeting continues after {len(self.moves)} moves."

    # -- drawing ------------------------------------------------------------------------------
    def render(self, last: MoveRecord | None = None, saved: str = "") -> None:
        s = self.session
        self.clock.value = self._clock_html()
        lines = "".join(line_html(x) for x in s.start_lines)
        self.transcript.value = lines + "".join(record_html(r) for r in s.records)
        speaker = s.last.who
        self.speaking.value = (
            f'<p role="status" aria-live="polite">Speaking now: <strong>{escape(speaker)}'
            "</strong>. Your move.</p>"
            if speaker and not s.finished
            else ""
        )
        distress = any(r.distress for r in s.records)  # once it has come up, it stays shown
        self.crisis.value = crisis_banner_html() if distress else ""
        notes = []
        if last is not None:
            tone = "todo" if not last.judged else "poor" if last.harmful else "info"
            notes.append(message_html(tone, "<br>".join(escape(f) for f in last.feedback),
                                      role="status"))  # fmt: skip
        for note in (saved, self.status if last is None else ""):
            if note:
                notes.append(message_html("todo", escape(note)))
        self.feedback.value = "".join(notes)
        self.text.disabled = self.say.disabled = s.finished  # "Start again" stays available
        if s.finished:
            self.report.value = self._final_html()
        elif last is None:
            self.report.value = ""

    def _clock_html(self) -> str:
        s = self.session
        budget = element(PHASE_ELEMENT[s.phase])
        used = s.element_minutes.get(budget.key, 0.0)
        return (
            f'<div class="fc-clock" role="status" aria-live="polite"><strong>Clock: '
            f"{s.clock:.0f} of {MEETING_MINUTES} minutes.</strong> Now: "
            f"{escape(PHASE_NAMES[s.phase])} ({escape(budget.name)}: {used:.0f} min used of "
            f"{escape(budget.budget)}).</div>"
        )

    def _final_html(self) -> str:
        ending = self.session.ending()
        return message_html(
            "info", f"<strong>Ending: {escape(ending)}.</strong> {escape(ENDINGS[ending])}"
        ) + report_html(score_session(self.session))


def show_capstone(meeting_id: str = CAPSTONE, **kwargs: Any) -> Any:
    """Display the capstone meeting (for notebooks: the cell's value is the widget)."""
    return GroupMeetingView.for_meeting(meeting_id, **kwargs).widget
