"""A widget for sorting statements into two groups, with an explanation for every statement.

A thin view over practice.sorting: the widget only collects choices and renders the result of
`SortingExercise.score`. Every button has visible text and a tooltip naming its statement, so the
exercise can be done with the keyboard alone (Tab to a button, Enter or Space to choose).

The statements are listed in the learner's own stable order (see option_order), so the order an
author wrote them in (often alternating or grouped) gives nothing away; the two group buttons
stay in the same place on every row, where a learner's hand expects them.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
from ipywidgets.widgets.widget_string import HTMLStyle

from ..htmlsafe import escape
from ..option_order import OptionOrder
from ..practice.sorting import SortingExercise, SortingResult, load_sorting_exercise
from ..progress import ProgressStore
from ..safety import crisis_banner_html, mentions_distress
from .resume import store_or_default
from .style import live, message_html, nbgrader_running

# The default toggle styling shows the chosen button only slightly darker, and the focus ring is
# below the 3:1 contrast WCAG asks for; both matter when the exercise is done by keyboard.
SORTING_CSS = """<style>
.fc-sort .widget-toggle-button.mod-active, .fc-sort .jupyter-button.mod-active {
  background: #0b57d0 !important; color: #fff !important; font-weight: 600; }
.fc-sort .jupyter-button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
</style>"""


class SortingWidget:
    """Build with `SortingWidget.from_name("orientation-role")`, show with `.widget`."""

    def __init__(
        self,
        exercise: SortingExercise,
        store: ProgressStore | None = None,
        order: OptionOrder | None = None,
    ) -> None:
        self.exercise = exercise
        self.store = store
        self.save_progress = not nbgrader_running()
        self._restoring = False
        order = order or OptionOrder.for_learner(store, save=not nbgrader_running())
        # the statements as shown, numbered from 1 (`toggles` keeps this order too)
        self.shown = [item for _, item in order.arrange(f"sorting/{exercise.id}", exercise.items)]
        labels = list(exercise.choices.items())
        self.toggles: dict[str, w.ToggleButtons] = {}
        rows: list[w.Widget] = []
        # Every row looks alike and no row's layout or style ever changes, so the rows share one
        # Layout and one style model per part instead of making their own: 3 widget models a
        # statement instead of 7, which the page creates and draws before the exercise shows.
        shared = _RowLooks()
        for number, item in enumerate(self.shown, start=1):
            toggle = w.ToggleButtons(
                options=[(label, key) for key, label in labels],
                value=None,
                # a visible label tied to the group, so a screen reader names what is sorted
                description=f"Statement {number}:",
                # the name a screen reader reads for each button: the statement, then the answer
                tooltips=[
                    f"Statement {number}, {_quoted(item.text)}: {label}" for _, label in labels
                ],
                style=shared.toggle_style,
                layout=shared.toggle_layout,
            )
            self.toggles[item.id] = toggle
            statement = w.HTML(
                f'<p style="margin:8px 0 2px"><strong>{number}.</strong> {escape(item.text)}</p>',
                style=shared.statement_style,
                layout=shared.statement_layout,
            )
            rows.append(w.VBox([statement, toggle], layout=shared.row_layout))
        self.check_button = w.Button(
            description="Check my answers",
            button_style="primary",
            tooltip="Score your choices and show an explanation for each",
        )
        self.reset_button = w.Button(description="Start again", tooltip="Clear every choice")
        self.result = live(w.HTML(value="", layout=w.Layout(margin="8px 0")))
        self.check_button.on_click(lambda _: self.check())
        self.reset_button.on_click(lambda _: self.reset())
        header = w.HTML(
            f"{SORTING_CSS}<h3>{escape(exercise.title)}</h3><p>{escape(exercise.instructions)}</p>",
            style=shared.statement_style,
            layout=shared.statement_layout,
        )
        # Statements about suicide or self-harm bring the crisis resources with them, wherever
        # the exercise is shown (a lesson, or the practice browser on its own).
        about_distress = any(
            mentions_distress(item.text) or mentions_distress(item.why) for item in exercise.items
        )
        self.banner = w.HTML(
            crisis_banner_html() if about_distress else "",
            style=shared.statement_style,
            layout=shared.statement_layout,
        )
        self.widget = w.VBox(
            [
                header,
                self.banner,
                *rows,
                w.HBox([self.check_button, self.reset_button]),
                self.result,
            ]
        )
        self.widget.add_class("fc-sort")
        self.last_result: SortingResult | None = None
        self.status = w.HTML(style=shared.statement_style, layout=shared.statement_layout)
        self.widget.children = (*self.widget.children, self.status)
        self._restore()
        for toggle in self.toggles.values():
            toggle.observe(lambda _: self._save(), names="value")

    @classmethod
    def from_name(cls, name: str, **kwargs: Any) -> SortingWidget:
        return cls(load_sorting_exercise(name), **kwargs)

    def choices(self) -> dict[str, str | None]:
        return {item_id: toggle.value for item_id, toggle in self.toggles.items()}

    def check(self) -> SortingResult:
        result = self.exercise.score(self.choices())
        self.last_result = result
        self.result.value = render_result(result, self.exercise, [i.id for i in self.shown])
        self._save(result.score)
        return result

    def reset(self) -> None:
        self._restoring = True  # one save below, not one per statement
        try:
            for toggle in self.toggles.values():
                toggle.value = None
        finally:
            self._restoring = False
        self.result.value = ""
        self.last_result = None
        self._save(cleared=True)

    # -- resuming after a reload ----------------------------------------------------------------
    def _restore(self) -> None:
        """Put back the saved answers (only ones that still fit this exercise), and the
        explained result if the learner had checked them."""
        if not self.save_progress:
            return
        try:
            entry = store_or_default(self.store).sorting(self.exercise.id) or {}
        except OSError:
            return
        choices = entry.get("choices")
        if not isinstance(choices, dict):
            return
        self._restoring = True
        try:
            for item_id, toggle in self.toggles.items():
                value = choices.get(item_id)
                if value in self.exercise.choices:
                    toggle.value = value
            if entry.get("checked"):
                result = self.exercise.score(self.choices())
                self.last_result = result
                shown = [i.id for i in self.shown]
                self.result.value = render_result(result, self.exercise, shown)
        finally:
            self._restoring = False

    def _save(self, score: int | None = None, cleared: bool = False) -> None:
        if not self.save_progress or self._restoring:
            return
        try:
            store_or_default(self.store).save_sorting(
                self.exercise.id, self.choices(), score, len(self.exercise.items), cleared
            )
        except OSError as exc:
            self.status.value = message_html(
                "todo", "Your answers could not be saved: " + escape(str(exc))
            )
            return
        self.status.value = ""

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a frontend
        from IPython.display import display

        display(self.widget)


def render_result(
    result: SortingResult, exercise: SortingExercise, shown: list[str] | None = None
) -> str:
    """HTML for the score and one explained line per statement, numbered as shown (`shown`:
    the item ids in the order the learner saw them; default the exercise's own order)."""
    lines = []
    feedback = list(result.feedback)
    if shown is not None:
        position = {item_id: n for n, item_id in enumerate(shown)}
        feedback.sort(key=lambda fb: position.get(fb.item.id, len(position)))
    for number, fb in enumerate(feedback, start=1):
        right = exercise.choices[fb.item.answer]
        if not fb.answered:
            mark, colour, verdict = "?", "#8a5300", f"Not answered. Answer: {escape(right)}."
        elif fb.correct:
            mark, colour, verdict = "✔", "#1b5e20", f"Right: {escape(right)}."
        else:
            mark, colour, verdict = "✘", "#8a1c1c", f"Not quite: {escape(right)}."
        lines.append(
            f'<li style="margin:4px 0"><strong style="color:{colour}">{mark} {number}.'
            f"</strong> {verdict} {escape(fb.item.why)}</li>"
        )
    summary = f"You sorted {result.score} of {result.total} statements correctly."
    if result.unanswered:
        summary += f" {result.unanswered} still to answer."
    return (
        f'<div class="fc-feedback" role="status"><p><strong>{escape(summary)}</strong></p>'
        f'<ul style="list-style:none;padding-left:0">{"".join(lines)}</ul></div>'
    )


class _RowLooks:
    """The Layout and style models the rows (and the plain text parts) of one exercise share;
    none of them is ever changed, so sharing cannot move or restyle another part."""

    def __init__(self) -> None:
        self.toggle_style = w.ToggleButtonsStyle(button_width="auto")
        self.toggle_layout = w.Layout()
        self.statement_style = HTMLStyle()
        self.statement_layout = w.Layout()
        self.row_layout = w.Layout()


def _quoted(text: str) -> str:
    """The statement in quotes, unless it is a quoted line already (plain text: a tooltip)."""
    return text if text[:1] in "\"“'" else f"“{text}”"


def show_sorting(name: str) -> SortingWidget:
    """Notebook entry point: build the widget and return it (its repr displays it)."""
    return SortingWidget.from_name(name)
