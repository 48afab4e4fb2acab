"""Facts about the programme the course teaches, defined once and shown from here in every lesson."""

from __future__ import annotations

FOUR_POINTS: tuple[tuple[str, str], ...] = (
    (
        "Building and maintaining motivation",
        "Getting clear on why change matters to you, and keeping that reason in view.",
    ),
    (
        "Coping with urges",
        "Understanding urges as passing and learning ways to ride them out without acting on them.",
    ),
    (
        "Managing thoughts, feelings and behaviours",
        "Using cognitive tools such as the ABC model to handle upsets that can lead back to old habits.",
    ),
    (
        "Living a balanced life",
        "Building a life with enough lasting satisfaction that the old behaviour loses its pull.",
    ),
)

VALUES: tuple[str, ...] = ("Empowerment", "Equity", "Inclusion", "Integrity", "Accountability")
