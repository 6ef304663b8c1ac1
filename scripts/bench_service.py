"""Service benchmark: HTTP latency against in-process tagging, and throughput.

In one run: p50/p99 of POST /v1/tag for the seed article and a 60-sentence article,
each divided by the in-process tagging time of the same text; requests per second
with 1 and 2 gunicorn workers under a bounded loopback load.

Usage: python scripts/bench_service.py [--model artifacts/current] [--requests 200]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import requests

from model.data import group_documents, load_examples
from model.persistence import load_artifact
from model.tagger import tag_article

SEED = Path("seeds/seed/seed-k24-2021-12-06.jsonl")


def articles() -> dict[str, str]:
    """The seed article and a 60-sentence article assembled from corpus articles."""
    seed = " ".join(ex.text for ex in load_examples([SEED]))
    sentences: list[str] = []
    for doc in group_documents(load_examples(["seeds"])):
        sentences.extend(ex.text for ex in doc)
        if len(sentences) >= 60:
            break
    return {"seed article": seed, "60-sentence article": " ".join(sentences[:60])}


def percentiles(samples: list[float]) -> tuple[float, float]:
    arr = np.asarray(samples) * 1000
    return float(np.percentile(arr, 50)), float(np.percentile(arr, 99))


def in_process(model_dir: str, text: str, n: int) -> list[float]:
    model, _ = load_artifact(Path(model_dir), os.environ.get("CLAIMTAG_SIGNING_KEY"))
    times = []
    for _ in range(n):
        start = time.perf_counter()
        tag_article(model, text)
        times.append(time.perf_counter() - start)
    return times


def start_server(model_dir: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, CLAIMTAG_MODEL_DIR=model_dir, CLAIMTAG_LOG_LEVEL="WARNING")
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "--config",
            "python:service.gunicorn_conf",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "service.wsgi:app",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if requests.get(f"{url}/readyz", timeout=1).status_code == 200:
                return proc, url
        except requests.RequestException:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def http_latency(url: str, text: str, n: int) -> list[float]:
    times = []
    with requests.Session() as session:
        for _ in range(n):
            start = time.perf_counter()
            resp = session.post(f"{url}/v1/tag", json={"text": text}, timeout=30)
            times.append(time.perf_counter() - start)
            resp.raise_for_status()
    return times


def throughput(url: str, text: str, seconds: float, clients: int) -> tuple[float, int]:
    """Requests per second and error count over a bounded run."""
    done, errors, stop = [0], [0], time.monotonic() + seconds
    lock = threading.Lock()

    def client() -> None:
        with requests.Session() as session:
            while time.monotonic() < stop:
                ok = session.post(f"{url}/v1/tag", json={"text": text}, timeout=30).ok
                with lock:
                    done[0] += ok
                    errors[0] += not ok

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done[0] / (time.monotonic() - start), errors[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="artifacts/current")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    texts = articles()
    proc, url = start_server(args.model, 1)
    try:
        for name, text in texts.items():
            http_latency(url, text, 10)
            local = percentiles(in_process(args.model, text, args.requests))
            remote = percentiles(http_latency(url, text, args.requests))
            print(
                f"{name}: in-process p50 {local[0]:.2f} ms p99 {local[1]:.2f} ms | HTTP p50 "
                f"{remote[0]:.2f} ms p99 {remote[1]:.2f} ms | ratio p50 "
                f"{remote[0] / local[0]:.2f}x p99 {remote[1] / local[1]:.2f}x"
            )
    finally:
        proc.terminate()
        proc.wait()
    rates = {}
    for workers in (1, 2):
        proc, url = start_server(args.model, workers)
        try:
            rates[workers], errors = throughput(url, texts["seed article"], args.seconds, 4)
        finally:
            proc.terminate()
            proc.wait()
        print(
            f"{workers} worker(s): {rates[workers]:.1f} requests/s (seed article, 4 clients, "
            f"{args.seconds:.0f} s, {errors} errors)"
        )
    print(f"scaling 1 -> 2 workers: {rates[2] / rates[1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
