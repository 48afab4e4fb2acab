"""One trainee's whole record: every item as its question, their answer, the score and how.

A trainer answering "why did I get 0 here?" or deciding an appeal needs one page per trainee,
not five tables: each graded item shown by its question (not a grade id like `m4_rp1_newcomer`),
what the trainee typed (role-play replies included), the score and how it was reached (the
autograder's reading, the coder's label, a trainer's mark or override, a reply left to the
trainer), the trainer's comments, the days late under the course's late policy, and the
certification decision with every reason. `report --trainee ID` prints it; the dashboard and
`report --trainee ID --html FILE` show it as an HTML page, every text escaped. A capstone handed
in is shown in full (capstone_view.py): its status, checklist, competency levels, MI profile, typed
moves and any rating the trainer overrode, with the reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..answers import read_choice
from ..htmlsafe import escape
from .cohort import NOT_HANDED_IN
from .cohort_report import CohortReport
from .item_text import ItemText, module_items
from .late_policy import late_policy
from .notebook_text import source_folder

if TYPE_CHECKING:
    from .capstone_results import Capstone


@dataclass
class RecordItem:
    module: str
    item: str
    question: str
    kind: str
    answer: str
    score: float | None
    max_score: float
    how: str
    overridden: bool = False
    comment: str = ""


@dataclass
class RecordModule:
    module: str
    title: str
    status: str
    percent: float | None
    late_days: float


@dataclass
class TraineeRecord:
    trainee: str
    modules: list[RecordModule] = field(default_factory=list)
    items: list[RecordItem] = field(default_factory=list)
    status: str = ""
    reasons: list[str] = field(default_factory=list)
    mi_level: str = ""
    late_policy: str = ""
    capstones: list[Capstone] = field(default_factory=list)


class UnknownTrainee(LookupError):
    """No such trainee in the course folder; the message lists the known IDs."""


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _points(value: object) -> str:
    return "" if _missing(value) else f"{float(value):g}"  # type: ignore[arg-type]


def _how(
    kind: str, grade: dict, text: ItemText | None, answer: str, coded: str, left: str = ""
) -> str:
    """How the score was reached, in a sentence."""
    auto, manual = grade.get("auto_score"), grade.get("manual_score")
    if grade.get("needs_manual_grade"):
        return "waiting for the trainer's mark" + (f" ({left})" if left else "")
    if kind == "written":
        return "marked by the trainer"  # an unmarked written answer needs a manual grade
    if not _missing(manual):
        before = f"; the autograder gave {_points(auto)}" if not _missing(auto) else ""
        return f"set by the trainer (override){before}"
    if kind == "choice":
        letter = read_choice(answer).letter
        right = (text.right or "").strip().upper() if text else ""
        read = f"read as {letter}" if letter else "no option could be read"
        return (
            f"autograded: {read}; the right answer is {right}" if right else f"autograded: {read}"
        )
    if kind == "role-play":
        from ..coding.labels import LABEL_NAMES

        name = LABEL_NAMES.get(coded, coded)
        return f"autograded by the course's coder: reads as {name}" if coded else "autograded"
    return "autograded"


def _comments(report: CohortReport, trainee: str) -> dict[tuple[str, str], str]:
    """{(module, item): the trainer's comment} from the gradebook (a written answer's comment
    sits on its `_answer` cell)."""
    from nbgrader.api import Gradebook, MissingEntry

    from .backup import gradebook_path

    found: dict[tuple[str, str], str] = {}
    path = gradebook_path(report.data.course_root)
    if report.is_demo or not path.is_file():
        return found
    with Gradebook(f"sqlite:///{path}", report.data.course.id) as gb:
        for module in report.data.course.modules:
            try:
                submission = gb.find_submission(module.id, trainee)
            except MissingEntry:
                continue
            for notebook in submission.notebooks:
                for comment in notebook.comments:
                    text = (comment.manual_comment or "").strip()
                    if text:
                        item = comment.name.removesuffix("_answer")
                        found[(module.id, item)] = text
    return found


def _left_reasons(course_root: Path, trainee: str, module_id: str) -> dict[str, str]:
    """{item: why it was left to the trainer} (an ambiguous letter, a reply the coder could not
    judge), read from the autograded notebook."""
    from .manual_marks import left_for_trainer

    folder = Path(course_root) / "autograded" / trainee / module_id
    return {i.item: i.reason for i in left_for_trainer(folder)} if folder.is_dir() else {}


def trainee_record(report: CohortReport, trainee: str) -> TraineeRecord:
    """Everything the course folder knows about one trainee's graded work."""
    data = report.data
    if trainee not in data.trainees:
        known = ", ".join(data.trainees) or "none yet"
        raise UnknownTrainee(f"No trainee '{trainee}' in this course folder. Trainees: {known}.")
    policy = late_policy(data.course.root)
    record = TraineeRecord(trainee, late_policy=policy.describe())
    subs = data.submissions[data.submissions["trainee"] == trainee].set_index("module")
    grades = data.grades[data.grades["trainee"] == trainee]
    answers = {
        (row.module, row.item): row.answer or ""
        for row in data.answers[data.answers["trainee"] == trainee].itertuples()
    }
    coded = {
        (row.module, row.item): str(row.code)
        for row in report.coded.table[report.coded.table["trainee"] == trainee].itertuples()
    }
    comments = _comments(report, trainee)
    for module in data.course.modules:
        row = subs.loc[module.id]
        percent = None if _missing(row["percent"]) else float(row["percent"])
        record.modules.append(
            RecordModule(
                module.id,
                module.title,
                row["status"],
                percent,
                0.0 if _missing(row["late_days"]) else float(row["late_days"]),
            )
        )
        if row["status"] == NOT_HANDED_IN:
            continue
        texts = module_items(source_folder(data.course_root, data.course.solutions_dir, module.id))
        mine = {g["item"]: g for g in grades[grades["module"] == module.id].to_dict("records")}
        left = _left_reasons(data.course_root, trainee, module.id)
        for item in module.items:
            info = data.items.get((module.id, item.grade_id))
            kind = info.kind if info else "other"
            text = texts.get(item.grade_id)
            grade = mine.get(item.grade_id, {})
            answer = answers.get((module.id, item.grade_id), "")
            manual = grade.get("manual_score")
            record.items.append(
                RecordItem(
                    module=module.id,
                    item=item.grade_id,
                    question=text.label if text else item.grade_id,
                    kind=kind,
                    answer=answer,
                    score=None if not grade else float(grade["score"]),
                    max_score=float(grade.get("max_score") or 0),
                    how=_how(
                        kind,
                        grade,
                        text,
                        answer,
                        coded.get((module.id, item.grade_id), ""),
                        left.get(item.grade_id, ""),
                    )
                    if grade
                    else "no grade recorded",
                    overridden=kind != "written" and not _missing(manual),
                    comment=comments.get((module.id, item.grade_id), ""),
                )
            )
    from .capstone_results import capstone_for, capstone_modules

    record.capstones = [
        c for m in capstone_modules(data) if (c := capstone_for(data, trainee, m)) is not None
    ]
    if trainee in report.certification.index:
        record.status = str(report.certification.loc[trainee, "status"])
        record.reasons = list(report.certification.loc[trainee, "reasons"])
    if trainee in report.mi_profiles.index:
        level = report.mi_profiles.loc[trainee, "level"]
        record.mi_level = "" if _missing(level) else str(level)
    return record


# --- as text and as HTML ----------------------------------------------------------------------


def record_text(record: TraineeRecord) -> str:
    """The record for a terminal: modules, then every item, then certification."""
    from .text_table import format_table

    lines = [f"Trainee {record.trainee}", "=" * (8 + len(record.trainee)), record.late_policy, ""]
    rows = [
        [
            m.module,
            m.status,
            "" if m.percent is None else f"{m.percent:.0%}",
            f"{m.late_days:g} day(s) late" if m.late_days else "",
        ]
        for m in record.modules
    ]
    lines += [format_table(["module", "status", "score", "late"], rows, wrap=30), ""]
    rows = [
        [
            i.module.split("-")[0],
            i.question,
            i.answer or "(no answer)",
            f"{_points(i.score) or '-'}/{i.max_score:g}",
            i.how + (f"; comment: {i.comment}" if i.comment else ""),
        ]
        for i in record.items
    ]
    lines += [format_table(["mod", "question", "answer", "score", "how"], rows, wrap=34), ""]
    if record.capstones:
        from .capstone_view import capstone_text

        lines += [capstone_text(c) for c in record.capstones]
    lines.append(f"Certification: {record.status or 'unknown'}")
    lines += [f"  - {reason}" for reason in record.reasons]
    if record.mi_level:
        lines.append(f"MI profile: {record.mi_level}")
    return "\n".join(lines) + "\n"


def _as_read(answer: str) -> str:
    """The answer's lines without the indentation a notebook's quotes add; its words unchanged."""
    lines = [line.strip() for line in (answer or "").strip().splitlines()]
    return "\n".join(lines) or "(no answer)"


def record_html(record: TraineeRecord) -> str:
    """The record as escaped HTML for the dashboard (inside its `.fc-dash` styles)."""
    from . import dashboard_html as views

    module_rows = [
        [
            views._td(escape(m.module)),
            views._td(escape(m.title)),
            views._td(escape(m.status)),
            views._td(escape("" if m.percent is None else f"{m.percent:.0%}"), "fc-num"),
            views._td(
                escape(f"{m.late_days:g} day(s) late") if m.late_days else "",
                "fc-wait" if m.late_days else "",
            ),
        ]
        for m in record.modules
    ]
    item_rows = []
    for i in record.items:
        full = i.score is not None and i.score >= i.max_score
        css = (
            "fc-wait" if i.score is None or "waiting" in i.how else "fc-pass" if full else "fc-fail"
        )
        how = escape(i.how)
        if i.overridden:
            how = "<span class='fc-tag'>override</span> " + how
        if i.comment:
            how += f"<br><em>Comment:</em> {escape(i.comment)}"
        item_rows.append(
            [
                views._td(escape(i.module)),
                views._td(f"{escape(i.question)}<br><span class='fc-none'>{escape(i.kind)}</span>"),
                views._td(
                    f"<span style='white-space:pre-line'>{escape(_as_read(i.answer))}</span>"
                ),
                views._td(escape(f"{_points(i.score) or '-'} / {i.max_score:g}"), css),
                views._td(how),
            ]
        )
    from .capstone_view import capstone_html

    capstones = "".join(capstone_html(c) for c in record.capstones)
    status_css = "fc-status-certified" if not record.reasons else "fc-status-notyet"
    reasons = "".join(f"<li>{escape(r)}</li>" for r in record.reasons)
    body = (
        f"<h2>Trainee {escape(record.trainee)}</h2>"
        f"<p class='fc-note'>{escape(record.late_policy)}</p>"
        + views._table(["module", "title", "status", "score", "late"], module_rows)
        + "<h2>Every graded item</h2>"
        + views._table(["module", "question", "answer", "score", "how it was reached"], item_rows)
        + capstones
        + f"<h2>Certification</h2><p class='{status_css}'>{escape(record.status or 'unknown')}</p>"
        + (f"<ul>{reasons}</ul>" if reasons else "")
        + (f"<p>MI profile: {escape(record.mi_level)}</p>" if record.mi_level else "")
    )
    return views.wrap(body)


def record_page(record: TraineeRecord) -> str:
    """A standalone HTML page (nothing loaded from anywhere) for `report --trainee --html`."""
    title = escape(f"Trainee record: {record.trainee}")
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\"></head>"
        f"<body style='margin:1.5rem'>{record_html(record)}</body></html>"
    )


def write_record_page(report: CohortReport, record: TraineeRecord, path: Path) -> Path:
    """Write the page, owner-readable only; refused inside the course repository (it holds grades)."""
    from .cohort_report import _check_destination
    from .private import make_private

    path = _check_destination(report, Path(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(record_page(record), encoding="utf-8")
    make_private(path)
    return path
