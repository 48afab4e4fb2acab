"""Every shipped role-play is reachable from a lesson: each names its module, and each module's
lesson has one practice-library cell that lists, opens and plays that module's scenarios."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from facilitator_course.course import load_course
from facilitator_course.learner_progress import lesson_contents
from facilitator_course.progress import ProgressStore
from facilitator_course.roleplay import load_scenario, scenario_paths
from facilitator_course.roleplay.library import LIBRARY_CALL, module_library, scenario_module
from facilitator_course.widgets import PracticeLibrary
from facilitator_course.widgets.library import library_html

REPO = Path(__file__).resolve().parents[1]
DIRECT_CALL = re.compile(r"RolePlay\.from_scenario\(\s*[\"']([\w-]+)[\"']")


def _lesson_code(module_id: str) -> str:
    notebook = json.loads((REPO / "solutions" / module_id / "00-lesson.ipynb").read_text())
    return "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")


def reachable_scenarios() -> set[str]:
    """Scenario ids a learner can open from some lesson: named directly, or in a library."""
    found: set[str] = set()
    for module in load_course().modules:
        code = _lesson_code(module.id)
        found.update(DIRECT_CALL.findall(code))
        for library_module in LIBRARY_CALL.findall(code):
            found.update(e.id for e in module_library(library_module))
    return found


def test_every_shipped_scenario_is_reachable_from_a_lesson():
    shipped = {p.stem for p in scenario_paths()}
    missing = shipped - reachable_scenarios()
    assert not missing, f"no lesson shows these role-plays: {sorted(missing)}"


def test_every_shipped_scenario_names_a_module_of_the_course():
    modules = {m.id for m in load_course().modules}
    for path in scenario_paths():
        assert scenario_module(path) in modules, path.name
        assert load_scenario(path).module == scenario_module(path), path.name


def test_each_lesson_has_exactly_one_library_cell_for_its_own_module():
    for module in load_course().modules:
        assert LIBRARY_CALL.findall(_lesson_code(module.id)) == [module.id], module.id


def test_the_library_lists_opens_and_plays_a_modules_role_plays(tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    library = PracticeLibrary("01-motivational-interviewing", store=store)
    ids = [e.id for e in library.entries]
    assert {"weekends-for-unwinding", "late-night-gaming", "gambling-ambivalent"} <= set(ids)
    assert all(load_scenario(i).module == "01-motivational-interviewing" for i in ids)
    assert "Sam, 30-39, alcohol" in library.listing.value
    assert library.open() is None and "Choose a role-play" in library.message.value
    library.picker.value = "weekends-for-unwinding"
    played = library.open()
    assert played is not None and library.stage.children == (played.widget,)
    while not played.conversation.finished:
        played.choices.value = 0
        played.reply_button.click()
    assert store.load()["scenarios"]["weekends-for-unwinding"]["last_outcome"] == "good"


def test_library_text_is_escaped_and_an_empty_library_says_so():
    assert "no role-plays" in library_html([])
    from facilitator_course.roleplay.library import LibraryEntry

    html = library_html([LibraryEntry("x", "<b>T</b>", "<script>", "<i>p</i>", True, True)])
    assert "<script>" not in html and "&lt;b&gt;T&lt;/b&gt;" in html and "support" in html


@pytest.mark.parametrize("module_id", ["01-motivational-interviewing"])
def test_the_dashboard_counts_the_librarys_role_plays(module_id):
    practice, _, _ = lesson_contents(REPO / "solutions" / module_id / "00-lesson.ipynb")
    listed = {p.id for p in practice if p.kind == "roleplay"}
    assert {e.id for e in module_library(module_id)} <= listed
