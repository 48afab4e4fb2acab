"""The urge log widget: add entries with a labelled form, see the log and its patterns."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import ipywidgets as w

from ..htmlsafe import escape
from ..progress import ProgressStore
from ..safety import mentions_distress
from ..worksheets.base import SAFETY, Message, WorksheetFeedback
from ..worksheets.reference import ReferenceAnswer
from ..worksheets.urge_log import MAX_INTENSITY, MIN_INTENSITY, UrgeEntry, UrgeLog, analyse_urge_log
from .dropdown import PlaceholderDropdown
from .style import message_html
from .worksheet_base import LABEL_WIDTH, FieldSpec, WorksheetWidget

DISTRESS_NOTE = (
    "What you typed may be about distress, suicide or self-harm. If that is about you or someone "
    "near you now, please reach out to the resources shown."
)


class UrgeLogWidget(WorksheetWidget):
    key = "urge_log"
    title = "Urge log"
    intro = (
        "Note each urge: when it came, how strong it was (0-10), what set it off, how long "
        "it lasted and what you did. Patterns show after a few entries."
    )
    fields = (
        FieldSpec("when", "When:", "e.g. Fri 18:30, after work", "text"),
        FieldSpec("intensity", "Strength (0-10):", kind="rating"),
        FieldSpec("trigger", "What set it off:", "a place, feeling, person or time", "text"),
        FieldSpec("minutes", "How long (minutes):", "optional", "text"),
        FieldSpec("response", "What I did:", "e.g. went for a walk", "text"),
    )

    def __init__(
        self,
        reference: ReferenceAnswer | str | None = None,
        store: ProgressStore | None = None,
        save_progress: bool = True,
        draft_key: str | None = None,
    ) -> None:
        self.log = UrgeLog()
        self.unreadable: list[Any] = []  # saved entries that could not be read (hand-edited)
        self.acted = w.Checkbox(value=False, description="I acted on the urge", indent=False)
        self.add_button = w.Button(
            description="Add to log", button_style="primary", tooltip="Add this urge to your log"
        )
        self.form_message = w.HTML()
        self.log_view = w.HTML()
        self.remove_choice = w.Dropdown(
            options=[],
            description="Entry to remove:",
            style={"description_width": LABEL_WIDTH},
            layout=w.Layout(width="34em"),
        )
        self.remove_button = w.Button(
            description="Remove entry", tooltip="Remove the chosen entry from the log"
        )
        self.add_button.on_click(lambda _: self.add_entry())
        self.remove_button.on_click(lambda _: self.remove_entry())
        super().__init__(reference, store, save_progress, draft_key)

    def _make_input(self, spec: FieldSpec) -> w.Widget:
        if spec.key == "intensity":
            return PlaceholderDropdown(  # shows "choose" until a strength is chosen
                options=[("choose", None)]
                + [(str(i), i) for i in range(MIN_INTENSITY, MAX_INTENSITY + 1)],
                value=None,
                description=spec.label,
                style={"description_width": LABEL_WIDTH},
            )
        return super()._make_input(spec)

    def layout_inputs(self) -> list[w.Widget]:
        return [
            *self.inputs.values(),
            self.acted,
            self.add_button,
            self.form_message,
            self.log_view,
            w.HBox([self.remove_choice, self.remove_button]),
        ]

    def add_entry(self) -> bool:
        values = self.values()
        minutes_text = str(values.get("minutes") or "").strip()
        if values.get("intensity") is None:
            self.form_message.value = message_html("todo", "Choose how strong the urge was (0-10).")
            return False
        try:
            minutes = int(minutes_text) if minutes_text else None
        except ValueError:
            self.form_message.value = message_html(
                "todo", "Write the duration as a whole number of minutes, or leave it empty."
            )
            return False
        entry = UrgeEntry(
            str(values.get("when") or "").strip(),
            int(values["intensity"]),
            str(values.get("trigger") or "").strip(),
            minutes,
            str(values.get("response") or "").strip(),
            bool(self.acted.value),
        )
        problems = self.log.add(entry)
        if problems:
            self.form_message.value = message_html(
                "todo", escape("Not added: " + "; ".join(problems) + ".")
            )
            return False
        self.form_message.value = message_html("good", f"Added entry {len(self.log.entries)}.")
        self._loading = True
        try:
            for key in ("when", "trigger", "minutes", "response"):
                self.inputs[key].value = ""
            self.inputs["intensity"].value = None
            self.acted.value = False
        finally:
            self._loading = False
        self.refresh()
        if self.save_progress:
            self.save_draft(quiet=True)
        return True

    def remove_entry(self) -> None:
        if self.remove_choice.value is None:
            return
        self.log.remove(int(self.remove_choice.value))
        self.refresh()
        if self.save_progress:
            self.save_draft(quiet=True)

    def analyse(self, values: dict[str, Any]) -> WorksheetFeedback:
        result = analyse_urge_log(self.log)
        # What is typed in the form counts too, before it is added (or if it is never added).
        if not result.distress and any(
            mentions_distress(v) for v in values.values() if isinstance(v, str)
        ):
            result = replace(result, messages=(Message(SAFETY, DISTRESS_NOTE), *result.messages))
        return result

    def refresh(self) -> WorksheetFeedback:
        result = super().refresh()
        entries = self.log.entries
        rows = "".join(
            f"<tr><td>{i}</td><td>{escape(e.when)}</td><td>{e.intensity}</td>"
            f"<td>{escape(e.trigger)}</td><td>{'' if e.minutes is None else e.minutes}</td>"
            f"<td>{escape(e.response)}</td><td>{'yes' if e.acted else 'no'}</td></tr>"
            for i, e in enumerate(entries, start=1)
        )
        self.log_view.value = (
            "<table class='fc-table'><caption>Your log</caption><thead><tr>"
            "<th scope='col'>#</th><th scope='col'>When</th><th scope='col'>Strength</th>"
            "<th scope='col'>Trigger</th><th scope='col'>Minutes</th><th scope='col'>What I did"
            f"</th><th scope='col'>Acted on it</th></tr></thead><tbody>{rows}</tbody></table>"
            if entries
            else "<p>No entries yet.</p>"
        )
        self.remove_choice.options = [
            (f"{i}. {e.when or e.trigger}", i - 1) for i, e in enumerate(entries, start=1)
        ]
        # the latest entry is preselected (an empty dropdown looks like a broken one)
        self.remove_choice.value = len(entries) - 1 if entries else None
        self.remove_choice.disabled = self.remove_button.disabled = not entries
        return result

    def draft_values(self) -> dict[str, Any]:
        fields = self.log.fields()
        if self.unreadable:  # kept in the file, so a hand-edited entry is never lost by a save
            fields["unreadable"] = self.unreadable
        return fields

    def restore(self, values: dict[str, Any]) -> list[str]:
        """Load saved entries one by one; an entry that cannot be read is kept aside, not lost."""
        raw_entries = values.get("entries") if isinstance(values, dict) else None
        entries = []
        self.unreadable = list(values.get("unreadable") or []) if isinstance(values, dict) else []
        for raw in raw_entries if isinstance(raw_entries, list) else []:
            try:
                entries.append(UrgeEntry.from_dict(raw))
            except (AttributeError, TypeError, ValueError, OverflowError):
                self.unreadable.append(raw)
        self.log = UrgeLog(entries)
        self.refresh()
        return [f"{len(self.unreadable)} log entr(y/ies)"] if self.unreadable else []

    def clear(self) -> None:
        self.log = UrgeLog()
        super().clear()
