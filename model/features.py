"""Sentence features: word and character n-grams, lexicon and article context.

``SentenceFeatures`` is a scikit-learn transformer over :class:`SentenceInput`
objects. Every output column has a readable name (``w:``, ``c:``, ``lex:``,
``ctx:`` prefixes) so that a tag can be explained by its strongest features.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer

from model.lexicon import lexicon_features


@dataclass(frozen=True)
class SentenceInput:
    """A sentence and the context tags its article gives it."""

    text: str
    context: tuple[str, ...] = ()


def _normalise(text: str) -> str:
    """Fold quotes and digits so that "13" and "27" or “ and " look alike."""
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-"})
    return "".join("0" if ch.isdigit() else ch for ch in text.translate(table))


class SentenceFeatures(TransformerMixin, BaseEstimator):
    """Sparse feature matrix for sentences; each block can be switched off."""

    def __init__(
        self,
        word_ngrams: tuple[int, int] | None = (1, 2),
        char_ngrams: tuple[int, int] | None = (2, 5),
        lexicon: bool = True,
        context: bool = True,
        min_df: int = 2,
        max_features: int | None = 200_000,
    ) -> None:
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.lexicon = lexicon
        self.context = context
        self.min_df = min_df
        self.max_features = max_features

    def _dicts(self, inputs: Sequence[SentenceInput]) -> list[dict[str, float]]:
        rows = []
        for item in inputs:
            row = lexicon_features(item.text) if self.lexicon else {}
            if self.context:
                row.update({tag: 1.0 for tag in item.context})
            rows.append(row)
        return rows

    def fit(self, inputs: Sequence[SentenceInput], y: object = None) -> SentenceFeatures:
        texts = [_normalise(item.text) for item in inputs]
        self.blocks_: list[tuple[str, object]] = []
        if self.word_ngrams:
            vec = TfidfVectorizer(
                ngram_range=self.word_ngrams,
                min_df=self.min_df,
                max_features=self.max_features,
                sublinear_tf=True,
                token_pattern=r"(?u)\b\w[\w'-]*\b",
            )
            self.blocks_.append(("w", vec.fit(texts)))
        if self.char_ngrams:
            vec = TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=self.char_ngrams,
                min_df=self.min_df,
                max_features=self.max_features,
                sublinear_tf=True,
            )
            self.blocks_.append(("c", vec.fit(texts)))
        if self.lexicon or self.context:
            self.blocks_.append(("d", DictVectorizer().fit(self._dicts(inputs))))
        if not self.blocks_:
            raise ValueError("SentenceFeatures needs at least one feature block")
        return self

    def transform(self, inputs: Sequence[SentenceInput]) -> sp.csr_matrix:
        texts = [_normalise(item.text) for item in inputs]
        parts = []
        for kind, vec in self.blocks_:
            data = self._dicts(inputs) if kind == "d" else texts
            parts.append(vec.transform(data))  # type: ignore[attr-defined]
        return sp.hstack(parts, format="csr")

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        names: list[str] = []
        for kind, vec in self.blocks_:
            raw = vec.get_feature_names_out()  # type: ignore[attr-defined]
            names.extend(str(n) if kind == "d" else f"{kind}:{n}" for n in raw)
        return np.asarray(names, dtype=object)
