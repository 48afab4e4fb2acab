"""Practice widgets (ipywidgets), each a thin view over an engine in this package.

Imported lazily so `from facilitator_course.widgets import RolePlay` does not load every
widget module (and matplotlib) at once:

    RolePlay.from_scenario("weekends-for-unwinding")          # role-play (choice or free text)
    PracticeLibrary("01-motivational-interviewing")     # every role-play of a module
    CodingDrillWidget.from_name("mi-labels")            # coding drill
    ABCWidget(reference="abc-after-a-lapse")            # worksheets: ABCWidget, CBAWidget,
    MeetingSimulator.from_name("community-centre-evening")  # ChangePlanWidget, HOVWidget,
                                                        # UrgeLogWidget
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "RolePlay": "roleplay",
    "PracticeLibrary": "library",
    "CodingDrillWidget": "coding_drill",
    "ABCWidget": "abc",
    "CBAWidget": "cba",
    "ChangePlanWidget": "change_plan",
    "HOVWidget": "hov",
    "UrgeLogWidget": "urge_log",
    "MeetingSimulator": "meeting",
    "SortingWidget": "sorting",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
