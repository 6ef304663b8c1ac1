"""Faults, each its own test: a killed worker, a bad artifact at reload, kill -9 of the
feedback store's server, and artifact writing interrupted (disk full, kill during train)."""

from __future__ import annotations

import errno
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import joblib
import psutil
import pytest
import requests

from model import persistence
from model.classifier import ClaimTagger
from model.data import Example
from model.persistence import (
    MANIFEST_FILE,
    ArtifactError,
    publish,
    read_manifest,
    save_artifact,
    verify_artifact,
)
from tests.live import AUTH, Load, live_server

KEY = "signing-key-for-fault-tests"


def workers_of(proc: subprocess.Popen[bytes]) -> list[int]:
    return [child.pid for child in psutil.Process(proc.pid).children()]


def test_killed_worker_is_replaced_and_only_in_flight_requests_fail(
    tiny_artifact: Path, tmp_path: Path
) -> None:
    with live_server(tiny_artifact, tmp_path) as server, Load(server.url, clients=4) as load:
        time.sleep(1.0)
        before = workers_of(server.proc)
        os.kill(before[0], signal.SIGKILL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            now = workers_of(server.proc)
            if len(now) == 2 and before[0] not in now:
                break
            time.sleep(0.1)
        ok_at_recovery = load.ok
        time.sleep(1.5)
    assert before[0] not in now and len(now) == 2, "gunicorn did not replace the worker"
    # Each client has at most one request in flight, so at most four can fail.
    assert len(load.failed) <= 4, load.failed
    assert load.ok > ok_at_recovery, "no request succeeded after the worker was replaced"


def test_unsigned_artifact_at_reload_is_refused_and_old_model_serves(
    tiny_model: ClaimTagger, tiny_artifact: Path, tmp_path: Path
) -> None:
    signed = tmp_path / "signed"
    manifest = read_manifest(tiny_artifact)
    save_artifact(tiny_model, signed, dict(manifest, version="signed-v1"), key=KEY)
    env = {"CLAIMTAG_SIGNING_KEY": KEY}
    with (
        live_server(signed, tmp_path, env_extra=env, version=None) as server,
        Load(server.url) as load,
    ):
        for bad in (tiny_artifact, tmp_path / "corrupt"):
            if bad.name == "corrupt":
                save_artifact(tiny_model, bad, dict(manifest, version="corrupt"), key=KEY)
                (bad / "model.joblib").write_bytes(b"\x80\x04corrupted")
            resp = requests.post(
                f"{server.url}/v1/admin/reload",
                json={"model_dir": str(bad)},
                headers=AUTH,
                timeout=30,
            )
            assert resp.status_code == 422, resp.text
            assert "refused" in resp.json()["error"]["message"]
        time.sleep(0.5)
        served = server.versions()
    assert load.failed == []
    assert served == {"signed-v1"}


def test_acknowledged_feedback_survives_kill_9(tiny_artifact: Path, tmp_path: Path) -> None:
    db = tmp_path / "feedback.sqlite3"
    acked: list[str] = []
    stop = threading.Event()

    def writer(url: str, lane: int) -> None:
        with requests.Session() as session:
            for n in range(100_000):
                if stop.is_set():
                    return
                text = f"Correction {lane}-{n}: troops moved to the northern district."
                body = {"text": text, "labels": ["deployment"], "model_version": "v1"}
                try:
                    resp = session.post(f"{url}/v1/feedback", json=body, timeout=5)
                except requests.RequestException:
                    return
                if resp.status_code == 201:
                    acked.append(text)

    env = {"CLAIMTAG_FEEDBACK_DB": str(db)}
    with live_server(tiny_artifact, tmp_path, env_extra=env) as server:
        threads = [threading.Thread(target=writer, args=(server.url, i)) for i in range(4)]
        for t in threads:
            t.start()
        while len(acked) < 200:
            time.sleep(0.05)
        family = [server.proc.pid, *workers_of(server.proc)]
        for pid in family:
            os.kill(pid, signal.SIGKILL)
        stop.set()
        for t in threads:
            t.join()
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("SELECT text FROM feedback")}
    assert len(acked) >= 200
    assert set(acked) <= stored, f"{len(set(acked) - stored)} acknowledged corrections lost"


@pytest.mark.parametrize("failing", ["model", "manifest"])
def test_disk_full_while_writing_keeps_current_on_the_old_artifact(
    failing: str,
    tiny_model: ClaimTagger,
    tiny_artifact: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = tmp_path / "artifacts"
    root.mkdir()
    manifest = read_manifest(tiny_artifact)
    save_artifact(tiny_model, root / "old", manifest)
    publish(root, root / "old")

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "model":
        monkeypatch.setattr(joblib, "dump", full_disk)
    else:
        monkeypatch.setattr(persistence, "_write_atomic", full_disk)
    with pytest.raises(OSError, match="No space left"):
        save_artifact(tiny_model, root / "new", dict(manifest, version="new"))
    assert (root / "current").resolve() == (root / "old").resolve()
    verify_artifact(root / "current")
    with pytest.raises(ArtifactError, match="no manifest"):
        verify_artifact(root / "new")
    leftovers = sorted(p.name for p in (root / "new").iterdir())
    assert leftovers == ([] if failing == "model" else ["model.joblib"])


def small_corpus(path: Path, examples: list[Example]) -> Path:
    docs = set(sorted({ex.doc_id for ex in examples})[::6])
    rows = [
        {"id": ex.id, "doc_id": ex.doc_id, "text": ex.text, "labels": list(ex.labels)}
        for ex in examples
        if ex.doc_id in docs
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("delay", [0.8, 2.0, 3.5, 5.0])
def test_kill_during_train_never_leaves_current_on_a_partial_artifact(
    delay: float, tmp_path: Path, seed_examples: list[Example]
) -> None:
    data = small_corpus(tmp_path / "data.jsonl", seed_examples)
    cli = Path(sys.executable).with_name("claimtag")
    proc = subprocess.Popen(
        [str(cli), "train", "--data", str(data)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    proc.kill()
    proc.wait()
    current = tmp_path / "artifacts" / "current"
    if current.exists() or current.is_symlink():
        verify_artifact(current)  # complete, with a manifest that matches the model
    # Any version folder that has a manifest is complete: the manifest is written last.
    for manifest in (tmp_path / "artifacts").glob(f"*/{MANIFEST_FILE}"):
        verify_artifact(manifest.parent)
