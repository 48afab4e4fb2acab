"""The role-play widget: a simulated participant, meters, a transcript and your replies.

A thin view over `roleplay.Conversation`: every button calls one engine method and re-renders
HTML traits from the engine's state, so tests can drive it with `.value = ...` and `.click()`
and read `.value` back. Works in choice mode (radio buttons) and free-text mode (a text box).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..htmlsafe import escape
from ..option_order import OptionOrder
from ..progress import ProgressStore
from ..roleplay.coder import Coder, label_name
from ..roleplay.conversation import Conversation, ReplyRejected
from ..roleplay.loader import load_scenario
from ..roleplay.scenario import CHOICE, Node, Scenario
from ..roleplay.state import STAGES, TALK_TYPES
from ..roleplay.transcript import Turn
from ..safety import crisis_banner_html, mentions_distress
from . import style
from .dropdown import PlaceholderDropdown
from .resume import (
    load_state,
    past_record_html,
    replay_replies,
    save_position,
    saved_entry,
    store_or_default,
)
from .style import QUALITY_WORDS, badge, message_html, meter_html, nbgrader_running, quoted, root
from .summary_view import summary_html

TALK_TONES = {"change": "good", "sustain": "mixed", "neutral": "neutral", "discord": "poor"}
OUTCOME_TONES = {"good": "good", "mixed": "mixed", "poor": "poor"}
NO_TURNS = "(no turns yet)"  # what "Go back to" shows before the first reply


def _talk_badge(talk: str) -> str:
    return badge(TALK_TYPES.get(talk, talk).split(" (")[0], TALK_TONES.get(talk, "neutral"))


def turn_html(turn: Turn, name: str) -> str:
    """One transcript entry: the participant's line, the reply with its code, the feedback."""
    tone = turn.quality
    moved = []
    for label, change in (("readiness", turn.readiness_change), ("rapport", turn.rapport_change)):
        if change:
            moved.append(f"{label} {'+' if change > 0 else '−'}{abs(change)}")
    effect = f" <small>({', '.join(moved)})</small>" if moved else ""
    html = (
        f'<div class="fc-turn" style="border-left-color:{_tone_colour(tone)}">'
        f'<p class="fc-line"><strong>Turn {turn.number}. {escape(name)}:</strong> '
        f"“{escape(turn.participant)}” {_talk_badge(turn.talk)}</p>"
        f'<p class="fc-line"><strong>You:</strong> “{escape(turn.reply)}” '
        f"{badge(label_name(turn.code), tone)} {badge(QUALITY_WORDS[tone], tone)}{effect}</p>"
        f'<p class="fc-line">{escape(turn.feedback)}</p>'
    )
    if turn.cue and turn.cue not in turn.feedback:
        html += f'<p class="fc-line"><small>What the coder noticed: {escape(turn.cue)}</small></p>'
    html += "".join(f'<p class="fc-line">{line}</p>' for line in _alternatives(turn))
    return html + "</div>"


def _alternatives(turn: Turn) -> list[str]:
    lines = []
    if turn.better:
        lines.append(f"<strong>A better alternative:</strong> {quoted(turn.better)}")
    if turn.rewrite:
        lines.append(f"<strong>How to rework your own reply:</strong> {quoted(turn.rewrite)}")
    return lines


def _tone_colour(tone: str) -> str:
    return {"good": "#2e7d32", "weak": "#c62828"}.get(tone, "#90a4ae")


class RolePlay:
    """Build with `RolePlay.from_scenario("weekends-for-unwinding")`; display it or use `.widget`.

    `coder` replaces the feedback engine's coder (tests); `store` is where progress is saved
    (default: the learner's progress file; nothing is saved while nbgrader runs). Replies are
    listed in the learner's own stable order (`order`, default from the key beside `store`).
    """

    def __init__(
        self,
        scenario: Scenario,
        coder: Coder | None = None,
        store: ProgressStore | None = None,
        save_progress: bool = True,
        order: OptionOrder | None = None,
    ) -> None:
        self.scenario = scenario
        self.order = order or OptionOrder.for_learner(store, save=not nbgrader_running())
        self.conversation = Conversation(scenario, coder=coder)
        self.store = store
        self.save_progress = save_progress and not nbgrader_running()
        self.saved = False
        # the learner's replies so far ({"choice": index} or {"text": reply}), replayed on reload
        self.replies: list[dict[str, Any]] = []
        persona = scenario.persona

        self.header = style.plain_html(
            f"<h3>{escape(scenario.title)}</h3><p>{escape(scenario.about)}</p>"
            f"<p><strong>{escape(persona.name)}</strong>, {escape(persona.age_range)}, changing: "
            f"{escape(persona.changing)}; stage: {escape(persona.stage)} "
            f"({escape(STAGES.get(persona.stage, ''))}); style: {escape(persona.style)}."
            + (f" {escape(persona.background)}" if persona.background else "")
            + "</p>"
        )
        self.banner = style.plain_html(
            crisis_banner_html(
                lead="This role-play is about a disclosure of "
                "suicidal thoughts. If it touches something "
                "in your own life, support is available."
            )
            if scenario.safety
            else ""
        )
        self.meters = style.plain_html()
        self.transcript = style.plain_html()
        self.prompt = style.plain_html()
        self.hint = style.plain_html()
        self.hint_button = w.Button(description="Show a hint", tooltip="Show a hint for this turn")
        self.choices = w.RadioButtons(
            options=[], value=None, description="Your reply:", layout=w.Layout(width="100%")
        )
        self.choices.add_class("fc-wide-label")
        self.text = w.Textarea(
            value="",
            description="Your reply:",
            placeholder="Type what you would say to the participant",
            layout=w.Layout(width="98%", height="100px"),
        )
        self.text.add_class("fc-stacked")
        self.reply_button = w.Button(
            description="Reply",
            button_style="primary",
            tooltip="Send your reply to the participant",
        )
        self.feedback = style.live(style.plain_html())
        self.rewind_to = PlaceholderDropdown(
            options=[(NO_TURNS, None)], description="Go back to:", layout=w.Layout(width="30em")
        )
        self.rewind_button = w.Button(
            description="Retry from this turn",
            tooltip="Undo this turn and every later one, then answer it again",
        )
        self.restart_button = w.Button(
            description="Start again", tooltip="Start the conversation from the beginning"
        )
        self.ending = style.focus_target(style.live(style.plain_html()))
        self.record = style.plain_html()

        self.reply_button.on_click(lambda _: self.submit())
        self.hint_button.on_click(lambda _: self.show_hint())
        self.rewind_button.on_click(lambda _: self.rewind())
        self.restart_button.on_click(lambda _: self.restart())

        self.answer_box = w.VBox([])
        self.text_buttons = w.HBox([self.reply_button, self.hint_button])
        self.retry_box = w.HBox(
            [self.rewind_to, self.rewind_button, self.restart_button],
            layout=w.Layout(flex_flow="row wrap"),
        )
        self.widget = root(
            [
                self.header,
                self.banner,
                self.record,
                self.meters,
                self.transcript,
                self.prompt,
                self.answer_box,
                self.feedback,
                self.ending,
                self.retry_box,
            ],
            "roleplay",
        )
        self._restore()
        self.render()

    @classmethod
    def from_scenario(cls, scenario_id: str, **kwargs: Any) -> RolePlay:
        return cls(load_scenario(scenario_id), **kwargs)

    # -- actions ------------------------------------------------------------------------------
    def submit(self) -> Turn | None:
        """Send the selected or typed reply; returns the new turn, or None with a message."""
        talk = self.conversation
        if talk.finished:
            self.feedback.value = message_html(
                "info", "The conversation has ended. Go back to a turn or start again."
            )
            return None
        try:
            if talk.expects == CHOICE:
                if self.choices.value is None:
                    self.feedback.value = message_html(
                        "todo", "Choose one of the replies first (use the arrow keys or click)."
                    )
                    return None
                index = int(self.choices.value)
                turn = talk.choose(index)
                self.replies.append({"choice": index})
            else:
                text = self.text.value
                turn = talk.reply(text)
                self.replies.append({"text": text})
        except ReplyRejected as exc:
            self.feedback.value = message_html("todo", escape(str(exc)))
            if mentions_distress(self.text.value):  # resources even when the reply is not used
                self.feedback.value = crisis_banner_html() + self.feedback.value
            return None
        self.text.value = ""
        self.render(last=turn)
        self._save_position()
        if talk.finished:  # the reply controls are gone: bring the learner to the debrief
            style.focus_on(self.ending)
        return turn

    def show_hint(self) -> None:
        node = self.conversation.node
        self.hint.value = (
            message_html("info", escape(node.hint))
            if node.hint
            else message_html(
                "info", "Try a reflection: say back what you heard, including what was only hinted."
            )
        )

    def rewind(self) -> None:
        if self.rewind_to.value is None:
            return
        self.conversation.rewind(int(self.rewind_to.value))
        del self.replies[int(self.rewind_to.value) - 1 :]
        self.saved = False
        self.render()
        self._save_position()
        self.feedback.value = message_html("info", "Gone back. Answer this turn again.")

    def restart(self) -> None:
        self.conversation.restart()
        self.replies.clear()
        self.saved = False
        self.render()
        self._save_position()

    # -- drawing ------------------------------------------------------------------------------
    def render(self, last: Turn | None = None) -> None:
        talk = self.conversation
        state = talk.state
        self.meters.value = meter_html(
            "Readiness to change",
            state.readiness,
            last.readiness_change if last else None,
            "How much the participant leans towards change",
        ) + meter_html(
            "Rapport",
            state.rapport,
            last.rapport_change if last else None,
            "How understood and safe the participant feels with you",
        )
        name = self.scenario.persona.name
        turns = talk.transcript
        self.transcript.value = (
            ("<h4>Transcript</h4>" + "".join(turn_html(t, name) for t in turns)) if turns else ""
        )
        self.feedback.value = ""
        if last is not None:
            self.feedback.value = message_html(
                last.quality,
                f"<strong>{escape(style.VERDICT_WORDS.get(last.quality, 'Feedback'))}.</strong> "
                f"<strong>Feedback on your reply:</strong> {escape(last.feedback)}"
                + "".join("<br>" + line for line in _alternatives(last)),
            )
            if mentions_distress(last.reply):
                self.feedback.value = crisis_banner_html() + self.feedback.value
        self.hint.value = ""
        # Before the first turn the dropdown says so, disabled with its button (an empty
        # dropdown looks broken); afterwards it lists the turns, the latest chosen.
        self.rewind_to.options = [
            (f"Turn {t.number}: {_short(t.reply)}", t.number) for t in turns
        ] or [(NO_TURNS, None)]
        self.rewind_to.value = turns[-1].number if turns else None
        self.rewind_to.disabled = self.rewind_button.disabled = not turns
        node = talk.node
        if talk.finished:
            self.prompt.value = (
                f'<p class="fc-line"><strong>{escape(name)}:</strong> '
                f"“{escape(node.says)}” {_talk_badge(node.talk)}</p>"
            )
            self.answer_box.children = []
            self._show_ending()
            return
        self.ending.value = ""
        self.prompt.value = (
            f'<p class="fc-line" aria-live="polite"><strong>{escape(name)}:'
            f"</strong> “{escape(node.says)}” {_talk_badge(node.talk)}</p>"
        )
        if node.respond == CHOICE:
            self.choices.options = self.reply_options(node)
            self.choices.value = None
            self.answer_box.children = [self.choices, self.reply_button]
        else:
            self.answer_box.children = [
                self.text,
                self.text_buttons,
                self.hint,
            ]

    def reply_options(self, node: Node) -> list[tuple[str, int]]:
        """(reply, index in the scenario) in this learner's order: the index is what the engine
        is given, so a reply chosen still means the reply the author wrote."""
        place = f"roleplay/{self.scenario.id}/{node.id}"
        return [(choice.reply, i) for i, choice in self.order.arrange(place, node.choices)]

    def _show_ending(self) -> None:
        talk = self.conversation
        outcome = talk.outcome()
        assert outcome is not None
        tone = OUTCOME_TONES.get(outcome.ending.outcome, "neutral")
        html = (
            f"<h4>Debrief {badge(outcome.ending.outcome, tone)}</h4>"
            f"<p>{escape(outcome.ending.debrief)}</p>"
            f"<p>Score for this run: <strong>{outcome.score}/100</strong> "
            f"({outcome.turns} turn(s); MI-consistent replies count in full, neutral ones "
            "half).</p>"
        )
        summary = None
        try:
            summary = talk.summary()
            html += summary_html(summary)
        except ImportError:
            html += message_html(
                "info", "The session summary needs the feedback engine, which is not installed."
            )
        if self.scenario.safety:
            html = crisis_banner_html() + html
        self.ending.value = html
        self._save(outcome.ending.outcome, outcome.score, summary)

    def _save(self, ending: str, score: int, summary: Any) -> None:
        if not self.save_progress or self.saved:
            return
        store = self.store or ProgressStore()
        counts = dict(getattr(summary, "counts", {}) or {}) if summary is not None else {}
        try:
            entry = store.record_scenario(self.scenario.id, score, ending, {"counts": counts})
            self.saved = True
            self._show_record(entry)
        except OSError as exc:
            self.ending.value += message_html(
                "todo", "Your result could not be saved: " + escape(str(exc))
            )
        for notice in store.notices:
            self.ending.value += message_html("info", escape(notice))
        store.notices.clear()

    # -- resuming after a reload ----------------------------------------------------------------
    @property
    def resume_key(self) -> str:
        return f"roleplay/{self.scenario.id}"

    def _restore(self) -> None:
        """Replay the saved replies through the engine; a run that no longer replays (the
        scenario changed) starts afresh. A finished run is not recorded a second time."""
        if not self.save_progress:
            return
        store = store_or_default(self.store)
        self._show_record(saved_entry(store, "scenarios", self.scenario.id))
        state = load_state(store, self.resume_key)
        self.replies = replay_replies(self.conversation, state.get("replies"))
        self.saved = bool(state.get("recorded")) and self.conversation.finished

    def _save_position(self) -> None:
        if not self.save_progress:
            return
        state = {"replies": self.replies, "recorded": self.saved}
        self.feedback.value += save_position(self.store, self.resume_key, state)

    def _show_record(self, entry: dict[str, Any] | None) -> None:
        outcome = str((entry or {}).get("best_outcome", ""))
        verdict = f"; best outcome {escape(outcome)}" if outcome else ""
        self.record.value = past_record_html(entry, "completed", verdict)

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a frontend
        from IPython.display import display

        display(self.widget)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
