"""Train a claim tagger on annotated sentences and write a verified artifact."""

from __future__ import annotations

import platform
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import scipy
import sklearn

from model import LABELS
from model.classifier import ClaimTagger
from model.data import Example, data_hash, group_documents
from model.features import SentenceFeatures, SentenceInput
from model.metrics import multilabel_report
from model.persistence import publish, save_artifact
from model.tagger import article_inputs

Progress = Callable[[str], None]


def to_matrix(examples: Sequence[Example], labels: Sequence[str] = LABELS) -> np.ndarray:
    """0/1 label matrix, one row per example."""
    return np.array([[int(lab in ex.labels) for lab in labels] for ex in examples], dtype=int)


def build_inputs(examples: Sequence[Example]) -> tuple[list[Example], list[SentenceInput]]:
    """Examples regrouped by article with context-aware inputs, in matching order."""
    ordered: list[Example] = []
    inputs: list[SentenceInput] = []
    for doc in group_documents(examples):
        doc_inputs, _ = article_inputs([ex.text for ex in doc])
        ordered.extend(doc)
        inputs.extend(doc_inputs)
    return ordered, inputs


def default_tagger(seed: int = 0, n_jobs: int | None = None) -> ClaimTagger:
    """The configuration that won the feature comparison (see README)."""
    return ClaimTagger(features=SentenceFeatures(), C=16.0, cv=5, random_state=seed, n_jobs=n_jobs)


def fit_tagger(
    examples: Sequence[Example], tagger: ClaimTagger | None = None, progress: Progress | None = None
) -> tuple[ClaimTagger, dict[str, Any]]:
    """Fit ``tagger`` (default configuration when None); return it and its CV report."""
    say = progress or (lambda _msg: None)
    tagger = tagger if tagger is not None else default_tagger()
    ordered, inputs = build_inputs(examples)
    y = to_matrix(ordered, tagger.labels)
    docs = len({ex.doc_id for ex in ordered})
    say(
        f"fitting on {len(ordered)} sentences from {docs} articles "
        f"({tagger.cv}-fold grouped cross-validation for thresholds)"
    )
    tagger.fit(inputs, y, groups=[ex.doc_id for ex in ordered])
    cv_pred = (tagger.cv_proba_ >= tagger.thresholds_).astype(int)
    return tagger, multilabel_report(y, cv_pred, tagger.labels)


def build_manifest(
    tagger: ClaimTagger,
    examples: Sequence[Example],
    cv_report: dict[str, Any],
    seed: int,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything a reader needs to know what the artifact is and how it was made."""
    digest = data_hash(examples)
    now = datetime.now(UTC)
    y = to_matrix(examples, tagger.labels)
    return {
        "format": 1,
        "version": f"{now:%Y%m%dT%H%M%SZ}-{digest[:8]}",
        "created_at": now.isoformat(timespec="seconds"),
        "labels": list(tagger.labels),
        "thresholds": {
            lab: float(t) for lab, t in zip(tagger.labels, tagger.thresholds_, strict=True)
        },
        "data": {
            "sha256": digest,
            "sentences": len(examples),
            "documents": len({ex.doc_id for ex in examples}),
            "label_counts": {lab: int(y[:, j].sum()) for j, lab in enumerate(tagger.labels)},
            **(extra or {}),
        },
        "metrics": {"cv": cv_report, "cv_note": "out-of-fold, grouped by article"},
        "params": {"seed": seed, "C": tagger.C, "cv": tagger.cv},
        "libraries": {
            "python": platform.python_version(),
            "scikit-learn": sklearn.__version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "joblib": joblib.__version__,
        },
    }


@contextmanager
def compute_backend(scheduler: str | None) -> Iterator[int | None]:
    """Run joblib work (cross-validation folds) on a Dask cluster when given its address.

    Yields the ``n_jobs`` to use: -1 on a cluster (every fold its own task), else None.
    """
    if not scheduler:
        yield None
        return
    from distributed import Client

    with Client(scheduler, timeout="20s"), joblib.parallel_config(backend="dask"):
        yield -1


def train_to_dir(
    examples: Sequence[Example],
    out: Path | None,
    artifacts: Path,
    seed: int = 0,
    key: str | None = None,
    n_jobs: int | None = None,
    progress: Progress | None = None,
    extra: dict[str, Any] | None = None,
    scheduler: str | None = None,
) -> tuple[Path, dict[str, Any]]:
    """Train and save; without ``out`` write ``artifacts/<version>`` and repoint current.

    With ``scheduler`` (a Dask address) the cross-validation folds run on that cluster.
    """
    with compute_backend(scheduler) as cluster_jobs:
        jobs = cluster_jobs if cluster_jobs is not None else n_jobs
        tagger, report = fit_tagger(examples, default_tagger(seed, jobs), progress)
    manifest = build_manifest(tagger, examples, report, seed, extra)
    target = out if out is not None else artifacts / manifest["version"]
    if progress:
        progress(f"writing {target}")
    manifest = save_artifact(tagger, target, manifest, key)
    if out is None:
        publish(artifacts, target)
    return target, manifest
