"""Each trainee's motivational-interviewing profile, from the role-play replies they typed.

The role-play items' autograded tests only say whether a reply earned its mark. A trainer also
wants the session-level picture a MITI coder would give: how often the trainee reflects rather
than asks (R:Q), how many questions are open, how many reflections add meaning, how often they
advise or confront without permission. Session-level tallies are far more reliable than any single
label, which is why the profile, not a single reply, counts for certification.

The course's response coder (`facilitator_course.coding`) does the labelling; it is imported only
here and only when a course has role-play items, and its absence is reported, not fatal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .cohort import CohortData

LEVELS = ("below fair", "fair", "good")
METRICS = (
    ("reflection_to_question", "R:Q"),
    ("percent_open_questions", "% open questions"),
    ("percent_complex_reflections", "% complex reflections"),
    ("mi_non_adherent", "MI non-adherent"),
)
CODED_COLUMNS = ["trainee", "module", "item", "reply", "context", "code", "labeling"]


@dataclass
class CodedReplies:
    """The cohort's role-play replies with the coder's label; `unavailable` says why if none."""

    table: pd.DataFrame
    responses: dict[str, list]  # trainee -> the coder's CodedResponse objects, in course order
    unavailable: str | None = None


def course_has_roleplay(data: CohortData) -> bool:
    return any(info.roleplay for info in data.items.values())


def code_roleplay_answers(data: CohortData) -> CodedReplies:
    """Label every graded role-play reply with the course's response coder."""
    empty = pd.DataFrame(columns=CODED_COLUMNS)
    if not course_has_roleplay(data):
        return CodedReplies(empty, {}, "this course has no role-play items")
    try:
        from ..coding import code_response
    except ImportError:
        return CodedReplies(empty, {}, "the response coder (facilitator_course.coding) is missing")
    order = {key: n for n, key in enumerate(data.items)}
    rows, responses = [], {}
    answers = data.answers.copy()
    answers["order"] = [
        order.get((m, i), 0) for m, i in zip(answers["module"], answers["item"], strict=True)
    ]
    overrides = trainer_overrides(data)
    for row in answers.sort_values(["trainee", "order"]).itertuples():
        info = data.items.get((row.module, row.item))
        text = (row.answer or "").strip()
        if info is None or not info.roleplay or not text:
            continue
        coded = code_response(text, info.participant)
        if overrides.get((row.trainee, row.module, row.item)):
            coded = as_the_task_asks(coded, row.item)
        if coded.judged:  # a reply the coder could not judge tells nothing about a profile
            responses.setdefault(row.trainee, []).append(coded)
        rows.append(
            {
                "trainee": row.trainee,
                "module": row.module,
                "item": row.item,
                "reply": text,
                "context": info.participant,
                "code": coded.code if coded.judged else f"not judged ({coded.reason})",
                "labeling": bool(getattr(coded, "labeling", False)),
            }
        )
    return CodedReplies(pd.DataFrame(rows, columns=CODED_COLUMNS), responses)


def trainer_overrides(data: CohortData) -> dict[tuple[str, str, str], bool]:
    """{(trainee, module, item): full marks?} for role-play items a trainer scored by hand."""
    grades = data.grades
    if "manual_score" not in grades.columns:
        return {}
    chosen = grades[grades["roleplay"] & grades["manual_score"].notna()]
    return {
        (row.trainee, row.module, row.item): float(row.manual_score) >= float(row.max_score)
        for row in chosen.itertuples()
    }


def as_the_task_asks(coded, item: str):
    """A reply the trainer gave full marks counts as the kind its task asks for.

    The trainer's judgement is the final word on a reply, so the profile follows it: a reply the
    coder read as advice but the trainer accepted as a reflection no longer counts against the
    trainee. (A trainer's 0 keeps the coder's label: a missed point says nothing about which
    kind of reply it was.)
    """
    from dataclasses import replace

    from ..graded_replies import graded_reply

    try:
        kinds = graded_reply(item).kinds
    except Exception:  # no rule for this item: keep the coder's label
        return coded
    if not kinds or graded_reply(item).accepts_code(coded.code):
        return replace(coded, labeling=False, disguised_advice=False, judged=True)
    wanted = {"reflection": "reflection_simple", "question": "question_open"}.get(
        kinds[0], kinds[0]
    )
    return replace(coded, code=wanted, labeling=False, disguised_advice=False, judged=True)


def _number(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return number


def mi_profiles(data: CohortData, coded: CodedReplies) -> pd.DataFrame:
    """Trainee x (replies, R:Q, % open questions, % complex reflections, non-adherent, level)."""
    columns = ["replies"] + [label for _, label in METRICS] + ["level", "below fair on"]
    table = pd.DataFrame(index=pd.Index(data.trainees, name="trainee"), columns=columns)
    table["replies"] = 0
    if coded.unavailable:
        return table
    from ..coding import summarize

    for trainee, responses in coded.responses.items():
        summary = summarize(responses)
        table.loc[trainee, "replies"] = len(responses)
        weak = []
        for attribute, label in METRICS:
            table.loc[trainee, label] = _number(getattr(summary, attribute, None))
            try:
                if summary.level(attribute) == LEVELS[0]:
                    weak.append(label)
            except Exception:  # a metric the coder does not rate (e.g. no questions asked yet)
                continue
        table.loc[trainee, "level"] = summary.overall_level()
        table.loc[trainee, "below fair on"] = ", ".join(weak)
    return table


def level_at_least(level: object, required: str) -> bool:
    if required == "none":
        return True
    if level not in LEVELS:
        return False
    return LEVELS.index(str(level)) >= LEVELS.index(required)
