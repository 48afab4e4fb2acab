"""solutions/ -> modules/: generate the learner notebooks with nbgrader's own generate_assignment.

There is one source of truth: the instructor notebooks in solutions/. Learner notebooks are never
edited by hand; this build runs nbgrader in a throwaway course folder, takes its release/ output,
writes it in a stable format, and replaces modules/ as a whole, so a deleted or renamed notebook
cannot linger. `drift()` performs the same build into a temporary folder and lists every
difference, which is what the tests and `facilitator-course build --check` use.
"""

from __future__ import annotations

import filecmp
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .course import Course, Module, load_course
from .nbgrader_setup import course_config, make_api, quiet_nbgrader
from .self_check import self_check_file

# capstone-transcript.json: the model meeting beside the instructor's capstone exercise (so that
# nbgrader's validator can run its check) and a learner's own typed moves; neither is released.
IGNORED = shutil.ignore_patterns(
    ".ipynb_checkpoints", "__pycache__", "*.pyc", ".DS_Store", "capstone-transcript.json"
)
HOME_NOTEBOOK = "home.ipynb"
_VOLATILE_CELL_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime")


class BuildError(RuntimeError):
    """The learner notebooks could not be generated; the message says which module and why."""


@dataclass(frozen=True)
class BuildReport:
    modules: tuple[str, ...]
    notebooks: tuple[Path, ...]


def normalise_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip outputs and editor state so the same source always gives the same bytes."""
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("celltoolbar", None)
    for cell in nb.cells:
        for key in _VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def write_notebook(nb: nbformat.NotebookNode, path: Path) -> None:
    nbformat.validate(nb)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = nbformat.writes(nb, version=4)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def self_check_notebook(course: Course, module: Module) -> nbformat.NotebookNode:
    """The web app's self-check page for a module: navigation, a heading and one widget call.

    Generated, not written by hand, so every module with an exercise has one; the widget reads
    the items from the exercise itself when the page opens (see self_check.py).
    """
    from .navigation import module_label

    label = module_label(course, module)
    v4 = nbformat.v4
    nb = v4.new_notebook(
        cells=[
            v4.new_code_cell(
                "from facilitator_course.navigation import show_navigation\n\n"
                f'show_navigation("{module.id}", page="self-check")'
            ),
            v4.new_markdown_cell(f"# Self-check: {label}"),
            v4.new_code_cell(
                "from facilitator_course.widgets.self_check import show_self_check\n\n"
                f'show_self_check("{module.id}")'
            ),
            v4.new_code_cell(f'show_navigation("{module.id}", where="bottom", page="self-check")'),
        ],
        metadata={
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
            "title": f"{label} (self-check)",
        },
    )
    for number, cell in enumerate(nb.cells):
        cell.id = f"self-check-{number}"
    return nb


def _check_sources(course: Course) -> None:
    problems = []
    for module in course.modules:
        folder = course.solutions_dir / module.id
        if not folder.is_dir():
            problems.append(f"solutions/{module.id}/ is missing (listed in course/course.yml)")
            continue
        for notebook in module.notebooks:
            if not (folder / notebook.file).is_file():
                problems.append(
                    f"solutions/{module.id}/{notebook.file} is missing "
                    "(listed in course/course.yml)"
                )
    if not (course.root / "course" / HOME_NOTEBOOK).is_file():
        problems.append(f"course/{HOME_NOTEBOOK} is missing")
    if problems:
        raise BuildError("; ".join(problems))


def generate_into(course: Course, out_dir: Path) -> BuildReport:
    """Generate every learner notebook of the course into out_dir (which must be empty or absent)."""
    _check_sources(course)
    quiet_nbgrader()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="fc-build-") as tmp:
        course_root = Path(tmp) / "course"
        api = make_api(course_config(course.root, course_root))
        for module in course.modules:
            shutil.copytree(
                course.solutions_dir / module.id, course_root / "source" / module.id, ignore=IGNORED
            )
            result = api.generate_assignment(module.id, force=True, create=True)
            if not result.get("success"):
                raise BuildError(
                    f"nbgrader could not generate {module.id}: "
                    f"{result.get('error') or result.get('log')}"
                )
            release = course_root / "release" / module.id
            for path in sorted(release.rglob("*")):
                if path.is_dir():
                    continue
                target = out_dir / module.id / path.relative_to(release)
                if path.suffix == ".ipynb":
                    write_notebook(normalise_notebook(nbformat.read(path, as_version=4)), target)
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, target)
                written.append(target)
    for module in course.modules:
        if any(nb.kind == "exercise" for nb in module.notebooks):
            target = out_dir / module.id / self_check_file(module)
            write_notebook(self_check_notebook(course, module), target)
            written.append(target)
    home = nbformat.read(course.root / "course" / HOME_NOTEBOOK, as_version=4)
    write_notebook(normalise_notebook(home), out_dir / HOME_NOTEBOOK)
    written.append(out_dir / HOME_NOTEBOOK)
    return BuildReport(tuple(m.id for m in course.modules), tuple(written))


def build(course: Course | None = None) -> BuildReport:
    """Regenerate modules/ from solutions/, replacing it as a whole."""
    course = course or load_course()
    staging = Path(tempfile.mkdtemp(prefix=".modules-", dir=course.root))
    try:
        report = generate_into(course, staging)
        old = course.root / ".modules-old"
        if old.exists():
            shutil.rmtree(old)
        if course.modules_dir.exists():
            course.modules_dir.rename(old)
        staging.rename(course.modules_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    final = tuple(course.modules_dir / p.relative_to(staging) for p in report.notebooks)
    return BuildReport(report.modules, final)


def _files(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and ".ipynb_checkpoints" not in p.parts and "__pycache__" not in p.parts
    }


def drift(course: Course | None = None) -> list[str]:
    """Every way modules/ differs from a fresh build (empty list when they match)."""
    course = course or load_course()
    with tempfile.TemporaryDirectory(prefix="fc-drift-") as tmp:
        fresh = Path(tmp) / "modules"
        generate_into(course, fresh)
        expected, actual = _files(fresh), _files(course.modules_dir)
        problems = [f"modules/{name} is missing" for name in sorted(expected - actual)]
        problems += [
            f"modules/{name} is not produced by the build" for name in sorted(actual - expected)
        ]
        problems += [
            f"modules/{name} differs from what the build produces"
            for name in sorted(expected & actual)
            if not filecmp.cmp(fresh / name, course.modules_dir / name, shallow=False)
        ]
        return problems
