"""REBT analysis for the ABC worksheet and the `beliefs` command.

`analyse_belief` finds irrational (demandingness, awfulizing, low frustration tolerance, global
rating) and rational (preference, anti-awfulizing, high frustration tolerance, acceptance) belief
types with spans to highlight; `classify_dispute` names a disputing question's kind (empirical,
logical, pragmatic or none); `check_abc` checks that each worksheet part holds the right thing.
All are rule-based and need nothing beyond the standard library.
"""

from __future__ import annotations

from .abc_check import ABCCheck, PartVerdict, check_abc
from .beliefs import IRRATIONAL, RATIONAL, TYPE_NAMES, BeliefAnalysis, Span, analyse_belief
from .disputes import KINDS, DisputeResult, classify_dispute

__all__ = [
    "IRRATIONAL",
    "KINDS",
    "RATIONAL",
    "TYPE_NAMES",
    "ABCCheck",
    "BeliefAnalysis",
    "DisputeResult",
    "PartVerdict",
    "Span",
    "analyse_belief",
    "check_abc",
    "classify_dispute",
]
