"""Corpus-scale batch tagging on Dask: articles in, one row per sentence out.

The input (JSONL or Parquet files with ``id`` and ``text``, or a folder of them) is cut
into partitions of ``partition_size`` records. Each partition is one Dask task: it tags its
articles in bulk (one feature matrix for many articles) and writes ``part-XXXXX.<fmt>``
under a temporary name, renamed when complete, so a rerun skips finished partitions and
never trusts a half-written file. Bad records go to ``errors-XXXXX.jsonl`` and the run goes
on. Each worker process loads the model once (a cache keyed by folder and sha256).
"""

from __future__ import annotations

import json
import os
import resource
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import scipy.sparse as sp

from model.classifier import top_evidence
from model.context import SentenceContext
from model.features import SentenceInput
from model.persistence import ArtifactError, load_artifact, verify_artifact
from model.segment import Segment, segment
from model.tagger import _sentence, article_inputs, effective_thresholds

FORMATS = ("jsonl", "parquet")
LOCAL_SCHEDULERS = ("threads", "processes", "sync")
ROW_FIELDS = ("index", "start", "end", "text", "labels", "scores", "claims")
SETTINGS_FILE = "_claimtag_batch.json"
KEY_ENV = "CLAIMTAG_SIGNING_KEY"
CHUNK = 256  # articles per feature matrix inside a partition


class BatchError(ValueError):
    """A batch that cannot run as asked; the message says why."""


@dataclass(frozen=True)
class Part:
    """One partition: ``count`` records of ``path`` from ``start`` (byte or row offset)."""

    index: int
    path: str
    kind: str
    start: int
    stop: int
    first: int  # position of the first record: JSONL line number, Parquet row from 1
    count: int


@dataclass(frozen=True)
class Job:
    """What every partition task needs besides its Part."""

    out_dir: str
    fmt: str
    model_dir: str
    model_sha256: str


@dataclass(frozen=True)
class PartResult:
    """What a partition task reports back (pid and peak RSS for memory figures)."""

    index: int
    records: int
    articles: int
    sentences: int
    errors: int
    pid: int
    max_rss_kb: int


# ---- reading -------------------------------------------------------------------------


def _jsonl_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int, int]]:
    """(start byte, stop byte, first line, records) for runs of ``size`` non-blank lines."""
    with path.open("rb") as fh:
        offset = start = count = 0
        first = 1
        for line_no, line in enumerate(fh, 1):
            if line.strip():
                if count == size:
                    yield start, offset, first, count
                    start, first, count = offset, line_no, 0
                count += 1
            offset += len(line)
    if count:
        yield start, offset, first, count


def plan_parts(files: Sequence[Path], size: int) -> list[Part]:
    """Deterministic partitions over the files in order, so reruns line up."""
    parts: list[Part] = []
    for path in files:
        if path.suffix == ".parquet":
            rows = pq.ParquetFile(path).metadata.num_rows
            ranges = [
                (r, min(r + size, rows), r + 1, min(size, rows - r)) for r in range(0, rows, size)
            ]
        else:
            ranges = list(_jsonl_ranges(path, size))
        for start, stop, first, count in ranges:
            kind = path.suffix.lstrip(".")
            parts.append(Part(len(parts), str(path), kind, start, stop, first, count))
    return parts


def _jsonl_records(part: Part) -> Iterator[tuple[int, object]]:
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        data = fh.read(part.stop - part.start)
    for n, raw in enumerate(data.split(b"\n")):
        if raw.strip():
            try:
                yield part.first + n, json.loads(raw)
            except ValueError as exc:
                yield part.first + n, BatchError(f"bad JSON line ({exc})")


def _parquet_records(part: Part) -> Iterator[tuple[int, object]]:
    """Only the row groups that overlap the partition are read."""
    pf = pq.ParquetFile(part.path)
    columns = [c for c in ("id", "text") if c in pf.schema_arrow.names]
    groups, offset, row = [], -1, 0
    for g in range(pf.metadata.num_row_groups):
        n = pf.metadata.row_group(g).num_rows
        if row < part.stop and row + n > part.start:
            groups.append(g)
            offset = row if offset < 0 else offset
        row += n
    table = pf.read_row_groups(groups, columns=columns).slice(part.start - offset, part.count)
    values = {c: table.column(c).to_pylist() for c in columns}
    for i in range(table.num_rows):
        yield part.first + i, {c: values[c][i] for c in columns}


def read_records(part: Part) -> Iterator[tuple[int, object]]:
    """(position, record) pairs; a record that failed to parse is a BatchError."""
    return _parquet_records(part) if part.kind == "parquet" else _jsonl_records(part)


def _checked(record: object) -> str | None:
    """Why a record cannot be tagged, or None."""
    if isinstance(record, BatchError):
        return str(record)
    if not isinstance(record, dict):
        return "not a JSON object"
    text = record.get("text")
    if text is None:
        return "missing 'text'"
    if not isinstance(text, str):
        return "'text' is not a string"
    return None if text.strip() else "'text' is empty"


# ---- model cache and bulk tagging ------------------------------------------------------

_MODELS: dict[tuple[str, str], Any] = {}
_LOCK = threading.Lock()


def cached_model(model_dir: str, sha256: str) -> Any:
    """The model of ``model_dir``, loaded (verified, unpickled) once per process."""
    with _LOCK:
        if (model_dir, sha256) not in _MODELS:
            model, manifest = load_artifact(model_dir, os.environ.get(KEY_ENV) or None)
            if manifest.get("model_sha256") != sha256:
                raise ArtifactError(f"{model_dir}: the model changed while the batch ran")
            _MODELS[(model_dir, sha256)] = model
        return _MODELS[(model_dir, sha256)]


def _prepare(text: str) -> tuple[list[Segment], list[SentenceContext], list[SentenceInput]]:
    """Segments, their article context and classifier inputs, as ``tag_article`` makes them."""
    segs = segment(text)
    inputs, contexts = article_inputs([s.text for s in segs])
    return segs, contexts, inputs


def _article_rows(
    model: Any, doc_id: str, prepared: tuple, matrix: sp.csr_matrix, proba: np.ndarray
) -> list[dict]:
    """One article's rows from its own slice of the chunk's matrix and probabilities."""
    segs, contexts, _ = prepared
    labels, limits = list(model.labels), effective_thresholds(model, None)
    rows = []
    for i, seg in enumerate(segs):
        lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
        data, idx = matrix.data[lo:hi], matrix.indices[lo:hi]
        evidence = {
            lab: top_evidence(data, idx, est.coef_[0], model.feature_names_)
            for j, (lab, est) in enumerate(zip(labels, model.estimators_, strict=True))
            if proba[i, j] >= limits[j]
        }
        sent = _sentence(seg, i, labels, proba[i], limits, evidence, contexts[i])
        rows.append({"doc_id": doc_id, **{k: sent[k] for k in ROW_FIELDS}})
    return rows


def _tag_chunk(model: Any, docs: Sequence[tuple[str, str]]) -> list[list[dict] | str]:
    """Rows per article (or why it failed), with one feature matrix for the whole chunk."""
    prepared: list[tuple | str] = []
    for _, text in docs:
        try:
            prepared.append(_prepare(text))
        except Exception as exc:  # one odd article must not stop the partition
            prepared.append(f"tagging failed: {type(exc).__name__}: {exc}")
    inputs = [x for p in prepared if not isinstance(p, str) for x in p[2]]
    if not inputs:
        return [p if isinstance(p, str) else [] for p in prepared]
    matrix = model.features_.transform(inputs).tocsr()
    proba = np.column_stack([est.predict_proba(matrix)[:, 1] for est in model.estimators_])
    out: list[list[dict] | str] = []
    base = 0
    for (doc_id, _), prep in zip(docs, prepared, strict=True):
        if isinstance(prep, str):
            out.append(prep)
            continue
        n, base = len(prep[0]), base + len(prep[0])
        try:
            out.append(
                _article_rows(model, doc_id, prep, matrix[base - n : base], proba[base - n : base])
            )
        except Exception as exc:
            out.append(f"tagging failed: {type(exc).__name__}: {exc}")
    return out


def tag_articles(model: Any, docs: Sequence[tuple[str, str]]) -> list[list[dict] | str]:
    """For each (doc_id, text): the rows ``tag_article`` gives, or why it failed."""
    out: list[list[dict] | str] = []
    for lo in range(0, len(docs), CHUNK):
        out.extend(_tag_chunk(model, docs[lo : lo + CHUNK]))
    return out


# ---- writing ---------------------------------------------------------------------------


def part_name(index: int, fmt: str) -> str:
    return f"part-{index:05d}.{fmt}"


def errors_name(index: int) -> str:
    return f"errors-{index:05d}.jsonl"


def _write_atomic(path: Path, write: Callable[[Path], object]) -> None:
    """Write a hidden temp file, fsync it, then rename: ``path`` is complete or absent."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(tmp)
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_jsonl(rows: Sequence[dict]) -> Callable[[Path], None]:
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)

    return write


def parquet_schema(labels: Sequence[str]) -> pa.Schema:
    """Output columns; ``claims`` is a JSON string since its fields vary by label."""
    return pa.schema(
        [
            ("doc_id", pa.string()),
            ("index", pa.int64()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("labels", pa.list_(pa.string())),
            ("scores", pa.struct([(lab, pa.float64()) for lab in labels])),
            ("claims", pa.string()),
        ]
    )


def _write_parquet(rows: Sequence[dict], labels: Sequence[str]) -> Callable[[Path], None]:
    def write(tmp: Path) -> None:
        flat = [dict(r, claims=json.dumps(r["claims"], ensure_ascii=False)) for r in rows]
        pq.write_table(pa.Table.from_pylist(flat, schema=parquet_schema(labels)), tmp)

    return write


def read_output(out_dir: Path | str) -> list[dict]:
    """Every row of a finished output folder in partition order (claims decoded)."""
    rows: list[dict] = []
    for path in sorted(Path(out_dir).glob("part-*.*")):
        if path.suffix == ".parquet":
            table = pq.read_table(path).to_pylist()
            rows.extend(dict(r, claims=json.loads(r["claims"])) for r in table)
        else:
            lines = path.read_text(encoding="utf-8").splitlines()
            rows.extend(json.loads(line) for line in lines)
    return rows


# ---- one partition (runs on a worker) ---------------------------------------------------


def _error(part: Part, position: int, record: object, reason: str) -> dict:
    ident = record.get("id") if isinstance(record, dict) else None
    return {"file": part.path, "position": position, "id": ident, "reason": reason}


def run_part(part: Part, job: Job) -> PartResult:
    """Tag one partition and write its rows (and its errors, if any) atomically."""
    out = Path(job.out_dir)
    model = cached_model(job.model_dir, job.model_sha256)
    errors, docs, positions = [], [], []
    for position, record in read_records(part):
        reason = _checked(record)
        if reason is not None:
            errors.append(_error(part, position, record, reason))
            continue
        assert isinstance(record, dict)
        ident = record.get("id")
        docs.append((f"{part.path}:{position}" if ident is None else str(ident), record["text"]))
        positions.append((position, record))
    rows: list[dict] = []
    tagged = 0
    for (position, record), result in zip(positions, tag_articles(model, docs), strict=True):
        if isinstance(result, str):
            errors.append(_error(part, position, record, result))
        else:
            rows.extend(result)
            tagged += 1
    errors.sort(key=lambda e: e["position"])
    if errors:
        _write_atomic(out / errors_name(part.index), _write_jsonl(errors))
    else:
        (out / errors_name(part.index)).unlink(missing_ok=True)
    writer = _write_parquet(rows, model.labels) if job.fmt == "parquet" else _write_jsonl(rows)
    _write_atomic(out / part_name(part.index, job.fmt), writer)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return PartResult(part.index, part.count, tagged, len(rows), len(errors), os.getpid(), rss)


# ---- the driver -------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """A checked batch: every partition, and those not finished yet."""

    job: Job
    parts: list[Part]
    pending: list[Part]

    @property
    def pending_records(self) -> int:
        return sum(p.count for p in self.pending)


def input_files(path: Path, exclude: Path | None = None) -> list[Path]:
    """The file, or every .jsonl/.parquet below the folder (not hidden ones, not ``exclude``)."""
    if not path.exists():
        raise BatchError(f"{path}: no such file or folder")
    if path.is_file():
        if path.suffix not in (".jsonl", ".parquet"):
            raise BatchError(f"{path}: expected a .jsonl or .parquet file, or a folder of them")
        return [path]
    skip = exclude.resolve() if exclude else None
    files = sorted(
        p
        for p in path.rglob("*")
        if p.suffix in (".jsonl", ".parquet")
        and p.is_file()
        and not any(x[:1] in "._" for x in p.relative_to(path).parts)
        and not (skip and p.resolve().is_relative_to(skip))
    )
    if not files:
        raise BatchError(f"{path}: no .jsonl or .parquet files in this folder")
    return files


def check_options(fmt: str, scheduler: str, partition_size: int) -> None:
    """Refuse an unknown format or scheduler, or a partition size below 1."""
    if fmt not in FORMATS:
        raise BatchError(f"unknown format {fmt!r} (choose jsonl or parquet)")
    if scheduler not in LOCAL_SCHEDULERS and ":" not in scheduler:
        raise BatchError(
            f"unknown scheduler {scheduler!r} (threads, processes, or an address tcp://HOST:PORT)"
        )
    if partition_size < 1:
        raise BatchError("--partition-size must be at least 1")


def _settings(out: Path, settings: dict[str, Any]) -> None:
    """Record the run's settings; refuse to resume a folder written with other ones."""
    path = out / SETTINGS_FILE
    if path.exists():
        old = json.loads(path.read_text(encoding="utf-8"))
        changed = [k for k in settings if old.get(k) != settings[k]]
        if changed:
            raise BatchError(
                f"{out} holds a batch run with another {changed[0]}: use a new output folder"
            )
        return
    _write_atomic(path, lambda tmp: tmp.write_text(json.dumps(settings, indent=2) + "\n"))


def plan_batch(
    input_path: Path | str,
    out_dir: Path | str,
    model_dir: Path | str,
    fmt: str = "jsonl",
    partition_size: int = 1000,
) -> Plan:
    """Check everything the driver can, create OUTPUT and list the unfinished partitions."""
    check_options(fmt, "threads", partition_size)
    out, source = Path(out_dir), Path(input_path)
    if out.exists() and not out.is_dir():
        raise BatchError(f"{out}: exists and is not a folder")
    files = input_files(source, exclude=out)
    manifest = verify_artifact(Path(model_dir), os.environ.get(KEY_ENV) or None)
    parts = plan_parts(files, partition_size)
    out.mkdir(parents=True, exist_ok=True)
    inputs = [
        [str(p.relative_to(source)) if source.is_dir() else p.name, p.stat().st_size] for p in files
    ]
    settings = {
        "format": fmt,
        "partition_size": partition_size,
        "inputs": inputs,
        "model_sha256": manifest["model_sha256"],
    }
    _settings(out, settings)
    for stale in out.glob(".*.tmp"):  # left by an interrupted run: never a finished partition
        stale.unlink(missing_ok=True)
    job = Job(str(out.resolve()), fmt, str(Path(model_dir).resolve()), manifest["model_sha256"])
    pending = [p for p in parts if not (out / part_name(p.index, fmt)).exists()]
    return Plan(job, parts, pending)


def _run_local(tasks: list, scheduler: str, workers: int | None, on_done: Callable) -> list:
    """Dask's local threaded/multiprocessing scheduler; ``on_done`` per finished partition."""
    import dask
    from dask.callbacks import Callback

    class Done(Callback):
        def _posttask(self, key: Any, result: Any, dsk: Any, state: Any, worker: Any) -> None:
            if isinstance(result, PartResult):
                on_done(result)

    with Done():
        # chunksize=1: dask's process pool otherwise hands partitions out six at a time
        return list(dask.compute(*tasks, scheduler=scheduler, num_workers=workers, chunksize=1))


def _run_cluster(tasks: list, address: str, on_done: Callable) -> list:
    """An existing Dask cluster via dask.distributed.Client (workers share the file system)."""
    from distributed import Client, as_completed

    results = []
    with Client(address, timeout="20s", set_as_default=False) as client:
        for future in as_completed(client.compute(tasks), loop=client.loop):
            results.append(future.result())
            on_done(results[-1])
    return results


def execute(
    plan: Plan,
    scheduler: str = "processes",
    workers: int | None = None,
    on_done: Callable[[PartResult], None] | None = None,
) -> list[PartResult]:
    """Run the plan's unfinished partitions on Dask; results in completion order."""
    from dask import delayed

    check_options(plan.job.fmt, scheduler, 1)
    run = uuid.uuid4().hex[:8]
    tasks = [
        delayed(run_part, pure=False)(
            p, plan.job, dask_key_name=f"claimtag-part-{p.index:05d}-{run}"
        )
        for p in plan.pending
    ]
    notify = on_done or (lambda _: None)
    if not tasks:
        return []
    if scheduler in LOCAL_SCHEDULERS:
        return _run_local(tasks, scheduler, workers, notify)
    return _run_cluster(tasks, scheduler, notify)
