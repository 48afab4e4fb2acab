"""Benchmark of the judgement around the labels: harm never rewarded, what cannot be judged, and
what a reflection picked up.

Run: .venv/bin/python tests/benchmarks/bench_judgement.py [--splits dev fresh final] [--show]

`dev` sets may be tuned on (`--show` prints their misjudged replies); `fresh` and `final` sets
are held out: their text is never printed.

Every set was written by someone who had not read the coder's rules or the other sets; nothing
here trains. The dev sets also hold good replies that look harmful ("good", "good_terse"):
for them "rewarded" counts replies not judged as advice or confrontation, and higher is better.

* harm_<split>.jsonl: replies by category. For advice, confrontation, labels and replies mixing a
  good move with one of them, "rewarded" counts replies judged as a good move (any label whose
  usual quality is good: reflections, open questions, affirmations, seeking collaboration,
  emphasizing autonomy, advice with permission). For gibberish, other languages, off-topic
  replies, fillers and repeats, "rewarded" counts replies judged as a reflection or a question.
  Target: 0 rewarded in every category.
* content_<split>.jsonl: typed reflections to shipped scenario lines with the side a human judged
  they picked up. The engine's `pick_up` (with the scenario's `content:` annotations) is
  compared with it. Target: side agreement >= 0.90.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "utils"))

from facilitator_course.coding import code_response  # noqa: E402
from facilitator_course.coding.dataset import FRESH_SPLITS, load_content, load_harm  # noqa: E402
from facilitator_course.coding.pickup import pick_up  # noqa: E402
from facilitator_course.roleplay.loader import load_scenario  # noqa: E402
from facilitator_course.roleplay.state import GOOD, quality  # noqa: E402

HARMFUL = ("advice", "confront", "label", "mixed_advice", "mixed_confront", "mixed_label")
UNJUDGEABLE = ("gibberish", "other_language", "off_topic", "filler", "repeated")
# The engine's pickups, in the human judgement's categories.
SIDE_OF = {
    "change": "change",
    "sustain": "sustain",
    "both": "both",
    "both_sustain_last": "both",
    "feeling": "feeling_or_value",
    "value": "feeling_or_value",
    "nothing": "nothing",
}


def harm_report(split: str, show: bool) -> int:
    rows = load_harm(split)
    print(f"=== {split}: harm and unjudgeable replies: {len(rows)} ===")
    print(f"{'category':16s} {'n':>4s} {'rewarded':>9s} {'not judged':>11s}  labels given")
    total_rewarded = 0
    by_category: dict[str, list] = {}
    for row in rows:
        by_category.setdefault(row["category"], []).append(row)
    for category in (*HARMFUL, *UNJUDGEABLE, "good", "good_terse"):
        group = by_category.get(category, [])
        if not group:
            continue
        coded = [code_response(r["text"], r.get("context")) for r in group]
        if category.startswith("good"):
            rewarded = [c for c in coded if c.judged and c.code not in ("persuade", "confront")]
        elif category in HARMFUL:
            rewarded = [
                c
                for c in coded
                if c.judged and quality(c.code, c.labeling, c.disguised_advice) == GOOD
            ]
        else:
            rewarded = [c for c in coded if c.judged and c.kind in ("question", "reflection")]
        if not category.startswith("good"):
            total_rewarded += len(rewarded)
        if show:
            wrong = [
                (r, c)
                for r, c in zip(group, coded, strict=True)
                if (c in rewarded) != category.startswith("good")
            ]
            for r, c in wrong:
                print(f"    {c.code if c.judged else c.reason:24s} {r['text'][:90]}")
        unjudged = sum(not c.judged for c in coded)
        given = Counter(c.code if c.judged else "(not judged)" for c in coded)
        print(
            f"{category:16s} {len(group):4d} {len(rewarded):9d} {unjudged:11d}  "
            + ", ".join(f"{k} {v}" for k, v in given.most_common(4))
        )
    print(f"harm rewarded in total: {total_rewarded} (target 0)")
    return total_rewarded


def content_report(split: str, show: bool) -> float:
    rows = load_content(split)
    scenarios: dict[str, object] = {}
    agree = 0
    pairs: Counter[tuple[str, str]] = Counter()
    for row in rows:
        scenario = scenarios.setdefault(row["scenario"], load_scenario(row["scenario"]))
        node = scenario.node(row["node"])  # type: ignore[attr-defined]
        found = pick_up(row["text"], node.ideas, node.says)
        engine = SIDE_OF[found.side]
        pairs[(row["side"], engine)] += 1
        if show and engine != row["side"]:
            print(
                f"    {row['node']:14s} human {row['side']:16s} engine {engine:16s} {row['text'][:70]}"
            )
        agree += engine == row["side"]
    sides = ("change", "sustain", "both", "feeling_or_value", "nothing")
    print(f"\n=== {split}: what a reflection picked up: {len(rows)} reflections ===")
    print("rows: human judgement; columns: engine")
    print(" " * 17 + " ".join(f"{s[:8]:>8s}" for s in sides))
    for human in sides:
        print(f"{human:16s} " + " ".join(f"{pairs[(human, e)]:8d}" for e in sides))
    accuracy = agree / len(rows)
    sided = [(h, e) for (h, e), n in pairs.items() for _ in range(n) if h in sides[:3]]
    side_acc = sum(h == e for h, e in sided) / len(sided) if sided else 0.0
    print(f"agreement on all five categories: {accuracy:.3f}")
    print(
        f"agreement on which side (human: change, sustain or both; n={len(sided)}): {side_acc:.3f}"
    )
    print(f"target: side agreement >= 0.90: {'ok' if side_acc >= 0.9 else 'MISSED'}")
    return side_acc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--splits",
        nargs="+",
        default=["dev", "dev2", *FRESH_SPLITS],
    )
    parser.add_argument(
        "--show", action="store_true", help="print the misjudged replies of the dev split only"
    )
    args = parser.parse_args()
    folder = REPO / "utils" / "facilitator_course" / "data" / "coding"
    for split in args.splits:
        show = args.show and split.startswith("dev")
        if (folder / f"harm_{split}.jsonl").exists():
            harm_report(split, show)
        if (folder / f"content_{split}.jsonl").exists():
            content_report(split, show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
