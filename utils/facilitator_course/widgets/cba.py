"""The Cost-Benefit Analysis widget: a 2x2 grid with short-/long-term tags and live feedback."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..htmlsafe import escape
from ..worksheets.base import WorksheetFeedback
from ..worksheets.cba import QUADRANTS, CostBenefitAnalysis, analyse_cba
from .worksheet_base import FieldSpec, WorksheetWidget

TAG_HELP = "One item per line; end each with (short) or (long)."


class CBAWidget(WorksheetWidget):
    key = "cba"
    title = "Cost-Benefit Analysis"
    intro = (
        "Weigh a behaviour honestly: what doing it gives you and costs you, and what "
        "stopping would give you and cost you. " + TAG_HELP
    )
    fields = (
        FieldSpec("behaviour", "What I'm weighing up:", "e.g. drinking at weekends", "text"),
        *(FieldSpec(key, f"{label}:", TAG_HELP, rows=4) for key, label in QUADRANTS.items()),
    )

    def layout_inputs(self) -> list[w.Widget]:
        cells = [self.inputs[key] for key in QUADRANTS]
        grid = w.GridBox(
            cells,
            # two columns where they fit, one on a phone (375 px: nothing cut off)
            layout=w.Layout(
                grid_template_columns="repeat(auto-fit, minmax(min(100%, 15em), 1fr))",
                grid_gap="8px 12px",
                width="98%",
            ),
        )
        for cell in cells:
            cell.layout.width = "auto"
        return [self.inputs["behaviour"], grid]

    def analyse(self, values: dict[str, Any]) -> WorksheetFeedback:
        return analyse_cba(CostBenefitAnalysis.from_fields(values), values)

    def extra_html(self, values: dict[str, Any], feedback: WorksheetFeedback) -> str:
        rows = "".join(
            f"<tr><th scope='row'>{escape(label)}</th><td>{counts['short']}</td>"
            f"<td>{counts['long']}</td><td>{counts['untagged']}</td></tr>"
            for key, label in QUADRANTS.items()
            if (counts := feedback.details.get(key))
        )
        return (
            "<table class='fc-table'><caption>Items by time frame</caption><thead><tr>"
            "<th scope='col'>Box</th><th scope='col'>Short-term</th>"
            "<th scope='col'>Long-term</th><th scope='col'>Not tagged</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
