"""The `code` and `beliefs` commands' JSON Lines contract, run as real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(REPO / "utils")}


def run(command: str, stdin: str | bytes | None = None, *args: str) -> subprocess.CompletedProcess:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "facilitator_course.cli", command, *args],
        input=data,
        capture_output=True,
        env=ENV,
        timeout=60,
        check=False,
    )


def lines(done: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]


def test_code_keeps_order_passes_keys_through_and_reports_bad_lines():
    stdin = (
        "\n".join(
            [
                json.dumps({"id": "a", "text": "You should stop drinking.", "trainee": "t1"}),
                "this is not json",
                json.dumps(
                    {"id": "b", "text": "What brings you here?", "context": "I don't know."}
                ),
                "",
                json.dumps({"id": "c", "text": 42}),
                json.dumps(["a", "list"]),
                json.dumps({"id": "d"}),
                json.dumps({"id": "e", "text": "Are you still using?", "context": 7}),
            ]
        )
        + "\n"
    )
    done = run("code", stdin)
    assert done.returncode == 0, done.stderr
    out = lines(done)
    assert len(out) == 7  # one per non-blank input line
    assert [o.get("id") for o in out] == ["a", None, "b", "c", None, "d", "e"]
    assert out[0]["trainee"] == "t1" and out[0]["code"] == "persuade"
    for key in ("code", "confidence", "labeling", "explanation"):
        assert key in out[0] and key in out[2]
    assert out[2]["code"] == "question_open" and out[2]["context"] == "I don't know."
    assert "not valid JSON" in out[1]["error"] and out[1]["line"] == 2
    assert "string" in out[3]["error"] and out[3]["code"] is None
    assert "object" in out[4]["error"]
    assert "missing" in out[5]["error"]
    assert out[6]["code"] == "question_closed" and out[6]["error"] is None


def test_code_reads_a_file_and_fails_only_when_it_cannot_read_input(tmp_path):
    path = tmp_path / "replies.jsonl"
    path.write_text(json.dumps({"text": "Welcome, everyone."}) + "\n", encoding="utf-8")
    done = run("code", None, str(path))
    assert done.returncode == 0
    assert lines(done)[0]["code"] == "other"
    missing = run("code", None, str(tmp_path / "nope.jsonl"))
    assert missing.returncode != 0
    assert b"Cannot read" in missing.stderr and missing.stdout == b""
    folder = run("code", None, str(tmp_path))
    assert folder.returncode != 0


def test_code_survives_invalid_utf8_and_empty_input():
    done = run("code", b'{"text": "caf\xe9 time?"}\n\xff\xfe\n')
    assert done.returncode == 0
    out = lines(done)
    assert len(out) == 2 and "error" in out[1]
    assert run("code", "").returncode == 0 and run("code", "").stdout == b""


def test_beliefs_command_contract():
    stdin = (
        "\n".join(
            [
                json.dumps({"text": "I must never fail; it would be awful.", "n": 1}),
                "{broken",
                json.dumps({"text": "I need to buy milk.", "n": 3}),
            ]
        )
        + "\n"
    )
    done = run("beliefs", stdin)
    assert done.returncode == 0
    out = lines(done)
    assert len(out) == 3
    assert out[0]["n"] == 1
    assert out[0]["irrational"] == ["demandingness", "awfulizing"] and out[0]["rational"] == []
    span = out[0]["spans"][0]
    assert set(span) == {"start", "end", "type", "text"}
    assert "I must never fail; it would be awful."[span["start"] : span["end"]] == span["text"]
    assert "error" in out[1]
    assert out[2]["irrational"] == [] and out[2]["spans"] == []


@pytest.mark.parametrize("command", ["code", "beliefs"])
def test_nothing_in_the_input_is_evaluated(command, tmp_path):
    marker = tmp_path / "pwned"
    evil = f"__import__('pathlib').Path({str(marker)!r}).write_text('x')"
    stdin = json.dumps({"text": evil}) + "\n" + json.dumps({"text": "<script>alert(1)</script>"})
    done = run(command, stdin + "\n")
    assert done.returncode == 0
    assert not marker.exists()
    assert len(lines(done)) == 2


def test_a_thousand_responses_in_under_three_seconds(tmp_path):
    """Asserted on the child's CPU time: wall time on a busy CI machine measures the neighbours."""
    import resource

    rows = [
        {"text": t, "context": "I keep drinking at weekends."}
        for t in (
            "What would you like to change?",
            "You should stop.",
            "It sounds like weekends are hard.",
            "Coming here took courage.",
            "Are you still drinking?",
        )
    ]
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(rows[i % 5]) + "\n" for i in range(1000)), "utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = run("code", None, str(path))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    assert done.returncode == 0 and len(lines(done)) == 1000
    assert cpu <= 3.0


def test_code_command_does_not_import_pandas_or_matplotlib():
    probe = (
        'import sys, io; sys.stdin = io.TextIOWrapper(io.BytesIO(b\'{"text": "Hi"}\\n\'));'
        "from facilitator_course.cli import main; main(['code']);"
        "print('HEAVY', sorted(m for m in ('pandas', 'matplotlib', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        env=ENV,
        timeout=60,
        check=True,
        text=True,
    )
    assert "HEAVY []" in done.stdout
