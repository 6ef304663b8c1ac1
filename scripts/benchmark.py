"""Model benchmark: dev-set F1 of the model and two baselines, feature ablation,
training time and tagging speed, all measured in one run.

Usage: python scripts/benchmark.py [--dev ../shared/eval/dev.jsonl] [--ablation] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from model import LABELS
from model.classifier import ClaimTagger
from model.data import Example, group_documents, load_examples
from model.features import SentenceFeatures
from model.lexicon import PATTERNS
from model.metrics import format_report, multilabel_report
from model.tagger import tag_article
from training.evaluate import evaluate
from training.train import fit_tagger, to_matrix

KEYWORDS = {
    "attack": ("attack_act",),
    "deployment": ("deploy_move", "operation"),
    "official_statement": ("speech",),
    "casualty_report": ("casualty",),
}
ABLATION = {
    "word": SentenceFeatures(char_ngrams=None, lexicon=False, context=False),
    "word+char": SentenceFeatures(lexicon=False, context=False),
    "word+char+lexicon": SentenceFeatures(context=False),
    "word+lexicon+context": SentenceFeatures(char_ngrams=None),
    "word+char+lexicon+context": SentenceFeatures(),
}


def keyword_baseline(dev: list[Example]) -> dict[str, Any]:
    """A label fires when any of its guideline keyword lists matches."""
    pred = np.array(
        [
            [int(any(PATTERNS[c].search(ex.text) for c in KEYWORDS[lab])) for lab in LABELS]
            for ex in dev
        ]
    )
    return multilabel_report(to_matrix(dev), pred, LABELS)


def tfidf_baseline(train: list[Example], dev: list[Example]) -> dict[str, Any]:
    """Plain word TF-IDF + logistic regression per label at 0.5."""
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x_train = vec.fit_transform([ex.text for ex in train])
    x_dev = vec.transform([ex.text for ex in dev])
    y = to_matrix(train)
    pred = np.column_stack(
        [
            LogisticRegression(max_iter=1000).fit(x_train, y[:, j]).predict(x_dev)
            for j in range(len(LABELS))
        ]
    )
    return multilabel_report(to_matrix(dev), pred, LABELS)


def tagging_speed(model: ClaimTagger, dev: list[Example], rounds: int = 5) -> dict[str, float]:
    """Median per-article tagging time and sentences per second over dev articles."""
    articles = [" ".join(ex.text for ex in doc) for doc in group_documents(dev)]
    per_round, sentences = [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        sentences = sum(len(tag_article(model, text)["sentences"]) for text in articles)
        per_round.append(time.perf_counter() - start)
    best = statistics.median(per_round)
    return {
        "articles": len(articles),
        "sentences": sentences,
        "ms_per_article": round(1000 * best / len(articles), 2),
        "sentences_per_second": round(sentences / best, 1),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="seeds")
    parser.add_argument("--dev", default="../shared/eval/dev.jsonl")
    parser.add_argument("--ablation", action="store_true")
    parser.add_argument("--json", dest="out")
    args = parser.parse_args(argv)
    train, dev = load_examples([args.data]), load_examples([args.dev])
    results: dict[str, Any] = {"train_sentences": len(train), "dev_sentences": len(dev)}
    start = time.perf_counter()
    model, _ = fit_tagger(train)
    results["train_seconds"] = round(time.perf_counter() - start, 2)
    results["model"] = evaluate(model, dev)
    results["keyword_baseline"] = keyword_baseline(dev)
    results["tfidf_lr_baseline"] = tfidf_baseline(train, dev)
    results["speed"] = tagging_speed(model, dev)
    if args.ablation:
        results["ablation"] = {
            name: evaluate(fit_tagger(train, ClaimTagger(features=feats))[0], dev)["macro_f1"]
            for name, feats in ABLATION.items()
        }
    for name in ("model", "keyword_baseline", "tfidf_lr_baseline"):
        print(f"\n== {name}\n{format_report(results[name])}")
    print(f"\ntraining: {results['train_seconds']} s on {len(train)} sentences")
    print("tagging: " + ", ".join(f"{k}={v}" for k, v in results["speed"].items()))
    for name, score in results.get("ablation", {}).items():
        print(f"ablation {name:<28} dev macro F1 {score:.3f}")
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
