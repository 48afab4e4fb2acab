"""Every practice widget comes back as the learner left it: a new widget over the same progress
file (what a reload or a server restart builds) shows the same place, answers and results."""

from __future__ import annotations

import json

import pytest

from facilitator_course.progress import ProgressStore
from facilitator_course.widgets import CodingDrillWidget, MeetingSimulator, RolePlay
from facilitator_course.widgets.sorting import SortingWidget


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress.json")


def reopened(store: ProgressStore) -> ProgressStore:
    """A fresh store over the same file: nothing carried over in memory."""
    return ProgressStore(store.path)


def click_choice(rp: RolePlay, index: int) -> None:
    rp.choices.value = index
    rp.reply_button.click()


def test_roleplay_resumes_mid_conversation_and_after_a_rewind(store):
    rp = RolePlay.from_scenario("weekends-for-unwinding", store=store)
    click_choice(rp, 0)
    click_choice(rp, 0)
    node = rp.conversation.node.id
    again = RolePlay.from_scenario("weekends-for-unwinding", store=reopened(store))
    assert len(again.conversation.transcript) == 2
    assert again.conversation.node.id == node
    assert "Turn 2." in again.transcript.value
    again.rewind_to.value = 2
    again.rewind_button.click()
    third = RolePlay.from_scenario("weekends-for-unwinding", store=reopened(store))
    assert len(third.conversation.transcript) == 1


def test_finished_roleplay_keeps_its_best_outcome_and_is_not_recorded_twice(store):
    rp = RolePlay.from_scenario("weekends-for-unwinding", store=store)
    while not rp.conversation.finished:
        click_choice(rp, 0)
    entry = store.load()["scenarios"]["weekends-for-unwinding"]
    assert entry["attempts"] == 1 and entry["best_outcome"]
    again = RolePlay.from_scenario("weekends-for-unwinding", store=reopened(store))
    assert again.conversation.finished and "Debrief" in again.ending.value
    assert "Your record:" in again.record.value and "best outcome" in again.record.value
    assert store.load()["scenarios"]["weekends-for-unwinding"]["attempts"] == 1


def test_roleplay_state_that_no_longer_replays_starts_afresh(store):
    store.save_resume("roleplay/weekends-for-unwinding", {"replies": [{"choice": 99}]})
    rp = RolePlay.from_scenario("weekends-for-unwinding", store=reopened(store))
    assert rp.conversation.transcript == () and rp.conversation.node.id == "opening"


def test_sorting_answers_and_checked_result_come_back(store):
    widget = SortingWidget.from_name("orientation-role", store=store)
    first, second = list(widget.toggles)[:2]
    answer = widget.exercise.items[0].answer
    widget.toggles[first].value = answer
    again = SortingWidget.from_name("orientation-role", store=reopened(store))
    assert again.toggles[first].value == answer and again.toggles[second].value is None
    assert again.result.value == ""
    again.check()
    third = SortingWidget.from_name("orientation-role", store=reopened(store))
    assert "statements correctly" in third.result.value
    third.reset()
    fourth = SortingWidget.from_name("orientation-role", store=reopened(store))
    assert all(t.value is None for t in fourth.toggles.values()) and fourth.result.value == ""


def test_sorting_ignores_saved_answers_that_are_not_choices(store):
    store.save_sorting("orientation-role", {"x": "nonsense"}, None, 3)
    data = json.loads(store.path.read_text())
    item = SortingWidget.from_name("orientation-role", store=store).exercise.items[0].id
    data["sorting"]["orientation-role"]["choices"][item] = "<b>not a key</b>"
    store.path.write_text(json.dumps(data))
    widget = SortingWidget.from_name("orientation-role", store=reopened(store))
    assert all(t.value is None for t in widget.toggles.values())


def test_drill_position_and_labels_come_back(store):
    drill = CodingDrillWidget.from_name("mi-labels", store=store)
    item = drill.drill.items[0]
    drill.label.value = item.label
    drill.check()
    drill.go(3)
    again = CodingDrillWidget.from_name("mi-labels", store=reopened(store))
    assert again.index == 3 and again.answers == {item.id: item.label}
    assert "Item 4 of" in again.position.value and "(1 labelled)" in again.position.value
    again.go(0)
    assert again.label.value == item.label


def test_meeting_resumes_mid_run_and_shows_its_record(store):
    sim = MeetingSimulator.from_name("community-centre-evening", store=store)
    sim.options.value = 0
    sim.respond_button.click()
    again = MeetingSimulator.from_name("community-centre-evening", store=reopened(store))
    assert again.simulation.step == sim.simulation.step == 2
    while not again.simulation.finished:
        again.options.value = 0
        again.respond_button.click()
    third = MeetingSimulator.from_name("community-centre-evening", store=reopened(store))
    assert third.simulation.finished and "Your record:" in third.record.value
    assert store.load()["meetings"]["community-centre-evening"]["attempts"] == 1


def test_nothing_is_saved_while_nbgrader_runs(store, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    rp = RolePlay.from_scenario("weekends-for-unwinding", store=store)
    click_choice(rp, 0)
    SortingWidget.from_name("orientation-role", store=store).check()
    assert not store.path.exists()


def test_typed_roleplay_reply_comes_back(store):
    rp = RolePlay.from_scenario("after-a-lapse", store=store)
    if rp.conversation.expects == "choice":
        click_choice(rp, 0)
    reply = "It sounds like Saturday really shook you, and you still want this to work."
    rp.text.value = reply
    rp.reply_button.click()
    turns = len(rp.conversation.transcript)
    assert turns >= 1 and rp.conversation.transcript[-1].reply == reply
    again = RolePlay.from_scenario("after-a-lapse", store=reopened(store))
    assert len(again.conversation.transcript) == turns
    assert again.conversation.transcript[-1].reply == reply
