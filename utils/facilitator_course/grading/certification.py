"""Certification decisions from the pass criteria in course/course.yml, with every reason.

A bare "not yet" helps nobody: the trainee needs to know what to redo and the trainer what to
check. Each criterion that is switched on in course.yml contributes its own sentences, so a trainee
who is one safety item and one missing module away from certification reads exactly that. A module
waiting for a manual grade or one that could not be graded automatically is reported as such, not
as a failure: the decision may still change once a human has looked at it.
"""

from __future__ import annotations

import pandas as pd

from .capstone_results import (
    Capstone,
    capstone_for,
    capstone_modules,
    capstone_reasons,
    counted_data,
)
from .cohort import NOT_HANDED_IN, CohortData
from .mi_profile import LEVELS, CodedReplies, course_has_roleplay, level_at_least

CERTIFIED = "certified"
NOT_YET = "not yet"


def _module_reasons(data: CohortData, trainee: str) -> list[str]:
    from .late_policy import NOT_COUNTED, late_policy

    policy = late_policy(data.course.root)
    reasons = []
    subs = data.submissions
    for module in data.course.modules:
        row = subs[(subs["trainee"] == trainee) & (subs["module"] == module.id)].iloc[0]
        if row["status"] == NOT_HANDED_IN:
            reasons.append(f"{module.id}: not handed in")
        elif row["late"] and policy.for_certification == NOT_COUNTED:
            days = row["late_days"]
            when = f"{days:g} day(s) late" if days == days and days else "late"  # NaN: unknown
            reasons.append(
                f"{module.id}: handed in {when}, beyond the {policy.grace_days:g}-day grace "
                "period; late work does not count"
            )
        elif row["score"] is None or pd.isna(row["score"]):
            faults = ", ".join(row["faults"]) or row["status"]
            reasons.append(
                f"{module.id}: could not be graded automatically ({faults}); "
                "see the fault report, then grade it by hand or collect a corrected copy"
            )
        elif row["needs_manual_grade"]:
            waiting = data.grades[
                (data.grades["trainee"] == trainee)
                & (data.grades["module"] == module.id)
                & data.grades["needs_manual_grade"]
            ]["item"]
            reasons.append(f"{module.id}: waiting for a manual grade ({', '.join(waiting)})")
        elif row["percent"] < module.pass_fraction:
            reasons.append(
                f"{module.id}: {row['percent']:.0%} is below the {module.pass_fraction:.0%} pass mark"
            )
    return reasons


def _safety_reasons(data: CohortData, trainee: str, modules_required: bool) -> list[str]:
    reasons = []
    subs = data.submissions
    for (module_id, grade_id), info in data.items.items():
        if not info.safety:
            continue
        row = subs[(subs["trainee"] == trainee) & (subs["module"] == module_id)].iloc[0]
        if row["score"] is None or pd.isna(row["score"]):
            if not modules_required:  # otherwise the module's own reason already says it
                reasons.append(f"safety item {grade_id} ({module_id}): not graded yet")
            continue
        grade = data.grades[
            (data.grades["trainee"] == trainee)
            & (data.grades["module"] == module_id)
            & (data.grades["item"] == grade_id)
        ]
        if grade.empty:
            reasons.append(f"safety item {grade_id} ({module_id}): no grade recorded")
        elif grade["needs_manual_grade"].any():
            if not modules_required:
                reasons.append(f"safety item {grade_id} ({module_id}): waiting for a manual grade")
        elif (grade["score"] < grade["max_score"]).any():
            reasons.append(f"safety item {grade_id} ({module_id}) is not fully correct")
    return reasons


def _capstone_mi_reason(capstones: list[Capstone], required: str) -> list[str]:
    """The MI profile from the capstone's dozens of coded moves (not five graded replies)."""
    results = [c.result for c in capstones if c.result is not None]
    level = results[-1].profile_level
    if level_at_least(level, required):
        return []
    return [f"MI profile in the capstone meeting is {level}; at least {required} is needed"]


def _mi_reason(
    data: CohortData,
    coded: CodedReplies,
    profiles: pd.DataFrame,
    trainee: str,
    capstones: list[Capstone] | None = None,
) -> list[str]:
    required = data.course.certification.mi_profile_at_least
    if required == "none":
        return []
    if any(c.result is not None for c in capstones or []):
        return _capstone_mi_reason(capstones or [], required)
    # Before a capstone is handed in, the graded role-play replies give an early profile.
    if not course_has_roleplay(data):
        return []
    if coded.unavailable:
        return [f"MI profile could not be built: {coded.unavailable}"]
    if trainee not in profiles.index or not profiles.loc[trainee, "replies"]:
        return ["no graded role-play replies yet to build an MI profile from"]
    level = profiles.loc[trainee, "level"]
    if level_at_least(level, required):
        return []
    if level not in LEVELS:
        return [
            "the MI profile cannot be rated yet: the graded role-play replies include no "
            "question, reflection or advice to count"
        ]
    weak = profiles.loc[trainee, "below fair on"]
    detail = f" (below fair on {weak})" if isinstance(weak, str) and weak else ""
    return [f"MI profile is {level}; at least {required} is needed{detail}"]


def certification(data: CohortData, coded: CodedReplies, profiles: pd.DataFrame) -> pd.DataFrame:
    """Per trainee: status ("certified" / "not yet") and the reasons for every "not yet".

    A capstone that the engine blocked (potentially harmful) or rated "not yet" gives its own
    reasons first, unless the trainer overrode its result or one of its ratings (capstone_results,
    capstone_overrides); the module's percentage and safety check then follow that status.
    """
    criteria = data.course.certification
    modules = capstone_modules(data)
    rows = []
    for trainee in data.trainees:
        capstones = [c for m in modules if (c := capstone_for(data, trainee, m)) is not None]
        reasons = [r for c in capstones for r in capstone_reasons(c)]
        counted = counted_data(data, capstones)
        if criteria.every_module_passed:
            module_reasons = _module_reasons(counted, trainee)
            if reasons:  # the capstone's reasons say more than its module's percentage
                capstone_ids = tuple(c.module for c in capstones)
                module_reasons = [
                    r
                    for r in module_reasons
                    if not (r.startswith(capstone_ids) and r.endswith("pass mark"))
                ]
            reasons += module_reasons
        if criteria.safety_items_all_correct:
            safety = _safety_reasons(counted, trainee, criteria.every_module_passed)
            # a capstone not passed already gave its own reasons; its cell would say it again
            said = tuple(
                f"safety item {i} ({m})" for (m, i), _ in data.items.items() if m in modules
            )
            reasons += [r for r in safety if not (capstones and r.startswith(said))]
        reasons += _mi_reason(data, coded, profiles, trainee, capstones)
        rows.append(
            {
                "trainee": trainee,
                "status": NOT_YET if reasons else CERTIFIED,
                "reasons": reasons,
            }
        )
    return pd.DataFrame(rows, columns=["trainee", "status", "reasons"]).set_index("trainee")
