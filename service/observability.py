"""Prometheus metrics and one JSON log line per request, with request ids."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
import uuid

from flask import Flask, Response, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client import multiprocess as prom_multiprocess

REQUESTS = Counter("claimtag_requests_total", "HTTP requests", ["route", "method", "status"])
LATENCY = Histogram(
    "claimtag_request_seconds",
    "Request latency",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
SENTENCES = Counter("claimtag_sentences_tagged_total", "Sentences tagged")
MODEL_INFO = Gauge(
    "claimtag_model_info",
    "Loaded model version (value 1)",
    ["version"],
    multiprocess_mode="liveall",
)

access_log = logging.getLogger("claimtag.access")
_shown: dict[str, str] = {}


def configure_logging(level: str) -> None:
    """Messages as plain lines on stderr; access lines are JSON already."""
    root = logging.getLogger("claimtag")
    if not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        root.addHandler(handler)
    root.setLevel(level)


def _route() -> str:
    return request.url_rule.rule if request.url_rule is not None else "<unmatched>"


def _start() -> None:
    g.start = time.perf_counter()
    incoming = request.headers.get("X-Request-ID", "")
    ok = 0 < len(incoming) <= 128 and incoming.isprintable()
    g.request_id = incoming if ok else uuid.uuid4().hex


def _finish(response: Response) -> Response:
    duration = time.perf_counter() - g.get("start", time.perf_counter())
    route = _route()
    sentences = g.get("sentences", 0)
    REQUESTS.labels(route, request.method, str(response.status_code)).inc()
    LATENCY.labels(route).observe(duration)
    if sentences:
        SENTENCES.inc(sentences)
    response.headers["X-Request-ID"] = g.get("request_id", "")
    holder = current_app.extensions["claimtag"]
    version = g.get("model_version") or (
        holder.current.manifest.get("version") if holder.current else None
    )
    show_model_version(version)
    access_log.info(
        json.dumps(
            {
                "ts": round(time.time(), 3),
                "request_id": g.get("request_id"),
                "method": request.method,
                "route": route,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(duration * 1000, 2),
                "sentences": sentences,
                "model_version": version,
                "pid": os.getpid(),
            }
        )
    )
    return response


def show_model_version(version: str | None) -> None:
    """Keep the model-info gauge at 1 for the serving version, 0 for the one before."""
    previous = _shown.get("version")
    if version is None or version == previous:
        return
    if previous is not None:
        MODEL_INFO.labels(previous).set(0)
    MODEL_INFO.labels(version).set(1)
    _shown["version"] = version


def metrics_response() -> Response:
    """Exposition of this process, or of all workers in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        prom_multiprocess.MultiProcessCollector(registry)
        payload = generate_latest(registry)
    else:
        payload = generate_latest()
    return Response(payload, mimetype=CONTENT_TYPE_LATEST.split(";")[0])


def install(app: Flask) -> None:
    """Hook request timing, ids, logs and metrics into the app."""
    app.before_request(_start)
    app.after_request(_finish)
    app.add_url_rule("/metrics", "metrics", metrics_response, methods=["GET"])
