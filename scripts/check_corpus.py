"""Check corpus JSONL files under seeds/: schema, labels, ids, word overlap.

Usage: python scripts/check_corpus.py [FILE_OR_DIR ...]   (default: seeds/)
Prints problems and per-label counts; exits 1 when a problem is found.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

LABELS = {"attack", "deployment", "official_statement", "casualty_report"}
FIELDS = {"id", "doc_id", "text", "labels", "style", "setting"}
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def load(paths: list[Path]) -> list[tuple[str, int, dict]]:
    rows = []
    for p in paths:
        files = sorted(p.rglob("*.jsonl")) if p.is_dir() else [p]
        for f in files:
            for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    rows.append((str(f), n, json.loads(line)))
                except json.JSONDecodeError as e:
                    print(f"{f}:{n}: bad JSON: {e}")
                    rows.append((str(f), n, {}))
    return rows


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [Path("seeds")]
    rows = load(paths)
    bad = 0
    ids: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    for f, n, r in rows:
        where = f"{f}:{n}"
        if set(r) != FIELDS:
            print(f"{where}: fields {sorted(r)} != {sorted(FIELDS)}")
            bad += 1
            continue
        if (
            not isinstance(r["labels"], list)
            or set(r["labels"]) - LABELS
            or len(set(r["labels"])) != len(r["labels"])
        ):
            print(f"{where}: bad labels {r['labels']}")
            bad += 1
        nw = len(r["text"].split())
        if not 6 <= nw <= 70:
            print(f"{where}: {nw} words (6..70 allowed)")
            bad += 1
        ids[r["id"]] += 1
        docs[r["doc_id"]] += 1
        counts["none" if not r["labels"] else "any"] += 1
        for lab in r["labels"]:
            counts[lab] += 1
    for i, c in ids.items():
        if c > 1:
            print(f"duplicate id {i}")
            bad += 1
    for d, c in docs.items():
        if not 3 <= c <= 15 and not d.startswith("seed-"):
            print(f"doc {d}: {c} sentences (3..15 allowed)")
            bad += 1
    sets = [(r.get("id"), words(r.get("text", ""))) for _, _, r in rows]
    for (ia, a), (ib, b) in combinations(sets, 2):
        if a and b and len(a & b) > 0.5 * max(len(a), len(b)):
            print(f"near duplicate: {ia} ~ {ib} ({len(a & b)} shared words)")
            bad += 1
    total = len(rows)
    print(
        f"{total} sentences, {len(docs)} articles; "
        + ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))
    )
    if total:
        print(f"no-label share: {counts['none'] / total:.1%}")
    print(f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
