"""Tag an article: segment, build context, classify, explain, extract claims.

``tag_article`` returns the JSON-ready structure that both ``claimtag tag`` and
the service's ``POST /v1/tag`` print, so the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from model.claims import extract_claims
from model.context import SentenceContext, track_context
from model.features import SentenceInput
from model.segment import Segment, segment


class TooManySentences(ValueError):
    """The article has more sentences than the caller allows."""


def article_inputs(texts: Sequence[str]) -> tuple[list[SentenceInput], list[SentenceContext]]:
    """Classifier inputs for an article's sentences, in order, with their context."""
    contexts = track_context(list(texts))
    inputs = [SentenceInput(t, c.features()) for t, c in zip(texts, contexts, strict=True)]
    return inputs, contexts


def effective_thresholds(model: Any, overrides: Mapping[str, float] | None) -> np.ndarray:
    """The model's tuned thresholds with per-request overrides applied."""
    thresholds = np.array(model.thresholds_, dtype=float)
    for label, value in (overrides or {}).items():
        thresholds[list(model.labels).index(label)] = float(value)
    return thresholds


def _sentence(
    seg: Segment,
    index: int,
    labels: Sequence[str],
    proba: np.ndarray,
    thresholds: np.ndarray,
    evidence: dict[str, list],
    ctx: SentenceContext,
) -> dict:
    scores = {lab: round(float(p), 4) for lab, p in zip(labels, proba, strict=True)}
    chosen = (
        []
        if seg.boilerplate
        else [lab for lab, p, t in zip(labels, proba, thresholds, strict=True) if p >= t]
    )
    shown = {lab: evidence[lab] for lab in chosen}
    claims = extract_claims(
        seg.text,
        chosen,
        ctx,
        scores,
        {lab: [e["feature"] for e in evidence[lab]] for lab in chosen},
    )
    return {
        "index": index,
        "start": seg.start,
        "end": seg.end,
        "text": seg.text,
        "labels": chosen,
        "scores": scores,
        "evidence": shown,
        "boilerplate": seg.boilerplate,
        "claims": claims,
    }


def tag_article(
    model: Any,
    text: str,
    thresholds: Mapping[str, float] | None = None,
    max_sentences: int | None = None,
) -> dict[str, Any]:
    """Sentences with offsets, labels, scores, evidence and claims, plus label counts."""
    segments = segment(text)
    if max_sentences is not None and len(segments) > max_sentences:
        raise TooManySentences(
            f"article has {len(segments)} sentences; the limit is {max_sentences}"
        )
    labels = list(model.labels)
    counts = dict.fromkeys(labels, 0)
    if not segments:
        return {"sentences": [], "counts": counts}
    inputs, contexts = article_inputs([s.text for s in segments])
    proba = model.predict_proba(inputs)
    explanations = model.explain(inputs)
    limits = effective_thresholds(model, thresholds)
    sentences = [
        _sentence(seg, i, labels, proba[i], limits, explanations[i], contexts[i])
        for i, seg in enumerate(segments)
    ]
    for sent in sentences:
        for lab in sent["labels"]:
            counts[lab] += 1
    return {"sentences": sentences, "counts": counts}
