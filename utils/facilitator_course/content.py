"""Reading course content (YAML files a trainer writes) with errors a trainer can act on.

A content error names the file, the line, the field and what was expected, so that fixing a
scenario or a quiz never needs Python knowledge. The loader keeps the line of every mapping key and
sequence item so that later checks (which happen on plain dicts) can still point at a line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class ContentError(Exception):
    """A problem in a content file, described for the person who wrote the file."""

    file: str
    line: int | None
    field: str
    expected: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        field = f" field '{self.field}'" if self.field else ""
        return f"{where}:{field} {self.expected}"


class LineMap:
    """Maps a dotted field path such as 'nodes.opening.next' to the line it starts on (1-based)."""

    def __init__(self) -> None:
        self._lines: dict[str, int] = {}

    def add(self, path: str, line: int) -> None:
        self._lines.setdefault(path, line)

    def line(self, path: str) -> int | None:
        """The line of `path`, or of its nearest parent that has one."""
        while True:
            if path in self._lines:
                return self._lines[path]
            if "." not in path:
                return self._lines.get("")
            path = path.rsplit(".", 1)[0]


# Content files are small and hand-written. These limits keep a mistaken or hostile file (a huge
# paste, a "billion laughs" of nested aliases, thousands of nested brackets) from hanging the
# course or ending in a RecursionError: such a file gets a ContentError like any other mistake.
MAX_CONTENT_BYTES = 2_000_000
MAX_CONTENT_NODES = 200_000  # every value counted once per place it appears (aliases included)
MAX_CONTENT_DEPTH = 60


class _TooBig(Exception):
    pass


class _DuplicateKey(Exception):
    """A key written twice in one mapping: YAML keeps the last silently, which hides a mistake
    (two `id:` lines, a pasted node) behind whatever later check trips over the survivor."""

    def __init__(self, field: str, line: int, first_line: int) -> None:
        super().__init__(field)
        self.field, self.line, self.first_line = field, line, first_line


def _walk(node: yaml.Node, path: str, lines: LineMap, budget: list[int], depth: int = 0) -> None:
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig(
            f"is too large: more than {MAX_CONTENT_NODES} values once aliases (*name) are "
            "expanded; write the content out instead of repeating anchors"
        )
    if depth > MAX_CONTENT_DEPTH:
        raise _TooBig(f"is nested too deeply (more than {MAX_CONTENT_DEPTH} levels)")
    lines.add(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = f"{path}.{key}" if path else key
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                line = key_node.start_mark.line + 1
                if key in seen:
                    raise _DuplicateKey(child, line, seen[key])
                seen[key] = line
            lines.add(child, key_node.start_mark.line + 1)
            _walk(value_node, child, lines, budget, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, f"{path}.{index}" if path else str(index), lines, budget, depth + 1)


# libyaml's parser, where PyYAML was built with it: the lessons load a dozen content files before
# their first widget shows, and the pure-Python parser took about 0.7 s for one scenario.
FAST_LOADER: type | None = getattr(yaml, "CSafeLoader", None)


def load_yaml(path: Path | str) -> tuple[Any, LineMap]:
    """Parse a YAML file safely (no Python objects are ever constructed) and record field lines."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as handle:  # bounded: /dev/zero or a huge paste
            text = handle.read(MAX_CONTENT_BYTES + 1)
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(
            str(path), None, "", f"could not be read as UTF-8 text ({exc})"
        ) from None
    if len(text) > MAX_CONTENT_BYTES:
        raise ContentError(
            str(path),
            None,
            "",
            f"is too large (more than {MAX_CONTENT_BYTES} characters)",
        )
    if FAST_LOADER is not None:
        try:
            return _parse(text, FAST_LOADER, path, report_syntax=False)
        except yaml.YAMLError:
            pass  # parsed again below, so the message is the same with or without libyaml
    return _parse(text, yaml.SafeLoader, path)


def _parse(
    text: str, loader_class: type, path: Path, report_syntax: bool = True
) -> tuple[Any, LineMap]:
    """What yaml.safe_load does, with a look at the nodes first. Every problem is a ContentError
    naming `path`, except a YAML syntax error when not `report_syntax` (the fast loader's: it is
    raised as it is, to be reported by the pure-Python loader in PyYAML's own words)."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        lines = LineMap()
        data = None
        if node is not None:  # walked before constructing: it refuses alias bombs and deep nesting
            _walk(node, "", lines, [MAX_CONTENT_NODES])
            data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        if not report_syntax:
            raise
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentError(str(path), line, "", f"is not valid YAML: {problem}") from None
    except _TooBig as exc:
        raise ContentError(str(path), None, "", str(exc)) from None
    except _DuplicateKey as exc:
        raise ContentError(
            str(path),
            exc.line,
            exc.field,
            f"appears twice in the same block (first on line {exc.first_line}); keep one: "
            "YAML would silently use only the last one",
        ) from None
    except RecursionError:
        raise ContentError(
            str(path), None, "", f"is nested too deeply (more than {MAX_CONTENT_DEPTH} levels)"
        ) from None
    finally:
        loader.dispose()
    return data, lines


class Checker:
    """Collects every problem in one file instead of stopping at the first."""

    def __init__(self, file: Path | str, lines: LineMap) -> None:
        self.file = str(file)
        self.lines = lines
        self.errors: list[ContentError] = []

    def error(self, field: str, expected: str) -> None:
        self.errors.append(ContentError(self.file, self.lines.line(field), field, expected))

    def require(
        self,
        mapping: Any,
        key: str,
        kind: type | tuple[type, ...],
        where: str = "",
        expected: str | None = None,
    ) -> Any:
        """Return mapping[key] if present and of the right type, else record an error."""
        field = f"{where}.{key}" if where else key
        if not isinstance(mapping, dict) or key not in mapping:
            self.error(field, expected or "is missing")
            return None
        value = mapping[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
            names = " or ".join(t.__name__ for t in _as_tuple(kind))
            self.error(field, expected or f"should be a {_plain(names)}, found {value!r}")
            return None
        if isinstance(value, str) and not value.strip():
            self.error(field, expected or "should not be empty")
            return None
        return value


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _plain(type_names: str) -> str:
    return (
        type_names.replace("str", "text")
        .replace("dict", "mapping (key: value lines)")
        .replace("list", "list (lines starting with '-')")
        .replace("int", "whole number")
        .replace("float", "number")
    )


YAML_SUFFIXES = (".yaml", ".yml")


def yaml_files(folder: Path) -> list[Path]:
    """Every YAML file in a content folder, sorted by name (meetings, group meetings...)."""
    return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES)


def check_yaml_file(
    path: Path | str, parse: Callable[[Checker, Any, Path], object]
) -> list[ContentError]:
    """Every problem in one content file: a YAML error, or what `parse` reports on its data (an
    empty list means the file is fine). Each kind of content brings its own `parse`."""
    path = Path(path)
    try:
        data, lines = load_yaml(path)
    except ContentError as exc:
        return [exc]
    check = Checker(path, lines)
    parse(check, data, path)
    return check.errors
