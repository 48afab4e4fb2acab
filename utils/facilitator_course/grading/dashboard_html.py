"""HTML for the cohort dashboard: plain functions from report tables to escaped markup.

Kept apart from the notebook glue so each view can be tested without a kernel, and so every
value that came from a submission (answers, fault messages, trainee IDs) passes through one
escaping function before it reaches a browser.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from ..htmlsafe import escape
from ..safety import crisis_banner_html
from .certification import CERTIFIED
from .cohort import AWAITING_AUTOGRADE, NOT_HANDED_IN
from .cohort_report import CohortReport
from .mi_profile import LEVELS, METRICS

CSS = """
<style>
.fc-dash { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a;
  max-width: 1200px; }
.fc-dash h2 { font-size: 1.25rem; margin: 1.4rem 0 0.3rem; border-bottom: 2px solid #d0d7de;
  padding-bottom: 0.2rem; }
.fc-dash p.fc-note { color: #444; margin: 0.2rem 0 0.6rem; font-size: 0.9rem; }
.fc-dash table.fc-table { border-collapse: collapse; font-size: 0.9rem; margin: 0.3rem 0 0.8rem; }
.fc-dash table.fc-table th { background: #f0f3f6; text-align: left; padding: 4px 8px;
  border: 1px solid #d0d7de; font-weight: 600; }
.fc-dash table.fc-table td { padding: 4px 8px; border: 1px solid #d0d7de; vertical-align: top;
  text-align: left; }
.fc-dash table.fc-table td.fc-num { text-align: right; font-variant-numeric: tabular-nums; }
.fc-dash .fc-pass { background: #e6f4ea; }
.fc-dash .fc-fail { background: #fce8e6; }
.fc-dash .fc-wait { background: #fff4e0; }
.fc-dash .fc-none { color: #666; }
.fc-dash .fc-tag { display: inline-block; padding: 1px 6px; border-radius: 8px; font-size: 0.8rem;
  margin-left: 4px; background: #eef1f4; color: #333; }
.fc-dash .fc-status-certified { color: #1b5e20; font-weight: 600; }
.fc-dash .fc-status-notyet { color: #8a1c1c; font-weight: 600; }
.fc-dash .fc-cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 0.4rem 0 0.8rem; }
.fc-dash .fc-card { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 14px;
  min-width: 120px; background: #fafbfc; }
.fc-dash .fc-card b { display: block; font-size: 1.4rem; }
.fc-dash .fc-message { border-left: 4px solid #8a5300; background: #fff4e0; padding: 10px 14px;
  max-width: 820px; }
.fc-dash code { background: #eef1f4; padding: 0 3px; border-radius: 3px; }
</style>
"""


def wrap(body: str) -> str:
    return f'{CSS}<div class="fc-dash">{body}</div>'


def _pct(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{float(value):.0%}"  # type: ignore[arg-type]


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]], caption: str = "") -> str:
    """Cells are given as finished <td> markup; headers are escaped here."""
    head = "".join(f"<th scope='col'>{escape(h)}</th>" for h in headers)
    body = "".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    cap = f"<caption style='text-align:left'>{escape(caption)}</caption>" if caption else ""
    return (
        f"<table class='fc-table'>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _td(text: str, css: str = "", title: str = "") -> str:
    cls = f" class='{css}'" if css else ""
    tip = f" title='{escape(title)}'" if title else ""
    return f"<td{cls}{tip}>{text}</td>"


def message(title: str, text_html: str) -> str:
    """A boxed notice (no course folder, nothing collected yet); `text_html` is trusted markup."""
    return wrap(f"<div class='fc-message'><strong>{escape(title)}</strong><br>{text_html}</div>")


def summary(report: CohortReport) -> str:
    data = report.data
    subs = data.submissions
    handed = int((subs["status"] != NOT_HANDED_IN).sum())
    graded = int(subs["score"].notna().sum())
    waiting = int(subs["needs_manual_grade"].sum())
    cards = [
        ("trainees", len(data.trainees)),
        ("modules", len(data.module_ids)),
        ("submissions", handed),
        ("graded", graded),
        ("need a manual grade", waiting),
        ("with faults", len(report.faults)),
        ("certified", len(report.certified)),
    ]
    html_cards = "".join(
        f"<div class='fc-card'><b>{n}</b>{escape(label)}</div>" for label, n in cards
    )
    demo = (
        "<div class='fc-message'><strong>Demo cohort.</strong> Invented trainees and answers, "
        "to show what the dashboard does; no real grading data is read.</div>"
        if report.is_demo
        else ""
    )
    return wrap(
        f"<h2>{escape(data.course.title)}</h2>{demo}"
        f"<p class='fc-note'>Course folder: <code>{escape(str(data.course_root))}</code>. "
        "Trainee IDs only; this page never shows names or email addresses.</p>"
        f"<div class='fc-cards'>{html_cards}</div>"
    )


def welfare(report: CohortReport) -> str:
    """Answers that mention suicide, self-harm or distress: who, where, and the crisis resources."""
    alerts = report.welfare_alerts
    expected = len(report.welfare) - len(alerts)
    soft = (
        f"<p class='fc-note'>{expected} answer(s) to crisis-handling questions mention suicide, "
        "as expected for those questions (no alert).</p>"
        if expected
        else ""
    )
    if alerts.empty:
        return wrap(
            "<h2>Welfare check</h2><p class='fc-note'>No answer mentions suicide, self-harm or "
            "distress in the trainee's own words or out of context.</p>" + soft
        )
    banner = crisis_banner_html(
        lead=f"⚠ {len(alerts)} answer(s) mention suicide, self-harm or distress. Read each one "
        "and follow up with the trainee privately."
    )
    rows = [
        [_td(escape(r.trainee)), _td(escape(r.module)), _td(escape(r.item))]
        for r in alerts.itertuples()
    ]
    note = (
        "<p class='fc-note'>Read the answers with <code>facilitator-course grade --welfare</code> "
        "in a terminal. This list names trainee, module and item only; it is never exported.</p>"
    )
    return wrap(
        "<h2>Welfare check</h2>"
        + banner
        + note
        + _table(["trainee", "module", "item"], rows)
        + soft
    )


def scores(report: CohortReport) -> str:
    """Trainee x module: score, pass/fail colour, late, waiting for a grader, faults."""
    data = report.data
    subs = data.submissions.set_index(["trainee", "module"])
    passes = {m.id: m.pass_fraction for m in data.course.modules}
    rows = []
    for trainee in data.trainees:
        cells = [_td(escape(trainee))]
        for module_id in data.module_ids:
            row = subs.loc[(trainee, module_id)]
            tags = ""
            if row["late"]:
                tags += "<span class='fc-tag'>late</span>"
            if row["faults"]:
                tags += f"<span class='fc-tag'>⚠ {escape(', '.join(row['faults']))}</span>"
            if pd.isna(row["score"]):
                label = {NOT_HANDED_IN: "—", AWAITING_AUTOGRADE: "to grade"}.get(
                    row["status"], "not graded"
                )
                cells.append(_td(f"<span class='fc-none'>{escape(label)}</span>{tags}", "fc-none"))
                continue
            css = "fc-pass" if row["percent"] >= passes[module_id] else "fc-fail"
            if row["needs_manual_grade"]:
                css = "fc-wait"
                tags += "<span class='fc-tag'>✎ to mark</span>"
            text = f"{_pct(row['percent'])} <small>({row['score']:g}/{row['max_score']:g})</small>"
            cells.append(_td(text + tags, css + " fc-num"))
        rows.append(cells)
    headers = ["trainee", *data.module_ids]
    note = (
        "<p class='fc-note'>Share of each module's points. Green: at or above the module's pass "
        "mark; red: below; amber: items still wait for a manual grade (run "
        "<code>facilitator-course grade</code> or use the Formgrader).</p>"
    )
    return wrap("<h2>Scores by module</h2>" + note + _table(headers, rows))


def completion(report: CohortReport) -> str:
    """Per trainee: modules handed in and graded, late submissions, items waiting for a grader."""
    table = report.completion
    rows = []
    for trainee in table.index:
        row = table.loc[trainee]
        css = "fc-pass" if row["completion"] >= 1 else ("fc-wait" if row["completion"] else "")
        rows.append(
            [
                _td(escape(trainee)),
                _td(escape(row["handed_in"]), css + " fc-num"),
                _td(str(int(row["graded"])), "fc-num"),
                _td(escape(row["late"])),
                _td(escape(row["awaiting_manual_grade"])),
            ]
        )
    headers = ["trainee", "handed in", "graded", "late", "waiting for a manual grade"]
    from .late_policy import late_policy

    policy = late_policy(report.data.course.root).describe()
    note = (
        "<p class='fc-note'>Late means handed in after the due date recorded with "
        f"<code>facilitator-course release --due</code> and its grace period. {escape(policy)}</p>"
    )
    return wrap("<h2>Completion and late submissions</h2>" + note + _table(headers, rows))


def competencies(report: CohortReport) -> str:
    table = report.competency_scores
    names = report.data.course.competencies
    rows = [
        [_td(escape(trainee))]
        + [_td(_pct(table.loc[trainee, c]), "fc-num", names.get(c, c)) for c in table.columns]
        for trainee in table.index
    ]
    note = "<p class='fc-note'>Points earned out of points possible, over graded modules only.</p>"
    return wrap("<h2>Scores by competency</h2>" + note + _table(["trainee", *table.columns], rows))


def items(report: CohortReport, limit: int = 15) -> str:
    table = report.items[report.items["graded"] > 0].head(limit)
    if table.empty:
        return wrap("<h2>Items to revisit</h2><p class='fc-note'>No graded items yet.</p>")
    rows = [
        [
            _td(escape(r.module)),
            _td(escape(r.item) + (" <span class='fc-tag'>safety</span>" if r.safety else "")),
            _td(escape(r.kind)),
            _td(escape(r.competency)),
            _td(str(r.graded), "fc-num"),
            _td(_pct(r.full_marks), "fc-num"),
            _td(escape(r.common_wrong_answers or "")),
        ]
        for r in table.itertuples()
    ]
    headers = [
        "module",
        "item",
        "kind",
        "competency",
        "graded",
        "full marks",
        "common wrong answers",
    ]
    note = (
        "<p class='fc-note'>Hardest first. For multiple-choice items: the letters chosen instead "
        "of the right one; for role-play items: how the course's coder read the replies that "
        "missed the mark.</p>"
    )
    return wrap("<h2>Items to revisit</h2>" + note + _table(headers, rows))


def _threshold_note() -> str:
    try:
        from ..coding.labels import THRESHOLDS
    except ImportError:
        return ""
    parts = [
        f"{t.name}: fair ≥ {t.fair:g}{t.unit}, good ≥ {t.good:g}{t.unit} ({t.source})"
        for t in THRESHOLDS.values()
    ]
    return "Thresholds: " + "; ".join(parts) + "."


def _metric(label: str, value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    number = float(value)  # type: ignore[arg-type]
    if label == "R:Q":
        return f"{number:.1f}:1"
    if label.startswith("%"):
        return f"{number:.0f}%"
    return f"{number:g}"


def mi_profiles(report: CohortReport) -> str:
    if report.coded.unavailable and "no role-play" in report.coded.unavailable:
        return ""
    if report.coded.unavailable:
        return wrap(
            "<h2>MI profiles</h2><p class='fc-note'>Not available: "
            f"{escape(report.coded.unavailable)}.</p>"
        )
    table = report.mi_profiles
    required = report.data.course.certification.mi_profile_at_least
    rows = []
    for trainee in table.index:
        level = table.loc[trainee, "level"]
        css = ""
        if isinstance(level, str) and level in LEVELS:
            css = "fc-pass" if LEVELS.index(level) >= LEVELS.index(required) else "fc-fail"
        rows.append(
            [_td(escape(trainee)), _td(str(int(table.loc[trainee, "replies"] or 0)), "fc-num")]
            + [_td(_metric(label, table.loc[trainee, label]), "fc-num") for _, label in METRICS]
            + [_td(escape(level if isinstance(level, str) else "no replies yet"), css)]
        )
    headers = ["trainee", "replies", *(label for _, label in METRICS), "level"]
    note = (
        "<p class='fc-note'>From the role-play replies in graded exercises, coded by the course's "
        "response coder: a rough screen, since the tasks set each reply's type, so the ratios are "
        "partly fixed by design and MITI's thresholds (meant for a 20-minute coded segment) apply "
        f"only loosely. Certification needs at least <b>{escape(required)}</b>. "
        f"{escape(_threshold_note())}</p>"
    )
    return wrap("<h2>MI profiles</h2>" + note + _table(headers, rows))


def certification(report: CohortReport) -> str:
    table = report.certification
    rows = []
    for trainee in table.index:
        status = table.loc[trainee, "status"]
        css = "fc-status-certified" if status == CERTIFIED else "fc-status-notyet"
        reasons = table.loc[trainee, "reasons"]
        reason_html = "<br>".join(escape(r) for r in reasons) if reasons else "all criteria met"
        rows.append(
            [
                _td(escape(trainee)),
                _td(f"<span class='{css}'>{escape(status)}</span>"),
                _td(reason_html),
            ]
        )
    criteria = report.data.course.certification
    parts = []
    if criteria.every_module_passed:
        parts.append("every module at or above its pass mark")
    if criteria.safety_items_all_correct:
        parts.append("every safety item fully correct")
    if criteria.mi_profile_at_least != "none":
        parts.append(f"an MI profile of at least {criteria.mi_profile_at_least}")
    note = (
        f"<p class='fc-note'>From course/course.yml: {escape('; '.join(parts))}. "
        "Certified means this course's criteria are met; it does not authorise anyone to run "
        "SMART Recovery meetings, which needs SMART Recovery's own facilitator training and "
        "registration.</p>"
    )
    return wrap("<h2>Certification</h2>" + note + _table(["trainee", "status", "reasons"], rows))


def faults(report: CohortReport) -> str:
    table = report.faults
    if table.empty:
        return wrap("<h2>Fault report</h2><p class='fc-note'>No faults in the latest runs.</p>")
    rows = [
        [
            _td(escape(r.trainee)),
            _td(escape(r.module)),
            _td(escape(r.status)),
            _td(escape(r.faults)),
            _td(escape(r.details)),
        ]
        for r in table.itertuples()
    ]
    note = (
        "<p class='fc-note'>What autograde found. Submitted files are never changed; a "
        "submission that could not be graded keeps its place until it is graded by hand or "
        "collected again.</p>"
    )
    return wrap(
        "<h2>Fault report</h2>"
        + note
        + _table(["trainee", "module", "status", "faults", "details"], rows)
    )
