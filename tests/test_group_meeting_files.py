"""Group meeting files: the schema rejects bad files with clear messages, `check` covers them, and
the capstone transcript is data that the trainer's side re-judges with its own engine."""

from __future__ import annotations

import json
import os
import stat

import pytest
import yaml

from capstone_scripts import HARMFUL, SKILLED
from facilitator_course.commands.check import check_paths
from facilitator_course.group.schema import (
    check_group_meeting_file,
    group_meeting_paths,
    group_meetings_dir,
)
from facilitator_course.group.scoring import BLOCKED, PASS
from facilitator_course.group.transcript import (
    FORMAT,
    TranscriptError,
    load_transcript,
    parse_transcript,
    rejudge,
    save_transcript,
)

SHIPPED = group_meetings_dir() / "capstone-thursday-evening.yaml"


def _write(tmp_path, change) -> list[str]:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "capstone-thursday-evening.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return [str(e) for e in check_group_meeting_file(path)]


def test_the_shipped_capstone_passes_and_check_covers_group_meetings():
    assert SHIPPED in group_meeting_paths()
    results = check_paths([])
    assert results[SHIPPED] == []
    assert check_paths([str(SHIPPED)]) == {SHIPPED: []}


def _drop_kind(kind):
    return lambda d: d.update(incidents=[i for i in d["incidents"] if i["kind"] != kind])


def _set_incident(kind, **values):
    def change(d):
        next(i for i in d["incidents"] if i["kind"] == kind).update(values)

    return change


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (_drop_kind("twelve_step"), "incidents", "missing: twelve_step"),
        (
            _set_incident("disclosure", says=[{"who": "Jess", "says": "I had a bad week."}]),
            "incidents.5.says",
            "distress check",
        ),
        (_set_incident("disclosure", within=2), "incidents.5.within", "act now"),
        (_set_incident("disclosure", needs=["keep_time"]), "incidents.5.needs", "safety_check"),
        (_set_incident("crosstalk", needs=["shout"]), "incidents.2.needs.0", "should be one of"),
        (_set_incident("crosstalk", who="Zed"), "incidents.2.who", "should name a participant"),
        (
            lambda d: d["phases"]["check_in"].update(minutes=30),
            "phases.check_in.minutes",
            "from 1 to 20",
        ),
        (
            lambda d: d["phases"]["check_out"].update(minutes=14),
            "phases",
            "budget is 15 min",
        ),
        (lambda d: d["phases"].pop("agenda"), "phases", "is missing agenda"),
        (lambda d: d.update(participants=d["participants"][:4]), "participants", "5 to 8"),
        (
            lambda d: [p.pop("quiet", None) for p in d["participants"]],
            "participants",
            "quiet member",
        ),
        (lambda d: d.update(tool="dance"), "tool", "should be one of: cba, abc"),
        (
            _set_incident(
                "intoxicated", missed=[{"who": "", "says": "Call 988 now, the addicts are here."}]
            ),
            "incidents.0.missed",
            "{crisis_line}",
        ),
    ],
)
def test_bad_meeting_files_are_refused_with_a_clear_message(tmp_path, change, field, words):
    errors = _write(tmp_path, change)
    assert any(f"field '{field}'" in e and words in e for e in errors), errors
    assert all(", line " in e or "line" not in e for e in errors)


def test_a_file_that_is_not_yaml_is_a_content_error_not_a_traceback(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    (error,) = check_group_meeting_file(path)
    assert "not valid YAML" in str(error)


def test_the_transcript_is_owner_only_data_and_the_trainer_rejudges_it(tmp_path):
    path = save_transcript(
        tmp_path / "capstone-transcript.json", "capstone-thursday-evening", SKILLED
    )
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_transcript(path).moves == tuple(SKILLED)
    assert rejudge(path).status == PASS


def test_a_score_written_into_the_transcript_is_never_trusted(tmp_path):
    path = tmp_path / "capstone-transcript.json"
    data = {"format": FORMAT, "version": 1, "meeting": "capstone-thursday-evening"}
    data.update(moves=HARMFUL, status="pass", fidelity_percent=100, competencies=[])
    path.write_text(json.dumps(data), encoding="utf-8")
    assert rejudge(path).status == BLOCKED


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": "other"}', "not a group meeting transcript"),
        (
            json.dumps(
                {"format": FORMAT, "version": 1, "meeting": "../../etc/passwd", "moves": []}
            ),
            "not a plain id",
        ),
        (
            json.dumps({"format": FORMAT, "version": 1, "meeting": "x", "moves": [1, 2]}),
            "list of typed texts",
        ),
        (
            json.dumps({"format": FORMAT, "version": 1, "meeting": "x", "moves": ["a"] * 301}),
            "at most 300",
        ),
        (json.dumps({"format": FORMAT, "version": 9, "meeting": "x", "moves": []}), "version"),
    ],
)
def test_a_bad_transcript_is_refused_with_a_clear_message(text, words):
    with pytest.raises(TranscriptError, match=words):
        parse_transcript(text)


def test_an_unknown_meeting_in_a_transcript_is_a_clear_error(tmp_path):
    path = save_transcript(tmp_path / "t.json", "no-such-meeting", ["Hello"])
    with pytest.raises(TranscriptError, match="unknown meeting"):
        rejudge(path)
