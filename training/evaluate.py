"""Evaluate a trained tagger on annotated sentences, article context included."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from model.data import Example
from model.metrics import multilabel_report
from model.tagger import effective_thresholds
from training.train import build_inputs, to_matrix


def predict_examples(
    model: Any, examples: Sequence[Example], thresholds: Mapping[str, float] | None = None
) -> np.ndarray:
    """Predictions in the order of ``examples`` (articles are rebuilt for context)."""
    ordered, inputs = build_inputs(examples)
    pred = (model.predict_proba(inputs) >= effective_thresholds(model, thresholds)).astype(int)
    position = {id(ex): i for i, ex in enumerate(ordered)}
    return pred[[position[id(ex)] for ex in examples]]


def evaluate(model: Any, examples: Sequence[Example]) -> dict[str, Any]:
    """Per-label precision, recall, F1, support, and micro and macro F1."""
    y_true = to_matrix(examples, model.labels)
    return multilabel_report(y_true, predict_examples(model, examples), model.labels)


def floor_failures(
    report: dict[str, Any], min_macro: float | None, min_label: float | None
) -> list[str]:
    """Human-readable reasons the report is below the given floors."""
    failures = []
    if min_macro is not None and report["macro_f1"] < min_macro:
        failures.append(f"macro F1 {report['macro_f1']:.3f} < {min_macro}")
    for label, m in report["per_label"].items():
        if min_label is not None and m["f1"] < min_label:
            failures.append(f"{label} F1 {m['f1']:.3f} < {min_label}")
    return failures
