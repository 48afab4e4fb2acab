"""HTML for the feedback engine's SessionSummary: the MI profile table and its chart.

Used at the end of a role-play. The metrics and thresholds come from the feedback engine
(`facilitator_course.coding`) so the numbers shown here always match those used in grading.
"""

from __future__ import annotations

from typing import Any

from ..htmlsafe import escape
from .style import badge, figure_to_img

METRICS = (
    "reflection_to_question",
    "percent_open_questions",
    "percent_complex_reflections",
    "percent_mi_adherent",
)
LEVEL_TONES = {"good": "good", "fair": "mixed", "below fair": "poor"}


def _thresholds() -> dict[str, Any]:
    try:
        from ..coding import THRESHOLDS  # type: ignore[attr-defined]
    except ImportError:
        from ..coding.labels import THRESHOLDS
    return THRESHOLDS


def _format(metric: str, value: float | None, summary: Any = None) -> str:
    if value is None:
        reflections = getattr(summary, "reflections", 0)
        return {
            "reflection_to_question": "reflections, no questions"
            if reflections
            else "no reflections or questions",
            "percent_open_questions": "no questions",
            "percent_complex_reflections": "no reflections",
            "percent_mi_adherent": "no such replies",
        }.get(metric, "not enough turns")
    if metric == "reflection_to_question":
        return f"{value:.1f}:1"
    return f"{value:.0f}%"


def summary_html(summary: Any, chart: bool = True) -> str:
    """The session summary as a small table (value, fair/good thresholds, level) and a chart."""
    thresholds = _thresholds()
    rows = []
    for metric in (m for m in METRICS if m in thresholds):
        threshold = thresholds[metric]
        value = getattr(summary, metric, None)
        level = str(summary.level(metric))
        unit = threshold.unit
        limits = (
            f"fair {threshold.fair:g}{unit}, good {threshold.good:g}{unit}"
            f" ({escape(threshold.source)})"
        )
        rows.append(
            f"<tr><th scope='row'>{escape(threshold.name)}</th>"
            f"<td>{escape(_format(metric, value, summary))}</td><td>{limits}</td>"
            f"<td>{badge(level, LEVEL_TONES.get(level, 'neutral'))}</td></tr>"
        )
    labeling = int(getattr(summary, "labeling", 0) or 0)
    if labeling:
        rows.append(
            f"<tr><th scope='row'>Replies with an identity label</th><td>{labeling}</td>"
            f"<td>SMART meetings avoid labels: aim for 0</td><td>{badge('reduce', 'poor')}</td></tr>"
        )
    adherent = int(getattr(summary, "mi_adherent", 0))
    non_adherent = int(getattr(summary, "mi_non_adherent", 0))
    rows.append(
        f"<tr><th scope='row'>MI-adherent replies</th><td>{adherent}</td>"
        "<td>affirming, seeking collaboration, emphasising autonomy</td><td></td></tr>"
    )
    tone = "good" if non_adherent == 0 else "poor"
    rows.append(
        f"<tr><th scope='row'>MI non-adherent replies</th><td>{non_adherent}</td>"
        "<td>advice without permission, confrontation: aim for 0</td>"
        f"<td>{badge('none' if non_adherent == 0 else 'reduce', tone)}</td></tr>"
    )
    overall = str(summary.overall_level())
    html = (
        f"<h4>Your MI profile for this conversation: "
        f"{badge(overall, LEVEL_TONES.get(overall, 'neutral'))}</h4>"
        "<table class='fc-table'><thead><tr><th scope='col'>Measure</th>"
        "<th scope='col'>You</th><th scope='col'>Thresholds</th><th scope='col'>Level</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "<p><small>Thresholds are expert guidance for whole sessions; a short role-play gives "
        "only a rough picture.</small></p>"
    )
    if chart:
        try:
            figure = summary.chart()
        except Exception:  # a chart is a bonus; the table above carries the information
            figure = None
        if figure is not None:
            alt = "Chart of your reply types. " + "; ".join(
                f"{thresholds[m].name}: {_format(m, getattr(summary, m, None), summary)}"
                for m in METRICS
                if m in thresholds
            )
            html += figure_to_img(figure, alt)
    return html
