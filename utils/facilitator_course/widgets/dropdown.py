"""A dropdown whose "nothing chosen yet" option is shown, not left as an empty box.

A plain ipywidgets Dropdown reads `value=None` as "no option selected" (index None) and draws an
empty box, even when one of its options, such as ("not rated yet", None), has the value None. This
one selects that option instead, so the learner reads "not rated yet" and the engine gets None.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
from traitlets import observe


class PlaceholderDropdown(w.Dropdown):
    """A Dropdown in which `value = None` selects the option whose value is None, if there is one.

    Build it with that option among `options`, e.g. `[("not rated yet", None), ("0", 0), ...]`.
    Without such an option it behaves like a plain Dropdown.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        placeholder = self.placeholder_index()
        if self.index is None and placeholder is not None:
            self.index = placeholder

    def placeholder_index(self) -> int | None:
        return next((i for i, v in enumerate(self._options_values) if v is None), None)

    # The same names as the Dropdown's own observers, so these replace them (traitlets keys
    # observers by name) and call them.
    @observe("options")
    def _propagate_options(self, change: Any) -> None:
        super()._propagate_options(change)
        placeholder = self.placeholder_index()
        if self.index is None and placeholder is not None and not self._initializing_traits_:
            self.index = placeholder  # new options after none were selected

    @observe("index")
    def _propagate_index(self, change: Any) -> None:
        placeholder = self.placeholder_index()
        if change.new is None and placeholder is not None:
            self.index = placeholder  # runs this observer again, with the placeholder's index
            return
        super()._propagate_index(change)
