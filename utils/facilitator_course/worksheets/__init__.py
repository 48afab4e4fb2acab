"""Engines for the SMART worksheets, with live feedback and comparison to a reference answer.

Each worksheet is a small dataclass with `from_fields(dict)` / `fields()` (what drafts and the
reference comparison use) and an `analyse_*` function returning a `WorksheetFeedback`.
"""

from .abc import ABCWorksheet, analyse_abc
from .base import INFO, OK, SAFETY, TODO, Message, WorksheetFeedback
from .cba import QUADRANTS, CBAItem, CostBenefitAnalysis, analyse_cba, parse_items
from .change_plan import ChangePlan, analyse_change_plan
from .exercises import REFERENCE_ANSWERS, reference_answer, reference_answers
from .hov import HierarchyOfValues, analyse_hov
from .reference import Comparison, Idea, ReferenceAnswer, compare_with_reference
from .urge_log import UrgeEntry, UrgeLog, analyse_urge_log

__all__ = [
    "INFO",
    "OK",
    "QUADRANTS",
    "REFERENCE_ANSWERS",
    "SAFETY",
    "TODO",
    "ABCWorksheet",
    "CBAItem",
    "ChangePlan",
    "Comparison",
    "CostBenefitAnalysis",
    "HierarchyOfValues",
    "Idea",
    "Message",
    "ReferenceAnswer",
    "UrgeEntry",
    "UrgeLog",
    "WorksheetFeedback",
    "analyse_abc",
    "analyse_cba",
    "analyse_change_plan",
    "analyse_hov",
    "analyse_urge_log",
    "compare_with_reference",
    "parse_items",
    "reference_answer",
    "reference_answers",
]
