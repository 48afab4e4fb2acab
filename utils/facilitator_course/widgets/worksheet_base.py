"""What the worksheet widgets share: labelled fields, live feedback, drafts and the reference.

Each worksheet widget declares its fields and an analysis function; this base class builds
labelled inputs (every input has a `description`, so screen readers name it), re-analyses on
every change, saves drafts to the learner's progress file (at most every few seconds while
typing, and on "Save draft"), and compares with a reference answer on request.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import ipywidgets as w

from ..htmlsafe import escape
from ..progress import ProgressStore
from ..safety import crisis_banner_html
from ..worksheets.base import SAFETY, WorksheetFeedback
from ..worksheets.reference import Comparison, ReferenceAnswer, compare_with_reference
from .dropdown import PlaceholderDropdown
from .style import message_html, nbgrader_running, root

AUTOSAVE_SECONDS = 5.0
# Labels of one-line inputs share a width so the inputs line up; a 100% wide input would overflow
# its box by the widget margins and lose its right border.
LABEL_WIDTH = "13em"
RATING_LABEL_WIDTH = "20em"
FULL_WIDTH = "98%"
UNRATED = "not rated yet"  # the rating dropdowns' option for None


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    placeholder: str = ""
    kind: str = "area"  # "area", "text" or "rating" (0-10)
    rows: int = 3


def feedback_html(feedback: WorksheetFeedback) -> str:
    parts = []
    if feedback.distress:
        parts.append(crisis_banner_html())
    for message in feedback.messages:
        if message.kind == SAFETY:
            continue
        parts.append(message_html(message.kind, escape(message.text)))
    if feedback.complete:
        parts.append(message_html("good", "<strong>Worksheet complete.</strong>"))
    return "".join(parts)


def comparison_html(comparison: Comparison) -> str:
    rows = []
    for field in comparison.fields:
        covered = "".join(f"<li>✔ {escape(i.label)}</li>" for i in field.covered)
        missing = "".join(f"<li>✎ to consider: {escape(i.label)}</li>" for i in field.missing)
        rows.append(
            f"<h4>{escape(field.label)}</h4><ul style='list-style:none;padding-left:0'>"
            f"{covered}{missing}</ul><p><strong>Reference answer:</strong><br>"
            + escape(field.model).replace("\n", "<br>")
            + "</p>"
        )
    return message_html("info", escape(comparison.summary)) + "".join(rows)


class WorksheetWidget:
    """Subclasses set `key`, `title`, `intro`, `fields` and implement `analyse`; `steps`, when
    the boxes are not filled top to bottom, is the order to fill them in (a numbered list)."""

    key = "worksheet"
    title = "Worksheet"
    intro = ""
    steps: tuple[str, ...] = ()
    fields: tuple[FieldSpec, ...] = ()

    def __init__(
        self,
        reference: ReferenceAnswer | str | None = None,
        store: ProgressStore | None = None,
        save_progress: bool = True,
        draft_key: str | None = None,
    ) -> None:
        if isinstance(reference, str):
            from ..worksheets.exercises import reference_answer

            reference = reference_answer(reference)
        self.reference = reference
        self.store = store
        self.save_progress = save_progress and not nbgrader_running()
        self.draft_key = draft_key or (f"{self.key}:{reference.id}" if reference else self.key)
        self._last_save = 0.0
        self._loading = False
        self.inputs: dict[str, w.Widget] = {
            spec.key: self._make_input(spec) for spec in self.fields
        }
        situation = (
            f"<p><strong>Exercise:</strong> {escape(reference.situation)}</p>" if reference else ""
        )
        steps = (
            "<ol class='fc-steps'>" + "".join(f"<li>{escape(s)}</li>" for s in self.steps) + "</ol>"
            if self.steps
            else ""
        )
        self.header = w.HTML(
            f"<h3>{escape(self.title)}</h3><p>{escape(self.intro)}</p>{steps}{situation}"
        )
        self.feedback = w.HTML()
        self.extra = w.HTML()
        self.status = w.HTML()
        self.reference_view = w.HTML()
        self.save_button = w.Button(
            description="Save draft", tooltip="Save this worksheet on this computer"
        )
        self.compare_button = w.Button(
            description="Compare with the reference answer",
            tooltip="See which key ideas your answer covers",
            layout=w.Layout(width="auto"),
        )
        self.clear_button = w.Button(description="Clear", tooltip="Empty every field")
        self.save_button.on_click(lambda _: self.save_draft())
        self.compare_button.on_click(lambda _: self.compare())
        self.clear_button.on_click(lambda _: self.clear())
        buttons = [self.save_button, self.clear_button]
        if reference:
            buttons.insert(0, self.compare_button)
        self.buttons = w.HBox(buttons, layout=w.Layout(flex_flow="row wrap"))
        self.widget = root(
            [
                self.header,
                *self.layout_inputs(),
                self.buttons,
                self.status,
                w.HTML("<h4>Live feedback</h4>"),
                self.feedback,
                self.extra,
                self.reference_view,
            ],
            self.key.replace("_", "-"),
        )
        for widget in self.inputs.values():
            widget.observe(self._changed, names="value")
        self._load_draft()
        self.refresh()

    # -- building -------------------------------------------------------------------------------
    def _make_input(self, spec: FieldSpec) -> w.Widget:
        style = {"description_width": LABEL_WIDTH}
        if spec.kind == "rating":
            style = {"description_width": RATING_LABEL_WIDTH}  # questions, not one-word labels
            return PlaceholderDropdown(  # unrated shows "not rated yet", not an empty box
                options=[(UNRATED, None)] + [(str(i), i) for i in range(11)],
                value=None,
                description=spec.label,
                style=style,
                layout=w.Layout(width=f"calc({RATING_LABEL_WIDTH} + 11em)"),
            )
        if spec.kind == "text":
            return w.Text(
                value="",
                description=spec.label,
                placeholder=spec.placeholder,
                style=style,
                layout=w.Layout(width=FULL_WIDTH),
            )
        area = w.Textarea(
            value="",
            description=spec.label,
            placeholder=spec.placeholder,
            layout=w.Layout(width=FULL_WIDTH, height=f"{spec.rows * 26 + 24}px"),
        )
        area.add_class("fc-stacked")  # the label above the box: long labels stay readable
        return area

    def layout_inputs(self) -> list[w.Widget]:
        """The inputs in order; subclasses may arrange them differently (e.g. a 2x2 grid)."""
        return list(self.inputs.values())

    # -- values ---------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {key: widget.value for key, widget in self.inputs.items()}

    def set_values(self, values: dict[str, Any]) -> list[str]:
        """Fill the inputs; returns the labels of values that did not fit (a hand-edited draft)."""
        skipped = []
        self._loading = True
        try:
            for key, value in values.items():
                if key not in self.inputs:
                    continue
                widget = self.inputs[key]
                if value is None:  # a rating back to "not rated yet"; other boxes keep their text
                    if isinstance(widget, PlaceholderDropdown):
                        widget.value = None
                    continue
                if isinstance(widget, (w.Text, w.Textarea)) and not isinstance(value, str):
                    value = "\n".join(map(str, value)) if isinstance(value, list) else str(value)
                if isinstance(widget, w.Dropdown) and value not in [v for _, v in widget.options]:
                    skipped.append(str(widget.description).rstrip(":?"))
                    continue
                widget.value = value
        finally:
            self._loading = False
        self.refresh()
        return skipped

    def analyse(self, values: dict[str, Any]) -> WorksheetFeedback:  # pragma: no cover
        raise NotImplementedError

    def extra_html(self, values: dict[str, Any], feedback: WorksheetFeedback) -> str:
        return ""

    # -- reacting ---------------------------------------------------------------------------------
    def refresh(self) -> WorksheetFeedback:
        values = self.values()
        result = self.analyse(values)
        self.feedback.value = feedback_html(result)
        self.extra.value = self.extra_html(values, result)
        self.last_feedback = result
        return result

    def _changed(self, _change: Any) -> None:
        if self._loading:
            return
        self.refresh()
        if self.save_progress and time.monotonic() - self._last_save > AUTOSAVE_SECONDS:
            self.save_draft(quiet=True)

    def compare(self) -> Comparison | None:
        if not self.reference:
            return None
        comparison = compare_with_reference(self.draft_values(), self.reference)
        self.reference_view.value = "<h4>Compared with the reference answer</h4>" + (
            comparison_html(comparison)
        )
        return comparison

    def clear(self) -> None:
        self.set_values({spec.key: (None if spec.kind == "rating" else "") for spec in self.fields})
        self.reference_view.value = ""

    # -- drafts -----------------------------------------------------------------------------------
    def draft_values(self) -> dict[str, Any]:
        """What is saved and compared; subclasses with extra state (the urge log) extend it."""
        return self.values()

    def restore(self, values: dict[str, Any]) -> list[str]:
        return self.set_values(values)

    def _store(self) -> ProgressStore:
        if self.store is None:
            self.store = ProgressStore()
        return self.store

    def _load_draft(self) -> None:
        if not self.save_progress:
            return
        store = self._store()
        try:
            draft = store.draft(self.draft_key)
        except OSError:
            draft = None
        if draft:
            skipped = self.restore(draft) or []
            self.status.value = message_html("info", "Your saved draft was loaded.")
            if skipped:
                self.status.value += message_html(
                    "todo",
                    escape("Not loaded (not a value this box takes): " + ", ".join(skipped) + "."),
                )
        for notice in store.notices:
            self.status.value += message_html("info", escape(notice))
        store.notices.clear()
        problem = store.save_problem()
        if problem:  # say so now, not after the learner has typed a page
            self.status.value += message_html(
                "todo",
                escape(
                    f"Your drafts cannot be saved on this computer: {problem}. You can still "
                    "use the worksheet; copy your text somewhere safe before you close the page."
                ),
            )

    def save_draft(self, quiet: bool = False) -> bool:
        if not self.save_progress:
            if not quiet:
                self.status.value = message_html("info", "Drafts are not saved here.")
            return False
        store = self._store()
        try:
            store.save_draft(self.draft_key, self.draft_values())
        except OSError as exc:  # ProgressNotSaved says why in plain words; the text stays here
            self.status.value = message_html("todo", escape(str(exc)))
            saved = False
        else:
            self._last_save = time.monotonic()
            if not quiet:
                self.status.value = message_html("good", "Draft saved on this computer.")
            saved = True
        for notice in store.notices:  # e.g. a damaged file set aside by this very save
            self.status.value += message_html("info", escape(notice))
        store.notices.clear()
        return saved

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a frontend
        from IPython.display import display

        display(self.widget)
