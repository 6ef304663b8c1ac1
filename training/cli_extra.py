"""``claimtag serve`` and ``claimtag evaluate-claims``.

``serve`` starts gunicorn on ``service.wsgi:app`` by name in a child process, so
the command line never imports the service.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click

from training.cli_common import CliError, load_model, model_dir, model_option, readable_errors


def serve_command(host: str, port: int, workers: int, dev: bool) -> list[str]:
    """The process to run: gunicorn by default, Flask's dev server with --dev."""
    if dev:
        return [
            sys.executable,
            "-m",
            "flask",
            "--app",
            "service.wsgi:app",
            "run",
            "--host",
            host,
            "--port",
            str(port),
        ]
    gunicorn = shutil.which("gunicorn") or str(Path(sys.executable).with_name("gunicorn"))
    return [
        gunicorn,
        "--config",
        "python:service.gunicorn_conf",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "service.wsgi:app",
    ]


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@model_option
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option("--dev", is_flag=True, help="Flask's development server instead of gunicorn.")
def serve(host: str, port: int, model_path: str | None, workers: int, dev: bool) -> None:
    """Serve the HTTP API (gunicorn, service.wsgi:app)."""
    path = model_dir(model_path)
    if not (path / "manifest.json").exists():
        raise CliError(f"no model at {path}: run 'claimtag train' first or pass --model DIR")
    env = dict(os.environ, CLAIMTAG_MODEL_DIR=str(path.resolve()))
    cmd = serve_command(host, port, workers, dev)
    click.echo(f"serving {path} on http://{host}:{port}", err=True)
    try:
        completed = subprocess.run(cmd, env=env, check=False)
    except KeyboardInterrupt:
        return
    except OSError as exc:
        raise CliError(f"cannot start {cmd[0]}: {exc.strerror}") from None
    if completed.returncode:
        raise CliError(f"server exited with status {completed.returncode}")


@click.command("evaluate-claims")
@click.option("--data", required=True, type=click.Path(), help="Claims JSONL file.")
@model_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--min",
    "floors",
    multiple=True,
    metavar="FIELD=X",
    help="Exit non-zero when FIELD's accuracy is below X (repeatable).",
)
def evaluate_claims(
    data: str, model_path: str | None, as_json: bool, floors: tuple[str, ...]
) -> None:
    """Exact-match accuracy of claim fields, extracted for each line's gold labels.

    Fields are extracted for the gold labels, so extraction is scored apart from
    classification; --model is accepted for symmetry and only checked to load.
    """
    from training.claims_eval import evaluate_claims as run
    from training.claims_eval import load_claims_file

    limits = parse_floors(floors)
    with readable_errors():
        if model_path:
            load_model(model_path)
        report = run(load_claims_file(Path(data)))
    if as_json:
        click.echo(json.dumps(report))
    else:
        click.echo(f"{'field':<12} {'accuracy':>8} {'n':>5}")
        for field, m in report["fields"].items():
            click.echo(f"{field:<12} {m['accuracy']:>8.3f} {m['n']:>5d}")
        click.echo(f"rows: {report['n']}")
    low = [
        f"{f} {report['fields'][f]['accuracy']:.3f} < {x}"
        for f, x in limits.items()
        if report["fields"].get(f, {}).get("accuracy", 0.0) < x
    ]
    if low:
        raise CliError("below the floor: " + "; ".join(low))


def parse_floors(floors: tuple[str, ...]) -> dict[str, float]:
    """``("killed=0.85", ...)`` to ``{"killed": 0.85}``; a bad item is a usage error."""
    limits = {}
    for item in floors:
        field, _, value = item.partition("=")
        try:
            limits[field.strip()] = float(value)
        except ValueError:
            raise CliError(f"--min takes FIELD=NUMBER, got {item!r}") from None
    return limits
