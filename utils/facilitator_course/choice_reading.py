"""Reading a typed choice answer as a person would: the letter, two letters, or neither.

Learners type choices the way they would write them on paper: "I think B", "D - because...",
"(b)". A check that only accepts a bare letter scores those 0, which is wrong; one that takes the
first letter it finds reads "A or B" as A, which is wrong too. `answers.check_choice` uses this
reading, and an answer naming two options is left for the trainer instead of being scored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words a person puts before the letter ("I think B", "My answer is C") and after it
# ("C because ...", "D - since ..."); the letter is read, the rest is the learner's reasoning.
_LEAD_IN = re.compile(
    r"^(?:(?:i\s+think|i\s+believe|i\s+would\s+say|i'?d\s+say|i\s+choose|i\s+pick|"
    r"i\s+go\s+with|probably|maybe|my\s+answer\s+is|the\s+answer\s+is|answer\s+is|"
    r"it'?s|it\s+is|option|answer|choice|letter)\b[\s:,\-–—]*)+",
    re.IGNORECASE,
)
_REASON_WORD = re.compile(r"^(?:because|since|as|as\s+it|so|cause|cos)\b", re.IGNORECASE)
_JOINED = re.compile(r"^[(\[]?([A-Za-z])[)\].]?\s*(?:\bor\b|\band\b|/|&|,|\+)\s*[(\[]?([A-Za-z])\b")


@dataclass(frozen=True)
class ChoiceReading:
    """How a typed choice answer reads: one letter, several letters (ambiguous), or neither."""

    letter: str | None
    ambiguous: tuple[str, ...] = ()


def read_choice(answer: object, options: str = "ABCD") -> ChoiceReading:
    """Read a choice answer as a person would.

    "B", "b.", "(b)", "Option B", "I think B", "D - because..." and "C because..." read as the
    letter. "A or B", "A and C", "A/B" name two options: that is ambiguous, and a trainer decides.
    A lowercase letter followed by more words ("a peer, not a therapist") is a sentence, not a
    letter; an uppercase one followed by more words (other than a second option) is the letter.
    """
    text = str(answer if answer is not None else "").strip().strip("\"'“”‘’ ")
    text = _LEAD_IN.sub("", text).strip()
    wanted = options.upper()
    joined = [
        (a.upper(), b.upper())
        for a, b in _JOINED.findall(text)
        if a.upper() in wanted and b.upper() in wanted and a.upper() != b.upper()
    ]
    if joined:
        return ChoiceReading(None, tuple(dict.fromkeys(x for pair in joined for x in pair)))
    match = re.match(r"^[(\[]?\s*([A-Za-z])\s*(?:[)\].:;,!?\-–—]|$)(.*)$", text, re.DOTALL)
    if match is None:
        match = re.match(r"^([A-Za-z])(\s+)(.*)$", text, re.DOTALL)
        if match is None:
            return ChoiceReading(None)
        letter, rest = match.group(1), match.group(3)
        if letter.islower() and not _REASON_WORD.match(rest):
            return ChoiceReading(None)  # "a peer, not a therapist": a sentence
    else:
        letter, rest = match.group(1), match.group(2)
    letter = letter.upper()
    if letter not in wanted:
        return ChoiceReading(None)
    reasoning = _REASON_WORD.match(rest.lstrip(" -–—:,.")) is not None
    others = [x for x in re.findall(r"\b([A-Z])\b", rest) if x in wanted and x != letter]
    if others and not reasoning:  # "B, no C": a second option named on its own
        return ChoiceReading(None, tuple(dict.fromkeys([letter, *others])))
    return ChoiceReading(letter)
