"""Service configuration: defaults, then ``CLAIMTAG_*`` environment, then overrides."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

DEFAULTS: dict[str, Any] = {
    "MODEL_DIR": "artifacts/current",
    "SIGNING_KEY": None,
    "ADMIN_TOKEN": None,
    "MAX_CONTENT_LENGTH": 1_000_000,
    "MAX_SENTENCES": 2_000,
    "MAX_BATCH_DOCUMENTS": 100,
    "RELOAD_FILE": None,
    "LOG_LEVEL": "INFO",
    "FEEDBACK_DB": "artifacts/feedback.sqlite3",
}
INTEGERS = {"MAX_CONTENT_LENGTH", "MAX_SENTENCES", "MAX_BATCH_DOCUMENTS"}


class ConfigError(ValueError):
    """A configuration value that cannot be used."""


def from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """Values of ``CLAIMTAG_<KEY>`` for every known key, typed like the default."""
    found: dict[str, Any] = {}
    for key in DEFAULTS:
        raw = environ.get(f"CLAIMTAG_{key}")
        if raw is None or raw == "":
            continue
        if key in INTEGERS:
            try:
                found[key] = int(raw)
            except ValueError:
                raise ConfigError(f"CLAIMTAG_{key} must be an integer, got {raw!r}") from None
        else:
            found[key] = raw
    return found


def build_config(
    overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Merge the three layers; later layers win."""
    config = dict(DEFAULTS)
    config.update(from_environment(os.environ if environ is None else environ))
    config.update(overrides or {})
    for key in INTEGERS:
        if not isinstance(config[key], int) or config[key] <= 0:
            raise ConfigError(f"{key} must be a positive integer")
    return config
