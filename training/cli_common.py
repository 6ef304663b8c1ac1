"""Shared pieces of the ``claimtag`` commands: errors, model lookup, options.

Every expected failure (bad data, refused artifact, bad arguments) ends as one
``error: ...`` line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from model.data import DataError
from model.persistence import ArtifactError, load_artifact

DEFAULT_ARTIFACTS = Path("artifacts")


class CliError(click.ClickException):
    """One readable line and exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.message}", err=True)


@contextmanager
def readable_errors() -> Iterator[None]:
    """Turn the project's expected exceptions into CliError."""
    try:
        yield
    except (DataError, ArtifactError, ValueError, OSError) as exc:
        raise CliError(str(exc)) from None


def say(message: str) -> None:
    click.echo(message, err=True)


def model_dir(option: str | None) -> Path:
    """--model, else $CLAIMTAG_MODEL_DIR, else artifacts/current."""
    return Path(option or os.environ.get("CLAIMTAG_MODEL_DIR") or DEFAULT_ARTIFACTS / "current")


def load_model(option: str | None) -> tuple[Any, dict[str, Any]]:
    path = model_dir(option)
    if not path.exists():
        raise CliError(f"no model at {path}: run 'claimtag train' first or pass --model DIR")
    return load_artifact(path, os.environ.get("CLAIMTAG_SIGNING_KEY") or None)


def model_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--model",
        "model_path",
        type=click.Path(file_okay=False),
        help="Model folder (default: $CLAIMTAG_MODEL_DIR or artifacts/current).",
    )(func)
