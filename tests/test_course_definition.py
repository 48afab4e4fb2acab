"""The course definition drives modules, items and pass criteria; mistakes point at a line."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest

from facilitator_course.content import ContentError
from facilitator_course.course import load_course

REPO = Path(__file__).resolve().parents[1]


def test_every_module_has_its_notebooks_and_graded_items(course):
    assert course.modules[0].id == "00-orientation"
    all_ids: list[str] = []
    for module in course.modules:
        assert module.outcomes, module.id
        grade_ids = set()
        for notebook in module.notebooks:
            path = course.solutions_dir / module.id / notebook.file
            nb = nbformat.read(path, as_version=4)
            grade_ids |= {
                c.metadata["nbgrader"]["grade_id"]
                for c in nb.cells
                if c.metadata.get("nbgrader", {}).get("grade")
                or c.metadata.get("nbgrader", {}).get("task")
            }
        declared = {item.grade_id for item in module.items}
        assert declared == grade_ids, module.id
        all_ids += declared
    assert len(all_ids) == len(set(all_ids)), "grade ids must be unique across the course"


def test_safety_items_exist(course):
    assert any(item.safety for module in course.modules for item in module.items)


def test_a_mistake_in_course_yml_points_at_its_line(tmp_path):
    root = tmp_path / "repo"
    (root / "course").mkdir(parents=True)
    (root / "solutions").mkdir()
    text = (REPO / "course" / "course.yml").read_text()
    broken = text.replace("q1_role: {competency: role}", "q1_role: {competency: juggling}", 1)
    (root / "course" / "course.yml").write_text(broken)
    with pytest.raises(ContentError) as info:
        load_course(root)
    line = next(i for i, t in enumerate(broken.splitlines(), 1) if "juggling" in t)
    assert info.value.line == line
    assert "'juggling' is not one of the competencies" in str(info.value)


def test_course_found_from_a_subfolder(monkeypatch):
    monkeypatch.chdir(REPO / "solutions")
    assert load_course().root == REPO


def test_package_data_ships_with_the_package():
    import facilitator_course

    data = Path(facilitator_course.__file__).parent / "data"
    assert (data / "crisis_resources.yaml").is_file()
    assert (Path(sys.executable).parent / "facilitator-course").is_file()


# --- learner hours ------------------------------------------------------------------------------

READING_WORDS_PER_MINUTE = 200
# Role-plays are arcs of 8-12 turns, each with feedback to read: about 15 minutes, not the shorter
# figure the home page used for the older 2-4 turn scenarios.
ROLEPLAY_MINUTES = 15
# Least time a graded item takes: a choice question, a role-play reply, a written item.
ITEM_MINUTES = {"choice": 3, "roleplay": 5, "manual": 20}


def _words(path: Path) -> int:
    """Words a learner reads in a notebook's Markdown (mark schemes are removed for learners)."""
    nb = nbformat.read(path, as_version=4)
    shown = (
        c.source.split("=== BEGIN MARK SCHEME ===")[0]
        for c in nb.cells
        if c.cell_type == "markdown"
    )
    return sum(len(text.split()) for text in shown)


def test_every_module_states_its_learner_hours_and_the_course_sums_them(course):
    from facilitator_course.course import HOUR_PARTS

    for module in course.modules:
        missing = set(HOUR_PARTS) - set(module.estimated_hours)
        assert not missing, f"{module.id}: estimated_hours in course.yml lacks {sorted(missing)}"
    total = sum(module.total_hours for module in course.modules)
    assert course.estimated_hours_total == pytest.approx(total), "estimated_hours_total != sum"
    assert total >= 20


def test_stated_hours_cover_what_the_notebooks_ask(course):
    from facilitator_course.learner_progress import PRACTICE_MINUTES, lesson_contents

    for module in course.modules:
        hours = module.estimated_hours
        folder = course.solutions_dir / module.id
        words = sum(_words(folder / nb.file) for nb in module.notebooks)
        assert hours["reading"] * 60 >= words / READING_WORDS_PER_MINUTE, (module.id, words)
        lesson = next(folder / nb.file for nb in module.notebooks if nb.kind == "lesson")
        practice, lesson_words, stated = lesson_contents(lesson)
        minutes = sum(
            ROLEPLAY_MINUTES if p.kind == "roleplay" else PRACTICE_MINUTES[p.kind] for p in practice
        )
        assert hours["practice"] * 60 >= minutes, (module.id, minutes)
        # The lesson's own "About N minutes" covers its reading and practice.
        assert stated and stated >= lesson_words / READING_WORDS_PER_MINUTE + minutes, (
            module.id,
            stated,
        )
        graded = sum(
            ITEM_MINUTES["manual" if i.manual else "roleplay" if i.roleplay else "choice"]
            for i in module.items
        )
        assert (hours["exercise"] + hours["supervised"]) * 60 >= graded, (module.id, graded)
        logs = [i for i in module.items if "practice_log" in i.grade_id]
        assert (hours["supervised"] > 0) == bool(logs), module.id


def test_supervised_practice_logs_cover_five_observed_and_co_facilitated_meetings(course):
    logs = {}
    for module in course.modules:
        for nb in module.notebooks:
            for cell in nbformat.read(
                course.solutions_dir / module.id / nb.file, as_version=4
            ).cells:
                grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
                if "practice_log" in grade_id and not grade_id.endswith(("_answer", "_review")):
                    assert module.item(grade_id).manual, grade_id
                    logs[grade_id] = cell.source
    assert len(logs) == 2
    observed = next(t for t in logs.values() if "observe at least five meetings" in t)
    co_facilitated = next(t for t in logs.values() if "co-facilitate at least two meetings" in t)
    for log in (observed, co_facilitated):
        assert "Mentor" in log and "confirmed" in log  # the trainer's sign-off rule


def test_every_written_item_has_anchor_answers(course):
    for module in course.modules:
        for nb in module.notebooks:
            for cell in nbformat.read(
                course.solutions_dir / module.id / nb.file, as_version=4
            ).cells:
                grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
                item = module.item(grade_id) if grade_id else None
                if item and item.manual:
                    scheme = cell.source.split("=== BEGIN MARK SCHEME ===")[-1]
                    for anchor in ("Anchor answers", "*Pass", "*Borderline", "*Fail"):
                        assert anchor in scheme, (module.id, grade_id, anchor)


def test_a_wrong_estimated_hours_points_at_its_line(tmp_path):
    root = tmp_path / "repo"
    (root / "course").mkdir(parents=True)
    (root / "solutions").mkdir()
    text = (REPO / "course" / "course.yml").read_text()
    broken = text.replace("supervised: 9.25", "supervised: lots", 1)
    (root / "course" / "course.yml").write_text(broken)
    with pytest.raises(ContentError) as info:
        load_course(root)
    assert info.value.line == next(i for i, t in enumerate(broken.splitlines(), 1) if "lots" in t)
    assert "should be a number of hours" in str(info.value)


def test_every_module_has_a_trainers_guide_linked_from_the_readme(course):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for module in course.modules:
        guide = REPO / "course" / "guides" / f"{module.id}.md"
        assert guide.is_file(), f"no trainer's guide for {module.id}: {guide}"
        text = guide.read_text(encoding="utf-8")
        for section in ("## Workshop plan", "## Discussion prompts", "## Common mistakes"):
            assert section in text, (module.id, section)
        assert f"course/guides/{module.id}.md" in readme, module.id


def _choice_items(course):
    """(grade id, key letter, {letter: option text}) for every graded choice question."""
    for module in course.modules:
        for nb in module.notebooks:
            cells = nbformat.read(course.solutions_dir / module.id / nb.file, as_version=4).cells
            keys = {}
            for cell in cells:
                found = re.search(
                    r'check_choice\(answer_(\w+), options="ABCD", correct="(\w)"', cell.source
                )
                if found:
                    keys[found.group(1)] = found.group(2)
            for cell in cells:
                grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
                item = grade_id.removesuffix("_question")
                if grade_id.endswith("_question") and item in keys:
                    options = dict(re.findall(r"- \*\*([ABCD])\.\*\* (.*)", cell.source))
                    yield item, keys[item], options


def test_the_right_option_is_not_given_away_by_its_length(course):
    """A test-wise reader picks the longest, most qualified option. Options are shuffled per
    learner, but length is not: the right answer is the longest in at most a third of items."""
    items = list(_choice_items(course))
    assert len(items) >= 30
    longest = [
        item
        for item, key, options in items
        if len(options) == 4
        and all(len(options[key]) > len(t) for k, t in options.items() if k != key)
    ]
    assert len(longest) <= len(items) / 3, longest
