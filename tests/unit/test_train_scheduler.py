"""``claimtag train --scheduler``: cross-validation on a Dask cluster gives the local result."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from model.data import Example
from training.cli import main


def small_corpus(path: Path, examples: list[Example]) -> Path:
    docs = set(sorted({ex.doc_id for ex in examples})[::20])
    with path.open("w", encoding="utf-8") as fh:
        for ex in examples:
            if ex.doc_id in docs:
                row = {"id": ex.id, "doc_id": ex.doc_id, "text": ex.text, "labels": list(ex.labels)}
                fh.write(json.dumps(row) + "\n")
    return path


def train(*args: str) -> dict:
    result = CliRunner().invoke(main, ["train", *args])
    assert result.exit_code == 0, result.output
    out = Path(args[args.index("--out") + 1])
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_cluster_training_equals_local_training(
    tmp_path: Path, seed_examples: list[Example]
) -> None:
    from distributed import LocalCluster, get_task_stream

    data = str(small_corpus(tmp_path / "small.jsonl", seed_examples))
    local = train("--data", data, "--out", str(tmp_path / "local"))
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        cluster.get_client() as client,
        get_task_stream(client) as stream,
    ):
        pids = set(client.run(os.getpid).values())
        remote = train(
            "--data",
            data,
            "--out",
            str(tmp_path / "cluster"),
            "--scheduler",
            cluster.scheduler_address,
        )
    ran_on = {task["worker"] for task in stream.data}
    assert len(pids) == 2 and os.getpid() not in pids
    assert len(stream.data) >= 5, "the five folds should run as cluster tasks"
    assert len(ran_on) == 2
    assert remote["thresholds"] == local["thresholds"]
    assert remote["metrics"]["cv"] == local["metrics"]["cv"]
    assert remote["data"]["sha256"] == local["data"]["sha256"]
