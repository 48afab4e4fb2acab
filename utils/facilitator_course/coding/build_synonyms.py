"""Build `synonyms.json.gz` from WordNet: `python -m facilitator_course.coding.build_synonyms`.

A learner reflecting "the machines give you a break" rarely uses the participant's own words, so
what a reply picked up (`pickup.py`) also accepts a word's close synonyms. They come from WordNet
3.0 (Princeton University; licence in `synonyms.LICENSE.txt`): the other words of a word's two
most common senses, for words in the course's English word list. Only this command needs
WordNet (Debian's `wordnet-base` at /usr/share/wordnet); learners get the shipped file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from .readable import english_words, stem

OUT = Path(__file__).resolve().parent / "synonyms.json.gz"
SENSES = 2
POS = ("noun", "verb", "adj", "adv")


def _synsets(folder: Path) -> dict[tuple[str, str], list[str]]:
    """(part of speech, byte offset) -> the synset's one-word lemmas."""
    found = {}
    for pos in POS:
        with open(folder / f"data.{pos}", encoding="latin-1") as handle:
            for line in handle:
                if line.startswith("  "):
                    continue
                parts = line.split()
                count = int(parts[3], 16)
                lemmas = [parts[4 + 2 * i].lower() for i in range(count)]
                found[(pos, parts[0])] = [
                    w.split("(")[0] for w in lemmas if w.replace("-", "").isalpha() and "_" not in w
                ]
    return found


def build(folder: Path) -> dict[str, list[str]]:
    synsets = _synsets(folder)
    vocabulary = english_words()
    table: dict[str, set[str]] = {}
    for pos in POS:
        with open(folder / f"index.{pos}", encoding="latin-1") as handle:
            for line in handle:
                if line.startswith("  "):
                    continue
                parts = line.split()
                word = parts[0].lower()
                if "_" in word or word not in vocabulary:
                    continue
                n_synsets = int(parts[2])
                offsets = parts[-n_synsets:][:SENSES]
                key = stem(word)
                for offset in offsets:
                    for other in synsets.get((pos, offset), []):
                        if other != word and other in vocabulary and stem(other) != key:
                            table.setdefault(key, set()).add(stem(other))
    return {k: sorted(v) for k, v in sorted(table.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    args = parser.parse_args(argv)
    if not (args.wordnet / "data.noun").exists():
        print(
            f"WordNet not found in {args.wordnet} (apt-get install wordnet-base)", file=sys.stderr
        )
        return 2
    table = build(args.wordnet)
    data = json.dumps(table, separators=(",", ":"), sort_keys=True).encode()
    with gzip.GzipFile(OUT, "wb", mtime=0) as handle:
        handle.write(data)
    print(f"wrote {OUT} ({len(table)} words, {OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
