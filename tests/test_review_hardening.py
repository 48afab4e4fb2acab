"""Review sweep: learner text never becomes markup, distress always brings crisis resources, and
bad input (hostile YAML, damaged progress files, odd text, unwritable paths) gets a clear message.

Every widget is driven the way a learner would: type into every text box, pick something in every
empty dropdown, click every button; then every HTML widget in the tree is read back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import ipywidgets as w
import pytest

from facilitator_course import answer_messages, answers
from facilitator_course.cli import main
from facilitator_course.content import ContentError, load_yaml
from facilitator_course.paths import data_dir
from facilitator_course.progress import ProgressStore
from facilitator_course.roleplay.loader import load_scenario
from facilitator_course.safety import mentions_distress
from facilitator_course.widgets import (
    ABCWidget,
    CBAWidget,
    ChangePlanWidget,
    CodingDrillWidget,
    HOVWidget,
    MeetingSimulator,
    RolePlay,
    SortingWidget,
    UrgeLogWidget,
)
from facilitator_course.worksheets.urge_log import UrgeEntry, UrgeLog, analyse_urge_log

REPO = Path(__file__).resolve().parents[1]
# Subprocesses find the package even without an installed copy (an outer PYTHONPATH still wins).
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(
        p for p in (os.environ.get("PYTHONPATH"), str(REPO / "utils")) if p
    ),
}
SCENARIOS = sorted(p.stem for p in (data_dir() / "scenarios").glob("*.yaml"))
FREE_TEXT = [
    s for s in SCENARIOS if any(n.respond == "free_text" for n in load_scenario(s).nodes.values())
]
MEETINGS = sorted(p.stem for p in (data_dir() / "meetings").glob("*.yaml"))
WORKSHEETS = (ABCWidget, CBAWidget, ChangePlanWidget, HOVWidget, UrgeLogWidget)
# Raw markup that must never reach an HTML widget, and the inputs that try to smuggle it in.
RAW = ("<img src=x", "<script", '" onmouseover="')
PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "You feel <img src=x onerror=alert(1)> about it <script>alert(1)</script>, right?",
    'It sounds like " onmouseover="alert(1)" was hard.',
)
DISTRESS = "Honestly I don’t want to live anymore."  # curly apostrophe, as phones type it


def walk(widget) -> Iterator:
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from walk(child)


def html_of(widget) -> str:
    return "\n".join(x.value for x in walk(widget) if isinstance(x, w.HTML))


def text_inputs(widget) -> list:
    return [x for x in walk(widget) if isinstance(x, (w.Text, w.Textarea))]


def type_everywhere(obj, text: str) -> None:
    for box in text_inputs(obj.widget):
        # a number-only box gets nothing (allowed), so the rest of the form is accepted
        box.value = "" if "minutes" in box.description else text
    for item in walk(obj.widget):
        if isinstance(item, w.Dropdown) and item.value is None and len(item.options) > 1:
            item.value = item.options[-1][1]
        if isinstance(item, w.RadioButtons) and item.value is None and item.options:
            item.value = item.options[0][1]
        if isinstance(item, w.ToggleButtons) and item.value is None and item.options:
            item.value = item.options[0][1]


SKIPPED_BUTTONS = ("Clear", "Start", "Retry", "Remove")  # they would undo what was typed


def drive(obj, text: str, rounds: int = 4) -> None:
    """Type `text` everywhere and click every enabled button, a few times over."""
    for _ in range(rounds):
        type_everywhere(obj, text)
        for button in [b for b in walk(obj.widget) if isinstance(b, w.Button)]:
            if button.disabled or button.description.startswith(SKIPPED_BUTTONS):
                continue
            type_everywhere(obj, text)
            button.click()


def every_widget(store: ProgressStore) -> Iterator[tuple[str, object]]:
    for scenario in SCENARIOS:
        yield scenario, RolePlay.from_scenario(scenario, store=store)
    for cls in WORKSHEETS:
        yield cls.__name__, cls(store=store)
    yield "drill", CodingDrillWidget.from_name("mi-labels", store=store)
    for meeting in MEETINGS:
        yield meeting, MeetingSimulator.from_name(meeting, store=store)
    yield "sorting", SortingWidget.from_name("orientation-role")


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "progress.json")


# -- 1. Escaping ------------------------------------------------------------------------------------
@pytest.mark.parametrize("payload", PAYLOADS)
def test_typed_markup_never_reaches_an_html_widget(payload, store):
    shown_as_text = set()
    for name, obj in every_widget(store):
        drive(obj, payload)
        shown = html_of(obj.widget)
        for raw in RAW:
            assert raw not in shown, f"{name}: {raw!r} shown unescaped"
        if "&lt;" in shown or "&quot;" in shown:
            shown_as_text.add(name)
    # Not vacuous: the typed text did reach the page, as text (the urge log's table shows every
    # field; a role-play transcript shows a reply the coder accepted as a sentence).
    assert "UrgeLogWidget" in shown_as_text
    if payload.startswith(("You", "It")):
        assert shown_as_text & set(SCENARIOS), shown_as_text


def test_markup_in_a_saved_draft_is_escaped_when_it_comes_back(store):
    first = UrgeLogWidget(store=store)
    first.inputs["when"].value = "<script>alert(1)</script>"
    first.inputs["intensity"].value = 5
    first.inputs["trigger"].value = "<img src=x onerror=alert(1)>"
    first.add_button.click()
    again = UrgeLogWidget(store=store)
    assert len(again.log.entries) == 1
    assert "&lt;img src=x" in again.log_view.value
    assert not any(raw in html_of(again.widget) for raw in RAW)


# -- 2. Crisis resources wherever a learner types ----------------------------------------------------
@pytest.mark.parametrize("cls", WORKSHEETS)
def test_distress_typed_in_any_worksheet_field_shows_crisis_resources(cls, store):
    for key, box in cls(store=store).inputs.items():
        if not isinstance(box, (w.Text, w.Textarea)):
            continue
        sheet = cls(store=store, save_progress=False)
        sheet.inputs[key].value = DISTRESS  # typed only, nothing added or saved
        assert "988" in sheet.feedback.value, f"{cls.__name__}.{key}"
        assert 'role="alert"' in sheet.feedback.value


def test_distress_in_an_urge_log_entry_time_field_is_noticed():
    log = UrgeLog()
    log.add(UrgeEntry("the night I wanted to kill myself", 9, "argument", 20, "called a friend"))
    assert analyse_urge_log(log).distress


@pytest.mark.parametrize("scenario", FREE_TEXT)
def test_distress_in_a_typed_role_play_reply_shows_resources_even_if_rejected(scenario, store):
    rp = RolePlay.from_scenario(scenario, store=store)
    while not rp.conversation.finished and rp.conversation.expects == "choice":
        rp.choices.value = 0
        rp.reply_button.click()
    assert not rp.conversation.finished, "the first choices should lead to a typed turn"
    rp.text.value = "word " * 150 + DISTRESS  # too long: the reply is not used...
    rp.reply_button.click()
    assert not rp.conversation.transcript or rp.text.value  # ...it was rejected
    assert "988" in rp.feedback.value  # ...but the resources are shown
    rp.text.value = "It sounds like " + DISTRESS
    rp.reply_button.click()
    assert "988" in rp.feedback.value


@pytest.mark.parametrize(
    "text",
    [
        "I don’t want to live anymore",
        "some days I wanna die",
        "k\u200bill myself",
        "self\u2011harm",
        "there is no point living like this",
    ],
)
def test_distress_is_noticed_in_untidy_typed_text(text):
    assert mentions_distress(text)


def test_written_answers_show_resources_for_untidy_distress_text(monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(answer_messages, "show", seen.append)
    answers.review_written("Some nights I don’t want to wake up at all, and " + "more " * 40)
    assert any("988" in html for html in seen)


def test_the_country_setting_reaches_the_widgets(monkeypatch, store):
    monkeypatch.setenv("FACILITATOR_COURSE_COUNTRY", "GB")
    sheet = CBAWidget(store=store)
    sheet.inputs["behaviour"].value = DISTRESS
    assert "116 123" in sheet.feedback.value and "988" not in sheet.feedback.value


# -- 3. Bad input ------------------------------------------------------------------------------------
ODD_TEXT = {
    "empty": "",
    "whitespace": " \n\t ",
    "one-megabyte": "a" * 1_000_000,
    "emoji": "😀🔥👨‍👩‍👧 I feel 😢",
    "rtl": "أريد أن أتوقف \u202e عن الشرب",
    "control": "a\x00b\x07c\x1b[31m\x7f\x08",
    "lone-surrogate": "broken \ud800 paste",
}


@pytest.mark.parametrize("kind", sorted(ODD_TEXT))
def test_odd_text_in_every_worksheet_never_breaks_and_is_kept(kind, tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    for cls in (ABCWidget, CBAWidget, ChangePlanWidget, HOVWidget):
        sheet = cls(store=store)
        key = next(k for k, v in sheet.inputs.items() if isinstance(v, w.Textarea))
        sheet.inputs[key].value = ODD_TEXT[kind]
        assert sheet.save_draft() is True, sheet.status.value  # never a traceback...
        again = cls(store=store)
        assert again.inputs[key].value == ODD_TEXT[kind]  # ...and nothing lost


def test_a_deeply_nested_progress_file_is_set_aside_not_a_crash(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    store = ProgressStore(path)
    assert store.load()["scenarios"] == {}
    assert "kept as" in store.notices[0]
    kept = list(tmp_path.glob("progress.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "[" * 100_000


def test_a_binary_progress_file_is_set_aside_not_a_crash(tmp_path):
    path = tmp_path / "progress.json"
    path.write_bytes(b"\xff\xfe\x00binary")
    assert ProgressStore(path).load()["worksheets"] == {}
    (kept,) = tmp_path.glob("progress.json.corrupt-*")
    assert kept.read_bytes() == b"\xff\xfe\x00binary"


def test_hand_edited_entries_are_skipped_and_the_original_is_kept(tmp_path):
    path = tmp_path / "progress.json"
    original = {
        "version": 1,
        "scenarios": {"a": "oops", "b": {"attempts": "many", "best_score": None}},
        "meetings": [],
        "drills": {"d": {"agreement": 80}},
        "worksheets": {"w": {"fields": "oops"}, "ok": {"fields": {"x": "kept"}}},
    }
    path.write_text(json.dumps(original), encoding="utf-8")
    store = ProgressStore(path)
    assert store.draft("w") is None and store.draft("ok") == {"x": "kept"}
    assert "\n".join(store.describe())
    assert store.record_scenario("a", 50, "good")["attempts"] == 1
    assert store.record_scenario("b", 60, "good")["best_score"] == 60
    kept = list(tmp_path.glob("progress.json.corrupt-*"))
    assert kept and json.loads(kept[0].read_text(encoding="utf-8")) == original
    widget = CBAWidget(store=ProgressStore(path))
    assert widget.save_draft() is True


def test_show_and_export_only_look_they_never_move_a_file(tmp_path, capsys):
    notes = tmp_path / "notes"
    notes.write_text("my own notes, not progress", encoding="utf-8")
    assert main(["progress", "show", "--file", str(notes)]) == 0
    assert main(["progress", "export", str(tmp_path / "out.json"), "--file", str(notes)]) == 0
    assert notes.read_text(encoding="utf-8") == "my own notes, not progress"
    assert not list(tmp_path.glob("notes.corrupt-*"))
    assert "left as it is" in capsys.readouterr().err + "\n".join(ProgressStore(notes).describe())


def test_delete_removes_only_the_progress_files(tmp_path):
    store = ProgressStore(tmp_path / "notes")
    store.record_scenario("s", 1, "good")
    (tmp_path / "notes.txt").write_text("unrelated", encoding="utf-8")
    (tmp_path / "notes.corrupt-20250101-000000").write_text("old", encoding="utf-8")
    removed = {p.name for p in store.delete()}
    assert "notes" in removed and "notes.corrupt-20250101-000000" in removed
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "unrelated"


def test_export_to_an_unwritable_place_is_a_message_not_a_traceback(tmp_path, capsys):
    store_file = tmp_path / "progress.json"
    ProgressStore(store_file).record_scenario("s", 10, "good")
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    code = main(["progress", "export", str(blocker / "sub" / "x.json"), "--file", str(store_file)])
    err = capsys.readouterr().err
    assert code == 1 and "Could not export your progress" in err and "Traceback" not in err
    assert ProgressStore(store_file).load()["scenarios"]["s"]["best_score"] == 10


def _bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text, message",
    [(_bomb(), "too large"), ("[" * 50_000 + "]" * 50_000, "nested too deeply")],
    ids=["alias-bomb", "deep-nesting"],
)
def test_hostile_yaml_is_a_content_error_quickly(tmp_path, text, message):
    path = tmp_path / "scenarios" / "bad.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        load_yaml(path)
    done = subprocess.run(
        [sys.executable, "-m", "facilitator_course.cli", "check", str(path.parent)],
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
        env=ENV,
    )
    assert done.returncode == 1 and message in done.stdout and "Traceback" not in done.stderr


def test_check_on_a_folder_without_yaml_and_on_a_binary_file(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 1
    assert "No scenario, meeting or drill files found" in capsys.readouterr().err
    binary = tmp_path / "x.yaml"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    assert main(["check", str(binary)]) == 1
    assert "could not be read as UTF-8" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["code", "beliefs"])
def test_json_lines_commands_survive_a_lone_surrogate(command):
    rows = [{"text": "ok \ud800 text"}, {"text": "you feel sad"}]
    data = "\n".join(json.dumps(r) for r in rows) + "\n"  # json escapes the surrogate as \ud800
    done = subprocess.run(
        [sys.executable, "-m", "facilitator_course.cli", command],
        input=data.encode("ascii"),
        capture_output=True,
        timeout=60,
        check=False,
        env=ENV,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    out = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(out) == 2 and out[0]["text"] == "ok \ud800 text"


# -- 6. Accessibility of every widget ----------------------------------------------------------------
LABELLED = (w.Text, w.Textarea, w.Dropdown, w.RadioButtons, w.Checkbox, w.ToggleButtons, w.Select)


def test_every_input_is_labelled_and_every_button_has_text_and_a_tooltip(store):
    for name, obj in every_widget(store):
        drive(obj, "It sounds like this matters to you.", rounds=1)  # free-text boxes appear
        for item in walk(obj.widget):
            if isinstance(item, w.Button):
                assert item.description.strip(), f"{name}: a button without text"
                assert item.tooltip, f"{name}: button {item.description!r} without a tooltip"
            elif isinstance(item, LABELLED):
                assert item.description.strip(), f"{name}: {type(item).__name__} without a label"


def test_a_sorting_exercise_about_suicide_shows_crisis_resources_on_its_own():
    about = SortingWidget.from_name("difficult-situations")
    assert "988" in about.banner.value and 'role="alert"' in about.banner.value
    assert SortingWidget.from_name("orientation-role").banner.value == ""


def test_a_hand_edited_file_is_copied_aside_once_not_on_every_read(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"version": 1, "scenarios": {"a": 1}}), encoding="utf-8")
    for _ in range(3):
        CBAWidget(store=ProgressStore(path))  # each widget reads the file with its own store
    assert len(list(tmp_path.glob("progress.json.corrupt-*"))) == 1


def test_a_hand_edited_draft_loads_what_fits_and_loses_nothing(tmp_path):
    path = tmp_path / "progress.json"
    bad_entry = {"when": "Fri", "intensity": "very"}
    drafts = {
        "cba": {"fields": {"behaviour": 5, "benefits_doing": ["relax", "sleep"]}},
        "change_plan": {"fields": {"importance": "seven", "confidence": 6, "change": "walk"}},
        "urge_log": {"fields": {"entries": [{"intensity": 4, "trigger": "pub"}, "x", bad_entry]}},
    }
    path.write_text(json.dumps({"version": 1, "worksheets": drafts}), encoding="utf-8")
    cba = CBAWidget(store=ProgressStore(path))
    assert cba.inputs["behaviour"].value == "5"
    assert cba.inputs["benefits_doing"].value == "relax\nsleep"
    plan = ChangePlanWidget(store=ProgressStore(path))
    assert plan.inputs["importance"].value is None and plan.inputs["confidence"].value == 6
    assert "Not loaded" in plan.status.value and "How important" in plan.status.value
    log = UrgeLogWidget(store=ProgressStore(path))
    assert len(log.log.entries) == 1 and "Not loaded" in log.status.value
    log.inputs["intensity"].value = 3
    log.inputs["trigger"].value = "stress"
    log.add_button.click()  # saves the log...
    saved = ProgressStore(path).draft("urge_log")
    assert len(saved["entries"]) == 2 and saved["unreadable"] == ["x", bad_entry]  # ...losing none


@pytest.mark.timeout(60)
def test_an_endless_or_huge_file_is_refused_without_reading_it_all(tmp_path):
    huge = tmp_path / "huge.yaml"
    huge.write_text("title: " + "x" * 3_000_000 + "\n", encoding="utf-8")
    with pytest.raises(ContentError, match="too large"):
        load_yaml(huge)
    if not Path("/dev/zero").exists():
        return
    # /dev/zero never ends: it must be cut off, not read into memory. Run apart, with a memory
    # cap, so a regression fails this test instead of exhausting the machine.
    code = (
        "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "from facilitator_course.content import ContentError, load_yaml\n"
        "try:\n    load_yaml('/dev/zero')\nexcept ContentError as exc:\n    print('refused', exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
        env=ENV,
    )
    assert done.returncode == 0 and "refused" in done.stdout, done.stderr[-500:]
