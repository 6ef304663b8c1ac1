"""Shared fixtures: the corpus, models trained once per session, ../shared paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.classifier import ClaimTagger
from model.data import Example, load_examples
from model.features import SentenceFeatures
from model.persistence import save_artifact
from training.train import build_manifest, default_tagger, fit_tagger

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def shared_file(relative: str) -> Path:
    """A file under ../shared, or a visible skip where it is absent (a fresh clone)."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is absent (fresh clone without shared data)")
    return path


@pytest.fixture(scope="session")
def seed_examples() -> list[Example]:
    return load_examples([REPO / "seeds"])


@pytest.fixture(scope="session")
def trained_model(seed_examples: list[Example]) -> ClaimTagger:
    """The default configuration trained on the whole corpus, once per session."""
    model, _ = fit_tagger(seed_examples, default_tagger(seed=0))
    return model


@pytest.fixture(scope="session")
def tiny_model(seed_examples: list[Example]) -> ClaimTagger:
    """A small, fast model for plumbing tests (persistence, service, CLI)."""
    docs = sorted({ex.doc_id for ex in seed_examples})[::4]
    subset = [ex for ex in seed_examples if ex.doc_id in set(docs)]
    tagger = ClaimTagger(features=SentenceFeatures(char_ngrams=None), cv=3, random_state=0)
    model, _ = fit_tagger(subset, tagger)
    return model


@pytest.fixture(scope="session")
def tiny_artifact(
    tmp_path_factory: pytest.TempPathFactory, tiny_model: ClaimTagger, seed_examples: list[Example]
) -> Path:
    """An unsigned artifact folder holding the tiny model."""
    out = tmp_path_factory.mktemp("artifact")
    report = {"n": 0, "macro_f1": 0.0, "micro_f1": 0.0, "per_label": {}}
    save_artifact(tiny_model, out, build_manifest(tiny_model, seed_examples, report, 0))
    return out
