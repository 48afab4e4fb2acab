"""Autograde a whole cohort, one submission at a time, so one bad submission never stops the rest.

A trainee's notebook is untrusted and never runs. Each submission is inspected (see
inspect_submission), its answer cells are read as data (see answer_cells), and nbgrader's API
grades a notebook rebuilt from the released version with those answers written in as string
literals, in a private temporary folder outside the course folder. Anything in an answer cell
that is not a quoted answer is reported and graded as not answered. Whatever happened, a
GradeResult summarises it: a broken notebook, code in an answer cell, a deleted test cell or an
nbgrader error becomes a sentence in the cohort's fault report instead of a traceback.

Submissions are only ever read, never modified. The gradebook is checked against what the last
command left, backed up first, and watched during the run (gradebook_guard): a change to any
submission the run is not grading stops the run. Re-running is safe: a trainer's manual grades
stand, and replies the coder cannot judge wait for the trainer (manual_marks).

Grading is slow mostly because every notebook starts a fresh kernel (about a second each), so
`jobs` > 1 grades several submissions at once in separate processes, each with its own nbgrader
API object; the gradebook is SQLite, and a submission that loses a write-lock race is graded again
afterwards, alone.
"""

from __future__ import annotations

import copy
import multiprocessing
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict
from pathlib import Path
from typing import Any

from traitlets.config import Config

from ..nbgrader_setup import make_api, quiet_nbgrader
from . import fault_report as faults
from . import welfare
from .backup import DEFAULT_KEEP, backup_gradebook, open_gradebook
from .grade_result import (  # noqa: F401  (re-exported: the commands and tests import them here)
    GRADED,
    GRADED_WITH_WARNINGS,
    NOT_GRADED,
    SUMMARY_HEADERS,
    GradeResult,
    explain_failure,
    summary_rows,
    timed_out_cells,
    timeout_seconds,
    welfare_flags,
)
from .gradebook_guard import GradebookChanged, RunGuard, record_gradebook, verify_gradebook
from .manual_marks import left_for_trainer, manual_marks, settle_marks
from .private import owner_only, protect_course_folder
from .rebuilt import Reference, rebuild_submission, reference
from .sandbox import sandboxed_kernels

_DB_LOCKED_MARKER = "database is locked"

MIN_TASKS_PER_WORKER = 3

ProgressCallback = Callable[[int, int, "GradeResult"], None]


def grading_config(config: Config, rebuilt_root: Path) -> Config:
    """The course config with nbgrader reading submissions from the rebuilt notebooks, and its
    autograde pipeline ending with the trainer's view (notes after written answers, a sentence
    in place of each traceback), after SaveAutoGrades has scored the cells: see trainer_view."""
    from nbgrader.converters import Autograde

    from .trainer_view import TrainerView

    config = copy.deepcopy(config)
    config.CourseDirectory.submitted_directory = str(rebuilt_root)
    pipeline = list(Autograde.class_traits()["autograde_preprocessors"].default())
    config.Autograde.autograde_preprocessors = [*pipeline, TrainerView]
    config.TrainerView.course_root = str(config.CourseDirectory.root)
    if config.KernelManager.get("transport") == "ipc":  # sockets of its own for each process
        config.KernelManager.ip = f"{config.KernelManager.ip}-{os.getpid()}"
    return config


def submitted_students(course_root: Path, assignment_id: str) -> list[str]:
    submitted = course_root / "submitted"
    if not submitted.is_dir():
        return []
    return sorted(p.name for p in submitted.iterdir() if (p / assignment_id).is_dir())


def _score(config: Config, assignment_id: str, student_id: str) -> tuple[float, float, bool, float]:
    with open_gradebook(config) as gb:
        sub = gb.find_submission(assignment_id, student_id)
        return (
            float(sub.score),
            float(sub.max_score),
            bool(sub.needs_manual_grade),
            float(sub.total_seconds_late or 0),
        )


def crisis_items_for(config: Config) -> set[tuple[str, str]]:
    """The course's crisis-handling items (welfare.crisis_topic_items); none if unreadable."""
    try:
        from ..course import load_course

        return welfare.crisis_topic_items(load_course(), Path(config.CourseDirectory.root))
    except Exception:  # no course definition: every mention alerts, which errs on the safe side
        return set()


def _welfare_check(result: GradeResult, folder: Path, crisis_items: set[tuple[str, str]]) -> None:
    try:
        flags = welfare.scan_submission(
            folder, result.student_id, result.assignment_id, crisis_items
        )
    except Exception:  # the check must never stop grading; scan_submission skips bad notebooks
        return
    result.welfare = [f.as_record() for f in flags]


def grade_one(
    api,
    config: Config,
    assignment_id: str,
    student_id: str,
    ref: Reference,
    rebuilt_root: Path,
    crisis_items: set[tuple[str, str]] | None = None,
) -> GradeResult:
    """Inspect, rebuild and grade one submission, and check its answers for distress.

    `api` must read submissions from `rebuilt_root` (see grading_config). Never raises.
    """
    started = time.monotonic()
    result = GradeResult(student_id, assignment_id, GRADED)
    course_root = Path(config.CourseDirectory.root)
    folder = course_root / "submitted" / student_id / assignment_id
    target = Path(rebuilt_root) / student_id / assignment_id
    # Whatever happens to grading, what the trainee typed is read (parsed, never run).
    _welfare_check(result, folder, crisis_items if crisis_items is not None else set())
    try:
        shutil.rmtree(target, ignore_errors=True)
        if not rebuild_submission(result, folder, target, ref):
            result.status = NOT_GRADED
            return result
        marked = manual_marks(config, assignment_id, student_id)
        outcome = api.autograde(assignment_id, student_id, force=True, create=True)
        if not outcome.get("success"):
            result.status = NOT_GRADED
            kind, sentence = explain_failure(
                f"{outcome.get('log') or ''}\n{outcome.get('error') or ''}",
                timeout_seconds(config),
            )
            result.faults.append(kind)
            result.problems.append(sentence)
            return result
        autograded = course_root / "autograded" / student_id / assignment_id
        for notebook, cell in timed_out_cells(autograded):
            result.faults.append(faults.TIMEOUT)
            result.problems.append(
                f"{cell} in {notebook} was still running after the "
                f"{timeout_seconds(config)} s limit and was stopped; "
                "the rest of the notebook was graded"
            )
        left = left_for_trainer(autograded)
        settle_marks(config, assignment_id, student_id, marked, left)
        result.left_for_trainer = [item.as_record() for item in left]
        (
            result.score,
            result.max_score,
            result.needs_manual_grade,
            result.seconds_late,
        ) = _score(config, assignment_id, student_id)
        if result.problems:
            result.status = GRADED_WITH_WARNINGS
    except Exception as exc:  # one submission must never stop the cohort
        result.status = NOT_GRADED
        result.faults.append(faults.UNEXPECTED_ERROR)
        result.problems.append(f"unexpected problem while grading: {type(exc).__name__}: {exc}")
    finally:
        shutil.rmtree(target, ignore_errors=True)
        result.seconds = time.monotonic() - started
        result.faults = list(dict.fromkeys(result.faults))
    return result


def quiet_grading(config: Config) -> None:
    """Keep a cohort run's output to the progress line: no per-cell INFO logs, no SQLAlchemy
    session warnings nbgrader triggers, no "running over TCP" notice from every kernel."""
    quiet_nbgrader()
    try:
        from sqlalchemy.exc import SAWarning

        warnings.filterwarnings("ignore", category=SAWarning)
    except ImportError:  # pragma: no cover - nbgrader requires SQLAlchemy
        pass
    if "extra_arguments" not in config.Execute:
        config.Execute.extra_arguments = ["--IPKernelApp.log_level=ERROR"]


# --- grading in worker processes -------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _start_worker(config: Config, crisis_items: set[tuple[str, str]], rebuilt_root: Path) -> None:
    quiet_grading(config)
    _WORKER["config"] = config
    _WORKER["api"] = make_api(grading_config(config, rebuilt_root))
    _WORKER["refs"] = {}
    _WORKER["crisis_items"] = crisis_items
    _WORKER["rebuilt_root"] = rebuilt_root


def _grade_in_worker(task: tuple[str, str]) -> GradeResult:
    assignment_id, student_id = task
    refs = _WORKER["refs"]
    if assignment_id not in refs:
        refs[assignment_id] = reference(_WORKER["config"], assignment_id)
    with owner_only():
        return grade_one(
            _WORKER["api"],
            _WORKER["config"],
            assignment_id,
            student_id,
            refs[assignment_id],
            _WORKER["rebuilt_root"],
            _WORKER["crisis_items"],
        )


def _lost_lock_race(result: GradeResult) -> bool:
    return result.status == NOT_GRADED and any(_DB_LOCKED_MARKER in p for p in result.problems)


def _stopped(task: tuple[str, str], reason: str) -> GradeResult:
    result = GradeResult(task[1], task[0], NOT_GRADED)
    result.faults.append(faults.RUN_STOPPED)
    result.problems.append(reason)
    return result


def autograde_submissions(
    config: Config,
    tasks: Iterable[tuple[str, str]],
    on_progress: ProgressCallback | None = None,
    jobs: int = 1,
    keep_backups: int = DEFAULT_KEEP,
    notes: list[str] | None = None,
) -> list[GradeResult]:
    """Grade (module id, trainee id) submissions; results come back in the order given.

    The gradebook is checked and backed up once before anything changes (GradebookChanged when
    it lost data since the last command; other findings are appended to `notes`), and every
    outcome is written to the course folder's fault report as soon as it is known. If the
    gradebook changes under the run, the submissions not graded yet come back as RUN_STOPPED.
    """
    tasks = list(tasks)
    course_root = Path(config.CourseDirectory.root)
    quiet_grading(config)
    with owner_only():
        note = verify_gradebook(course_root)
        if note and notes is not None:
            notes.append(note)
        backup_gradebook(course_root, "before-autograde", keep=keep_backups)
        rebuilt_root = Path(tempfile.mkdtemp(prefix="facilitator-grading-"))
        config = copy.deepcopy(config)  # the sandbox settings are for this run only
        try:
            with sandboxed_kernels(config, course_root, rebuilt_root) as sandboxed:
                if sandboxed and notes is not None:
                    notes.append(
                        "Grading kernels ran in a bubblewrap sandbox: no network, and the course "
                        "folder, its backups and your home folder out of sight."
                    )
                results = _grade_all(config, tasks, on_progress, jobs, rebuilt_root)
        finally:
            shutil.rmtree(rebuilt_root, ignore_errors=True)
            protect_course_folder(course_root)
        if not any(faults.RUN_STOPPED in r.faults for r in results):
            record_gradebook(course_root, "autograde")
            # ...and a copy of the result, so a restore never loses a whole run's grades.
            backup_gradebook(course_root, "after-autograde", keep=keep_backups)
    return results


def _grade_all(
    config: Config,
    tasks: list[tuple[str, str]],
    on_progress: ProgressCallback | None,
    jobs: int,
    rebuilt_root: Path,
) -> list[GradeResult]:
    course_root = Path(config.CourseDirectory.root)
    crisis_items = crisis_items_for(config)
    guard = RunGuard(course_root, set(tasks))
    results: dict[tuple[str, str], GradeResult] = {}
    stop: list[str] = []
    done = 0

    def finished(task: tuple[str, str], result: GradeResult) -> None:
        nonlocal done
        results[task] = result
        faults.record_outcomes(course_root, [asdict(result)])
        done += 1
        if on_progress:
            on_progress(done, len(tasks), result)
        try:
            guard.check()
        except GradebookChanged as exc:
            stop.append(str(exc))

    # Each extra process pays a few seconds to start (imports, its own nbgrader API), which only
    # pays off when it then grades several submissions.
    jobs = min(jobs, len(tasks) // MIN_TASKS_PER_WORKER)
    if jobs > 1:
        retry: list[tuple[str, str]] = []
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(tasks)),
            mp_context=context,
            initializer=_start_worker,
            initargs=(config, crisis_items, rebuilt_root),
        ) as pool:
            futures = {pool.submit(_grade_in_worker, task): task for task in tasks}
            for future in as_completed(futures):
                task = futures[future]
                if stop:
                    future.cancel()
                    continue
                try:
                    result = future.result()
                except Exception as exc:  # a worker process itself died
                    result = GradeResult(task[1], task[0], NOT_GRADED)
                    result.faults.append(faults.UNEXPECTED_ERROR)
                    result.problems.append(f"the grading process failed: {exc}")
                    _welfare_check(
                        result, course_root / "submitted" / task[1] / task[0], crisis_items
                    )
                if _lost_lock_race(result):
                    retry.append(task)
                    continue
                finished(task, result)
        pending = [] if stop else retry
    else:
        pending = tasks
    if pending:
        api = make_api(grading_config(config, rebuilt_root))
        refs: dict[str, Reference] = {}
        for task in pending:
            if stop:
                break
            assignment_id, student_id = task
            if assignment_id not in refs:
                refs[assignment_id] = reference(config, assignment_id)
            finished(
                task,
                grade_one(
                    api,
                    config,
                    assignment_id,
                    student_id,
                    refs[assignment_id],
                    rebuilt_root,
                    crisis_items,
                ),
            )
    for task in tasks:
        if task not in results:
            results[task] = _stopped(task, stop[0] if stop else "not graded")
            faults.record_outcomes(course_root, [asdict(results[task])])
    return [results[task] for task in tasks]


def autograde_cohort(
    config: Config,
    assignment_id: str,
    student_ids: list[str] | None = None,
    on_progress: ProgressCallback | None = None,
    jobs: int = 1,
    keep_backups: int = DEFAULT_KEEP,
) -> list[GradeResult]:
    """Grade every submission of an assignment (or the given trainees)."""
    course_root = Path(config.CourseDirectory.root)
    students = student_ids or submitted_students(course_root, assignment_id)
    return autograde_submissions(
        config,
        [(assignment_id, s) for s in students],
        on_progress=on_progress,
        jobs=jobs,
        keep_backups=keep_backups,
    )
