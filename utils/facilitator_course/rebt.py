"""REBT analysis (belief types, dispute kinds, ABC checks): `facilitator_course.coding.rebt`.

Kept as a short import path for the worksheets; everything lives in the feedback engine.
"""

from __future__ import annotations

from .coding.rebt import (
    ABCCheck,
    BeliefAnalysis,
    DisputeResult,
    PartVerdict,
    Span,
    analyse_belief,
    check_abc,
    classify_dispute,
)

__all__ = [
    "ABCCheck",
    "BeliefAnalysis",
    "DisputeResult",
    "PartVerdict",
    "Span",
    "analyse_belief",
    "check_abc",
    "classify_dispute",
]
