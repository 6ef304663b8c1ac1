"""Hot reload: ``POST /v1/admin/reload`` and SIGHUP.

A reload verifies the new artifact before it replaces the model; a refusal leaves
the old model serving. A SIGHUP to the gunicorn master is forwarded to every worker
(``service.gunicorn_conf``), each reloading the configured folder. A successful
HTTP reload, which reaches one worker, records its target in the shared reload
file; the other workers see the file change before their next request and load the
same folder in the background while the old model keeps answering.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
import signal
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from model.persistence import ArtifactError
from service import parsing
from service.errors import ApiError
from service.holder import ModelHolder

admin = Blueprint("admin", __name__)
log = logging.getLogger("claimtag.service")


def check_token() -> None:
    """Bearer token from ``CLAIMTAG_ADMIN_TOKEN``; reload is disabled when it is unset."""
    expected = current_app.config.get("ADMIN_TOKEN")
    if not expected:
        raise ApiError(403, "admin_disabled", "admin endpoints are disabled (no admin token set)")
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        raise ApiError(401, "unauthorized", "missing bearer token")
    if not hmac.compare_digest(header[7:].encode(), str(expected).encode()):
        raise ApiError(403, "forbidden", "wrong admin token")


def _reload_file(config: dict[str, Any]) -> Path | None:
    path = config.get("RELOAD_FILE")
    return Path(path) if path else None


def record_target(config: dict[str, Any], holder: ModelHolder, target: str) -> None:
    """Write the reload file atomically so that sibling workers follow."""
    path = _reload_file(config)
    if path is None:
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}")
    tmp.write_text(target, encoding="utf-8")
    os.replace(tmp, path)
    holder.seen_reload = path.stat().st_mtime_ns


def in_background(holder: ModelHolder, target: str | None) -> None:
    """Load without blocking requests; a refusal is logged and the old model stays."""

    def work() -> None:
        with contextlib.suppress(ArtifactError):  # logged by the holder; old model stays
            holder.load(target)

    threading.Thread(target=work, name="claimtag-reload", daemon=True).start()


def follow_reload_file(app: Flask) -> None:
    """Before each request: load what another worker's reload recorded, once."""
    path = _reload_file(app.config)
    if path is None:
        return
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return
    holder: ModelHolder = app.extensions["claimtag"]
    if stamp != holder.seen_reload:
        holder.seen_reload = stamp
        in_background(holder, path.read_text(encoding="utf-8").strip() or None)


@admin.post("/v1/admin/reload")
def reload_model() -> Response:
    check_token()
    body = parsing.json_body(request) if request.get_data(cache=True) else {}
    target = body.get("model_dir")
    if target is not None and not isinstance(target, str):
        raise ApiError(400, "invalid_type", "'model_dir' must be a string")
    holder: ModelHolder = current_app.extensions["claimtag"]
    previous = holder.current.manifest.get("version") if holder.current else None
    try:
        loaded = holder.load(target)
    except ArtifactError as exc:
        raise ApiError(422, "reload_refused", f"{exc}; still serving {previous}") from None
    record_target(current_app.config, holder, target or holder.model_dir)
    return jsonify(
        {
            "status": "reloaded",
            "previous_version": previous,
            "version": loaded.manifest.get("version"),
            "path": loaded.path,
        }
    )


def install_sighup(app: Flask) -> None:
    """On SIGHUP, reload the configured folder (``artifacts/current`` by default)."""
    if threading.current_thread() is not threading.main_thread():
        return
    holder: ModelHolder = app.extensions["claimtag"]

    def on_hup(_signum: int, _frame: FrameType | None) -> None:
        in_background(holder, None)

    signal.signal(signal.SIGHUP, on_hup)
