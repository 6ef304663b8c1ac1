"""gunicorn settings for ``claimtag serve``: shared runtime files and SIGHUP fan-out.

The master keeps one runtime folder for the workers: the reload file that HTTP
reloads write (``service.admin``) and Prometheus's multiprocess metrics. A SIGHUP
to the master no longer restarts the workers: it is forwarded to each of them so
that they verify and swap the model in place, keeping the old one on refusal.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from pathlib import Path
from typing import Any

_runtime = Path(tempfile.mkdtemp(prefix="claimtag-"))
os.environ.setdefault("CLAIMTAG_RELOAD_FILE", str(_runtime / "reload-target"))
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(_runtime / "metrics"))
Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).mkdir(parents=True, exist_ok=True)

worker_class = "gthread"
threads = 4
graceful_timeout = 20


def when_ready(server: Any) -> None:
    """Replace the master's SIGHUP handling with a fan-out to the workers."""

    def handle_hup() -> None:
        server.log.info("SIGHUP: workers reload the configured model")
        Path(os.environ["CLAIMTAG_RELOAD_FILE"]).unlink(missing_ok=True)
        for pid in list(server.WORKERS):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGHUP)

    server.handle_hup = handle_hup


def child_exit(server: Any, worker: Any) -> None:
    """Drop a dead worker's live gauges from the multiprocess metrics."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
