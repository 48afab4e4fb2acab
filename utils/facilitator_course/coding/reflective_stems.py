"""How a reply shows it says back the person's own view, words or values.

These openings ("You feel...", "It sounds like...", "you both named...", "...matters to you")
let the judge (`judge.py`) overrule a model that reads a word inside a reflection ("should",
"lying") as advice or arguing: no rule found harm, and the reply frames the words as theirs.
"""

from __future__ import annotations

import re

# How reflections of a person's own view start.
REFLECTIVE_STEM = re.compile(
    r"^(?:so(?: ,)? )?(?:[a-z]+(?: and [a-z]+)? , )?(?:you (?:feel|felt|think|thought|are"
    r" (?:worried|afraid|scared|wondering|not sure|unsure|tired of|sick of|fed up)|wish|wonder"
    r"|wondered|believe|know)|part of you|it sounds like|sounds like|it seems|it feels (?:like"
    r"|as if|as though)|it felt|it must have felt|that felt|you are"
    r" telling yourself|from where you"
    r" are (?:sitting|standing)|the way you see it|as you see it|in your (?:view|eyes|mind))\b"
)
# What the person said, said back as theirs ("Mike and Chris, you both named lying as a cost"):
# the words after it are theirs, however they sound.
THEIR_WORDS = re.compile(
    r"^(?:so(?: ,)? )?(?:[a-z]+(?: and [a-z]+)? , )?you (?:both |all |each |two )?(?:named|listed"
    r"|mentioned|said|told (?:us|me)|described|talked about|brought up|put)\b"
)
# A value said back as theirs ("matters a lot to you", "part of how you stay honest").
VALUE_TO_THEM = re.compile(
    r"\b(?:matters?|means?|meant|is important|are important|counts?)(?: \w+){0,3} to you\b"
    r"|\bpart of how you\b|\bkeeps? you (?:honest|going|steady|sane|grounded)\b"
)
