"""The Change Plan widget: the plan's fields, 0-10 rulers and MI follow-up questions."""

from __future__ import annotations

from typing import Any

from ..worksheets.base import WorksheetFeedback
from ..worksheets.change_plan import FIELDS, ChangePlan, analyse_change_plan
from .worksheet_base import FieldSpec, WorksheetWidget

PLACEHOLDERS = {
    "changes": "What do you want to change?",
    "reasons": "Why does it matter to you?",
    "steps": "One step per line. When, where, how often?",
    "helpers": "Who can help, and how?",
    "signs": "What will you notice when it's working?",
    "obstacles": "What could get in the way? If ..., then I will ...",
}


class ChangePlanWidget(WorksheetWidget):
    key = "change_plan"
    title = "Change Plan"
    intro = (
        "Write down the change you want, why, and how you will go about it. The rulers "
        "ask how important the change is to you and how confident you are (0-10)."
    )
    fields = (
        FieldSpec("changes", FIELDS["changes"] + ":", PLACEHOLDERS["changes"], rows=2),
        FieldSpec("importance", "How important is it to me (0-10)?", kind="rating"),
        FieldSpec("confidence", "How confident am I (0-10)?", kind="rating"),
        *(
            FieldSpec(key, FIELDS[key] + ":", PLACEHOLDERS[key])
            for key in ("reasons", "steps", "helpers", "signs", "obstacles")
        ),
    )

    def analyse(self, values: dict[str, Any]) -> WorksheetFeedback:
        return analyse_change_plan(ChangePlan.from_fields(values))
