"""``claimtag batch``: tag a corpus of articles on Dask, one output row per sentence."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from training.cli_common import CliError, model_dir, model_option, readable_errors, say


@click.command("batch")
@click.argument("input_path", metavar="INPUT", type=click.Path())
@click.argument("output", type=click.Path())
@click.option(
    "--format", "fmt", default="jsonl", show_default=True, help="Output: jsonl or parquet."
)
@click.option(
    "--scheduler",
    default="processes",
    show_default=True,
    help="threads or processes (this machine), or a Dask scheduler address (tcp://HOST:8786).",
)
@click.option(
    "--partition-size",
    default=1000,
    show_default=True,
    type=int,
    help="Articles per partition (one task, one output file).",
)
@click.option("--workers", type=int, help="Local threads or processes (default: one per core).")
@model_option
def batch(
    input_path: str,
    output: str,
    fmt: str,
    scheduler: str,
    partition_size: int,
    workers: int | None,
    model_path: str | None,
) -> None:
    """Tag every article of INPUT (JSONL or Parquet with id and text; a file or a folder).

    Writes OUTPUT/part-00000.jsonl (or .parquet), ... with one row per sentence: doc_id,
    index, start, end, text, labels, scores, claims. A rerun skips finished partitions; bad
    records go to OUTPUT/errors-00000.jsonl, ... and the run goes on.
    """
    from training.batch import PartResult, check_options, execute, plan_batch

    with readable_errors():
        check_options(fmt, scheduler, partition_size)
        if workers is not None and workers < 1:
            raise CliError("--workers must be at least 1")
        if not Path(input_path).exists():
            raise CliError(f"{input_path}: no such file or folder")
        folder = model_dir(model_path)
        if not folder.exists():
            raise CliError(f"no model at {folder}: run 'claimtag train' first or pass --model DIR")
        plan = plan_batch(input_path, output, folder, fmt, partition_size)
        done = len(plan.parts) - len(plan.pending)
        say(f"{len(plan.parts)} partitions, {done} already finished")
        with click.progressbar(
            length=plan.pending_records, label="tagging", file=sys.stderr
        ) as bar:

            def advance(result: PartResult) -> None:
                bar.update(result.records)

            results = execute(plan, scheduler, workers, on_done=advance)
    articles = sum(r.articles for r in results)
    sentences = sum(r.sentences for r in results)
    errors = sum(r.errors for r in results)
    say(f"tagged {articles} articles ({sentences} sentences) in {len(results)} partitions")
    if errors:
        say(f"{errors} records could not be tagged: see {output}/errors-*.jsonl")
    say(f"output in {output}")
