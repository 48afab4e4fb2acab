"""The session summary: MITI figures, their levels against the reference thresholds, table, chart."""

from __future__ import annotations

import pytest

from facilitator_course.coding import (
    LABELS,
    THRESHOLDS,
    SessionSummary,
    code_response,
    summarize,
    summary_chart,
)

SESSION = [
    "question_open",
    "question_open",
    "question_closed",
    "reflection_simple",
    "reflection_complex",
    "reflection_complex",
    "summary",
    "affirm",
    "persuade",
    "other",
]


def test_counts_and_miti_figures():
    s = summarize(SESSION)
    assert isinstance(s, SessionSummary)
    assert set(s.counts) == set(LABELS)
    assert s.counts["question_open"] == 2 and s.counts["confront"] == 0
    assert s.total == 10
    assert s.questions == 3 and s.reflections == 4
    assert s.reflection_to_question == pytest.approx(4 / 3, abs=0.01)
    # A summary counts as a complex reflection (it links several statements).
    assert s.percent_complex_reflections == pytest.approx(75.0)
    assert s.percent_open_questions == pytest.approx(66.67, abs=0.01)
    assert s.mi_adherent == 1 and s.mi_non_adherent == 1
    assert s.percent_mi_adherent == pytest.approx(50.0)


def test_levels_against_fair_and_good_thresholds():
    s = summarize(SESSION)
    assert s.level("reflection_to_question") == "fair"  # 1.33 >= 1, < 2
    assert s.level("percent_complex_reflections") == "good"  # 75 >= 50
    assert s.level("percent_open_questions") == "fair"  # 66.7 >= 50, < 70
    assert s.level("percent_mi_adherent") == "below fair"  # 50 < 90
    assert s.level("mi_non_adherent") == "below fair"
    assert s.overall_level() == "below fair"
    good = summarize(["question_open", "reflection_complex", "reflection_complex", "affirm"])
    assert good.overall_level() == "good"


def test_thresholds_are_the_reference_ones():
    assert (
        THRESHOLDS["reflection_to_question"].fair,
        THRESHOLDS["reflection_to_question"].good,
    ) == (1.0, 2.0)
    assert THRESHOLDS["percent_complex_reflections"].fair == 40.0
    assert THRESHOLDS["percent_complex_reflections"].good == 50.0
    assert (
        THRESHOLDS["percent_open_questions"].fair,
        THRESHOLDS["percent_open_questions"].good,
    ) == (50.0, 70.0)


def test_empty_and_degenerate_sessions_are_not_rated_rather_than_crashing():
    empty = summarize([])
    assert empty.total == 0 and empty.reflection_to_question is None
    assert empty.level("percent_open_questions") == "not rated"
    assert empty.overall_level() == "not rated"
    only_reflections = summarize(["reflection_simple", "reflection_simple"])
    assert only_reflections.reflection_to_question is None
    assert only_reflections.level("reflection_to_question") == "good"
    assert only_reflections.level("percent_complex_reflections") == "below fair"


def test_accepts_coded_responses_and_skips_errors_and_unknown_labels():
    coded = [
        code_response("What brings you here?"),
        code_response(""),
        code_response("You're an addict, admit it."),
    ]
    s = summarize([*coded, "not-a-label"])
    assert s.total == 2
    assert s.labeling == 1


def test_unknown_metric_is_an_error():
    with pytest.raises(KeyError):
        summarize(SESSION).level("empathy")


def test_to_frame_is_a_dataframe_with_values_thresholds_and_levels():
    frame = summarize(SESSION).to_frame()
    assert list(frame.columns) == ["value", "fair", "good", "level", "source"]
    row = frame.loc["% open questions"]
    assert row["fair"] == 50.0 and row["good"] == 70.0 and row["level"] == "fair"
    assert frame.loc["MI non-adherent (count)", "value"] == 1
    counts = summarize(SESSION).counts_frame()
    assert counts["count"].sum() == 10 and len(counts) == 13


def test_chart_returns_a_matplotlib_figure_with_two_panels():
    from matplotlib.figure import Figure

    figure = summary_chart(summarize(SESSION))
    assert isinstance(figure, Figure)
    assert len(figure.axes) == 2
    assert summarize([]).chart() is not None  # an empty session still draws
