"""Shared fixtures: the course definition and helpers to make fake submissions."""

from __future__ import annotations

from pathlib import Path

import pytest
from facilitator_course.course import Course, load_course

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def course() -> Course:
    return load_course(REPO)


@pytest.fixture(autouse=True)
def _private_learner_home(tmp_path_factory, monkeypatch):
    """Tests never touch the real user's progress files."""
    monkeypatch.setenv("FACILITATOR_COURSE_HOME", str(tmp_path_factory.mktemp("learner-home")))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.delenv("FACILITATOR_COURSE_COUNTRY", raising=False)
    yield


def grading_mode(monkeypatch, on: bool = True) -> None:
    if on:
        monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    else:
        monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
