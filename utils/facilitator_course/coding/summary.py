"""The session summary a MITI coder would give: counts, R:Q, %CR, %open questions, MI adherence.

Single labels are unreliable even between human coders; session-level tallies are far more
reliable, so this is what grading and certification look at. Every metric is rated against the
fair/good thresholds in `labels.THRESHOLDS`, so the widgets, the dashboard and grading all agree.
pandas and matplotlib are imported only inside `to_frame` and `summary_chart`, so summarising
stays cheap (the CLI and the role-play never pay for them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .labels import (
    COMPLEX_REFLECTIONS,
    LABEL_NAMES,
    LABELS,
    LEVELS,
    MI_ADHERENT,
    MI_NON_ADHERENT,
    QUESTIONS,
    REFLECTIONS,
    THRESHOLDS,
    level_for,
)

NOT_RATED = "not rated"
# Metrics rated against THRESHOLDS, in the order they are shown.
RATED = (
    "reflection_to_question",
    "percent_complex_reflections",
    "percent_open_questions",
    "percent_mi_adherent",
)


def _ratio(part: int, whole: int, scale: float = 1.0) -> float | None:
    return None if whole == 0 else round(scale * part / whole, 2)


@dataclass(frozen=True)
class SessionSummary:
    """Tallies and MITI summary scores for one conversation or one trainee's replies.

    A metric whose denominator is zero (no questions, no reflections...) is None and "not rated",
    except R:Q when there are reflections but no questions, which is rated "good".
    """

    counts: dict[str, int] = field(default_factory=dict)
    total: int = 0
    questions: int = 0
    reflections: int = 0
    reflection_to_question: float | None = None
    percent_complex_reflections: float | None = None
    percent_open_questions: float | None = None
    mi_adherent: int = 0
    mi_non_adherent: int = 0
    percent_mi_adherent: float | None = None
    labeling: int = 0

    def level(self, metric: str) -> str:
        """'below fair', 'fair', 'good' or 'not rated' for a metric.

        `mi_adherent` and `mi_non_adherent` are rated through %MI-adherent (MITI 3.1.1).
        """
        if metric in ("mi_adherent", "mi_non_adherent"):
            metric = "percent_mi_adherent"
        if metric not in THRESHOLDS:
            raise KeyError(f"no threshold for {metric!r}; rated metrics are {RATED}")
        value = getattr(self, metric)
        if value is None:
            if metric == "reflection_to_question" and self.reflections:
                return LEVELS[2]
            return NOT_RATED
        return level_for(metric, value)

    def levels(self) -> dict[str, str]:
        return {metric: self.level(metric) for metric in RATED}

    def overall_level(self) -> str:
        """The weakest level among the rated metrics ('not rated' if none can be rated)."""
        rated = [lv for lv in self.levels().values() if lv in LEVELS]
        if not rated:
            return NOT_RATED
        return min(rated, key=LEVELS.index)

    def to_frame(self) -> Any:
        """One row per metric: value, fair and good thresholds, level, source (a DataFrame)."""
        import pandas as pd

        rows = []
        for metric in RATED:
            t = THRESHOLDS[metric]
            rows.append(
                {
                    "metric": t.name,
                    "value": getattr(self, metric),
                    "fair": t.fair,
                    "good": t.good,
                    "level": self.level(metric),
                    "source": t.source,
                }
            )
        for name, value in (
            ("MI-adherent (count)", self.mi_adherent),
            ("MI non-adherent (count)", self.mi_non_adherent),
            ("identity labels (count)", self.labeling),
        ):
            rows.append(
                {
                    "metric": name,
                    "value": value,
                    "fair": None,
                    "good": None,
                    "level": "",
                    "source": "MITI 4.2.1" if "MI" in name else "course",
                }
            )
        return pd.DataFrame(rows).set_index("metric")

    def counts_frame(self) -> Any:
        """Counts per label (all 13, zeros included) as a DataFrame."""
        import pandas as pd

        return pd.DataFrame(
            {"label": LABEL_NAMES[c], "count": self.counts.get(c, 0)} for c in LABELS
        ).set_index("label")

    def chart(self) -> Any:
        return summary_chart(self)


def summarize(items: Iterable[object]) -> SessionSummary:
    """Summarise labels (strings) or coded responses (anything with a `.code`).

    Unknown labels and responses that could not be coded (`error` set) are left out.
    """
    counts = dict.fromkeys(LABELS, 0)
    labeling = 0
    for item in items:
        code = item if isinstance(item, str) else getattr(item, "code", None)
        if getattr(item, "error", None) or code not in counts:
            continue
        counts[code] += 1  # type: ignore[index]
        labeling += bool(getattr(item, "labeling", False))
    questions = sum(counts[c] for c in QUESTIONS)
    reflections = sum(counts[c] for c in REFLECTIONS)
    adherent = sum(counts[c] for c in MI_ADHERENT)
    non_adherent = sum(counts[c] for c in MI_NON_ADHERENT)
    return SessionSummary(
        counts=counts,
        total=sum(counts.values()),
        questions=questions,
        reflections=reflections,
        reflection_to_question=_ratio(reflections, questions),
        percent_complex_reflections=_ratio(
            sum(counts[c] for c in COMPLEX_REFLECTIONS), reflections, 100.0
        ),
        percent_open_questions=_ratio(counts["question_open"], questions, 100.0),
        mi_adherent=adherent,
        mi_non_adherent=non_adherent,
        percent_mi_adherent=_ratio(adherent, adherent + non_adherent, 100.0),
        labeling=labeling,
    )


_COLOURS = {"good": "#1b7837", "fair": "#d9a521", "below fair": "#b2182b", NOT_RATED: "#999999"}


def summary_chart(summary: SessionSummary) -> Any:
    """A two-panel matplotlib figure: reply counts, and each metric against fair/good lines.

    Bars are coloured by level (green good, amber fair, red below fair) and each metric is drawn
    as a share of its 'good' threshold, so one glance shows which measure needs work.
    """
    # A bare Figure needs no pyplot and no GUI backend, and leaves the notebook's backend alone.
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 3.6), layout="constrained")
    left, right = fig.subplots(1, 2, width_ratios=(3, 2))
    names = [LABEL_NAMES[c] for c in LABELS]
    values = [summary.counts.get(c, 0) for c in LABELS]
    colours = [
        "#1b7837"
        if c in MI_ADHERENT or c in COMPLEX_REFLECTIONS
        else "#b2182b"
        if c in MI_NON_ADHERENT
        else "#4575b4"
        for c in LABELS
    ]
    left.barh(names[::-1], values[::-1], color=colours[::-1])
    left.set_title("Your replies by type")
    left.set_xlabel(
        "replies (green: MI-consistent, red: advice without permission or confrontation)",
        fontsize=7,
    )
    left.tick_params(axis="y", labelsize=7)

    labels, shares, bar_colours, texts = [], [], [], []
    for metric in RATED:
        t = THRESHOLDS[metric]
        value = getattr(summary, metric)
        level = summary.level(metric)
        labels.append(t.name)
        share = 0.0 if value is None else min(value / t.good, 1.5)
        if value is None and level == "good":
            share = 1.5
        shares.append(share)
        bar_colours.append(_COLOURS[level])
        texts.append("–" if value is None else f"{value:g}{t.unit} ({level})")
    right.barh(labels[::-1], shares[::-1], color=bar_colours[::-1])
    fair_line = [THRESHOLDS[m].fair / THRESHOLDS[m].good for m in RATED]
    for y, fair in enumerate(fair_line[::-1]):
        right.plot([fair, fair], [y - 0.4, y + 0.4], color="#444444", linestyle=":")
    right.axvline(1.0, color="#444444", linestyle="--")
    for y, text in enumerate(texts[::-1]):
        right.text(
            0.02,
            y,
            text,
            va="center",
            fontsize=7,
            color="white" if shares[::-1][y] > 0.5 else "black",
        )
    right.set_xlim(0, 1.5)
    right.set_title("Against MITI thresholds")
    right.set_xlabel("share of 'good' (dotted: fair, dashed: good)", fontsize=7)
    right.tick_params(axis="y", labelsize=7)
    return fig
