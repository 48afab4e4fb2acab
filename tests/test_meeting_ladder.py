"""Meetings of rising difficulty (issue 15): each meeting file states its level, no two share one,
and the lessons present them easiest first, each with what makes it harder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from facilitator_course.course import load_course
from facilitator_course.learner_progress import lesson_contents
from facilitator_course.lesson import meeting_ladder_html
from facilitator_course.meeting import check_meeting_file, load_meeting, meeting_ladder
from facilitator_course.meeting.schema import meeting_paths
from facilitator_course.widgets.meeting import MeetingSimulator
from test_meeting_simulator import MINIMAL


def _lessons() -> list[Path]:
    """Every lesson notebook, in the order a learner meets them."""
    course = load_course()
    return [
        course.solutions_dir / module.id / notebook.file
        for module in course.modules
        for notebook in module.notebooks
        if notebook.kind == "lesson"
    ]


def _meetings_called(lessons: list[Path]) -> list[str]:
    """The meeting simulations these lessons call, in order."""
    return [p.id for path in lessons for p in lesson_contents(path)[0] if p.kind == "meeting"]


def _rising(names: list[str]) -> bool:
    levels = [load_meeting(name).difficulty for name in names]
    return levels == sorted(set(levels))


def test_every_shipped_meeting_has_its_own_level_and_says_what_is_harder():
    meetings = [load_meeting(path) for path in meeting_paths()]
    levels = sorted(m.difficulty for m in meetings)
    assert levels == list(range(1, len(meetings) + 1)), levels
    assert len(meetings) >= 3
    for meeting in meetings:
        assert (meeting.difficulty > 1) == bool(meeting.harder_because), meeting.id
    assert [m.difficulty for m in meeting_ladder()] == levels


def test_the_lessons_present_the_meetings_easiest_first():
    called = _meetings_called(_lessons())
    assert sorted(called) == sorted(p.stem for p in meeting_paths()), called
    assert _rising(called), called


def test_the_lesson_order_check_fails_when_a_lesson_swaps_two_meetings(tmp_path):
    """The check above can fail: a Module 4 lesson that plays level 2 before level 1, or a
    Module 4 lesson that plays the level-3 meeting before Module 5's, is caught."""
    lessons = _lessons()
    module4 = next(p for p in lessons if p.parent.name == "04-running-a-meeting")
    text = module4.read_text(encoding="utf-8")
    swapped = (
        text.replace("community-centre-evening", "@@")
        .replace("online-evening-meeting", "community-centre-evening")
        .replace("@@", "online-evening-meeting")
    )
    assert swapped != text
    copy = tmp_path / "00-lesson.ipynb"
    copy.write_text(swapped, encoding="utf-8")
    assert not _rising(_meetings_called([copy]))
    early = tmp_path / "early.ipynb"
    early.write_text(text.replace("online-evening-meeting", "saturday-morning-library"))
    order = [early if p == module4 else p for p in lessons]
    assert not _rising(_meetings_called(order))


def test_the_ladder_table_and_the_simulator_show_what_makes_each_meeting_harder():
    html = meeting_ladder_html()
    ladder = meeting_ladder()
    positions = [html.index(m.title.replace("'", "&#x27;")) for m in ladder]
    assert positions == sorted(positions)
    for meeting in ladder[1:]:
        assert meeting.harder_because.split(",")[0] in html
    top = ladder[-1]
    header = MeetingSimulator.from_name(top.id, save_progress=False).header.value
    assert f"Level {top.difficulty}. What makes this one harder:" in header


def _folder_with(tmp_path: Path, *texts: str) -> list[Path]:
    paths = []
    for n, text in enumerate(texts):
        path = tmp_path / f"m{n}.yaml"
        path.write_text(text.replace("id: small", f"id: m{n}"), encoding="utf-8")
        paths.append(path)
    return paths


def test_two_meetings_on_one_level_are_refused_with_the_line(tmp_path):
    first, second = _folder_with(tmp_path, MINIMAL, MINIMAL)
    errors = check_meeting_file(second)
    clash = [e for e in errors if e.field == "difficulty"]
    assert clash and "m0.yaml" in clash[0].expected and clash[0].line == 3, errors
    second.write_text(
        second.read_text().replace("difficulty: 1", "difficulty: 2\nharder_because: More.")
    )
    assert check_meeting_file(first) == [] and check_meeting_file(second) == []


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("difficulty: 1\n", ""), "is missing"),
        (("difficulty: 1", "difficulty: 0"), "from 1 to"),
        (("difficulty: 1", "difficulty: two"), "from 1 to"),
        (("difficulty: 1", "difficulty: 2"), "harder than the level below"),
    ],
)
def test_a_missing_or_wrong_level_is_a_clear_error(tmp_path, change, words):
    (path,) = _folder_with(tmp_path, MINIMAL.replace(*change))
    errors = check_meeting_file(path)
    assert any(words in e.expected for e in errors), errors


def test_the_shipped_folder_checks_clean_and_a_copy_with_a_clash_does_not(tmp_path):
    folder = tmp_path / "meetings"
    shutil.copytree(meeting_paths()[0].parent, folder)
    assert all(check_meeting_file(p) == [] for p in folder.iterdir())
    top = max(folder.iterdir(), key=lambda p: load_meeting(p).difficulty)
    top.write_text(top.read_text().replace("difficulty: 3", "difficulty: 1"))
    assert any(e.field == "difficulty" for e in check_meeting_file(top))
