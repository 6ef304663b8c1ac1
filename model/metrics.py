"""Multi-label metrics in the shape the CLI and the manifest report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import f1_score, precision_recall_fscore_support


def multilabel_report(
    y_true: np.ndarray, y_pred: np.ndarray, labels: Sequence[str]
) -> dict[str, Any]:
    """``{"n", "macro_f1", "micro_f1", "per_label": {label: {precision, recall, f1, support}}}``."""
    y_true = np.asarray(y_true, dtype=int)
    y_pred = np.asarray(y_pred, dtype=int)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, average=None, zero_division=0)
    per_label = {
        label: {
            "precision": round(float(p[j]), 4),
            "recall": round(float(r[j]), 4),
            "f1": round(float(f[j]), 4),
            "support": int(s[j]),
        }
        for j, label in enumerate(labels)
    }
    return {
        "n": int(y_true.shape[0]),
        "macro_f1": round(float(f1_score(y_true, y_pred, average="macro", zero_division=0)), 4),
        "micro_f1": round(float(f1_score(y_true, y_pred, average="micro", zero_division=0)), 4),
        "per_label": per_label,
    }


def format_report(report: dict[str, Any]) -> str:
    """A fixed-width table of a report for the terminal."""
    lines = [f"{'label':<20} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>8}"]
    for label, m in report["per_label"].items():
        lines.append(
            f"{label:<20} {m['precision']:>9.3f} {m['recall']:>7.3f} "
            f"{m['f1']:>7.3f} {m['support']:>8d}"
        )
    lines.append(f"{'micro F1':<20} {report['micro_f1']:>25.3f}")
    lines.append(f"{'macro F1':<20} {report['macro_f1']:>25.3f}   (n={report['n']})")
    return "\n".join(lines)
