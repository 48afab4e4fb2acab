"""Finding and loading scenario files (shipped with the package, or a trainer's own)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..content import ContentError
from ..paths import data_dir
from .checker import checked_scenario
from .scenario import Choice, Node, Scenario
from .text import fill_placeholders

SCENARIO_SUFFIXES = (".yaml", ".yml")


def scenarios_dir() -> Path:
    return data_dir() / "scenarios"


def scenario_paths(folder: Path | None = None) -> list[Path]:
    """Every scenario file in a folder (default: the shipped ones), sorted by name."""
    folder = folder or scenarios_dir()
    return sorted(p for p in folder.iterdir() if p.suffix in SCENARIO_SUFFIXES)


def resolve(name_or_path: str | Path, folder: Path | None = None) -> Path:
    """A scenario id ('weekends-for-unwinding') or a path to a .yaml file."""
    path = Path(name_or_path)
    if path.suffix in SCENARIO_SUFFIXES:
        return path
    return (folder or scenarios_dir()) / f"{name_or_path}.yaml"


def _filled(scenario: Scenario, country: str | None) -> Scenario:
    def fill(text: str) -> str:
        return fill_placeholders(text, country)

    def fill_choice(choice: Choice) -> Choice:
        return replace(
            choice,
            reply=fill(choice.reply),
            feedback=fill(choice.feedback),
            better=fill(choice.better) if choice.better else None,
        )

    def fill_node(node: Node) -> Node:
        return replace(
            node,
            says=fill(node.says),
            recalls=fill(node.recalls),
            hint=fill(node.hint),
            model_reply=fill(node.model_reply),
            debrief=fill(node.debrief),
            choices=tuple(fill_choice(c) for c in node.choices),
        )

    return replace(
        scenario,
        about=fill(scenario.about),
        nodes={k: fill_node(n) for k, n in scenario.nodes.items()},
    )


def load_scenario(name_or_path: str | Path, country: str | None = None) -> Scenario:
    """Load and fully check a scenario; raise the first ContentError if anything is wrong.

    Crisis placeholders are filled for `country` (default: the configured country).
    """
    path = resolve(name_or_path)
    if not path.is_file():
        raise ContentError(
            str(path),
            None,
            "",
            "does not exist; shipped scenarios are: " + ", ".join(p.stem for p in scenario_paths()),
        )
    scenario, errors = checked_scenario(path)
    if errors:
        raise errors[0]
    assert scenario is not None  # no errors means it parsed
    return _filled(scenario, country)


def shipped_scenarios(country: str | None = None) -> list[Scenario]:
    return [load_scenario(path, country) for path in scenario_paths()]
