"""Self-study progress: persistence, crash safety, corrupt files, export/reset/delete."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from facilitator_course import progress as progress_module
from facilitator_course.cli import main
from facilitator_course.paths import platform_data_dir, user_data_dir
from facilitator_course.progress import PROGRESS_FILE, ProgressStore, atomic_write_text


def test_default_location_is_the_learners_data_folder_not_the_repo():
    store = ProgressStore()
    assert store.path == user_data_dir() / PROGRESS_FILE
    repo = Path(__file__).resolve().parents[1]
    assert repo not in store.path.resolve().parents


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        (
            "win32",
            {"APPDATA": r"C:\Users\v\AppData\Roaming"},
            r"C:\Users\v\AppData\Roaming",
        ),
        ("win32", {}, "/home/v/AppData/Roaming"),
        ("darwin", {"XDG_DATA_HOME": "/ignored"}, "/home/v/Library/Application Support"),
        ("linux", {"XDG_DATA_HOME": "/data"}, "/data"),
        ("linux", {}, "/home/v/.local/share"),
    ],
)
def test_progress_lives_where_each_operating_system_keeps_user_data(platform, environ, expected):
    assert platform_data_dir(platform, environ, Path("/home/v")) == Path(expected)


def test_records_survive_a_new_store_like_a_kernel_restart(tmp_path):
    path = tmp_path / "p.json"
    store = ProgressStore(path)
    store.record_scenario("weekends-for-unwinding", 60, "mixed", {"counts": {"persuade": 1}})
    store.record_scenario("weekends-for-unwinding", 90, "good")
    store.record_meeting("community-centre-evening", 75, True)
    store.record_meeting("community-centre-evening", 40, False)
    store.record_drill("mi-labels", 82.456, 0.7891, 20)
    store.save_draft("cba", {"behaviour": "weekend drinking", "costs_doing": "hangovers (short)"})
    again = ProgressStore(path).load()
    scenario = again["scenarios"]["weekends-for-unwinding"]
    assert scenario["attempts"] == 2 and scenario["best_score"] == 90
    assert scenario["last_score"] == 90 and scenario["completed"]
    meeting = again["meetings"]["community-centre-evening"]
    assert meeting["passed"] and not meeting["last_passed"] and meeting["best_score"] == 75
    assert again["drills"]["mi-labels"] == {
        **again["drills"]["mi-labels"],
        "agreement": 82.5,
        "kappa": 0.789,
        "answered": 20,
    }
    assert ProgressStore(path).draft("cba")["behaviour"] == "weekend drinking"
    assert ProgressStore(path).draft("nothing") is None


def test_a_corrupt_file_is_reported_and_set_aside_never_discarded(tmp_path):
    path = tmp_path / "p.json"
    path.write_text('{"version": 1, "scenarios": {', encoding="utf-8")  # truncated by hand
    store = ProgressStore(path)
    data = store.load()
    assert data["scenarios"] == {}
    assert len(store.notices) == 1 and "could not be read" in store.notices[0]
    kept = list(tmp_path.glob("p.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8").startswith('{"version"')
    assert str(kept[0]) in store.notices[0]
    store.record_scenario("x", 10, "poor")  # a new file is started and works
    assert ProgressStore(path).load()["scenarios"]["x"]["best_score"] == 10
    path.write_text("[1, 2]", encoding="utf-8")  # valid JSON, wrong shape: also set aside
    ProgressStore(path).load()
    assert len(list(tmp_path.glob("p.json.corrupt-*"))) == 2


def test_a_crash_during_the_write_keeps_the_previous_progress(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    store = ProgressStore(path)
    store.record_scenario("first", 50, "mixed")
    before = path.read_text(encoding="utf-8")

    def crash(*args, **kwargs):
        raise OSError("simulated power cut before the rename")

    monkeypatch.setattr(progress_module.os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        store.record_scenario("second", 99, "good")
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # cleaned up
    assert "second" not in ProgressStore(path).load()["scenarios"]


def test_a_failing_fsync_also_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    atomic_write_text(path, '{"version": 1}')

    def no_disk(fd):
        raise OSError("disk full")

    monkeypatch.setattr(progress_module.os, "fsync", no_disk)
    with pytest.raises(OSError):
        atomic_write_text(path, '{"version": 1, "new": true}')
    monkeypatch.undo()
    assert json.loads(path.read_text(encoding="utf-8")) == {"version": 1}
    assert not list(tmp_path.glob(".*.tmp"))


KILLER = textwrap.dedent("""\
    import sys
    from facilitator_course.progress import ProgressStore
    store = ProgressStore(sys.argv[1])
    big = "x" * 200_000
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        store.save_draft("abc", {"b": big, "n": n})
""")


def test_a_process_killed_mid_write_leaves_a_readable_file(tmp_path):
    path = tmp_path / "p.json"
    ProgressStore(path).save_draft("abc", {"n": 0})
    script = tmp_path / "writer.py"
    script.write_text(KILLER, encoding="utf-8")
    for delay in (0.15, 0.35, 0.6):
        proc = subprocess.Popen([sys.executable, str(script), str(path)], stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        store = ProgressStore(path)
        draft = store.draft("abc")
        assert store.notices == [] and isinstance(draft["n"], int)
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_two_writers_do_not_lose_each_others_updates(tmp_path):
    path = tmp_path / "p.json"

    def record(prefix: str) -> None:
        store = ProgressStore(path)
        for i in range(15):
            store.record_scenario(f"{prefix}{i}", i, "good")

    threads = [threading.Thread(target=record, args=(p,)) for p in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ProgressStore(path).load()["scenarios"]) == 30


def test_export_reset_and_delete(tmp_path):
    home = tmp_path / "home"
    store = ProgressStore(home / "progress.json")
    store.record_scenario("s", 70, "good")
    (home / "progress.json.corrupt-20250101-000000").write_text("old", encoding="utf-8")
    exported = store.export(tmp_path)
    assert exported.parent == tmp_path and json.loads(exported.read_text())["scenarios"]["s"]
    named = store.export(tmp_path / "mine.json")
    assert named.name == "mine.json"
    store.reset()
    assert store.load()["scenarios"] == {}
    removed = store.delete()
    assert {p.name for p in removed} >= {"progress.json", "progress.json.corrupt-20250101-000000"}
    assert not home.exists()  # the folder held only progress files
    assert store.delete() == []


def test_the_progress_command(tmp_path, capsys):
    file = tmp_path / "data" / "progress.json"
    ProgressStore(file).record_scenario("weekends-for-unwinding", 80, "good")
    assert main(["progress", "show", "--file", str(file)]) == 0
    assert "weekends-for-unwinding: best score 80" in capsys.readouterr().out
    assert main(["progress", "export", str(tmp_path / "copy.json"), "--file", str(file)]) == 0
    assert (tmp_path / "copy.json").is_file()
    assert main(["progress", "reset", "--file", str(file)]) == 1  # no terminal: refuses
    assert main(["progress", "reset", "--yes", "--file", str(file)]) == 0
    assert "nothing saved yet" in "\n".join(ProgressStore(file).describe())
    assert main(["progress", "delete", "--yes", "--file", str(file)]) == 0
    assert not file.exists()
    out = capsys.readouterr().out
    assert "Deleted" in out


def test_unreadable_file_is_reported(tmp_path):
    path = tmp_path / "p.json"
    path.mkdir()  # a folder where the file should be
    store = ProgressStore(path)
    assert store.load()["scenarios"] == {}
    assert store.notices and "could not be read" in store.notices[0]
    assert os.path.isdir(path)  # nothing was destroyed
