"""Multi-label claim classifier: one logistic regression per label.

Thresholds are tuned per label on out-of-fold probabilities from a grouped
cross-validation over the training data (sentences of one article stay in one
fold), so that nothing outside the training data decides them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from joblib import Parallel, delayed
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from model import LABELS
from model.features import SentenceFeatures, SentenceInput

KINDS = {"w": "word", "c": "char", "lex": "lexicon", "ctx": "context"}


def _fit_block(
    features: SentenceFeatures, inputs: Sequence[SentenceInput], y: np.ndarray, C: float, seed: int
) -> tuple[SentenceFeatures, list[LogisticRegression]]:
    """Fit features and one logistic regression per label column."""
    feats = clone(features).fit(inputs)
    matrix = feats.transform(inputs)
    models = []
    for j in range(y.shape[1]):
        lr = LogisticRegression(
            C=C, class_weight="balanced", solver="liblinear", random_state=seed, max_iter=1000
        )
        models.append(lr.fit(matrix, y[:, j]))
    return feats, models


def best_threshold(y_true: np.ndarray, proba: np.ndarray) -> float:
    """The threshold maximising F1; among near ties the one closest to 0.5."""
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    scores = []
    for t in grid:
        pred = proba >= t
        tp = float(np.sum(pred & (y_true == 1)))
        denom = float(np.sum(pred) + np.sum(y_true == 1))
        scores.append(2 * tp / denom if denom else 0.0)
    arr = np.asarray(scores)
    near = grid[arr >= arr.max() - 0.005]
    return float(near[np.argmin(np.abs(near - 0.5))])


def top_evidence(
    data: np.ndarray, idx: np.ndarray, coef: np.ndarray, names: np.ndarray, top: int = 5
) -> list[dict[str, Any]]:
    """The readable features (not character n-grams) that raised one row's score most."""
    contrib = data * coef[idx]
    items: list[dict[str, Any]] = []
    for k in np.argsort(-contrib):
        if contrib[k] <= 0 or len(items) >= top:
            break
        kind, _, term = str(names[idx[k]]).partition(":")
        if kind != "c":
            weight = round(float(contrib[k]), 4)
            items.append({"feature": term, "kind": KINDS.get(kind, kind), "weight": weight})
    return items


class ClaimTagger(ClassifierMixin, BaseEstimator):
    """Predicts which of ``labels`` a sentence carries, with per-label thresholds."""

    def __init__(
        self,
        labels: Sequence[str] = LABELS,
        features: SentenceFeatures | None = None,
        C: float = 4.0,
        cv: int = 5,
        random_state: int = 0,
        n_jobs: int | None = None,
    ) -> None:
        self.labels = labels
        self.features = features
        self.C = C
        self.cv = cv
        self.random_state = random_state
        self.n_jobs = n_jobs

    def _features(self) -> SentenceFeatures:
        return self.features if self.features is not None else SentenceFeatures()

    def _oof(
        self, inputs: Sequence[SentenceInput], y: np.ndarray, groups: Sequence[str]
    ) -> np.ndarray:
        """Out-of-fold probabilities from a grouped k-fold over the training data."""
        folds = list(GroupKFold(n_splits=self.cv).split(inputs, y, groups))
        jobs = (
            delayed(_fit_block)(
                self._features(), [inputs[i] for i in tr], y[tr], self.C, self.random_state
            )
            for tr, _ in folds
        )
        fitted = Parallel(n_jobs=self.n_jobs)(jobs)
        oof = np.zeros(y.shape, dtype=float)
        for (feats, models), (_, te) in zip(fitted, folds, strict=True):
            matrix = feats.transform([inputs[i] for i in te])
            oof[te] = np.column_stack([m.predict_proba(matrix)[:, 1] for m in models])
        return oof

    def fit(
        self, inputs: Sequence[SentenceInput], y: Any, groups: Sequence[str] | None = None
    ) -> ClaimTagger:
        """Fit on all data; tune thresholds on cross-validated probabilities."""
        y = np.asarray(y, dtype=int)
        if y.ndim != 2 or y.shape[1] != len(self.labels):
            raise ValueError(f"y must have one column per label ({len(self.labels)})")
        groups = list(groups) if groups is not None else [str(i) for i in range(len(inputs))]
        self.classes_ = np.asarray(self.labels, dtype=object)
        self.features_, self.estimators_ = _fit_block(
            self._features(), inputs, y, self.C, self.random_state
        )
        self.feature_names_ = self.features_.get_feature_names_out()
        self.cv_proba_ = self._oof(inputs, y, groups)
        self.thresholds_ = np.asarray(
            [best_threshold(y[:, j], self.cv_proba_[:, j]) for j in range(y.shape[1])]
        )
        return self

    def predict_proba(self, inputs: Sequence[SentenceInput]) -> np.ndarray:
        """Probability of each label (columns in ``labels`` order)."""
        matrix = self.features_.transform(inputs)
        return np.column_stack([m.predict_proba(matrix)[:, 1] for m in self.estimators_])

    def predict(self, inputs: Sequence[SentenceInput]) -> np.ndarray:
        """0/1 matrix at the tuned thresholds."""
        return (self.predict_proba(inputs) >= self.thresholds_).astype(int)

    def explain(self, inputs: Sequence[SentenceInput], top: int = 5) -> list[dict[str, list]]:
        """Per sentence and label, the readable features that raised the score most."""
        matrix = self.features_.transform(inputs).tocsr()
        out: list[dict[str, list]] = []
        for i in range(matrix.shape[0]):
            row = matrix.getrow(i)
            per_label = {}
            for label, model in zip(self.labels, self.estimators_, strict=True):
                per_label[label] = top_evidence(
                    row.data, row.indices, model.coef_[0], self.feature_names_, top
                )
            out.append(per_label)
        return out
