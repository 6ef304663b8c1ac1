"""Batch tagging on Dask: formats, folders, resume, bad records, model cache, cluster, CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from model.data import Example, group_documents
from model.persistence import load_artifact
from model.tagger import tag_article
from training import batch
from training.batch_cli import batch as batch_command


@pytest.fixture(scope="module")
def articles(seed_examples: list[Example]) -> list[dict[str, str]]:
    """Ten whole corpus articles as {id, text} records."""
    docs = group_documents(seed_examples)[::40][:10]
    return [{"id": d[0].doc_id, "text": " ".join(ex.text for ex in d)} for d in docs]


@pytest.fixture(scope="module")
def expected(tiny_artifact: Path, articles: list[dict[str, str]]) -> list[dict[str, Any]]:
    """What tag_article gives for each article, as batch output rows."""
    model, _ = load_artifact(tiny_artifact)
    return [
        {"doc_id": art["id"], **{k: s[k] for k in batch.ROW_FIELDS}}
        for art in articles
        for s in tag_article(model, art["text"])["sentences"]
    ]


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(source: Path, out: Path, model: Path, scheduler: str = "threads", **kw: Any) -> list:
    plan = batch.plan_batch(source, out, model, **kw)
    return batch.execute(plan, scheduler, workers=2)


def errors(out: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for path in sorted(out.glob("errors-*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def test_jsonl_rows_equal_tag_article(tmp_path: Path, tiny_artifact: Path, articles, expected):
    source = write_jsonl(tmp_path / "in.jsonl", articles)
    results = run(source, tmp_path / "out", tiny_artifact, partition_size=3)
    assert sorted(p.name for p in (tmp_path / "out").glob("part-*")) == [
        f"part-0000{i}.jsonl" for i in range(4)
    ]
    assert batch.read_output(tmp_path / "out") == expected
    assert any(r["labels"] for r in expected) and any(r["claims"] for r in expected)
    assert sum(r.sentences for r in results) == len(expected)
    assert errors(tmp_path / "out") == []


def test_processes_scheduler_uses_worker_processes(
    tmp_path: Path, tiny_artifact: Path, articles, expected
):
    source = write_jsonl(tmp_path / "in.jsonl", articles)
    results = run(source, tmp_path / "out", tiny_artifact, "processes", partition_size=3)
    assert sorted(r.index for r in results) == [0, 1, 2, 3]
    assert all(r.pid != os.getpid() for r in results)
    assert batch.read_output(tmp_path / "out") == expected


def test_parquet_in_and_out(tmp_path: Path, tiny_artifact: Path, articles, expected):
    source = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(articles), source, row_group_size=3)
    run(source, tmp_path / "out", tiny_artifact, fmt="parquet", partition_size=4)
    parts = sorted((tmp_path / "out").glob("part-*"))
    assert [p.name for p in parts] == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    assert pq.read_schema(parts[0]) == batch.parquet_schema(list(expected[0]["scores"]))
    assert batch.read_output(tmp_path / "out") == expected


def test_folder_of_jsonl_and_parquet(tmp_path: Path, tiny_artifact: Path, articles, expected):
    folder = tmp_path / "corpus"
    write_jsonl(folder / "a.jsonl", articles[:4])
    (folder / "b").mkdir()
    pq.write_table(pa.Table.from_pylist(articles[4:]), folder / "b" / "c.parquet")
    write_jsonl(folder / ".hidden.jsonl", [{"id": "x", "text": "Not read."}])
    out = folder / "out"  # inside the input folder: its files must not be read back
    run(folder, out, tiny_artifact, partition_size=5)
    assert sorted(p.name for p in out.glob("part-*")) == [
        "part-00000.jsonl",
        "part-00001.jsonl",
        "part-00002.jsonl",
    ]
    assert batch.read_output(out) == expected
    run(folder, out, tiny_artifact, partition_size=5)  # the rerun sees the same inputs
    assert batch.read_output(out) == expected


def test_resume_skips_finished_and_ignores_temp_files(
    tmp_path: Path, tiny_artifact: Path, articles, expected
):
    source = write_jsonl(tmp_path / "in.jsonl", articles)
    out = tmp_path / "out"
    run(source, out, tiny_artifact, partition_size=3)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*")}
    (out / "part-00001.jsonl").unlink()
    half = out / ".part-00001.jsonl.0123abcd.tmp"
    half.write_text('{"doc_id": "half-writ', encoding="utf-8")
    plan = batch.plan_batch(source, out, tiny_artifact, partition_size=3)
    assert [p.index for p in plan.pending] == [1]
    assert not half.exists()
    results = batch.execute(plan, "threads")
    assert [r.index for r in results] == [1]
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*")}
    assert {k: v for k, v in after.items() if k != "part-00001.jsonl"} == {
        k: v for k, v in before.items() if k != "part-00001.jsonl"
    }
    assert batch.read_output(out) == expected
    assert batch.execute(batch.plan_batch(source, out, tiny_artifact, partition_size=3)) == []


def test_resume_refuses_other_settings(tmp_path: Path, tiny_artifact: Path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", articles)
    run(source, tmp_path / "out", tiny_artifact, partition_size=3)
    with pytest.raises(batch.BatchError, match="partition_size"):
        batch.plan_batch(source, tmp_path / "out", tiny_artifact, partition_size=4)


def test_bad_records_go_to_errors_file(tmp_path: Path, tiny_artifact: Path, articles, expected):
    first = [r for r in expected if r["doc_id"] == articles[0]["id"]]
    last = [r for r in expected if r["doc_id"] == articles[1]["id"]]
    records = [
        articles[0],
        "{not json",
        {"id": "no-text"},
        "",
        {"id": "empty", "text": "   "},
        {"id": 7, "text": 42},
        ["a", "list"],
        articles[1],
    ]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    results = run(source, tmp_path / "out", tiny_artifact, partition_size=4)
    assert batch.read_output(tmp_path / "out") == first + last
    found = errors(tmp_path / "out")
    assert [(e["position"], e["id"]) for e in found] == [
        (2, None),
        (3, "no-text"),
        (5, "empty"),
        (6, 7),
        (7, None),
    ]
    assert [e["reason"] for e in found][1:] == [
        "missing 'text'",
        "'text' is empty",
        "'text' is not a string",
        "not a JSON object",
    ]
    assert found[0]["reason"].startswith("bad JSON line")
    assert all(e["file"] == str(source) for e in found)
    assert sorted(p.name for p in (tmp_path / "out").glob("errors-*")) == [
        "errors-00000.jsonl",
        "errors-00001.jsonl",
    ]
    assert (sum(r.articles for r in results), sum(r.errors for r in results)) == (2, 5)


def test_parquet_null_text_is_an_error(tmp_path: Path, tiny_artifact: Path, articles):
    source = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist([articles[0], {"id": "null", "text": None}]), source)
    run(source, tmp_path / "out", tiny_artifact)
    assert [(e["position"], e["id"], e["reason"]) for e in errors(tmp_path / "out")] == [
        (2, "null", "missing 'text'")
    ]


def test_model_is_loaded_once_per_process(
    tmp_path: Path, tiny_artifact: Path, articles, monkeypatch: pytest.MonkeyPatch
):
    calls = []

    def counting(*args: Any, **kw: Any) -> Any:
        calls.append(args)
        return load_artifact(*args, **kw)

    monkeypatch.setattr(batch, "_MODELS", {})
    monkeypatch.setattr(batch, "load_artifact", counting)
    source = write_jsonl(tmp_path / "in.jsonl", articles)
    results = run(source, tmp_path / "out", tiny_artifact, partition_size=2)
    assert len(results) == 5
    assert len(calls) == 1


def test_local_cluster_output_equals_local_run(tmp_path: Path, tiny_artifact: Path, articles):
    from distributed import LocalCluster

    records = [*articles[:6], "{broken", *articles[6:]]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    run(source, tmp_path / "local", tiny_artifact, partition_size=3)
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        plan = batch.plan_batch(source, tmp_path / "cluster", tiny_artifact, partition_size=3)
        results = batch.execute(plan, cluster.scheduler_address)
    assert sorted(r.index for r in results) == [0, 1, 2, 3]
    assert all(r.pid != os.getpid() for r in results)
    assert batch.read_output(tmp_path / "cluster") == batch.read_output(tmp_path / "local")
    assert errors(tmp_path / "cluster") == errors(tmp_path / "local")
    assert len(errors(tmp_path / "local")) == 1


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(batch_command, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_tags_a_corpus(tmp_path: Path, tiny_artifact: Path, articles, expected):
    source = write_jsonl(tmp_path / "in.jsonl", articles)
    out = tmp_path / "out"
    args = [str(source), str(out), "--model", str(tiny_artifact), "--scheduler", "threads"]
    code, _, err = cli(*args, "--partition-size", "4", "--format", "parquet")
    assert code == 0, err
    assert "3 partitions, 0 already finished" in err
    assert f"tagged 10 articles ({len(expected)} sentences)" in err
    assert batch.read_output(out) == expected
    code, _, err = cli(*args, "--partition-size", "4", "--format", "parquet")
    assert code == 0 and "3 partitions, 3 already finished" in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--format", "csv"], "error: unknown format 'csv' (choose jsonl or parquet)"),
        (["--scheduler", "gpu"], "error: unknown scheduler 'gpu'"),
        (["--partition-size", "0"], "error: --partition-size must be at least 1"),
    ],
)
def test_cli_bad_options_are_one_line(tmp_path: Path, tiny_artifact: Path, extra, message):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "Troops arrived."}])
    code, _, err = cli(str(source), str(tmp_path / "out"), "--model", str(tiny_artifact), *extra)
    assert code == 2
    assert err.startswith(message) and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("what", ["input", "model", "input type"])
def test_cli_missing_paths_are_one_line(tmp_path: Path, tiny_artifact: Path, what: str):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "Troops arrived."}])
    if what == "input":
        source = tmp_path / "absent.jsonl"
    elif what == "input type":
        source = tmp_path / "in.csv"
        source.write_text("id,text\n", encoding="utf-8")
    model = tmp_path / "no-model" if what == "model" else tiny_artifact
    code, _, err = cli(str(source), str(tmp_path / "out"), "--model", str(model))
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1, err
