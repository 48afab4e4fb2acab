"""The practice library widget: a module's role-plays listed, picked and played in one place.

A thin view over `roleplay.library`: a list of the module's scenarios (title, who the person
is, what it practises), a menu to pick one and a button that opens it as a `RolePlay` below,
with the learner's progress saved as usual.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..htmlsafe import escape
from ..progress import ProgressStore
from ..roleplay.coder import Coder
from ..roleplay.library import LibraryEntry, module_library
from .dropdown import PlaceholderDropdown
from .roleplay import RolePlay
from .style import message_html, root

CHOOSE = "Choose a role-play"


def library_html(entries: list[LibraryEntry]) -> str:
    """The list of role-plays, every piece of text escaped."""
    if not entries:
        return message_html("info", "This module has no role-plays in its library yet.")
    items = []
    for item in entries:
        kind = "you type your replies" if item.typed else "you choose your replies"
        flag = (
            " <em>(touches on suicide or self-harm; support is shown)</em>" if item.safety else ""
        )
        items.append(
            f"<li><strong>{escape(item.title)}</strong> ({kind}){flag}<br>"
            f"<small>{escape(item.persona)}</small><br>{escape(item.about)}</li>"
        )
    return f"<ol class='fc-library-list'>{''.join(items)}</ol>"


class PracticeLibrary:
    """`PracticeLibrary("01-motivational-interviewing")`: display it or use `.widget`.

    `store` and `coder` are passed to each role-play opened (tests use them).
    """

    def __init__(
        self,
        module_id: str,
        store: ProgressStore | None = None,
        coder: Coder | None = None,
    ) -> None:
        self.module_id = module_id
        self.store = store
        self.coder = coder
        self.entries = module_library(module_id)
        self.roleplay: RolePlay | None = None
        self.listing = w.HTML(library_html(self.entries))
        self.picker = PlaceholderDropdown(
            options=[(CHOOSE, None)] + [(e.title, e.id) for e in self.entries],
            description="Role-play:",
            layout=w.Layout(width="36em"),
        )
        self.open_button = w.Button(
            description="Open this role-play",
            button_style="primary",
            tooltip="Open the chosen role-play below",
        )
        self.message = w.HTML()
        self.stage = w.VBox([])
        self.open_button.on_click(lambda _: self.open())
        controls = w.HBox([self.picker, self.open_button], layout=w.Layout(flex_flow="row wrap"))
        if not self.entries:
            self.picker.disabled = self.open_button.disabled = True
        self.widget = root([self.listing, controls, self.message, self.stage], "library")

    def open(self, scenario_id: str | None = None) -> RolePlay | None:
        """Open the chosen (or named) role-play below the list; None with a message if none."""
        chosen = scenario_id or self.picker.value
        if chosen not in {e.id for e in self.entries}:
            self.message.value = message_html("info", "Choose a role-play from the menu first.")
            return None
        kwargs: dict[str, Any] = {"store": self.store}
        if self.coder is not None:
            kwargs["coder"] = self.coder
        self.roleplay = RolePlay.from_scenario(chosen, **kwargs)
        self.message.value = ""
        self.stage.children = (self.roleplay.widget,)
        return self.roleplay

    def _ipython_display_(self) -> None:  # pragma: no cover - needs a frontend
        from IPython.display import display

        display(self.widget)
