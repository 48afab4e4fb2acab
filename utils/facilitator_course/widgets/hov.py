"""The Hierarchy of Values widget: top values, the behaviour, and how it affects each value."""

from __future__ import annotations

from typing import Any

from ..worksheets.base import WorksheetFeedback
from ..worksheets.hov import HierarchyOfValues, analyse_hov
from .worksheet_base import FieldSpec, WorksheetWidget


class HOVWidget(WorksheetWidget):
    key = "hov"
    title = "Hierarchy of Values"
    intro = (
        "List what matters most to you, most important first. Then name the behaviour and, "
        "for each value, write how the behaviour affects it."
    )
    fields = (
        FieldSpec("values", "My top 5 values:", "One per line, most important first", rows=5),
        FieldSpec("behaviour", "The behaviour:", "e.g. gaming late at night", "text"),
        FieldSpec(
            "effects",
            "How it affects each value:",
            "value: how it affects it (one per line)",
            rows=5,
        ),
    )

    def analyse(self, values: dict[str, Any]) -> WorksheetFeedback:
        return analyse_hov(HierarchyOfValues.from_fields(values))
