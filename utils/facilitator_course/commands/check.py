"""`facilitator-course check [PATH...]`: validate scenarios, meeting simulations, group meetings
and drills.

Without paths it checks every shipped file. A path may be a file or a folder; the kind of file
is told by its folder (scenarios/, meetings/, group_meetings/, drills/) or, failing that, by its
top-level fields.
Exit status 1 when anything is wrong, so CI and trainers' editors can rely on it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..content import ContentError, load_yaml

SUFFIXES = (".yaml", ".yml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="scenario, meeting, group meeting or drill files or folders (default: all shipped)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print problems only, not the files that passed"
    )


def _checker_for(path: Path) -> Callable[[Path], list[ContentError]]:
    from ..group.schema import check_group_meeting_file
    from ..meeting.schema import check_meeting_file
    from ..roleplay.checker import check_scenario_file
    from ..roleplay.drill import check_drill_file

    def drill(p: Path) -> list[ContentError]:
        return check_drill_file(p)[1]

    by_folder = {
        "scenarios": check_scenario_file,
        "meetings": check_meeting_file,
        "group_meetings": check_group_meeting_file,
        "drills": drill,
    }
    if path.parent.name in by_folder:
        return by_folder[path.parent.name]
    try:
        data, _ = load_yaml(path)
    except ContentError:
        return check_scenario_file  # it reports the YAML problem itself
    if isinstance(data, dict) and "phases" in data and "incidents" in data:
        return check_group_meeting_file
    if isinstance(data, dict) and "elements" in data:
        return check_meeting_file
    if isinstance(data, dict) and "items" in data:
        return drill
    return check_scenario_file


def files_to_check(paths: list[str]) -> list[Path]:
    if not paths:
        from ..paths import data_dir

        folders = [
            data_dir() / name for name in ("scenarios", "meetings", "group_meetings", "drills")
        ]
        return sorted(
            p
            for folder in folders
            if folder.is_dir()
            for p in folder.iterdir()
            if p.suffix in SUFFIXES
        )
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES))
        else:
            found.append(path)
    return found


def check_paths(paths: list[str]) -> dict[Path, list[ContentError]]:
    results = {}
    for path in files_to_check(paths):
        if not path.is_file():
            results[path] = [ContentError(str(path), None, "", "does not exist")]
            continue
        results[path] = _checker_for(path)(path)
    return results


def run(args: argparse.Namespace) -> int:
    results = check_paths(args.paths)
    if not results:
        print("No scenario, meeting or drill files found.", file=sys.stderr)
        return 1
    problems = 0
    for path, errors in results.items():
        if errors:
            problems += len(errors)
            for error in errors:
                print(f"ERROR {error}")
        elif not args.quiet:
            print(f"ok    {path}")
    bad = sum(bool(e) for e in results.values())
    if problems:
        print(f"{problems} problem(s) in {bad} of {len(results)} file(s).", file=sys.stderr)
        return 1
    print(f"All {len(results)} file(s) passed.")
    return 0
