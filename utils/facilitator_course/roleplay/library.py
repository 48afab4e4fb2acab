"""The practice library: every role-play a module offers, found from the scenarios themselves.

Each scenario names its module (`module: 01-motivational-interviewing`), so a lesson shows the
whole module's collection with one cell (`PracticeLibrary("01-motivational-interviewing")`)
instead of one cell per scenario: adding a scenario file is enough to put it in front of
learners, and no lesson has to be edited for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .loader import load_scenario, scenario_paths
from .scenario import Scenario
from .state import STAGES

# How a lesson cell names a module's library; also read by `learner_progress`.
LIBRARY_CALL = re.compile(r"PracticeLibrary\(\s*[\"']([\w-]+)[\"']")
MODULE_LINE = re.compile(r"^module:\s*[\"']?([\w-]+)[\"']?\s*$", re.MULTILINE)


@dataclass(frozen=True)
class LibraryEntry:
    """What the library shows about one scenario before the learner opens it."""

    id: str
    title: str
    about: str
    persona: str  # e.g. "Sam, 30-39, alcohol; not yet considering a change"
    typed: bool  # the learner types replies (free text or mixed) rather than choosing
    safety: bool


def scenario_module(path: Path) -> str:
    """The `module:` line of a scenario file, read without parsing the whole file ('' if none)."""
    try:
        found = MODULE_LINE.search(path.read_text(encoding="utf-8"))
    except OSError:
        return ""
    return found.group(1) if found else ""


def module_scenario_ids(module_id: str, folder: Path | None = None) -> list[str]:
    """The ids of the scenarios that name `module_id`, in file-name order."""
    return [p.stem for p in scenario_paths(folder) if scenario_module(p) == module_id]


def entry(scenario: Scenario) -> LibraryEntry:
    persona = scenario.persona
    stage = STAGES.get(persona.stage, persona.stage)
    return LibraryEntry(
        id=scenario.id,
        title=scenario.title,
        about=scenario.about,
        persona=f"{persona.name}, {persona.age_range}, {persona.changing}; {stage}",
        typed=scenario.mode != "choice",
        safety=scenario.safety,
    )


def module_library(module_id: str, folder: Path | None = None) -> list[LibraryEntry]:
    """Every checked scenario of a module, as library entries (a broken file raises the
    checker's ContentError, as loading it for play would)."""
    return [
        entry(load_scenario(p)) for p in scenario_paths(folder) if scenario_module(p) == module_id
    ]
