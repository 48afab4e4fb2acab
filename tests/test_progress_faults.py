"""When the progress file or its folder is in trouble, the learner is told and nothing is lost.

A read-only folder is made with `chattr +i` when the tests run as root (root ignores permission
bits) and with `chmod 555` otherwise: either way the folder really refuses new files and renames.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import run_cli
from facilitator_course.atomic_file import ORPHAN_SECONDS
from facilitator_course.meeting.schema import load_meeting
from facilitator_course.meeting.simulator import MeetingSimulation
from facilitator_course.progress import ProgressNotSaved, ProgressStore
from facilitator_course.widgets.abc import ABCWidget
from facilitator_course.widgets.meeting import MeetingSimulator

DAMAGED = '{"version": 1, "worksheets": {"abc": '  # cut off mid-save by hand or by a disk


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


def _play_to_the_end(simulator: MeetingSimulator) -> None:
    while not simulator.simulation.finished:
        event = simulator.simulation.current_event
        assert event is not None
        simulator.options.value = next(
            i for i, c in enumerate(event.choices) if c.handling == "good"
        )
        simulator.respond()


def test_a_damaged_file_set_aside_by_the_meeting_simulator_is_reported(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(DAMAGED, encoding="utf-8")
    simulator = MeetingSimulator(
        MeetingSimulation(load_meeting("community-centre-evening")), store=ProgressStore(path)
    )
    _play_to_the_end(simulator)
    assert "could not be read" in simulator.debrief.value and "kept as" in simulator.debrief.value
    copies = list(tmp_path.glob("progress.json.corrupt-*"))
    assert len(copies) == 1 and copies[0].read_text(encoding="utf-8") == DAMAGED  # nothing lost
    assert json.loads(path.read_text(encoding="utf-8"))["meetings"]  # the new result is saved

    code, out, _ = run_cli(["progress", "show", "--file", str(path)])
    assert code == 0
    assert "community-centre-evening" in out
    assert f"could not be read (kept, nothing deleted): {copies[0]}" in out


def test_load_in_a_read_only_folder_with_a_damaged_file_does_not_raise(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(DAMAGED, encoding="utf-8")
    store = ProgressStore(path)
    with read_only(tmp_path):
        data = store.load()
        assert data["worksheets"] == {}
        assert any("could not be set aside" in n for n in store.notices), store.notices
        with pytest.raises(ProgressNotSaved, match=r"Not saved: your progress folder .* cannot be"):
            store.save_draft("abc", {"a": "x"})
    assert path.read_text(encoding="utf-8") == DAMAGED  # left exactly as it was


def test_a_damaged_file_that_cannot_be_set_aside_is_never_saved_over(tmp_path):
    """The folder takes new files but the damaged file cannot be moved (immutable as root,
    else a read-only folder): saving must not replace it with a new, empty progress."""
    path = tmp_path / "progress.json"
    path.write_text(DAMAGED, encoding="utf-8")
    store = ProgressStore(path)
    target = path if os.geteuid() == 0 else tmp_path
    with read_only(target):
        with pytest.raises(ProgressNotSaved, match="Not saved") as caught:
            store.save_draft("abc", {"a": "x"})
        if target == path:
            assert "nothing is written over it" in str(caught.value)
    assert path.read_text(encoding="utf-8") == DAMAGED


def test_a_read_only_folder_makes_the_abc_worksheet_say_so(tmp_path):
    path = tmp_path / "progress.json"
    ProgressStore(path).save_draft("abc", {"a": "My boss criticised my report."})
    with read_only(tmp_path):
        sheet = ABCWidget(store=ProgressStore(path))
        assert sheet.inputs["a"].value == "My boss criticised my report."  # the draft is shown
        assert "cannot be saved on this computer" in sheet.status.value
        assert "copy your text somewhere safe" in sheet.status.value
        sheet.inputs["b"].value = "I must never make mistakes."
        assert sheet.save_draft() is False
        assert "Not saved" in sheet.status.value and "Traceback" not in sheet.status.value
        assert sheet.inputs["b"].value == "I must never make mistakes."  # still on screen
        assert "must" in sheet.feedback.value.lower() or sheet.feedback.value  # feedback runs


def test_a_read_only_folder_with_a_damaged_file_still_shows_the_worksheet(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(DAMAGED, encoding="utf-8")
    with read_only(tmp_path):
        sheet = ABCWidget(store=ProgressStore(path))
        assert "could not be set aside" in sheet.status.value
        assert "cannot be saved" in sheet.status.value
        assert sheet.feedback.value  # live feedback is there, not an empty widget
    assert path.read_text(encoding="utf-8") == DAMAGED


def test_orphaned_temporary_files_are_reported_then_removed_at_the_next_save(tmp_path):
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.save_draft("abc", {"a": "before"})
    old = tmp_path / ".progress.json.k1ll3d.tmp"
    old.write_text('{"half": ', encoding="utf-8")
    stale = time.time() - ORPHAN_SECONDS - 5
    os.utime(old, (stale, stale))
    fresh = tmp_path / ".progress.json.wr1t1ng.tmp"  # another kernel's save, in progress
    fresh.write_text("{", encoding="utf-8")
    unrelated = tmp_path / ".progress.json.notes"
    unrelated.write_text("mine", encoding="utf-8")
    os.utime(unrelated, (stale, stale))

    code, out, _ = run_cli(["progress", "show", "--file", str(path)])
    assert code == 0 and "1 temporary file(s) from an interrupted save" in out
    assert old.exists()  # looking never deletes

    store.save_draft("abc", {"a": "after"})
    assert not old.exists()
    assert fresh.exists() and unrelated.exists()
    assert store.draft("abc") == {"a": "after"}
