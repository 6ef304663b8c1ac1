"""The loaded model of one worker process, verified and swapped atomically."""

from __future__ import annotations

import contextlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model.persistence import ArtifactError, load_artifact

log = logging.getLogger("claimtag.service")


@dataclass(frozen=True)
class Loaded:
    """A verified model and its manifest, replaced as one object."""

    model: Any
    manifest: dict[str, Any]
    path: str


class ModelHolder:
    """Holds the current model; a failed reload leaves the old one serving."""

    def __init__(self, model_dir: str, key: str | None) -> None:
        self.model_dir = model_dir
        self.key = key
        self.current: Loaded | None = None
        self.last_error: str | None = None
        self.seen_reload: int | None = None
        self._lock = threading.Lock()

    def load(self, model_dir: str | None = None) -> Loaded:
        """Verify and load ``model_dir`` (default: the configured one), then swap it in."""
        target = model_dir or self.model_dir
        with self._lock:
            try:
                model, manifest = load_artifact(Path(target), self.key)
            except ArtifactError as exc:
                self.last_error = str(exc)
                log.warning("model load refused: %s", exc)
                raise
            except Exception as exc:
                self.last_error = f"cannot load model from {target}: {exc}"
                log.warning("model load failed: %s", self.last_error)
                raise ArtifactError(self.last_error) from exc
            loaded = Loaded(model, manifest, str(Path(target).resolve()))
            self.current = loaded
            self.last_error = None
            log.info("model %s loaded from %s", manifest.get("version"), loaded.path)
            return loaded

    def try_load(self) -> None:
        """Load at start-up; a failure leaves the service up but not ready."""
        with contextlib.suppress(ArtifactError):
            self.load()
