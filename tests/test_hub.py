"""A cohort on a real JupyterHub: course/hub/ as shipped, real Unix users, nbgrader's exchange.

One hub on loopback (configurable-http-proxy from npm, LocalProcessSpawner), a trainer and two
trainees as Unix users. The trainer releases Module 0 with `facilitator-course release`, each
trainee fetches, answers and submits with nbgrader as themselves, the trainer collects,
autogrades and returns feedback with `facilitator-course`, each trainee fetches their feedback,
and the grades are checked. Then what a trainee must not reach is tried as that trainee. The hub
must answer a trainee with the Voilà course home, and the trainer with the formgrader.

Needs root (CI runs as root): without it the test fails and says why; it never skips.
"""

from __future__ import annotations

import csv
import json
import pwd
import time
from pathlib import Path

import pytest

from conftest import REPO
from hub_rig import COURSE_ID, COURSE_ROOT, Hub, missing_requirements
from submissions import EXERCISE, answer_key, answers_for

pytestmark = pytest.mark.slow
MODULE = "00-orientation"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def hub():
    problems = missing_requirements()
    if problems:
        pytest.fail("The hub test cannot run here: " + "; ".join(problems), pytrace=False)
    rig = Hub(trainers=1, trainees=2)
    try:
        rig.start()
        yield rig
    finally:
        rig.close()


@pytest.fixture(scope="module")
def cohort(hub):
    """The whole exchange cycle, run once; each step's seconds are kept for the report."""
    timings: dict[str, float] = {}
    outputs: dict[str, str] = {}
    trainer = hub.trainers[0]
    folder = hub.home(trainer) / "cohort"
    keys = answer_key(REPO / "solutions", MODULE)
    wrong = {next(k.item for k in keys if k.kind == "choice")}
    expected = {}

    def step(name: str, action) -> None:
        began = time.monotonic()
        done = action()
        timings[name] = round(time.monotonic() - began, 1)
        outputs[name] = done.stdout
        print(f"--- {name}\n{done.stdout[-1500:]}{done.stderr[-1500:]}")

    step(
        "release",
        lambda: hub.course_cli(
            trainer, "release", "--course-dir", str(folder), "--exchange", str(hub.exchange), MODULE
        ),
    )
    for number, trainee in enumerate(hub.trainees):
        step(
            f"fetch {trainee}",
            lambda t=trainee: hub.nbgrader(t, "fetch_assignment", MODULE, "--course", COURSE_ID),
        )
        notebook = hub.home(trainee) / MODULE / EXERCISE
        typed, points = answers_for(keys, wrong=wrong if number else set())
        hub.run_as(
            trainee,
            [str(hub.python), "-c", _WRITE_ANSWERS, str(notebook), json.dumps(typed)],
        )
        expected[trainee] = sum(points.values())
        step(
            f"submit {trainee}",
            lambda t=trainee: hub.nbgrader(t, "submit", MODULE, "--course", COURSE_ID),
        )
    exchange_arg = ["--course-dir", str(folder), "--exchange", str(hub.exchange)]
    step("collect", lambda: hub.course_cli(trainer, "collect", *exchange_arg, MODULE))
    step(
        "autograde",
        lambda: hub.course_cli(trainer, "autograde", "--course-dir", str(folder), MODULE),
    )
    step(
        "feedback",
        lambda: hub.course_cli(trainer, "feedback", *exchange_arg, "--include-ungraded", MODULE),
    )
    for trainee in hub.trainees:
        step(
            f"fetch_feedback {trainee}",
            lambda t=trainee: hub.nbgrader(t, "fetch_feedback", MODULE, "--course", COURSE_ID),
        )
    graded = outputs["autograde"]
    # the untouched lesson handed in with the exercise is not "code added" by the trainee
    assert "added code cell" not in graded, graded
    exports = folder / "exports"
    hub.course_cli(
        trainer, "report", "--course-dir", str(folder), "--section", "scores", "--csv", str(exports)
    )
    print("hub exchange cycle, seconds per step:", timings)
    return {"folder": folder, "expected": expected, "exports": exports, "graded": graded}


# Runs as the trainee: fill the answer cells of their own fetched copy (what typing in Lab does).
_WRITE_ANSWERS = f"""
import json, sys, nbformat
sys.path.insert(0, {str(COURSE_ROOT / "tests")!r})
from submissions import fill
path, typed = sys.argv[1], json.loads(sys.argv[2])
nbformat.write(fill(nbformat.read(path, as_version=4), typed), path)
"""


def test_each_trainee_gets_their_own_grade_back(hub, cohort):
    rows = []
    for path in Path(cohort["exports"]).glob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            rows += [(path.name, row) for row in csv.DictReader(handle)]
    text = json.dumps(rows)
    assert all(t in text for t in hub.trainees), f"scores export misses a trainee: {text[:2000]}"
    for trainee, points in cohort["expected"].items():
        mine = [row for _, row in rows if trainee in row.values()]
        assert mine, f"no score row for {trainee}"
        found = {str(v) for row in mine for v in row.values()}
        assert any(_same_number(v, points) for v in found), (
            f"{trainee}: expected {points}, got {mine}"
        )
    first, second = (cohort["expected"][t] for t in hub.trainees)
    assert first > second, "the trainee with a wrong letter must score lower"
    for trainee, points in cohort["expected"].items():  # autograde's own table, e.g. "5/8"
        line = next(x for x in cohort["graded"].splitlines() if x.startswith(trainee))
        assert f" {points:g}/" in line, f"{trainee}: expected {points:g} points: {line}"


def _same_number(value: str, points: float) -> bool:
    try:
        return abs(float(value) - points) < 0.01
    except ValueError:
        return False


def test_each_trainee_fetched_feedback_on_their_own_answers(hub, cohort):
    for trainee in hub.trainees:
        pages = list((hub.home(trainee) / MODULE / "feedback").rglob("*.html"))
        assert pages, f"{trainee} fetched no feedback"
        page = pages[0].read_text(encoding="utf-8")
        assert "BEGIN HIDDEN TESTS" not in page and "### BEGIN SOLUTION" not in page
        assert pages[0].stat().st_uid == _uid(trainee)


def test_a_trainee_cannot_reach_another_trainees_work_or_the_trainers_folder(hub, cohort):
    one, two = hub.trainees
    trainer_folder = cohort["folder"]
    inbound = hub.exchange / COURSE_ID / "inbound"
    feedback = hub.exchange / COURSE_ID / "feedback"
    forbidden = {
        "another trainee's home": ["ls", str(hub.home(two))],
        "another trainee's notebook": ["cat", str(hub.home(two) / MODULE / EXERCISE)],
        "another trainee's feedback": ["ls", str(hub.home(two) / MODULE / "feedback")],
        "the exchange's submissions": ["ls", str(inbound)],
        "the exchange's returned feedback": ["ls", str(feedback)],
        "the trainer's source/ (answer key)": ["ls", str(trainer_folder / "source")],
        "the instructor notebooks (solutions/)": ["ls", str(COURSE_ROOT / "solutions")],
        "an instructor notebook": ["cat", str(COURSE_ROOT / "solutions" / MODULE / EXERCISE)],
        "the trainer's gradebook": ["cat", str(trainer_folder / "gradebook.db")],
    }
    for what, argv in forbidden.items():
        done = hub.run_as(one, argv, check=False)
        assert done.returncode != 0 and "denied" in done.stderr, (
            f"{one} could read {what}: {done.stdout[:300]}"
        )
    # Submissions sit behind an unguessable name: the only way to another's is to list inbound.
    theirs = [p.name for p in inbound.iterdir() if p.name.startswith(f"{two}+")]
    assert theirs and all(len(name.split(" ")[-1]) >= 16 for name in theirs), theirs
    assert oct(hub.exchange.stat().st_mode & 0o7777) == "0o1777"


def test_a_trainee_lands_on_the_voila_course_home_and_the_trainer_on_the_formgrader(hub, cohort):
    trainee, trainer = hub.trainees[0], hub.trainers[0]
    seconds = hub.spawn(trainee)
    model = hub.api("GET", f"/users/{trainee}").json()
    page = hub.get(model["servers"][""]["url"])
    assert page.status_code == 200, page.text[:500]
    assert page.url.endswith(f"/user/{trainee}/voila/render/course/home.ipynb"), page.url
    # The home page ran: its dashboard is a widget (the module map arrives over the kernel's
    # socket, so the HTML holds the widget's view, not its links).
    assert "Peer Facilitator Training" in page.text and WIDGET_VIEW in page.text, page.text[:500]
    assert "cdn." not in page.text and "fontawesome" not in page.text.lower(), "a CDN link"
    lesson = hub.get(f"/user/{trainee}/voila/render/course/00-orientation/00-lesson.ipynb")
    assert lesson.status_code == 200 and WIDGET_VIEW in lesson.text
    lab = hub.get(f"/user/{trainee}/lab")
    assert lab.status_code == 200
    hub.spawn(trainer)
    grader = hub.get(f"/user/{trainer}/")
    assert grader.status_code == 200 and f"/user/{trainer}/formgrader" in grader.url, grader.url
    listed = hub.get(f"/user/{trainer}/formgrader/api/assignments")
    assert MODULE in [a["name"] for a in listed.json()], listed.text[:500]
    print(f"trainee's server ready in {seconds:.1f}s")


def _uid(name: str) -> int:
    return pwd.getpwnam(name).pw_uid


def test_the_shipped_hub_config_pins_a_patched_jupyterhub():
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert "jupyterhub==6.1.1" in extras["hub"] and "jupyterhub==6.1.1" in extras["test"]
    guide = (REPO / "course" / "docs" / "hub-deployment.md").read_text(encoding="utf-8")
    assert "JupyterHub 6.1.1" in guide
