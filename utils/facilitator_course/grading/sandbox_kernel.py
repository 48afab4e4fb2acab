"""Start one grading kernel in the sandbox, seeing its own submission's capstone transcript only.

nbgrader starts each kernel in the folder of the notebook being graded, which the sandbox hides
(it lies in the course folder). The capstone's locked cell reads `capstone-transcript.json`
beside the notebook, so this launcher, run outside the sandbox in that folder, binds that one
checked file read-only at the same place and starts the kernel there. No other file of the
submission, and no other trainee's transcript, is visible: kernels of a parallel run never share it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..group.transcript import TRANSCRIPT_NAME


def launch_argv(spec: dict[str, list[str]], folder: Path, connection_file: str) -> list[str]:
    """The bubblewrap command: the sandbox options, this kernel's transcript, then the kernel."""
    transcript = folder / TRANSCRIPT_NAME
    own: list[str] = []
    if transcript.is_file() and not transcript.is_symlink():
        own = ["--ro-bind", str(transcript), str(transcript), "--chdir", str(folder)]
    return [*spec["sandbox"], *own, *spec["kernel"], "-f", connection_file]


def main(argv: list[str]) -> None:
    spec = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    command = launch_argv(spec, Path.cwd(), argv[2])
    os.execv(command[0], command)


if __name__ == "__main__":
    main(sys.argv)
