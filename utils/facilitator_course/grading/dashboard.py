"""The cohort dashboard behind course/dashboard.ipynb (in JupyterLab or as a Voilà page).

The notebook holds one-line calls; everything else is here so it can be tested. The course folder
comes from $FACILITATOR_COURSE_DIR because a Voilà page takes no arguments; without it the page
explains how to point it at a cohort instead of failing, which is also what the test suite sees
when it executes every notebook under course/.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..htmlsafe import escape
from . import dashboard_html as views
from .cohort_report import (
    CohortReport,
    build_report,
    excel_available,
    export_csv,
    export_excel,
    report_from_data,
)
from .coursedir import COURSE_DIR_ENV
from .demo import demo_cohort, is_demo

HOW_TO = (
    "This dashboard reads a trainer's course folder (the one created by "
    "<code>facilitator-course release --course-dir DIR</code>). Point it at one with the "
    f"environment variable <code>{COURSE_DIR_ENV}</code>, then open the page again, for example:"
    f"<br><code>{COURSE_DIR_ENV}=~/cohort-2026-spring voila course/dashboard.ipynb</code>"
    f"<br>or, in JupyterLab, start Lab with that variable set. The folder holds personal data: "
    "keep it outside the course repository. To see what the dashboard shows first, use the "
    f"invented demo cohort: <code>{COURSE_DIR_ENV}=demo</code>."
)


def _display(html: str) -> None:
    from IPython.display import HTML, display

    if html:
        display(HTML(html))


class CohortDashboard:
    """One cohort's report, shown section by section; every method is a no-op without one."""

    def __init__(self, report: CohortReport | None, notice: str = "") -> None:
        self.report = report
        self.notice = notice

    @classmethod
    def load(cls, course_dir: str | os.PathLike[str] | None = None) -> CohortDashboard:
        """Build the report for a course folder (default: $FACILITATOR_COURSE_DIR)."""
        from ..course import load_course

        chosen = course_dir or os.environ.get(COURSE_DIR_ENV, "")
        if not chosen:
            return cls(None, views.message("No course folder configured", HOW_TO))
        if is_demo(chosen):
            return cls(report_from_data(demo_cohort(load_course())))
        root = Path(chosen).expanduser().resolve()
        if not (root / "nbgrader_config.py").is_file():
            return cls(
                None,
                views.message(
                    "Not a course folder",
                    f"<code>{escape(str(root))}</code> has no nbgrader_config.py. {HOW_TO}",
                ),
            )
        try:
            report = build_report(load_course(), root)
        except Exception as exc:  # show a sentence, not a traceback, to a trainer in a browser
            return cls(
                None,
                views.message(
                    "The course folder could not be read",
                    f"{escape(type(exc).__name__)}: {escape(exc)}",
                ),
            )
        notice = ""
        if report.data.submissions.empty or not report.data.trainees:
            notice = views.message(
                "Nothing collected yet",
                "No submissions in this course folder yet: run "
                "<code>facilitator-course collect</code> and <code>autograde</code> first.",
            )
        return cls(report, notice)

    def summary(self) -> None:
        if self.notice:
            _display(self.notice)
        if self.report is not None:
            _display(views.summary(self.report))

    def _show(self, view) -> None:
        if self.report is not None and self.report.data.trainees:
            _display(view(self.report))

    def welfare(self) -> None:
        self._show(views.welfare)

    def scores(self) -> None:
        self._show(views.scores)

    def completion(self) -> None:
        self._show(views.completion)

    def competencies(self) -> None:
        self._show(views.competencies)

    def items(self) -> None:
        self._show(views.items)

    def mi_profiles(self) -> None:
        self._show(views.mi_profiles)

    def certification(self) -> None:
        self._show(views.certification)

    def faults(self) -> None:
        self._show(views.faults)

    def trainee_record(self, trainee: str | None = None) -> None:
        """One trainee's whole record (trainee_record.py), chosen from a list of trainee IDs.

        Nothing is built until a trainee is chosen, so the page opens as fast as before.
        """
        if self.report is None or not self.report.data.trainees:
            return
        import ipywidgets as widgets
        from IPython.display import display

        from .trainee_record import record_html
        from .trainee_record import trainee_record as build_record

        report = self.report
        trainees = sorted(report.data.trainees)
        picker = widgets.Dropdown(
            options=trainees,
            value=trainee if trainee in trainees else None,
            description="Trainee",
        )
        shown = widgets.HTML(
            views.wrap("<p class='fc-note'>Choose a trainee to see their whole record.</p>")
        )

        def show(_: object = None) -> None:
            if picker.value is None:
                return
            try:
                shown.value = record_html(build_record(report, str(picker.value)))
            except Exception as exc:  # a sentence on the page, never a traceback
                shown.value = views.message("The record could not be shown", escape(exc))

        picker.observe(show, names="value")
        show()
        _display(views.wrap("<h2>One trainee's record</h2>"))
        display(widgets.VBox([picker, shown]))

    def export_controls(self) -> None:
        """A button that writes the tables as CSV (and Excel if openpyxl is installed)."""
        if self.report is None or not self.report.data.trainees or self.report.is_demo:
            return
        import ipywidgets as widgets
        from IPython.display import display

        report = self.report
        target = report.data.course_root / "exports"
        button = widgets.Button(
            description="Export CSV" + (" and Excel" if excel_available() else ""),
            button_style="primary",
            icon="download",
            tooltip=f"Write the tables to {target}",
        )
        result = widgets.HTML(
            value=views.wrap(
                f"<p class='fc-note'>Writes one CSV per table to <code>{escape(str(target))}</code>"
                " (trainee IDs only).</p>"
            )
        )

        def on_click(_: object) -> None:
            result.value = export_message(report)

        button.on_click(on_click)
        _display(views.wrap("<h2>Export</h2>"))
        display(widgets.VBox([button, result]))


def export_message(report: CohortReport) -> str:
    """Write the CSV (and Excel) exports; the HTML sentence saying what was written, or why not."""
    target = report.data.course_root / "exports"
    try:
        written = export_csv(report)
        workbook = export_excel(report)
    except Exception as exc:  # a full disk, a read-only folder: say so on the page
        return views.wrap(f"<p class='fc-note'>Export failed: {escape(exc)}</p>")
    names = ", ".join(p.name for p in written)
    extra = f" and {workbook.name}" if workbook else " (Excel skipped: openpyxl not installed)"
    return views.wrap(
        f"<p class='fc-note'>Wrote {escape(names)}{escape(extra)} to "
        f"<code>{escape(str(target))}</code>.</p>"
    )


def open_dashboard(course_dir: str | os.PathLike[str] | None = None) -> CohortDashboard:
    """Load the cohort and show its summary (or how to configure the page)."""
    dashboard = CohortDashboard.load(course_dir)
    dashboard.summary()
    return dashboard
