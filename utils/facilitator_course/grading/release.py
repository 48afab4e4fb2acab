"""Hand the learner notebooks to a cohort: through nbgrader's exchange, or as a folder/zip.

A course folder is prepared from the repository first (prepare_course_dir), so what trainees get
is exactly nbgrader's release/ output of solutions/. On a shared server (JupyterHub) nbgrader's
exchange delivers it; many groups instead hand notebooks out by email or through a learning
management system, so the same release can be written as a plain folder and one zip per module.
"""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from traitlets.config import Config

from ..build import IGNORED
from ..nbgrader_setup import make_api, quiet_nbgrader
from .backup import open_gradebook


class ReleaseError(RuntimeError):
    """A module could not be released; the message says which and why."""


@dataclass(frozen=True)
class Released:
    module_id: str
    where: Path
    files: tuple[str, ...]


def _release_dir(config: Config, module_id: str) -> Path:
    folder = Path(config.CourseDirectory.root) / "release" / module_id
    if not folder.is_dir():
        raise ReleaseError(f"{module_id} has no release/ folder yet (run the release step first).")
    return folder


def release_to_exchange(
    config: Config, module_ids: list[str], force: bool = False
) -> list[Released]:
    """Copy each module into nbgrader's exchange (Exchange.root) for trainees to fetch.

    `force` replaces a module already in the exchange; without it nbgrader refuses, so a trainer
    cannot silently change an exercise some trainees have already fetched.
    """
    config.ExchangeReleaseAssignment.force = force
    quiet_nbgrader()
    api = make_api(config)
    released = []
    for module_id in module_ids:
        folder = _release_dir(config, module_id)
        outcome = api.release_assignment(module_id)
        if not outcome or not outcome.get("success"):
            log = (outcome or {}).get("log") or (outcome or {}).get("error") or "no details"
            raise ReleaseError(f"nbgrader could not release {module_id} to the exchange: {log}")
        exchange = Path(config.Exchange.root) / config.CourseDirectory.course_id / "outbound"
        released.append(
            Released(
                module_id, exchange / module_id, tuple(sorted(p.name for p in folder.iterdir()))
            )
        )
    return released


def write_zip(target: Path, files: list[Path], base: Path) -> None:
    """A zip of `files`, named relative to `base`, in the order given and with fixed dates, so
    the same files always give the same bytes (a trainer can tell nothing changed)."""
    stamp = datetime(2020, 1, 1).timetuple()[:6]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(str(path.relative_to(base)), date_time=stamp)
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED)


def _zip_folder(folder: Path, target: Path) -> None:
    """A zip whose entries are `<module>/<file>`, in a stable order."""
    write_zip(target, [p for p in sorted(folder.rglob("*")) if p.is_file()], folder.parent)


def release_to_folder(
    config: Config, module_ids: list[str], out_dir: Path, make_zip: bool = False
) -> list[Released]:
    """Write `<out>/<module>/...` (and `<out>/<module>.zip`) to hand out by email or an LMS."""
    out_dir = Path(out_dir).expanduser().resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    released = []
    for module_id in module_ids:
        source = _release_dir(config, module_id)
        target = out_dir / module_id
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, ignore=IGNORED)
        where = target
        if make_zip:
            where = out_dir / f"{module_id}.zip"
            _zip_folder(target, where)
        files = tuple(sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()))
        released.append(Released(module_id, where, files))
    return released


def set_due_date(config: Config, module_ids: list[str], due: datetime) -> None:
    """Record a due date in the gradebook so late submissions show up (nbgrader's own field)."""
    with open_gradebook(config) as gb:
        for module_id in module_ids:
            gb.update_or_create_assignment(module_id, duedate=due)
