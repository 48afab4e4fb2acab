"""Collecting from nbgrader's exchange, with collect's promises kept.

nbgrader's own collect copies each trainee's newest submission into submitted/ and deletes the
copy it replaces; here that copy is archived first. A hub username that looks like a person's name
is mapped through the roster, or taken back out of submitted/ and refused (it stays in the
exchange, so nothing is lost).
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from traitlets.config import Config

from ..nbgrader_setup import make_api, quiet_nbgrader
from .collect import (
    NEW,
    REFUSED,
    REPLACED,
    UNCHANGED,
    Collected,
    CollectError,
    _archive_target,
    _Incoming,
    _slug,
    naive_utc,
    place_submission,
    read_timestamp,
)
from .private import protect_course_folder
from .trainee_ids import resolve_trainee


def _inbound_latest(config: Config, module_id: str) -> dict[str, datetime]:
    """Each trainee's newest submission waiting in the exchange (as nbgrader's collect picks it)."""
    from nbgrader.utils import parse_utc

    inbound = Path(config.Exchange.root).expanduser() / config.CourseDirectory.course_id / "inbound"
    latest: dict[str, datetime] = {}
    if not inbound.is_dir():
        return latest
    for path in inbound.glob(f"*+{module_id}+*"):
        parts = path.name.rsplit("+", 3)
        if len(parts) < 3:
            continue
        try:
            moment = naive_utc(parse_utc(parts[2]))
        except (ValueError, OverflowError):
            continue
        if parts[0] not in latest or moment > latest[parts[0]]:
            latest[parts[0]] = moment
    return latest


def _rename_collected(
    course_root: Path, name: str, module_id: str, roster: dict[str, str] | None
) -> Collected:
    """A submission nbgrader collected under a username that is a name: mapped or taken out.

    It stays in the exchange's inbound folder either way, so nothing is lost.
    """
    folder = course_root / "submitted" / name / module_id
    trainee, problem = resolve_trainee(name, roster)
    try:
        if trainee is None:
            return Collected(name, module_id, REFUSED, f"'{name}' {problem}")
        incoming = _Incoming(
            trainee, module_id, {p.name: p for p in sorted(folder.glob("*.ipynb"))}
        )
        incoming.timestamp = read_timestamp(folder)
        return place_submission(course_root, incoming)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if folder.parent.is_dir() and not any(folder.parent.iterdir()):
            folder.parent.rmdir()


def collect_from_exchange(
    config: Config, module_ids: list[str], roster: dict[str, str] | None = None
) -> list[Collected]:
    """Run nbgrader's collect for each module, archiving any copy it is about to replace."""
    course_root = Path(config.CourseDirectory.root)
    quiet_nbgrader()
    api = make_api(config)
    results: list[Collected] = []
    for module_id in module_ids:
        waiting = _inbound_latest(config, module_id)
        named = {u for u in waiting if resolve_trainee(u, roster) != (u, None)}
        before: dict[str, datetime | None] = {}
        archived: dict[str, Path] = {}
        for trainee, moment in waiting.items():
            dest = course_root / "submitted" / trainee / module_id
            if trainee not in named and dest.is_dir():
                before[trainee] = read_timestamp(dest)
                if before[trainee] is None or moment > before[trainee]:
                    keep = _archive_target(course_root, trainee, module_id, _slug(before[trainee]))
                    shutil.copytree(dest, keep)
                    archived[trainee] = keep
        outcome = api.collect(module_id, update=True)
        if not outcome or not outcome.get("success"):
            log = (outcome or {}).get("log") or (outcome or {}).get("error") or "no details"
            raise CollectError(f"nbgrader could not collect {module_id}: {log.strip()[-500:]}")
        for trainee in sorted(waiting):
            if trainee in named:
                results.append(_rename_collected(course_root, trainee, module_id, roster))
            elif trainee in archived:
                keep = archived[trainee]
                detail = (
                    f"the earlier copy is kept in {keep.relative_to(course_root)}; autograde again"
                )
                results.append(Collected(trainee, module_id, REPLACED, detail))
            elif trainee in before:
                results.append(Collected(trainee, module_id, UNCHANGED, "no newer submission"))
            else:
                results.append(Collected(trainee, module_id, NEW))
    protect_course_folder(course_root)
    return results
