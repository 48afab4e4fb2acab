"""Project hygiene: dependency lists agree, the CLI answers, the layout matches the design card."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import tomllib
import yaml

REPO = Path(__file__).resolve().parents[1]


def test_environment_yml_and_pyproject_declare_the_same_dependencies():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert sorted(d for d in pip_section if not d.startswith("-e")) == sorted(project)


def test_jupyter_family_is_pinned_together():
    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    text = " ".join(deps)
    for pin in (
        "jupyterlab>=4.2,<5",
        "notebook>=7.2,<8",
        "nbgrader==0.9.6",
        "voila>=0.5.12,<0.6",
        "ipywidgets>=8.1,<9",
    ):
        assert pin in text


def test_top_level_layout_matches_the_design_card():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    top = {path.split("/")[0] for path in tracked if not path.startswith(".")}
    assert top <= {
        "course",
        "modules",
        "solutions",
        "utils",
        "tests",
        "environment.yml",
        "pyproject.toml",
        "README.md",
    }


def test_readme_commands_are_the_ones_ci_runs():
    readme = (REPO / "README.md").read_text()
    ci = (REPO / ".ci" / "run").read_text()
    assert "bash utils/test.sh" in readme and "bash utils/test.sh" in ci
    assert "bash utils/start.sh" in readme


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "facilitator_course.cli", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_cli_help_lists_commands():
    result = _cli("--help")
    assert result.returncode == 0
    for command in ("build", "start", "lab"):
        assert command in result.stdout


def test_unknown_command_is_a_clear_error_not_a_traceback():
    result = _cli("frobnicate")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "invalid choice" in result.stderr


def test_build_check_reports_no_drift():
    result = _cli("build", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "modules/ matches solutions/" in result.stdout
