"""A one-line text progress bar on stderr for the trainer commands' long work.

nbgrader grades a class in silence (jupyter/nbgrader#1456 asks for a progress bar); a trainer
grading twenty notebooks should see how far it got and which trainee is being graded. This is
deliberately tiny (no dependency): on a terminal it redraws one line, elsewhere (a log file, CI) it
prints one line per step so the log stays readable. Only trainee IDs are ever printed.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 24


class ProgressLine:
    """Report `step(label)` calls as `[#####-----] 3/12  label  (0:07)` on stderr."""

    def __init__(self, total: int, title: str, stream: TextIO | None = None) -> None:
        self.total = max(total, 0)
        self.title = title
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self._interactive = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_width = 0

    def _bar(self) -> str:
        filled = BAR_WIDTH if self.total == 0 else round(BAR_WIDTH * self.done / self.total)
        return "#" * filled + "-" * (BAR_WIDTH - filled)

    def _elapsed(self) -> str:
        seconds = int(time.monotonic() - self.started)
        return f"{seconds // 60}:{seconds % 60:02d}"

    def step(self, label: str = "") -> None:
        """Count one finished piece of work and redraw the line."""
        self.done = min(self.done + 1, self.total) if self.total else self.done + 1
        line = (
            f"{self.title} [{self._bar()}] {self.done}/{self.total}  {label}  ({self._elapsed()})"
        )
        if self._interactive:
            padding = " " * max(self._last_width - len(line), 0)
            self.stream.write("\r" + line + padding)
            self._last_width = len(line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self, message: str = "") -> None:
        """End the line (on a terminal) and print an optional closing message."""
        if self._interactive and self._last_width:
            self.stream.write("\n")
        if message:
            self.stream.write(message + "\n")
        self.stream.flush()
