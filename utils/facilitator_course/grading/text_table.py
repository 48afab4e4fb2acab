"""Plain-text tables for the trainer commands' summaries (no dependency, readable in any terminal)."""

from __future__ import annotations

from collections.abc import Sequence


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]], wrap: int = 70) -> str:
    """Left-aligned columns; long cells (fault descriptions) wrap inside their column."""
    text_rows = [[("" if value is None else str(value)) for value in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in text_rows:
        for i, value in enumerate(row):
            widths[i] = min(max(widths[i], len(value)), wrap)

    def wrapped(value: str, width: int) -> list[str]:
        lines: list[str] = []
        for paragraph in value.split("\n"):
            line = ""
            for word in paragraph.split(" "):
                if line and len(line) + 1 + len(word) > width:
                    lines.append(line)
                    line = word
                else:
                    line = f"{line} {word}" if line else word
            lines.append(line)
        return lines or [""]

    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    for row in text_rows:
        columns = [wrapped(value, widths[i]) for i, value in enumerate(row)]
        for line_no in range(max(len(c) for c in columns)):
            parts = [
                (col[line_no] if line_no < len(col) else "").ljust(widths[i])
                for i, col in enumerate(columns)
            ]
            out.append("  ".join(parts).rstrip())
    return "\n".join(out)
