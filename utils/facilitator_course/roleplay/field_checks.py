"""Small field checks shared by the course's YAML formats: scenarios, meetings, group meetings.

Each reports a problem on the Checker (file, field, what was expected) and returns something
usable, so parsing carries on and a trainer sees every problem in one pass instead of the first.
"""

from __future__ import annotations

from typing import Any

from ..content import Checker


def unknown_fields(check: Checker, mapping: Any, allowed: tuple[str, ...], where: str) -> None:
    """Report keys that are not part of the format (usually typos such as 'sayz')."""
    if not isinstance(mapping, dict):
        return
    for key in mapping:
        if key not in allowed:
            field = f"{where}.{key}" if where else str(key)
            check.error(field, f"is not a known field here; expected one of: {', '.join(allowed)}")


def one_of(check: Checker, value: Any, options: tuple[str, ...] | list[str], field: str) -> bool:
    if value is None:
        return False
    if value not in options:
        check.error(field, f"should be one of: {', '.join(options)} (found {value!r})")
        return False
    return True


def optional_text(check: Checker, mapping: dict, key: str, where: str) -> str:
    value = mapping.get(key)
    if value is None:
        return ""
    if not isinstance(value, str) or not value.strip():
        check.error(f"{where}.{key}" if where else key, "should be text (not empty)")
        return ""
    return " ".join(value.split())


def whole_number(
    check: Checker, raw: dict, key: str, where: str, low: int, high: int, default: int | None = None
) -> int:
    """raw[key] (default if missing) when it is a whole number from low to high; else an error
    and the default (0 without one)."""
    value = raw.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        check.error(
            f"{where}.{key}", f"should be a whole number from {low} to {high} (found {value!r})"
        )
        return 0 if default is None else default
    return value
