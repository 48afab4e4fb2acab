"""The self-check page: a module's graded exercise answered with widgets and checked at once.

A thin view over `self_check` (which reads the items from the exercise itself). Each item has its
own Check button and a feedback region that is updated in place (a live region, see the course
template) with a verdict word, never a symbol or a colour alone. The learner's answers and the
score are saved under `selfcheck/<module>` and restored after a reload; the home page shows the
score. Nothing goes to a trainer: the graded exercise is handed in from JupyterLab or the hub.

When the course keeps the key back (`self_check: {reveal_answers: false}` in course.yml, for
graded cohorts) the same page only records each answer and says the trainer's feedback will show
the right one: there is no key, scheme or explanation to show, because none was loaded.
"""

from __future__ import annotations

import re
from typing import Any

import ipywidgets as w

from ..answers import word_count
from ..course import Course, load_course
from ..htmlsafe import escape
from ..navigation import module_label
from ..progress import ProgressStore
from ..safety import crisis_banner_html, mentions_distress
from ..self_check import (
    ChoiceItem,
    Item,
    ReplyItem,
    SelfCheckUnavailable,
    WrittenItem,
    check_typed_reply,
    module_items,
    self_check_key,
    total_points,
)
from .resume import load_state, save_position, store_or_default
from .style import live, message_html, nbgrader_running, root

RECORDED = (
    "<strong>Answer recorded.</strong> Your trainer's feedback will show the right answer and "
    "why, once you hand in the graded exercise."
)


def markdown_html(text: str) -> str:
    """The exercise's markdown as HTML; raw HTML in it is escaped, not rendered."""
    import mistune

    return str(mistune.create_markdown(escape=True)(text))


_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|\*|__)(\S(?:.*?\S)?)\1(?![\w*])")


def _plain(text: str) -> str:
    """An option as plain text: a radio button's label shows Markdown's `*you*` literally."""
    return _EMPHASIS.sub(r"\2", text)


class ItemView:
    """One item: its question, an answer control, a Check button and the feedback."""

    def __init__(self, item: Item, number: int, on_check: Any, reveal: bool = True) -> None:
        self.item = item
        self.reveal = reveal
        self.points: int | None = None  # earned when checked, None before
        self.recorded = False  # answered while the course keeps the key back
        self.feedback = live(w.HTML())
        self.check_button = w.Button(
            description=f"{'Check' if reveal else 'Record'} {item.title.lower()}",
            button_style="primary",
            tooltip="Show whether your answer is right, and why"
            if reveal
            else "Record your answer; your trainer's feedback shows the right one",
        )
        self.check_button.on_click(lambda _: on_check(self))
        self.mark: Any = None
        heading = f"<h2>{escape(item.title)}</h2>"
        if isinstance(item, ChoiceItem):
            self.control: Any = w.RadioButtons(
                options=[(f"{letter}. {_plain(text)}", letter) for letter, text in item.options],
                value=None,
                description=f"Your answer to {item.title.lower()}:",
                layout=w.Layout(width="100%"),
            )
            self.control.add_class("fc-wide-label")
            question = markdown_html(item.stem)
        elif isinstance(item, ReplyItem):
            self.control = w.Textarea(
                description="Your reply:",
                placeholder="Type what you would say",
                layout=w.Layout(width="98%", height="80px"),
            )
            self.control.add_class("fc-stacked")
            question = markdown_html(item.task)
        else:
            self.control = w.Textarea(
                description="Your answer:",
                placeholder=f"{item.min_words} to {item.max_words} words",
                layout=w.Layout(width="98%", height="160px"),
            )
            self.control.add_class("fc-stacked")
            if reveal:
                self.check_button.description = "Compare with the mark scheme"
            self.mark = w.Dropdown(
                options=[("not marked yet", None)]
                + [(f"{n} of {item.points}", n) for n in range(item.points + 1)],
                value=None,
                description="Your own mark:",
                layout=w.Layout(display="none"),
            )
            self.mark.observe(lambda _: on_check(self, marking=True), names="value")
            if not reveal:
                self.mark = None  # no scheme to mark against: the trainer marks it
            question = markdown_html(item.task)
        self.widget = w.VBox(
            [w.HTML(heading + question), self.control, self.check_button, self.feedback]
            + ([self.mark] if self.mark is not None else [])
        )
        self.widget.add_class("fc-selfcheck-item")

    def answer(self) -> str:
        return "" if self.control.value is None else str(self.control.value)

    def check(self) -> None:
        """Judge the answer and show the verdict; sets `points` (None for an unmarked written
        answer, which the learner marks against the scheme)."""
        item = self.item
        if not self.reveal:
            self._record()
        elif isinstance(item, ChoiceItem):
            self._check_choice(item)
        elif isinstance(item, ReplyItem):
            self._check_reply(item)
        else:
            self._show_scheme(item)

    def _record(self) -> None:
        """Keep-the-key mode: say the answer is recorded, never whether it is right."""
        text = self.answer()
        words = word_count(text)
        if not text.strip() or (not isinstance(self.item, ChoiceItem) and words < 3):
            self.recorded = False
            todo = (
                "Not answered yet: choose one option."
                if isinstance(self.item, ChoiceItem)
                else "Not answered yet: write your answer in full sentences."
            )
            self.feedback.value = message_html("todo", todo)
            return
        self.recorded = True
        banner = crisis_banner_html() if mentions_distress(text) else ""
        length = ""
        if isinstance(self.item, WrittenItem):
            length = escape(
                f" Your answer has {words} words (asked: {self.item.min_words} to "
                f"{self.item.max_words})."
            )
        self.feedback.value = banner + message_html("info", RECORDED + length)

    def _check_choice(self, item: ChoiceItem) -> None:
        chosen = self.control.value
        right = f"{item.correct}. {escape(_plain(item.option_text(item.correct)))}"
        why = f"<br><em>Why:</em> {escape(item.why)}" if item.why else ""
        if chosen is None:
            self.points = None
            self.feedback.value = message_html("todo", "Not answered yet: choose one option.")
        elif chosen == item.correct:
            self.points = item.points
            self.feedback.value = message_html("good", f"<strong>Right.</strong> {right}{why}")
        else:
            self.points = 0
            self.feedback.value = message_html(
                "weak",
                f"<strong>Not right.</strong> You chose {escape(chosen)}. "
                f"The best answer is {right}{why}",
            )

    def _check_reply(self, item: ReplyItem) -> None:
        text = self.answer()
        result = check_typed_reply(item, text)
        banner = crisis_banner_html() if mentions_distress(text) else ""
        if result.verdict == "Not answered yet":
            self.points = None
            self.feedback.value = banner + message_html("todo", escape(result.explanation))
            return
        self.points = result.points
        tone = "good" if result.meets else "todo" if result.meets is None else "weak"
        reads = (
            f" It reads as <strong>{escape(result.reads_as)}</strong>." if result.reads_as else ""
        )
        self.feedback.value = banner + message_html(
            tone,
            f"<strong>{escape(result.verdict)}.</strong>{reads} {escape(result.explanation)}"
            f"<br><em>The rule for the point:</em> {escape(result.rule)}",
        )

    def _show_scheme(self, item: WrittenItem) -> None:
        text = self.answer()
        words = word_count(text)
        banner = crisis_banner_html() if mentions_distress(text) else ""
        length = f"Your answer has {words} words (asked: {item.min_words} to {item.max_words})."
        self.feedback.value = banner + message_html(
            "info",
            f"<strong>Compare.</strong> {escape(length)} Read the mark scheme and give yourself "
            f"a mark below: your trainer marks it the same way.<div class='fc-scheme'>"
            f"{markdown_html(item.scheme)}</div>",
        )
        self.mark.layout.display = None
        self.points = self.mark.value


class SelfCheck:
    """Build with `SelfCheck("01-motivational-interviewing")`; display it or use `.widget`."""

    def __init__(
        self, module_id: str, store: ProgressStore | None = None, course: Course | None = None
    ) -> None:
        self.course = course or load_course()
        self.module = self.course.module(module_id)
        self.store = store
        self.save_progress = not nbgrader_running()
        self.score = live(w.HTML())
        self.status = w.HTML()
        self._restoring = False
        label = module_label(self.course, self.module)
        self.reveal = self.course.self_check.reveal_answers
        how = (
            "checked as soon as you answer. Nothing is sent to anyone; your answers and score "
            "are saved on this computer."
            if self.reveal
            else "to answer at your own pace. Your course keeps the right answers for your "
            "trainer's feedback, so this page records your answers without marking them. "
            "Nothing is sent to anyone; your answers are saved on this computer."
        )
        intro = w.HTML(
            f"<p>Test yourself on {escape(label)}: the questions of its graded exercise, "
            f"{how}</p><p><strong>This is not the graded "
            "exercise.</strong> To hand it in to a trainer, open "
            f'<a href="01-exercise.ipynb">the graded exercise for {escape(label)}</a> in '
            "JupyterLab (<code>facilitator-course lab</code>) or on your course's hub.</p>"
        )
        try:
            items = module_items(self.course, self.module, self.reveal)
        except SelfCheckUnavailable as exc:
            self.items: list[ItemView] = []
            self.widget = root([intro, w.HTML(message_html("todo", escape(str(exc))))], "selfcheck")
            return
        self.total = total_points(items)
        self.items = [
            ItemView(item, n, self.on_check, self.reveal) for n, item in enumerate(items, start=1)
        ]
        self.widget = root(
            [intro, *(view.widget for view in self.items), self.score, self.status], "selfcheck"
        )
        self._restore()
        self.show_score()

    def on_check(self, view: ItemView, marking: bool = False) -> None:
        if marking:
            view.points = view.mark.value
        else:
            view.check()
        self.show_score()
        self._save()

    def earned(self) -> int:
        return sum(v.points or 0 for v in self.items)

    def checked(self) -> int:
        return sum(1 for v in self.items if v.points is not None or v.recorded)

    def show_score(self) -> None:
        if not self.reveal:
            self.score.value = (
                f"<h2>Your answers</h2><p><strong>{self.checked()} of {len(self.items)} "
                "questions answered.</strong> Your trainer's feedback on the graded exercise "
                "gives your score.</p>"
            )
            return
        self.score.value = (
            f"<h2>Your score</h2><p><strong>{self.earned()} of {self.total} points</strong>, "
            f"{self.checked()} of {len(self.items)} questions checked.</p>"
        )

    # -- saving and resuming --------------------------------------------------------------------
    def _save(self) -> None:
        if not self.save_progress or self._restoring:
            return
        state = {
            "answers": {v.item.id: v.answer() for v in self.items if v.answer()},
            "checked": {v.item.id: v.points for v in self.items if v.points is not None},
            "opened": [
                v.item.id
                for v in self.items
                if v.mark is not None and v.mark.layout.display != "none"
            ],
            "recorded": [v.item.id for v in self.items if v.recorded],
            "score": self.earned(),
            "total": self.total if self.reveal else 0,
            "items_checked": self.checked(),
            "items": len(self.items),
        }
        self.status.value = save_position(self.store, self_check_key(self.module.id), state)

    def _restore(self) -> None:
        if not self.save_progress:
            return
        state = load_state(store_or_default(self.store), self_check_key(self.module.id))
        answers = state.get("answers") if isinstance(state.get("answers"), dict) else {}
        checked = state.get("checked") if isinstance(state.get("checked"), dict) else {}
        opened = state.get("opened") if isinstance(state.get("opened"), list) else []
        recorded = state.get("recorded") if isinstance(state.get("recorded"), list) else []
        self._restoring = True
        try:
            for view in self.items:
                value = answers.get(view.item.id)
                if isinstance(value, str):
                    if isinstance(view.item, ChoiceItem):
                        if value in dict(view.item.options):
                            view.control.value = value
                    else:
                        view.control.value = value[:20000]
                if not self.reveal:
                    if view.item.id in recorded:
                        view.check()
                    continue
                if view.item.id in checked or view.item.id in opened:
                    view.check()
                    if isinstance(view.item, WrittenItem):
                        mark = checked.get(view.item.id)
                        if isinstance(mark, int) and 0 <= mark <= view.item.points:
                            view.mark.value = mark
                        view.points = view.mark.value
        finally:
            self._restoring = False

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a frontend
        from IPython.display import display

        display(self.widget)


def show_self_check(module_id: str) -> SelfCheck:
    """Notebook entry point for a module's generated self-check page."""
    return SelfCheck(module_id)
