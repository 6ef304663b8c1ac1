"""Print the count tables of the dataset card (seeds/README.md) from the corpus itself.

Usage: python scripts/dataset_card.py [seeds]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from training.corpus import corpus_stats, read_rows


def table(title: str, counts: Counter[str], total: int) -> str:
    lines = [f"| {title} | sentences | share |", "|---|---:|---:|"]
    for key, n in counts.most_common():
        lines.append(f"| {key} | {n} | {n / total:.1%} |")
    return "\n".join(lines)


def main(folder: str = "seeds") -> int:
    rows = read_rows(Path(folder))
    stats = corpus_stats(rows)
    total = len(rows)
    print(
        f"{total} sentences in {len(stats['docs'])} articles, {len(stats['setting'])} settings.\n"
    )
    for key, title in (
        ("label", "label"),
        ("combination", "label combination"),
        ("style", "style"),
        ("setting", "setting"),
    ):
        print(table(title, stats[key], total) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
