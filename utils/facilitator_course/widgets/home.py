"""The home page dashboard: the module map, the learner's progress, where to continue, and the
learner's control over their saved progress (export, reset, delete, each confirmed first).

A thin view over `learner_progress` (what was done) and `ProgressStore` (the same export, reset
and delete that `facilitator-course progress` uses). Everything shown comes from the course
definition, the lesson notebooks and the progress file, and all of it is escaped: a
hand-edited progress file must not put markup on the page. No names are ever shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as w

from ..answers import in_web_app
from ..course import Course, load_course
from ..htmlsafe import escape
from ..learner_progress import (
    ModuleProgress,
    PracticeStatus,
    continue_with,
    course_progress,
    is_first_visit,
)
from ..navigation import crisis_link_html, lesson_href, module_label
from ..progress import ProgressStore
from ..self_check import self_check_file
from .style import message_html, root

HOW_IT_WORKS = (
    "<ol><li>Open a module below and read its lesson. Modules build on each other, so start "
    "with Module 0.</li><li>Try the practice in each lesson (sorting, role-plays, worksheets, "
    "the coding drill, meeting simulations): every answer gets instant, explained feedback."
    "</li><li>Your practice is saved on this computer as you go, so you can close the page and "
    "pick up where you left off. Nothing is sent anywhere.</li><li>Test yourself with each module's "
    "self-check: the questions of its graded exercise, checked at once. Handing in the graded "
    "exercise to a trainer is done in JupyterLab or on your course's hub.</li><li>Come back here to see your "
    "progress. Each lesson has links to the previous and next module and back home.</li></ol>"
)
CONFIRM = {
    "reset": "Clear all your saved practice and worksheet drafts? The course stays as it is.",
    "delete": "Delete your progress file and any backups of it from this computer?",
}
HOME_CSS = (
    "<style>.fc-home a:link,.fc-home a:visited{text-decoration:underline;color:#0b57d0}"
    ".fc-progress-map td,.fc-progress-map th{text-align:left;vertical-align:top;"
    "padding:6px 10px;border-bottom:1px solid #cfd8dc}.fc-progress-map{border-collapse:collapse;"
    "font-size:15px;width:100%}.fc-progress-map ul{margin:0;padding-left:1.1em}"
    ".fc-continue{font-size:16px;padding:8px 12px;background:#e3f2fd;border-left:4px solid "
    "#0b57d0;margin:6px 0}.fc-how{font-size:15px;margin:6px 0}.fc-how li{margin:2px 0}"
    # phone width: one column, each module a block (the header row would squeeze the text)
    "@media (max-width:600px){.fc-progress-map thead{display:none}.fc-progress-map tr,"
    ".fc-progress-map td{display:block}}</style>"
)


def practice_list_html(module: ModuleProgress) -> str:
    items = "".join(
        f"<li>{_status_word(p)}: {escape(p.practice.name)} <small>({escape(p.detail)})</small></li>"
        for p in module.practice
    )
    return f"<ul class='fc-practice-list'>{items}</ul>" if items else ""


def _status_word(status: PracticeStatus) -> str:
    """A symbol and a word: colour and symbols are never the only signal."""
    if status.done:
        return "✔ Done"
    return "◐ Started" if status.updated else "○ To do"


def module_row_html(course: Course, module: ModuleProgress, web_app: bool) -> str:
    m = module.module
    label = module_label(course, m)
    short = label.split(":")[0]  # "Module 1 · Motivational interviewing"
    outcomes = "".join(f"<li>{escape(o)}</li>" for o in m.outcomes)
    exercise = next((nb.file for nb in m.notebooks if nb.kind == "exercise"), None)
    graded = ""
    if exercise:
        graded = (
            f'<br><a href="{escape(m.id)}/{escape(self_check_file(m))}">Self-check: '
            f"{escape(short)}</a>"
        )
        if web_app:
            graded += "<br><small>Graded exercise: in JupyterLab, or ask your trainer</small>"
        else:
            graded += (
                f'<br><a href="{escape(m.id)}/{escape(exercise)}">Graded exercise: '
                f"{escape(short)}</a>"
            )
    total = len(module.practice)
    summary = f"{module.done} of {total} practice done" if total else "reading only"
    check = ""
    if module.self_check is not None:
        check = f"<p>Self-check: {escape(module.self_check.detail)}</p>"
    return (
        f'<tr><td><a href="{lesson_href(m, False)}"><strong>'
        f"{escape(label)}</strong></a><br><small>About {module.minutes} "
        f"minutes</small>{graded}</td><td><ul>{outcomes}</ul></td><td><strong>"
        f"{escape(summary)}</strong>{practice_list_html(module)}{check}</td></tr>"
    )


def dashboard_html(course: Course, progress: dict[str, Any], web_app: bool = False) -> str:
    """The whole dashboard as HTML (everything but the buttons)."""
    modules = course_progress(course, progress)
    first = is_first_visit(progress)
    how = (
        f"<details class='fc-how'{' open' if first else ''}><summary><strong>How this course "
        f"works</strong></summary>{HOW_IT_WORKS}</details>"
    )
    nxt = continue_with(modules)
    if nxt is None:
        start = modules[0].module
        lead = (
            f"<p class='fc-continue'>Start here: <a href=\"{lesson_href(start, False)}\">"
            f"{escape(module_label(course, start))}</a></p>"
        )
    else:
        lead = (
            f"<p class='fc-continue'>Continue where you left off: <a href=\""
            f'{lesson_href(nxt.module, False)}">{escape(module_label(course, nxt.module))}'
            f"</a> ({nxt.done} of {len(nxt.practice)} practice done)</p>"
        )
    rows = "".join(module_row_html(course, m, web_app) for m in modules)
    done = sum(m.done for m in modules)
    total = sum(len(m.practice) for m in modules)
    return (
        f"{HOME_CSS}<h2>Your course</h2>{how}{lead}<p>Practice done across the course: "
        f"<strong>{done} of {total}</strong>.</p>"
        "<table class='fc-progress-map fc-course-map'><caption style='text-align:left;font-weight:bold'>"
        "Modules in order</caption><thead><tr><th scope='col'>Module</th><th scope='col'>"
        "You will be able to…</th><th scope='col'>Your progress</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{crisis_link_html()}"
    )


def export_folder() -> Path:
    """Where an export goes: the Downloads folder when there is one, else the home folder."""
    downloads = Path.home() / "Downloads"
    return downloads if downloads.is_dir() else Path.home()


class HomeDashboard:
    """Build with `HomeDashboard()`; `store` (tests) is the progress file to show and manage."""

    def __init__(self, store: ProgressStore | None = None, course: Course | None = None) -> None:
        self.store = store or ProgressStore()
        self.course = course or load_course()
        self.board = w.HTML()
        self.message = w.HTML()
        self.export_button = w.Button(
            description="Export my progress", tooltip="Save a copy of your progress as a file"
        )
        self.reset_button = w.Button(
            description="Reset my progress…", tooltip="Clear your saved practice (asks first)"
        )
        self.delete_button = w.Button(
            description="Delete my progress…", tooltip="Remove your progress file (asks first)"
        )
        self.question = w.HTML()
        self.yes_button = w.Button(button_style="danger", layout=w.Layout(width="auto"))
        self.cancel_button = w.Button(description="Cancel", tooltip="Keep everything as it is")
        self.confirm_box = w.VBox(
            [self.question, w.HBox([self.yes_button, self.cancel_button])],
            layout=w.Layout(display="none"),
        )
        self.pending: str | None = None
        self.export_button.on_click(lambda _: self.export())
        self.reset_button.on_click(lambda _: self.ask("reset"))
        self.delete_button.on_click(lambda _: self.ask("delete"))
        self.yes_button.on_click(lambda _: self.confirm())
        self.cancel_button.on_click(lambda _: self.cancel())
        controls = w.VBox(
            [
                w.HTML(
                    "<h3>Your saved progress</h3><p>It is kept only on this computer, in "
                    f"<code>{escape(str(self.store.path))}</code>.</p>"
                ),
                w.HBox(
                    [self.export_button, self.reset_button, self.delete_button],
                    layout=w.Layout(flex_flow="row wrap"),
                ),
                self.confirm_box,
                self.message,
            ]
        )
        self.widget = root([self.board, controls], "home")
        self.refresh()

    def refresh(self) -> None:
        try:
            progress = self.store.load(repair=False)
        except OSError:  # load reports problems as notices; this is belt and braces
            progress = {}
        self.board.value = dashboard_html(self.course, progress, web_app=in_web_app())
        notices = "".join(message_html("info", escape(n)) for n in self.store.notices)
        self.store.notices.clear()
        if notices:
            self.message.value = notices

    def export(self, destination: Path | None = None) -> Path | None:
        try:
            target = self.store.export(destination or export_folder())
        except OSError as exc:
            self.message.value = message_html(
                "todo", f"Could not export your progress: {escape(exc.strerror or str(exc))}."
            )
            return None
        self.message.value = message_html(
            "good", f"Exported your progress to <code>{escape(str(target))}</code>."
        )
        return target

    def ask(self, action: str) -> None:
        self.pending = action
        self.question.value = f"<p><strong>{escape(CONFIRM[action])}</strong></p>"
        self.yes_button.description = f"Yes, {action} my progress"
        self.confirm_box.layout.display = None
        self.message.value = ""
        self.yes_button.focus()

    def cancel(self) -> None:
        self.pending = None
        self.confirm_box.layout.display = "none"
        self.message.value = message_html("info", "Nothing was changed.")

    def confirm(self) -> None:
        action, self.pending = self.pending, None
        self.confirm_box.layout.display = "none"
        try:
            if action == "reset":
                self.store.reset()
                self.message.value = message_html("good", "Your progress was cleared.")
            elif action == "delete":
                removed = self.store.delete()
                self.message.value = message_html(
                    "good",
                    f"Deleted {len(removed)} file(s)."
                    if removed
                    else "There was nothing to delete.",
                )
        except OSError as exc:
            self.message.value = message_html(
                "todo",
                f"Could not {escape(str(action))} your progress: "
                f"{escape(exc.strerror or str(exc))}. Nothing was changed.",
            )
        self.refresh()

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a frontend
        from IPython.display import display

        display(self.widget)


def show_home() -> HomeDashboard:
    """Notebook entry point for course/home.ipynb."""
    return HomeDashboard()
