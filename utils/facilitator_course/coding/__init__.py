"""The feedback engine: code facilitator responses the way a trained MI coder would.

    >>> from facilitator_course.coding import code_response, summarize
    >>> code_response("You should just pour it all down the sink.").code
    'persuade'

`code_response` labels one response (13 MITI-style labels, a confidence capped at human
agreement, the cue, an explanation, labeling and disguised-advice flags, a rewrite for advice and
confrontation); `summarize` turns many labels into MITI summary scores rated against the
reference thresholds. REBT belief analysis lives in `facilitator_course.coding.rebt` and is
re-exported here. Nothing heavy (pandas, matplotlib) is imported until it is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Each name from the submodule that defines it, imported when first used (PEP 562): importing
# one submodule (the role-play checker needs only `pickup`) must not compile the regular
# expressions of the whole engine, which took most of a lesson page's start-up time.
_EXPORTS = {
    "CodedResponse": "coder",
    "kind_of": "coder",
    "code_response": "judge",
    **dict.fromkeys(
        (
            "CONFIDENCE_CEILING",
            "LABEL_MEANINGS",
            "LABEL_NAMES",
            "LABELS",
            "LOW_CONFIDENCE",
            "MI_ADHERENT",
            "MI_NON_ADHERENT",
            "THRESHOLDS",
            "Threshold",
            "level_for",
        ),
        "labels",
    ),
    **dict.fromkeys(
        (
            "ABCCheck",
            "BeliefAnalysis",
            "DisputeResult",
            "analyse_belief",
            "check_abc",
            "classify_dispute",
        ),
        "rebt",
    ),
    **dict.fromkeys(("SessionSummary", "summarize", "summary_chart"), "summary"),
}

if TYPE_CHECKING:
    from .coder import CodedResponse, kind_of
    from .judge import code_response
    from .labels import (
        CONFIDENCE_CEILING,
        LABEL_MEANINGS,
        LABEL_NAMES,
        LABELS,
        LOW_CONFIDENCE,
        MI_ADHERENT,
        MI_NON_ADHERENT,
        THRESHOLDS,
        Threshold,
        level_for,
    )
    from .rebt import (
        ABCCheck,
        BeliefAnalysis,
        DisputeResult,
        analyse_belief,
        check_abc,
        classify_dispute,
    )
    from .summary import SessionSummary, summarize, summary_chart


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
        globals()[name] = value  # looked up once
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CONFIDENCE_CEILING",
    "LABELS",
    "LABEL_MEANINGS",
    "LABEL_NAMES",
    "LOW_CONFIDENCE",
    "MI_ADHERENT",
    "MI_NON_ADHERENT",
    "THRESHOLDS",
    "ABCCheck",
    "BeliefAnalysis",
    "CodedResponse",
    "DisputeResult",
    "SessionSummary",
    "Threshold",
    "analyse_belief",
    "check_abc",
    "classify_dispute",
    "code_response",
    "kind_of",
    "level_for",
    "summarize",
    "summary_chart",
]
