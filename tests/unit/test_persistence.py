"""Artifacts: round trip, and refusal of every tampered or foreign file before unpickling."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import numpy as np
import pytest

from model.classifier import ClaimTagger
from model.features import SentenceInput
from model.persistence import (
    MANIFEST_FILE,
    MODEL_FILE,
    ArtifactError,
    file_sha256,
    load_artifact,
    publish,
    save_artifact,
    sign,
)

KEY = "test-signing-key"
SENTENCES = [SentenceInput("Gunmen killed three soldiers in Gao, the army said.")]


class Exploit:
    """A pickle payload that writes a marker file when unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.makedirs, (str(self.marker),))


def copy_artifact(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def rewrite_manifest(folder: Path, **changes: object) -> None:
    path = folder / MANIFEST_FILE
    manifest = json.loads(path.read_text())
    manifest.update(changes)
    path.write_text(json.dumps(manifest))


@pytest.fixture()
def signed(tmp_path: Path, tiny_model: ClaimTagger, tiny_artifact: Path) -> Path:
    manifest = json.loads((tiny_artifact / MANIFEST_FILE).read_text())
    out = tmp_path / "signed"
    save_artifact(tiny_model, out, manifest, key=KEY)
    return out


def test_round_trip_gives_identical_predictions(
    tiny_model: ClaimTagger, tiny_artifact: Path
) -> None:
    loaded, manifest = load_artifact(tiny_artifact)
    assert manifest["labels"] == list(tiny_model.labels)
    np.testing.assert_allclose(loaded.predict_proba(SENTENCES), tiny_model.predict_proba(SENTENCES))


def test_manifest_records_hashes_versions_and_thresholds(tiny_artifact: Path) -> None:
    manifest = json.loads((tiny_artifact / MANIFEST_FILE).read_text())
    assert manifest["model_sha256"] == file_sha256(tiny_artifact / MODEL_FILE)
    assert set(manifest["libraries"]) >= {"python", "scikit-learn", "numpy", "joblib"}
    assert set(manifest["thresholds"]) == set(manifest["labels"])
    assert len(manifest["data"]["sha256"]) == 64


def test_signed_artifact_loads_with_its_key(signed: Path) -> None:
    _, manifest = load_artifact(signed, key=KEY)
    assert manifest["signature"] == sign(manifest, KEY)


def test_tampered_model_file_is_refused(tmp_path: Path, tiny_artifact: Path) -> None:
    folder = copy_artifact(tiny_artifact, tmp_path / "a")
    with (folder / MODEL_FILE).open("ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ArtifactError, match="sha256"):
        load_artifact(folder)


def test_unsigned_artifact_is_refused_when_a_key_is_set(tiny_artifact: Path) -> None:
    with pytest.raises(ArtifactError, match="unsigned"):
        load_artifact(tiny_artifact, key=KEY)


def test_wrong_key_is_refused(signed: Path) -> None:
    with pytest.raises(ArtifactError, match="signature"):
        load_artifact(signed, key="another-key")


def test_other_scikit_learn_version_is_refused(tmp_path: Path, tiny_artifact: Path) -> None:
    folder = copy_artifact(tiny_artifact, tmp_path / "a")
    rewrite_manifest(folder, libraries={"scikit-learn": "0.0.1"})
    with pytest.raises(ArtifactError, match=r"scikit-learn 0\.0\.1"):
        load_artifact(folder)


def test_missing_manifest_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArtifactError, match="no manifest"):
        load_artifact(tmp_path)


def test_model_file_outside_the_folder_is_refused(tmp_path: Path, tiny_artifact: Path) -> None:
    folder = copy_artifact(tiny_artifact, tmp_path / "a")
    rewrite_manifest(folder, model_file="../elsewhere.joblib")
    with pytest.raises(ArtifactError, match="plain file name"):
        load_artifact(folder)


def test_malicious_pickle_with_rewritten_manifest_never_runs(tmp_path: Path, signed: Path) -> None:
    folder = copy_artifact(signed, tmp_path / "evil")
    marker = tmp_path / "executed"
    (folder / MODEL_FILE).write_bytes(pickle.dumps(Exploit(marker)))
    rewrite_manifest(folder, model_sha256=file_sha256(folder / MODEL_FILE))
    with pytest.raises(ArtifactError, match="signature"):
        load_artifact(folder, key=KEY)
    assert not marker.exists()
    pickle.loads((folder / MODEL_FILE).read_bytes())  # the payload is live: it would have run
    assert marker.exists()


def test_publish_repoints_current_to_the_newest(tmp_path: Path, tiny_artifact: Path) -> None:
    first = copy_artifact(tiny_artifact, tmp_path / "v1")
    second = copy_artifact(tiny_artifact, tmp_path / "v2")
    publish(tmp_path, first)
    link = publish(tmp_path, second)
    assert link.resolve() == second.resolve()
    assert not list(tmp_path.glob(".current.*"))
