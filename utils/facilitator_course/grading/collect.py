"""Bring trainees' submissions into the course folder: from nbgrader's exchange or an LMS export.

Whatever the route, the result is nbgrader's layout, `submitted/<trainee>/<module>/<notebook>`
plus `timestamp.txt`, and three promises hold:

* Nothing is lost. A newer copy of a submission replaces the collected one only after the earlier
  copy is moved to `archive/`; an older or same-time copy never replaces it and is kept in
  `archive/` too. nbgrader's own collect deletes the earlier copy; here it is archived first.
* Nothing outside the course folder is written. A zip entry that is absolute, climbs out with
  `..` or is a symbolic link makes the whole zip be refused before anything is extracted (an LMS
  does not produce such entries; a tampered file does); see safe_unzip.py.
* Only pseudonymous trainee IDs enter the course folder. An LMS names submissions after people,
  so the trainer may give a roster (a CSV kept outside the repository: name or LMS user, then
  trainee ID) and every name is mapped through it. Without one, folder or file names that look
  like an email address or a full name (first.last, First_Last, FirstLast) are refused with an
  explanation of the roster instead of being stored.

Accepted layouts of a folder or zip (an outer wrapper folder is ignored):
`<trainee>/<module>/<notebook>.ipynb` (nbgrader's own, module taken from the path),
`<trainee>/<notebook>.ipynb` and flat `<trainee>_<notebook>.ipynb` (module given by the trainer).
"""

from __future__ import annotations

import filecmp
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from traitlets.config import Config

from .private import protect_course_folder
from .safe_unzip import unpack_zip
from .trainee_ids import (  # noqa: F401  (check_trainee_id and load_roster are used by callers)
    CollectError,
    check_trainee_id,
    load_roster,
    resolve_trainee,
)

TIMESTAMP_FILE = "timestamp.txt"
ARCHIVE_DIR = "archive"
_JUNK = ("__MACOSX", ".DS_Store", ".ipynb_checkpoints", "Thumbs.db")

NEW = "collected"
REPLACED = "replaced earlier copy"
UNCHANGED = "unchanged"
KEPT_NEWER = "kept the newer copy"
REFUSED = "refused"


@dataclass
class Collected:
    trainee: str
    module_id: str
    outcome: str
    detail: str = ""


@dataclass
class _Incoming:
    trainee: str
    module_id: str
    files: dict[str, Path] = field(default_factory=dict)  # notebook file name -> path
    timestamp: datetime | None = None
    notes: list[str] = field(default_factory=list)


# --- timestamps ------------------------------------------------------------------------------


def format_timestamp(moment: datetime) -> str:
    """nbgrader's timestamp.txt format (UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f") + " UTC"


def naive_utc(moment: datetime | None) -> datetime | None:
    """One convention for comparing times: naive datetimes in UTC (as nbgrader's parse_utc)."""
    if moment is not None and moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def read_timestamp(folder: Path) -> datetime | None:
    from nbgrader.utils import parse_utc

    path = folder / TIMESTAMP_FILE
    if not path.is_file():
        return None
    try:
        return naive_utc(parse_utc(path.read_text(encoding="utf-8").strip()))
    except (ValueError, OverflowError):
        return None


def _slug(moment: datetime | None) -> str:
    return moment.strftime("%Y%m%d-%H%M%S-%f") if moment else "no-timestamp"


# --- the archive: where earlier or unused copies go ------------------------------------------


def _archive_target(course_root: Path, trainee: str, module_id: str, label: str) -> Path:
    base = course_root / ARCHIVE_DIR / trainee / module_id
    target, n = base / label, 1
    while target.exists():
        n += 1
        target = base / f"{label}-{n}"
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def _same_files(folder: Path, files: dict[str, Path]) -> bool:
    existing = {p.name for p in folder.glob("*.ipynb")}
    if existing != set(files):
        return False
    return all(filecmp.cmp(folder / name, path, shallow=False) for name, path in files.items())


def _write_submission(target: Path, incoming: _Incoming) -> None:
    target.mkdir(parents=True)
    for name, path in incoming.files.items():
        shutil.copyfile(path, target / name)
    when = incoming.timestamp or datetime.now(timezone.utc)
    (target / TIMESTAMP_FILE).write_text(format_timestamp(when), encoding="utf-8")


def place_submission(course_root: Path, incoming: _Incoming) -> Collected:
    """Put one submission in submitted/, archiving rather than overwriting an earlier copy."""
    dest = course_root / "submitted" / incoming.trainee / incoming.module_id
    note = ("; " + "; ".join(incoming.notes)) if incoming.notes else ""
    if not dest.exists():
        _write_submission(dest, incoming)
        return Collected(incoming.trainee, incoming.module_id, NEW, note.lstrip("; "))
    if _same_files(dest, incoming.files):
        return Collected(incoming.trainee, incoming.module_id, UNCHANGED, "same notebooks" + note)
    existing = read_timestamp(dest)
    newer = incoming.timestamp is not None and (existing is None or incoming.timestamp > existing)
    if newer:
        keep = _archive_target(course_root, incoming.trainee, incoming.module_id, _slug(existing))
        dest.rename(keep)
        _write_submission(dest, incoming)
        return Collected(
            incoming.trainee,
            incoming.module_id,
            REPLACED,
            f"the earlier copy is kept in {keep.relative_to(course_root)}; autograde again{note}",
        )
    aside = _archive_target(
        course_root, incoming.trainee, incoming.module_id, _slug(incoming.timestamp) + "-not-used"
    )
    _write_submission(aside, incoming)
    return Collected(
        incoming.trainee,
        incoming.module_id,
        KEPT_NEWER,
        f"this copy is not newer than the one collected; it is kept in "
        f"{aside.relative_to(course_root)}{note}",
    )


# --- reading an LMS export -------------------------------------------------------------------


def _is_junk(path: Path) -> bool:
    return path.name.startswith(".") or any(part in _JUNK for part in path.parts)


def _unwrap(root: Path, modules: dict[str, set[str]]) -> Path:
    """Skip outer folders an export wraps everything in (e.g. `export-2026-11/...`).

    A single folder is a wrapper unless it is itself a submission: it holds a module folder
    (`<trainee>/<module>/...`) or notebooks named like the course's (`<trainee>/<notebook>`).
    """
    known = set().union(*modules.values()) if modules else set()
    while True:
        children = [c for c in root.iterdir() if not _is_junk(c)]
        if len(children) != 1 or not children[0].is_dir():
            return root
        inner = [c for c in children[0].iterdir() if not _is_junk(c)]
        holds_module = any(c.is_dir() and c.name in modules for c in inner)
        holds_notebook = any(c.is_file() and c.name in known for c in inner)
        flat_only = all(
            c.is_dir() or any(c.name.endswith("_" + name) for name in known) for c in inner
        )
        if holds_module or holds_notebook or not flat_only:
            return root
        root = children[0]


def _moment_of(paths: Iterable[Path], zip_times: dict[Path, datetime]) -> datetime | None:
    moments = [
        zip_times.get(p) or datetime.fromtimestamp(p.stat().st_mtime, tz=timezone.utc)
        for p in paths
    ]
    return naive_utc(max(moments)) if moments else None


def _match_notebooks(
    files: list[Path], expected: set[str], exercise_names: set[str]
) -> tuple[dict[str, Path], list[str]]:
    """Map handed-in files to the module's notebook names; tolerate one renamed exercise."""
    matched = {p.name: p for p in files if p.name in expected}
    others = [p for p in files if p.name not in expected]
    notes = []
    missing_exercises = sorted(exercise_names - set(matched))
    if len(others) == 1 and len(missing_exercises) == 1:
        matched[missing_exercises[0]] = others[0]
        notes.append(f"'{others[0].name}' taken as {missing_exercises[0]}")
        others = []
    for extra in others:
        notes.append(f"ignored '{extra.name}' (not a notebook of this module)")
    return matched, notes


def find_submissions(
    root: Path,
    module_notebooks: dict[str, set[str]],
    exercise_notebooks: dict[str, set[str]],
    module_id: str | None,
    zip_times: dict[Path, datetime] | None = None,
    roster: dict[str, str] | None = None,
) -> tuple[list[_Incoming], list[Collected]]:
    """Recognise submissions in an unpacked export; returns (usable, refused)."""
    zip_times = zip_times or {}
    root = _unwrap(root, module_notebooks)
    found: list[_Incoming] = []
    refused: list[Collected] = []

    def add(name: str, module: str, files: list[Path], folder: Path | None) -> None:
        trainee, problem = resolve_trainee(name, roster)
        if trainee is None:
            refused.append(Collected(name, module, REFUSED, f"'{name}' {problem}"))
            return
        matched, notes = _match_notebooks(
            files, module_notebooks[module], exercise_notebooks.get(module, set())
        )
        if not matched:
            refused.append(
                Collected(trainee, module, REFUSED, "no notebook of this module was found")
            )
            return
        stamp = read_timestamp(folder) if folder else None
        incoming = _Incoming(trainee, module, matched, notes=notes)
        incoming.timestamp = stamp or _moment_of(matched.values(), zip_times)
        found.append(incoming)

    flat: dict[str, list[Path]] = {}
    for entry in sorted(root.iterdir()):
        if _is_junk(entry):
            continue
        if entry.is_dir():
            module_dirs = [
                d
                for d in entry.iterdir()
                if d.is_dir() and d.name in module_notebooks and module_id in (None, d.name)
            ]
            if module_dirs:  # <trainee>/<module>/<notebook>
                for module_dir in sorted(module_dirs):
                    notebooks = sorted(module_dir.glob("*.ipynb"))
                    add(entry.name, module_dir.name, notebooks, module_dir)
                continue
            if module_id is None:
                raise CollectError(
                    f"'{entry.name}/' holds notebooks but no module folder: say which module "
                    "this export is for (collect MODULE --from ...)."
                )
            add(entry.name, module_id, sorted(entry.glob("*.ipynb")), entry)
        elif entry.suffix == ".ipynb":
            if module_id is None:
                raise CollectError(
                    f"'{entry.name}' is a flat file: say which module this export is for "
                    "(collect MODULE --from ...)."
                )
            for name in sorted(module_notebooks[module_id], key=len, reverse=True):
                if entry.name.endswith("_" + name) and len(entry.name) > len(name) + 1:
                    flat.setdefault(entry.name[: -len(name) - 1], []).append(entry)
                    break
            else:
                refused.append(
                    Collected(
                        entry.stem,
                        module_id,
                        REFUSED,
                        f"'{entry.name}' does not end in _<notebook> for a notebook of {module_id}",
                    )
                )
    for name, files in sorted(flat.items()):
        # Flat files carry no folder name, so they are renamed to the notebook they stand for.
        renamed = {}
        for path in files:
            renamed[path.name[len(name) + 1 :]] = path
        trainee, problem = resolve_trainee(name, roster)
        if trainee is None:
            refused.append(Collected(name, module_id or "", REFUSED, f"'{name}' {problem}"))
            continue
        incoming = _Incoming(trainee, module_id or "", renamed)
        incoming.timestamp = _moment_of(renamed.values(), zip_times)
        found.append(incoming)
    return found, refused


def module_notebook_names(course_root: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """({module: notebook names}, {module: names of notebooks with graded cells}) from release/."""
    import nbformat

    names: dict[str, set[str]] = {}
    exercises: dict[str, set[str]] = {}
    release = course_root / "release"
    for folder in sorted(p for p in release.iterdir() if p.is_dir()) if release.is_dir() else []:
        names[folder.name] = {p.name for p in folder.glob("*.ipynb")}
        exercises[folder.name] = {
            p.name
            for p in folder.glob("*.ipynb")
            if any(
                c.get("metadata", {}).get("nbgrader", {}).get("grade")
                or c.get("metadata", {}).get("nbgrader", {}).get("task")
                for c in nbformat.read(p, as_version=4).cells
            )
        }
    return names, exercises


def collect_from_path(
    config: Config,
    source: Path,
    module_id: str | None = None,
    roster: dict[str, str] | None = None,
) -> list[Collected]:
    """Collect an LMS export (folder or zip) into submitted/, never overwriting silently."""
    course_root = Path(config.CourseDirectory.root)
    source = Path(source).expanduser().resolve()
    names, exercises = module_notebook_names(course_root)
    if module_id is not None and module_id not in names:
        raise CollectError(f"{module_id} has not been released in this course folder.")
    if not source.exists():
        raise CollectError(f"{source} does not exist.")
    with tempfile.TemporaryDirectory(prefix=".incoming-", dir=course_root) as tmp:
        zip_times: dict[Path, datetime] = {}
        if source.is_file():
            unpacked = Path(tmp) / "unpacked"
            unpacked.mkdir()
            zip_times = unpack_zip(source, unpacked)
            root = unpacked
        else:
            root = source
        found, refused = find_submissions(root, names, exercises, module_id, zip_times, roster)
        placed = [place_submission(course_root, incoming) for incoming in found]
    protect_course_folder(course_root)
    return placed + refused
