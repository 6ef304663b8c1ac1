"""Score claim-field extraction against a file shaped like ../shared/eval/claims-dev.jsonl.

Fields are extracted for each line's GOLD labels, so extraction is scored apart from
classification, with article context built from the lines of the same doc_id in file
order. A field is scored on a line only when the line has that gold key. Usage:
`python -m training.claims_eval FILE` prints the accuracies (numbers only, no text).
"""

from __future__ import annotations

import json
import re
import string
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from model.claims import extract_claims
from model.context import SentenceContext, track_context

FIELDS: tuple[str, ...] = ("killed", "wounded", "approximate", "speaker", "quote")
_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+")
_QUOTE_TRIM = string.punctuation + string.whitespace + "“”‘’«»…–—"


def load_claims_file(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a JSON Lines claims file; ValueError naming file and line when one is bad."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: malformed JSON: {error.msg}") from error
            if not isinstance(row, dict) or "text" not in row or "labels" not in row:
                raise ValueError(f"{path}:{number}: expected an object with text and labels")
            rows.append(row)
    return rows


def evaluate_claims(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Exact-match accuracy per claim field: {"n": rows, "fields": {field: {accuracy, n}}}."""
    rows = list(rows)
    contexts = _contexts(rows)
    hits = dict.fromkeys(FIELDS, 0)
    totals = dict.fromkeys(FIELDS, 0)
    for row, context in zip(rows, contexts, strict=True):
        predicted = predict_fields(row, context)
        for field in FIELDS:
            if field in row:
                totals[field] += 1
                hits[field] += field_matches(field, row[field], predicted.get(field))
    return {
        "n": len(rows),
        "fields": {
            field: {
                "accuracy": hits[field] / totals[field] if totals[field] else 0.0,
                "n": totals[field],
            }
            for field in FIELDS
        },
    }


def predict_fields(row: dict[str, Any], context: SentenceContext | None) -> dict[str, Any]:
    """The claim fields extracted for a row's gold labels, merged into one dict."""
    merged: dict[str, Any] = {}
    for claim in extract_claims(row["text"], row.get("labels", []), context):
        merged.update({key: value for key, value in claim.items() if key in FIELDS})
    return merged


def field_matches(field: str, gold: Any, predicted: Any) -> bool:
    """Whether a predicted field value counts as right under the matching rules."""
    if field == "speaker":
        return speaker_matches(gold, predicted)
    if field == "quote":
        return quote_matches(gold, predicted)
    return bool(gold == predicted and type(gold) is type(predicted))


def speaker_matches(gold: str | None, predicted: str | None) -> bool:
    """Lower-cased, leading article removed, one phrase contains the other as whole words."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    gold_words, predicted_words = _speaker_words(gold), _speaker_words(predicted)
    return _contains(gold_words, predicted_words) or _contains(predicted_words, gold_words)


def quote_matches(gold: str | None, predicted: str | None) -> bool:
    """Equal after trimming whitespace and punctuation at both ends."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return gold.strip(_QUOTE_TRIM) == predicted.strip(_QUOTE_TRIM)


def _speaker_words(phrase: str) -> list[str]:
    """Words of a speaker phrase, lower-cased, without a leading article or edge punctuation."""
    return re.findall(r"[\w'’.-]+", _ARTICLE_RE.sub("", phrase.lower().strip()))


def _contains(outer: list[str], inner: list[str]) -> bool:
    """Whether `inner` occurs as a contiguous run of words in `outer` (empty never does)."""
    size = len(inner)
    return size > 0 and any(outer[i : i + size] == inner for i in range(len(outer) - size + 1))


def _contexts(rows: list[dict[str, Any]]) -> list[SentenceContext]:
    """Article context for every row, built per doc_id from that article's rows in order."""
    by_doc: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        by_doc.setdefault(str(row.get("doc_id", index)), []).append(index)
    contexts: list[SentenceContext] = [SentenceContext()] * len(rows)
    for indices in by_doc.values():
        for index, context in zip(
            indices, track_context([rows[i]["text"] for i in indices]), strict=True
        ):
            contexts[index] = context
    return contexts


def main(argv: list[str] | None = None) -> int:
    """Print the per-field accuracies for a claims file."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m training.claims_eval FILE", file=sys.stderr)
        return 2
    report = evaluate_claims(load_claims_file(args[0]))
    print(f"rows {report['n']}")
    for field, score in report["fields"].items():
        print(f"{field:<12} accuracy {score['accuracy']:.3f}  n {score['n']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
