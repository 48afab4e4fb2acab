"""The home dashboard's data and pages: progress per module, where to continue, first visit,
escaping, export/reset/delete with a confirm step, and navigation on every lesson."""

from __future__ import annotations

import json
import re

from facilitator_course.learner_progress import (
    Practice,
    continue_with,
    course_progress,
    is_first_visit,
    lesson_contents,
    lesson_path,
)
from facilitator_course.navigation import navigation_html
from facilitator_course.progress import ProgressStore, empty_progress
from facilitator_course.roleplay.library import module_scenario_ids
from facilitator_course.widgets.home import HomeDashboard, dashboard_html


def by_id(modules):
    return {m.module.id: m for m in modules}


def test_every_lesson_practice_is_found_with_the_authors_time(course):
    modules = by_id(course_progress(course, empty_progress()))
    mi = modules["01-motivational-interviewing"]
    kinds = [p.practice.kind for p in mi.practice]
    # the lesson's three role-play cells, plus its practice library (every module-01 scenario)
    library = module_scenario_ids("01-motivational-interviewing")
    assert len(library) >= 3 and kinds.count("roleplay") == len(library)
    assert "drill" in kinds and "sorting" in kinds
    assert mi.minutes == 295  # "About 295 minutes" at the top of the lesson
    assert kinds.count("group") == 2  # its two typed group practices
    assert Practice("meeting", "community-centre-evening") in [
        p.practice for p in modules["04-running-a-meeting"].practice
    ]
    for module in course.modules:  # every lesson offers practice the dashboard can count
        practice, _, stated = lesson_contents(lesson_path(course, module))
        assert practice and stated


def test_fresh_progress_is_a_first_visit_with_nothing_done(course):
    progress = empty_progress()
    assert is_first_visit(progress)
    modules = course_progress(course, progress)
    assert all(m.done == 0 and not m.started for m in modules)
    assert continue_with(modules) is None


def test_progress_per_module_and_where_to_continue(course, tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    store.record_scenario("gambling-ambivalent", 40, "poor")
    store.record_scenario("gambling-ambivalent", 90, "good")
    store.record_scenario("gambling-ambivalent", 60, "mixed")
    store.save_sorting("mi-change-talk", {"a": "change"}, None, 8)
    progress = store.load()
    assert not is_first_visit(progress)
    mi = by_id(course_progress(course, progress))["01-motivational-interviewing"]
    status = {p.practice.id: p for p in mi.practice}
    assert status["gambling-ambivalent"].done
    assert "best score 90/100" in status["gambling-ambivalent"].detail
    assert "best outcome good" in status["gambling-ambivalent"].detail
    assert not status["mi-change-talk"].done and "not checked" in status["mi-change-talk"].detail
    assert mi.done == 1
    assert continue_with(course_progress(course, progress)).module.id == mi.module.id


def test_a_finished_module_sends_the_learner_to_the_next(course, tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    store.save_sorting("orientation-role", {"a": "yes"}, 5, 9)
    assert continue_with(course_progress(course, store.load())).module.id == "00-orientation"
    library = module_scenario_ids("00-orientation")  # the lesson's practice library
    for scenario_id in library:
        store.record_scenario(scenario_id, 80, "good")
    modules = course_progress(course, store.load())
    assert by_id(modules)["00-orientation"].done == 1 + len(library)
    assert continue_with(modules).module.id == "01-motivational-interviewing"


def test_dashboard_escapes_what_a_progress_file_holds(course, tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    store.record_scenario("after-a-lapse", 70, "<img src=x onerror=alert(1)>")
    store.save_sorting("orientation-role", {"a": "x"}, None, 9)
    html = dashboard_html(course, store.load())
    assert "<img" not in html and "&lt;img" in html
    assert "✔ Done: Role-play" in html and "◐ Started: Sorting practice" in html


def test_dashboard_names_every_module_link_and_says_how_it_works(course):
    html = dashboard_html(course, empty_progress(), web_app=True)
    names = re.findall(r'<a href="[^"]*00-lesson.ipynb"><strong>([^<]+)</strong>', html)
    assert len(names) == len(course.modules) and len(set(names)) == len(names)
    assert all(name.startswith("Module ") for name in names)
    assert "<details class='fc-how' open>" in html and "Start here" in html
    practice = 1 + len(module_scenario_ids("00-orientation"))  # sorting + library role-plays
    assert "About 50 minutes" in html and f"0 of {practice} practice done" in html
    assert "○ To do:" in html and "◐ Started" not in html
    assert "988" in html  # crisis resources one click away


def test_export_reset_and_delete_ask_first(course, tmp_path):
    store = ProgressStore(tmp_path / "learner" / "progress.json")
    store.record_scenario("after-a-lapse", 70, "good")
    home = HomeDashboard(store=store, course=course)
    assert "Continue where you left off" in home.board.value
    target = home.export(tmp_path)
    assert target and json.loads(target.read_text())["scenarios"]["after-a-lapse"]
    home.reset_button.click()
    assert home.confirm_box.layout.display is None and "Clear all" in home.question.value
    home.cancel_button.click()
    assert store.load()["scenarios"]  # cancelled: nothing changed
    home.reset_button.click()
    home.yes_button.click()
    assert store.load()["scenarios"] == {} and "Start here" in home.board.value
    home.delete_button.click()
    home.yes_button.click()
    assert not store.path.exists() and "Deleted" in home.message.value


def test_export_to_an_unwritable_place_says_so(course, tmp_path):
    home = HomeDashboard(store=ProgressStore(tmp_path / "progress.json"), course=course)
    (tmp_path / "a-file").write_text("not a folder")
    assert home.export(tmp_path / "a-file" / "x.json") is None
    assert "Could not export" in home.message.value


def test_navigation_links_home_previous_next_and_crisis(course):
    first, second, last = course.modules[0], course.modules[1], course.modules[-1]
    html = navigation_html(course, second.id)
    assert 'href="../home.ipynb"' in html
    assert f'href="../{first.id}/00-lesson.ipynb"' in html
    assert f'href="../{course.modules[2].id}/00-lesson.ipynb"' in html
    assert "Crisis resources" in html and "988" in html
    assert "Previous" not in navigation_html(course, first.id)
    assert "Next" not in navigation_html(course, last.id)


def test_every_lesson_has_navigation_top_and_bottom_and_a_title(course):
    for module in course.modules:
        for folder in (course.solutions_dir, course.modules_dir):
            notebook = json.loads((folder / module.id / "00-lesson.ipynb").read_text())
            code = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]
            assert f'show_navigation("{module.id}")' in code[0]
            assert f'show_navigation("{module.id}", where="bottom")' in code[-1]
            assert notebook["metadata"]["title"].startswith("Module ")
