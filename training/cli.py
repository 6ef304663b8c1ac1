"""``claimtag`` command line: thin commands over functions that return data."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from model.data import load_examples
from model.metrics import format_report
from training.batch_cli import batch
from training.cli_common import (
    DEFAULT_ARTIFACTS,
    CliError,
    load_model,
    model_option,
    readable_errors,
    say,
)
from training.cli_extra import evaluate_claims, serve
from training.suggest import suggest


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimtag")
def main() -> None:
    """Tag conflict-news sentences with the claims they make."""


@main.command()
@click.option(
    "--data",
    "data",
    multiple=True,
    type=click.Path(),
    help="Annotated JSONL file or folder (repeatable; default: seeds/).",
)
@click.option("--out", type=click.Path(file_okay=False), help="Write the artifact here.")
@click.option("--seed", default=0, show_default=True, help="Random seed.")
@click.option("--jobs", default=1, show_default=True, help="Parallel cross-validation folds.")
@click.option(
    "--feedback",
    type=click.Path(dir_okay=False),
    help="Feedback store (SQLite) whose corrections override and extend the data.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run cross-validation on this Dask cluster (tcp://HOST:8786).",
)
def train(
    data: tuple[str, ...],
    out: str | None,
    seed: int,
    jobs: int,
    feedback: str | None,
    scheduler: str | None,
) -> None:
    """Train on annotated sentences and write model.joblib + manifest.json."""
    from model.feedback import merge_corrections, read_corrections
    from training.train import train_to_dir

    extra: dict[str, int] = {}
    with readable_errors():
        corrections = read_corrections(feedback) if feedback else None
        examples = load_examples(data or ["seeds"])
        say(f"loaded {len(examples)} sentences")
        if corrections is not None:
            examples, extra = merge_corrections(examples, corrections)
            say(f"applied {extra['corrections']} corrections from {feedback}")
        target, manifest = train_to_dir(
            examples,
            Path(out) if out else None,
            DEFAULT_ARTIFACTS,
            seed=seed,
            key=os.environ.get("CLAIMTAG_SIGNING_KEY") or None,
            n_jobs=jobs,
            progress=say,
            extra=extra,
            scheduler=scheduler,
        )
    say("cross-validated metrics (out-of-fold, grouped by article):")
    click.echo(format_report(manifest["metrics"]["cv"]))
    say(f"model {manifest['version']} written to {target}")


@main.command()
@click.option("--data", required=True, type=click.Path(), help="Annotated JSONL file.")
@model_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--min-macro-f1", type=float, help="Exit non-zero below this macro F1.")
@click.option("--min-label-f1", type=float, help="Exit non-zero when any label is below this.")
def evaluate(
    data: str,
    model_path: str | None,
    as_json: bool,
    min_macro_f1: float | None,
    min_label_f1: float | None,
) -> None:
    """Precision, recall, F1 and support per label on an annotated file."""
    from training.evaluate import evaluate as run_evaluation
    from training.evaluate import floor_failures

    with readable_errors():
        examples = load_examples([data])
        model, _ = load_model(model_path)
        report = run_evaluation(model, examples)
    click.echo(json.dumps(report) if as_json else format_report(report))
    failures = floor_failures(report, min_macro_f1, min_label_f1)
    if failures:
        raise CliError("below the floor: " + "; ".join(failures))


@main.command()
@click.argument("source", default="-", type=click.Path(allow_dash=True))
@model_option
def tag(source: str, model_path: str | None) -> None:
    """Tag an article (a text file, or - for standard input) and print JSON."""
    from model.tagger import tag_article

    with readable_errors():
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        if not text.strip():
            raise CliError("the article is empty")
        model, manifest = load_model(model_path)
        result = tag_article(model, text)
    out = {
        "id": None if source == "-" else Path(source).name,
        "model": {"version": manifest["version"]},
        **result,
    }
    click.echo(json.dumps(out, ensure_ascii=False, indent=2))


main.add_command(serve)
main.add_command(evaluate_claims)
main.add_command(suggest)
main.add_command(batch)
