"""Options in an order that teaches: every learner sees choice lists in their own stable order.

The shipped content lists the best reply first at every choice, so without shuffling clicking the
first option always wins. These tests read the order the widgets really show.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys

import pytest

from facilitator_course.meeting.schema import load_meeting, meeting_paths
from facilitator_course.meeting.simulator import MeetingSimulation
from facilitator_course.option_order import OptionOrder, key_path, learner_key
from facilitator_course.practice.sorting import load_sorting_exercise
from facilitator_course.progress import ProgressStore
from facilitator_course.roleplay.conversation import best_choice
from facilitator_course.roleplay.loader import shipped_scenarios
from facilitator_course.roleplay.scenario import CHOICE
from facilitator_course.widgets.meeting import MeetingSimulator
from facilitator_course.widgets.roleplay import RolePlay
from facilitator_course.widgets.sorting import SortingWidget

# simulated learners: random-looking keys, fixed so that the test gives the same answer each run
LEARNERS = [hashlib.sha256(f"learner {n}".encode()).hexdigest()[:32] for n in range(6)]
MEETINGS = [load_meeting(path) for path in meeting_paths()]
SCENARIOS = shipped_scenarios()
# a scenario that opens with a choice of replies
OPENS_WITH_CHOICE = next(s for s in SCENARIOS if s.node(s.start).respond == CHOICE)


def _best_first_counts(order: OptionOrder) -> tuple[int, int]:
    """(situations whose best option is shown first, situations) over every shipped role-play
    choice and every meeting situation, as the widgets list them for this learner."""
    first = total = 0
    for scenario in SCENARIOS:
        widget = RolePlay(scenario, order=order, save_progress=False)
        for node in scenario.nodes.values():
            if node.respond != CHOICE:
                continue
            best = node.choices.index(best_choice(node))
            first += widget.reply_options(node)[0][1] == best
            total += 1
    for meeting in MEETINGS:
        widget = MeetingSimulator(MeetingSimulation(meeting), order=order, save_progress=False)
        for plan in meeting.elements:
            for event in plan.events:
                best = event.choices.index(event.best())
                first += widget.response_options(event)[0][1] == best
                total += 1
    return first, total


@pytest.mark.parametrize("key", LEARNERS)
def test_the_best_option_is_first_at_most_half_the_time(key):
    first, total = _best_first_counts(OptionOrder(key))
    assert total >= 30  # 26 role-play choices and 11 meeting situations were shipped
    assert first <= total / 2, f"best option first at {first} of {total} choices"


def test_learners_see_different_orders():
    orders = {
        tuple(RolePlay(s, order=OptionOrder(k), save_progress=False).choices.options)
        for s in [OPENS_WITH_CHOICE]
        for k in LEARNERS
    }
    assert len(orders) > 1


def test_the_same_learner_sees_the_same_order_after_a_reload_and_a_restart(tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    scenario = OPENS_WITH_CHOICE
    shown = RolePlay(scenario, store=store).choices.options
    assert RolePlay(scenario, store=store).choices.options == shown  # a reload
    # a server restart: a new Python process reading the same progress folder
    code = (
        "import json, sys\n"
        "from facilitator_course.progress import ProgressStore\n"
        "from facilitator_course.roleplay.loader import load_scenario\n"
        "from facilitator_course.widgets.roleplay import RolePlay\n"
        "rp = RolePlay(load_scenario(sys.argv[2]), store=ProgressStore(sys.argv[1]))\n"
        "print(json.dumps(list(rp.choices.options)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(store.path), scenario.id],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "FACILITATOR_COURSE_HOME": str(tmp_path / "elsewhere")},
    ).stdout
    assert [tuple(option) for option in json.loads(out)] == list(shown)


def test_going_back_a_turn_shows_the_same_order(tmp_path):
    rp = RolePlay(OPENS_WITH_CHOICE, store=ProgressStore(tmp_path / "progress.json"))
    shown = rp.choices.options
    assert len(shown) >= 2
    rp.choices.value = shown[0][1]
    rp.reply_button.click()
    rp.rewind_button.click()  # back to turn 1
    assert rp.conversation.transcript == () and rp.choices.options == shown
    rp.restart_button.click()
    assert rp.choices.options == shown


def test_a_reply_chosen_from_the_shuffled_list_is_the_reply_shown():
    for key in LEARNERS[:3]:
        for scenario in SCENARIOS:
            rp = RolePlay(scenario, order=OptionOrder(key), save_progress=False)
            node = rp.conversation.node
            if node.respond != CHOICE:
                continue
            label, value = rp.choices.options[-1]  # the last one shown
            rp.choices.value = value
            turn = rp.submit()
            assert turn is not None and turn.reply == label
            chosen = next(c for c in node.choices if c.reply == label)
            assert rp.conversation.transcript[-1].code == chosen.code
            assert rp.conversation.node.id == chosen.next


def test_a_meeting_response_chosen_from_the_shuffled_list_is_the_response_shown():
    sim = MeetingSimulator(
        MeetingSimulation(MEETINGS[0]), order=OptionOrder(LEARNERS[0]), save_progress=False
    )
    while not sim.simulation.finished:
        label, value = sim.options.options[-1]
        sim.options.value = value
        decision = sim.respond()
        assert decision is not None and decision.choice.action == label


def test_sorting_statements_are_shuffled_and_feedback_is_numbered_as_shown():
    exercise = load_sorting_exercise("orientation-role")
    shown_orders = set()
    for key in LEARNERS:
        widget = SortingWidget(exercise, order=OptionOrder(key))
        shown = [item.id for item in widget.shown]
        assert sorted(shown) == sorted(i.id for i in exercise.items)
        assert list(widget.toggles) == shown  # the toggles are numbered as shown
        shown_orders.add(tuple(shown))
    assert len(shown_orders) > 1 and tuple(i.id for i in exercise.items) not in shown_orders

    widget = SortingWidget(exercise, order=OptionOrder(LEARNERS[0]))
    first_shown = widget.shown[0]
    widget.toggles[first_shown.id].value = first_shown.answer
    widget.check()
    # the explanation numbered 1 is the statement shown as number 1
    line_one = widget.result.value.split("✔ 1.</strong>")[1].split("</li>")[0]
    assert first_shown.why[:40] in line_one


def test_the_key_is_random_private_beside_the_progress_and_deleted_with_it(tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    key = learner_key(store)
    path = key_path(store)
    assert path.parent == store.path.parent and path.read_text().strip() == key
    assert len(key) == 32 and int(key, 16) >= 0
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert learner_key(store) == key  # read back, not made again
    assert learner_key(ProgressStore(tmp_path / "other" / "progress.json")) != key
    assert path in store.delete()
    assert not path.exists()


def test_a_damaged_key_is_replaced_and_an_unwritable_folder_still_shuffles(tmp_path):
    store = ProgressStore(tmp_path / "progress.json")
    key_path(store).write_text("not a key")
    key = learner_key(store)
    assert key != "not a key" and key_path(store).read_text().strip() == key
    # a progress "folder" that cannot be created (a file is in the way; works even as root)
    (tmp_path / "blocked").write_text("")
    blocked = ProgressStore(tmp_path / "blocked" / "progress.json")
    session_key = learner_key(blocked)  # no exception
    assert session_key == learner_key(blocked)  # stable for this run
    assert OptionOrder.for_learner(blocked).permutation("x", 5) == OptionOrder(
        session_key
    ).permutation("x", 5)


def test_nothing_is_written_while_nbgrader_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    store = ProgressStore(tmp_path / "progress.json")
    RolePlay(OPENS_WITH_CHOICE, store=store)
    SortingWidget.from_name("orientation-role", store=store)
    assert not key_path(store).exists()


def test_pages_opened_at_once_agree_on_one_key(tmp_path):
    """Several kernels starting together (a restored browser session) make one key between them."""
    from concurrent.futures import ThreadPoolExecutor

    store = ProgressStore(tmp_path / "fresh" / "progress.json")
    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _: learner_key(store), range(16)))
    assert keys == {key_path(store).read_text().strip()}
    assert [p.name for p in key_path(store).parent.iterdir()] == [key_path(store).name]


def _best_is_longest() -> tuple[int, int]:
    """(situations whose best option is the longest, or tied longest; situations) over every
    shipped role-play choice and meeting situation."""
    longest = total = 0
    for scenario in SCENARIOS:
        for node in scenario.nodes.values():
            if node.respond != CHOICE:
                continue
            best = len(best_choice(node).reply)
            longest += all(best >= len(choice.reply) for choice in node.choices)
            total += 1
    for meeting in MEETINGS:
        for plan in meeting.elements:
            for event in plan.events:
                best = len(event.best().action)
                longest += all(best >= len(choice.action) for choice in event.choices)
                total += 1
    return longest, total


def test_the_best_option_is_not_given_away_by_its_length():
    """Shuffling hides position; a learner who always picks the longest option must not win
    either. The shipped texts once made the best option the longest in 35 of 38 situations."""
    longest, total = _best_is_longest()
    assert total >= 30
    assert longest <= total // 2, f"the best option is the longest in {longest} of {total}"
