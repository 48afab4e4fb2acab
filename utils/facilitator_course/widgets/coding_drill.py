"""The coding drill widget: label sample replies one at a time and compare with expert labels.

Per item the learner sees whether they agreed and why the expert chose that label; at any point
"Show my agreement" gives percent agreement, Cohen's kappa and a per-label table.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..htmlsafe import escape
from ..progress import ProgressStore
from ..roleplay.coder import label_name, labels
from ..roleplay.drill import CodingDrill, DrillResult, load_drill
from .resume import load_state, save_position, store_or_default
from .style import badge, focus_on, live, message_html, nbgrader_running, plain_html, root

KAPPA_WORDS = (
    (0.8, "almost perfect"),
    (0.6, "substantial"),
    (0.4, "moderate"),
    (0.2, "fair"),
    (0.0, "slight"),
)


def kappa_words(kappa: float | None) -> str:
    if kappa is None:
        return "no answers yet"
    for limit, words in KAPPA_WORDS:
        if kappa >= limit:
            return words
    return "less than chance"


def result_html(result: DrillResult) -> str:
    if result.agreement is None:
        return message_html("todo", "Label at least one item to see your agreement.")
    kappa = result.kappa
    kappa_text = "n/a" if kappa is None else f"{kappa:.2f}"
    rows = "".join(
        f"<tr><th scope='row'>{escape(label_name(s.label))}</th><td>{s.expert}</td>"
        f"<td>{s.agreed}</td><td>{s.chosen}</td><td>{escape(_meaning(s.label))}</td></tr>"
        for s in result.per_label()
    )
    confusions = "".join(
        f"<li>{n}× you chose <em>{escape(label_name(b))}</em> where the expert chose "
        f"<em>{escape(label_name(a))}</em></li>"
        for a, b, n in result.confusions()[:5]
    )
    html = (
        f"<h4>Your agreement with the expert labels</h4>"
        f"<p>Items labelled: {len(result.answered)} of {len(result.items)}. "
        f"Agreement: <strong>{result.agreement:.0f}%</strong>. Cohen's kappa: "
        f"<strong>{kappa_text}</strong> ({kappa_words(kappa)}). Kappa corrects for the "
        "agreement you would get by chance; trained coders reach about 0.5–0.75 on these "
        "labels.</p>"
        "<table class='fc-table'><thead><tr><th scope='col'>Label</th>"
        "<th scope='col'>Expert used</th><th scope='col'>You agreed</th>"
        "<th scope='col'>You used</th><th scope='col'>The label means</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    if confusions:
        html += f"<p>Most frequent mix-ups:</p><ul>{confusions}</ul>"
    return html


def _meaning(label: str) -> str:
    """What a label means, in the learner's words (from the feedback engine's label table)."""
    try:
        from ..coding import LABEL_MEANINGS
    except ImportError:  # pragma: no cover - the engine ships with the package
        return ""
    return str(LABEL_MEANINGS.get(label, ""))


class CodingDrillWidget:
    """Build with `CodingDrillWidget.from_name("mi-labels")`; display it or use `.widget`."""

    def __init__(
        self, drill: CodingDrill, store: ProgressStore | None = None, save_progress: bool = True
    ) -> None:
        self.drill = drill
        self.store = store
        self.save_progress = save_progress and not nbgrader_running()
        self.answers: dict[str, str] = {}
        self.index = 0
        self._restoring = False
        self.header = plain_html(
            f"<h3>{escape(drill.title)}</h3><p>{escape(drill.instructions)}</p>"
        )
        self.position = plain_html()
        self.item = plain_html()
        self.label = w.Dropdown(
            options=[("Choose a label…", None)] + [(label_name(lab), lab) for lab in labels()],
            value=None,
            description="Your label:",
            layout=w.Layout(width="auto"),
        )
        self.check_button = w.Button(
            description="Check this item",
            button_style="primary",
            tooltip="Compare your label with the expert label",
        )
        self.previous_button = w.Button(description="Previous item", tooltip="Go back one item")
        self.next_button = w.Button(description="Next item", tooltip="Go to the next item")
        self.results_button = w.Button(
            description="Show my agreement", tooltip="Percent agreement and Cohen's kappa so far"
        )
        self.item_feedback = live(plain_html())
        self.results = live(plain_html())
        self.check_button.on_click(lambda _: self.check())
        # the Next (or Previous) button is disabled at the last (first) item and would drop
        # the focus: move it on purpose to the new item's label
        self.previous_button.on_click(lambda _: self.step(-1))
        self.next_button.on_click(lambda _: self.step(1))
        self.results_button.on_click(lambda _: self.show_results())
        buttons = w.HBox(
            [self.check_button, self.previous_button, self.next_button, self.results_button],
            layout=w.Layout(flex_flow="row wrap"),
        )
        self.widget = root(
            [
                self.header,
                self.position,
                self.item,
                self.label,
                buttons,
                self.item_feedback,
                self.results,
            ],
            "drill",
        )
        self.go(self._restore())

    @classmethod
    def from_name(cls, name: str = "mi-labels", **kwargs: Any) -> CodingDrillWidget:
        return cls(load_drill(name), **kwargs)

    def go(self, index: int) -> None:
        self.index = max(0, min(len(self.drill.items) - 1, index))
        item = self.drill.items[self.index]
        self.position.value = (
            f"<p><strong>Item {self.index + 1} of {len(self.drill.items)}"
            f"</strong> ({len(self.answers)} labelled)</p>"
        )
        context = (
            f"<p><strong>Participant:</strong> “{escape(item.participant)}”</p>"
            if item.participant
            else ""
        )
        self.item.value = f"{context}<p><strong>Facilitator:</strong> “{escape(item.response)}”</p>"
        self.label.value = self.answers.get(item.id)
        self.item_feedback.value = ""
        self.previous_button.disabled = self.index == 0
        self.next_button.disabled = self.index == len(self.drill.items) - 1
        self._save_position()

    def step(self, by: int) -> None:
        self.go(self.index + by)
        focus_on(self.label)

    def check(self) -> bool | None:
        item = self.drill.items[self.index]
        if self.label.value is None:
            self.item_feedback.value = message_html("todo", "Choose a label first.")
            return None
        self.answers[item.id] = self.label.value
        agreed = self.label.value == item.label
        expert = escape(label_name(item.label))
        if agreed:
            body = f"<strong>Agreed:</strong> {badge(label_name(item.label), 'good')}. "
        else:
            body = (
                f"<strong>The expert label is {expert}</strong>; you chose "
                f"{escape(label_name(self.label.value))}. "
            )
        self.item_feedback.value = message_html(
            "good" if agreed else "weak", body + escape(item.why)
        )
        self.position.value = (
            f"<p><strong>Item {self.index + 1} of {len(self.drill.items)}"
            f"</strong> ({len(self.answers)} labelled)</p>"
        )
        self._save_position()
        return agreed

    def result(self) -> DrillResult:
        return self.drill.score(self.answers)

    def show_results(self) -> DrillResult:
        result = self.result()
        self.results.value = result_html(result)
        if self.save_progress and result.answered:
            store = self.store or ProgressStore()
            try:
                store.record_drill(
                    self.drill.id, result.agreement, result.kappa, len(result.answered)
                )
            except OSError as exc:
                self.results.value += message_html("todo", escape(str(exc)))
            for notice in store.notices:  # e.g. a damaged progress file set aside by this save
                self.results.value += message_html("info", escape(notice))
            store.notices.clear()
        return result

    # -- resuming after a reload ----------------------------------------------------------------
    @property
    def resume_key(self) -> str:
        return f"drill/{self.drill.id}"

    def _restore(self) -> int:
        """Put back the saved labels (only for items and labels that still exist) and return
        the item to show: where the learner was."""
        self._restoring = True
        if not self.save_progress:
            return 0
        state = load_state(store_or_default(self.store), self.resume_key)
        known = {item.id for item in self.drill.items}
        allowed = set(labels())
        answers = state.get("answers")
        if isinstance(answers, dict):
            self.answers = {
                k: v
                for k, v in answers.items()
                if k in known and isinstance(v, str) and v in allowed
            }
        position = state.get("position")
        return position if isinstance(position, int) else 0

    def _save_position(self) -> None:
        if not self.save_progress or self._restoring:
            self._restoring = False  # the first go() after building only shows the item
            return
        state = {"position": self.index, "answers": self.answers}
        self.item_feedback.value += save_position(self.store, self.resume_key, state)

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a frontend
        from IPython.display import display

        display(self.widget)
