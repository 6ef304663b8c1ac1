"""Bounded load at saturation on loopback against 2 gunicorn workers: zero errors.

The short run (5 s) is part of the suite; the 60 s run carries the ``slow`` marker:
``pytest -m slow tests/reliability/test_load.py -s``. Each run prints its figures and
writes them to ``test-artifacts/load-<seconds>s.json``. Set ``CLAIMTAG_LOAD_MODEL=DIR`` to load
a given model instead of the tiny test model.
"""

from __future__ import annotations

import json
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
import requests

from tests.live import live_server

ARTICLE = (
    "ERBIL (Kurdistan 24) – Gunmen attacked a police post near Makhmour on Monday, "
    "killing two officers, the interior ministry said. "
    "“Our forces repelled the attack,” spokesman Col. Hawre Aziz told reporters. "
    "Additional units were sent to the district on Tuesday."
)
CLIENTS = 8
OUT = Path(__file__).resolve().parents[2] / "test-artifacts"


def saturate(url: str, seconds: float, clients: int = CLIENTS) -> dict[str, float]:
    """``clients`` keep-alive clients posting back to back for ``seconds``."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        with requests.Session() as session:
            while time.monotonic() < deadline:
                start = time.perf_counter()
                try:
                    resp = session.post(f"{url}/v1/tag", json={"text": ARTICLE}, timeout=30)
                    problem = None if resp.status_code == 200 else str(resp.status_code)
                except requests.RequestException as exc:
                    problem = repr(exc)
                with lock:
                    latencies.append(time.perf_counter() - start)
                    if problem:
                        errors.append(problem)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    ms = np.asarray(latencies) * 1000
    return {
        "seconds": round(elapsed, 1),
        "clients": clients,
        "requests": len(latencies),
        "errors": len(errors),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(float(np.percentile(ms, 50)), 1),
        "p99_ms": round(float(np.percentile(ms, 99)), 1),
        "measured": datetime.now(UTC).date().isoformat(),
    }


def run(tiny_artifact: Path, tmp_path: Path, seconds: float) -> dict[str, float]:
    """Load the tiny model, or the one at $CLAIMTAG_LOAD_MODEL (the default model for the
    README's figures)."""
    model = Path(os.environ.get("CLAIMTAG_LOAD_MODEL") or tiny_artifact)
    with live_server(model, tmp_path, workers=2) as server:
        figures = saturate(server.url, seconds)
    OUT.mkdir(exist_ok=True)
    (OUT / f"load-{int(seconds)}s.json").write_text(json.dumps(figures, indent=2) + "\n")
    print(f"\nload {int(seconds)} s, 2 workers: {json.dumps(figures)}")
    return figures


def test_short_load_has_no_errors(tiny_artifact: Path, tmp_path: Path) -> None:
    figures = run(tiny_artifact, tmp_path, seconds=5)
    assert figures["errors"] == 0
    assert figures["requests"] > 0


@pytest.mark.slow
def test_sixty_second_load_has_no_errors(tiny_artifact: Path, tmp_path: Path) -> None:
    figures = run(tiny_artifact, tmp_path, seconds=60)
    assert figures["errors"] == 0
    assert figures["requests"] > 0
