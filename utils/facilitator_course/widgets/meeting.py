"""The meeting simulator widget: run a whole 90-minute meeting and handle what comes up.

Shows the six elements with their budgets (from `meeting.format`, the one definition), the
clock, the group climate, the situation to handle and the options; after the last event, a
debrief scoring each element. A safety incident shows crisis resources as it happens.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..htmlsafe import escape
from ..meeting.format import MEETING_MINUTES, element
from ..meeting.ladder import ladder_line
from ..meeting.model import EVENT_KINDS, MeetingEvent
from ..meeting.schema import load_meeting
from ..meeting.simulator import Decision, MeetingDebrief, MeetingSimulation
from ..option_order import OptionOrder
from ..progress import ProgressStore
from ..safety import crisis_banner_html
from .resume import (
    load_state,
    past_record_html,
    save_position,
    saved_entry,
    store_or_default,
)
from .style import (
    badge,
    focus_on,
    focus_target,
    live,
    message_html,
    meter_html,
    nbgrader_running,
    root,
)

HANDLING_TONES = {"good": "good", "ok": "mixed", "poor": "poor", "unsafe": "unsafe"}
HANDLING_WORDS = {
    "good": "handled well",
    "ok": "acceptable",
    "poor": "handled poorly",
    "unsafe": "unsafe",
}


def _signed(value: int, unit: str) -> str:
    return f"{'+' if value > 0 else '−' if value < 0 else '±'}{abs(value)} {unit}".rstrip()


def decision_html(decision: Decision) -> str:
    """Feedback on the response just given. It is shown under the *next* situation, so it says
    which situation it is about."""
    choice = decision.choice
    tone = HANDLING_TONES[choice.handling]
    about = element(decision.element).name + (
        f", {decision.event.who}" if decision.event.who else ""
    )
    return message_html(
        tone,
        f"<strong>Your last response ({escape(about)}):</strong> "
        f"{badge(HANDLING_WORDS[choice.handling], tone)} <small>({_signed(choice.minutes, 'min')}"
        f", climate {_signed(choice.climate, '')})</small><br>{escape(choice.feedback)}",
    )


def _averaged_over(debrief: MeetingDebrief) -> str:
    """Say what the overall score averages when some elements were left out, so a learner who
    adds up the column is not puzzled by the "not scored" rows."""
    scored, total = len(debrief.scored_elements), len(debrief.elements)
    if scored == total:
        return ""
    if scored == 1:
        return " (from the one element with something to handle)"
    return f" (the average of the {scored} elements with something to handle)"


def debrief_html(debrief: MeetingDebrief) -> str:
    rows = []
    for score in debrief.elements:
        time_tone = "good" if score.within_budget else "poor"
        rows.append(
            f"<tr><th scope='row'>{escape(score.element.name)}</th>"
            f"<td>{escape(score.element.budget)}</td><td>{score.minutes} min "
            f"{badge('within budget' if score.within_budget else 'outside budget', time_tone)}"
            f"</td><td>{escape(score.handling_text)}</td>"
            f"<td>{'not scored' if score.score is None else score.score}</td></tr>"
        )
    verdict_tone = "good" if debrief.passed else "unsafe" if debrief.safety_failures else "poor"
    html = ""
    if any(d.event.safety for d in debrief.safety_failures):  # not for a confidentiality slip
        html += crisis_banner_html(lead="A safety incident was not handled safely.")
    html += (
        f"<h4>Debrief {badge('passed' if debrief.passed else 'not passed', verdict_tone)}"
        f"</h4><p><strong>{escape(debrief.verdict)}</strong></p>"
        f"<p>Overall score {debrief.score}/100{_averaged_over(debrief)}. "
        f"The meeting took {debrief.minutes} of "
        f"{MEETING_MINUTES} minutes"
        + (f" ({debrief.over_time} over)" if debrief.over_time else "")
        + f". Group climate at the end: {debrief.climate}/100.</p>"
        "<div class='fc-table-scroll'>"
        "<table class='fc-table'><thead><tr><th scope='col'>Element</th>"
        "<th scope='col'>Budget</th><th scope='col'>Used</th><th scope='col'>Handling</th>"
        f"<th scope='col'>Score</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        "<p>Handling: points for how you handled what came up, out of the most you could get (2"
        " for the best response to a situation, 1 for an acceptable one). An element's score also"
        " counts keeping to its time budget.</p>"
    )
    for failure in debrief.safety_failures:
        kind = EVENT_KINDS[failure.event.kind]
        html += message_html(
            "unsafe",
            f"<strong>{escape(kind[:1].upper() + kind[1:])}:"
            f"</strong> {escape(failure.choice.feedback)} "
            f"<br><strong>A safe response:</strong> "
            f"{escape(failure.event.best().action)}",
        )
    # held to the screen's width, so a phone wraps the summary and scrolls only the table
    return f"<div class='fc-fit'>{html}</div>"


class MeetingSimulator:
    """Build with `MeetingSimulator.from_name("community-centre-evening")`; use `.widget`.

    Responses are listed in the learner's own stable order (`order`, default from the key
    beside `store`), each keeping its index in the meeting data as its value.
    """

    def __init__(
        self,
        simulation: MeetingSimulation,
        store: ProgressStore | None = None,
        save_progress: bool = True,
        order: OptionOrder | None = None,
    ) -> None:
        self.simulation = simulation
        self.order = order or OptionOrder.for_learner(store, save=not nbgrader_running())
        self.store = store
        self.save_progress = save_progress and not nbgrader_running()
        self.saved = False
        self.chosen: list[int] = []  # response indices so far, replayed after a reload
        self.record = w.HTML()
        meeting = simulation.meeting
        people = "".join(
            f"<li><strong>{escape(p.name)}</strong> ({escape(p.changing)})"
            + (f": {escape(p.note)}" if p.note else "")
            + "</li>"
            for p in meeting.participants
        )
        self.header = w.HTML(
            f"<h3>{escape(meeting.title)}</h3>"
            f"<p class='fc-meeting-level'><em>{escape(ladder_line(meeting))}</em></p>"
            f"<p>{escape(meeting.about)}</p>"
            f"<p>{escape(meeting.setting)}</p><details><summary>Who is here "
            f"({len(meeting.participants)})</summary><ul>{people}</ul></details>"
        )
        self.timeline = w.HTML()
        self.meters = w.HTML()
        self.banner = w.HTML()
        self.situation = w.HTML()
        self.options = w.RadioButtons(
            options=[], value=None, description="Your response:", layout=w.Layout(width="100%")
        )
        self.options.add_class("fc-wide-label")
        self.respond_button = w.Button(
            description="Respond", button_style="primary", tooltip="Handle the situation this way"
        )
        self.feedback = live(w.HTML())
        self.debrief = focus_target(live(w.HTML()))
        self.restart_button = w.Button(
            description="Run the meeting again",
            tooltip="Start the simulation from the beginning",
            layout=w.Layout(width="auto"),
        )
        self.respond_button.on_click(lambda _: self.respond())
        self.restart_button.on_click(lambda _: self.restart())
        self.answer_box = w.VBox([self.options, self.respond_button])
        self.widget = root(
            [
                self.header,
                self.record,
                self.timeline,
                self.meters,
                self.banner,
                self.situation,
                self.answer_box,
                self.feedback,
                self.debrief,
                w.HBox([self.restart_button]),
            ],
            "meeting",
        )
        self._restore()
        self.render()

    @classmethod
    def from_name(cls, name: str, **kwargs: Any) -> MeetingSimulator:
        return cls(MeetingSimulation(load_meeting(name)), **kwargs)

    def respond(self) -> Decision | None:
        sim = self.simulation
        if sim.finished:
            return None
        if self.options.value is None:
            self.feedback.value = message_html(
                "todo", "Choose a response first (arrow keys or click)."
            )
            return None
        decision = sim.choose(int(self.options.value))
        self.chosen.append(int(self.options.value))
        self.render()
        self._save_position()
        self.feedback.value = decision_html(decision)
        if decision.event.safety:
            self.feedback.value = crisis_banner_html() + self.feedback.value
        if sim.finished:  # the response controls are hidden: bring the learner to the debrief
            focus_on(self.debrief)
        return decision

    def restart(self) -> None:
        self.simulation.restart()
        self.chosen.clear()
        self.saved = False
        self.feedback.value = ""
        self.render()
        self._save_position()

    def render(self) -> None:
        sim = self.simulation
        current = sim.current_element
        items = []
        for plan in sim.meeting.elements:
            is_current = current is not None and plan is current
            used = sim.element_minutes(plan.element.key)
            marker = ' aria-current="step" style="font-weight:700"' if is_current else ""
            now = " ← now" if is_current else ""
            items.append(
                f"<li{marker}>{escape(plan.element.name)}: budget "
                f"{escape(plan.element.budget)}, planned {plan.planned}, "
                f"now {used} min{now}</li>"
            )
        self.timeline.value = (
            "<details open><summary>Meeting plan (six elements)</summary>"
            f"<ol>{''.join(items)}</ol></details>"
        )
        self.meters.value = (
            f"<p><strong>Clock:</strong> {sim.clock()} of {MEETING_MINUTES} "
            f"minutes used. Situation {sim.step} of {sim.total_steps}.</p>"
            + meter_html(
                "Group climate",
                sim.climate,
                explain="How safe, engaged and respectful the group feels",
            )
        )
        event = sim.current_event
        if event is None:
            self.banner.value = ""
            self.situation.value = ""
            self.answer_box.layout.display = "none"
            result = sim.debrief()
            self.debrief.value = debrief_html(result)
            self._save(result)
            return
        plan = sim.current_element
        assert plan is not None
        self.debrief.value = ""
        self.answer_box.layout.display = None
        self.banner.value = crisis_banner_html() if event.safety else ""
        who = f" ({escape(event.who)})" if event.who else ""
        self.situation.value = (
            f"<h4>{escape(plan.element.name)}</h4><p>{escape(plan.scene)}</p>"
            f"<p><strong>Situation{who}:</strong> "
            f"{escape(event.situation)}</p>"
        )
        self.options.options = self.response_options(event)
        self.options.value = None

    def response_options(self, event: MeetingEvent) -> list[tuple[str, int]]:
        """(response, index in the meeting data) in this learner's order; the index is what the
        simulation is given, so a response chosen still means the one the author wrote."""
        place = f"meeting/{self.simulation.meeting.id}/{event.id}"
        return [(choice.action, i) for i, choice in self.order.arrange(place, event.choices)]

    def _save(self, result: MeetingDebrief) -> None:
        if not self.save_progress or self.saved:
            return
        store = self.store or ProgressStore()
        try:
            entry = store.record_meeting(self.simulation.meeting.id, result.score, result.passed)
            self.saved = True
            self._show_record(entry)
        except OSError as exc:
            self.debrief.value += message_html("todo", escape(str(exc)))
        for notice in store.notices:  # e.g. a damaged progress file set aside by this save
            self.debrief.value += message_html("info", escape(notice))
        store.notices.clear()

    # -- resuming after a reload ----------------------------------------------------------------
    @property
    def resume_key(self) -> str:
        return f"meeting/{self.simulation.meeting.id}"

    def _restore(self) -> None:
        """Show the learner's record and replay the responses of a meeting in progress; one
        that no longer replays (the meeting data changed) starts afresh."""
        if not self.save_progress:
            return
        store = store_or_default(self.store)
        self._show_record(saved_entry(store, "meetings", self.simulation.meeting.id))
        state = load_state(store, self.resume_key)
        chosen = state.get("chosen")
        if not isinstance(chosen, list):
            return
        try:
            for index in chosen:
                self.simulation.choose(int(index))
                self.chosen.append(int(index))
        except (IndexError, KeyError, ValueError, TypeError, RuntimeError):
            self.simulation.restart()
            self.chosen.clear()
            return
        self.saved = bool(state.get("recorded")) and self.simulation.finished

    def _save_position(self) -> None:
        if not self.save_progress:
            return
        state = {"chosen": self.chosen, "recorded": self.saved}
        self.feedback.value += save_position(self.store, self.resume_key, state)

    def _show_record(self, entry: dict[str, Any] | None) -> None:
        verdict = ""
        if entry:
            verdict = "; passed" if entry.get("passed") else "; not passed yet"
        self.record.value = past_record_html(entry, "ran this meeting", verdict)

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a frontend
        from IPython.display import display

        display(self.widget)
