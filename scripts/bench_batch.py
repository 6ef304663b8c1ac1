"""Batch tagging benchmark: sentences per second on a Dask LocalCluster with 1 and 2 worker
processes, a plain ``tag_article`` loop in the same run (the ratio), and peak RSS per worker.

The corpus is recombined from seeds/: whole articles (their sentence lists, in order) are
shuffled with a fixed seed and repeated until there are ``--articles`` of them. Batch timings
include each worker's model load; cluster start-up is reported apart. The loop runs over the
first ``--loop-articles`` articles (0: all) and its rows are checked against the batch output.

Usage: python scripts/bench_batch.py --model DIR [--articles 20000] [--partition-size 500]
       [--loop-articles 2000] [--workers 1,2] [--seed 0] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from model.data import group_documents, load_examples
from model.persistence import load_artifact
from model.tagger import tag_article
from training import batch

REPO = Path(__file__).resolve().parents[1]


def build_corpus(path: Path, n: int, seed: int) -> list[dict[str, str]]:
    """``n`` articles: whole seed articles in shuffled order, one pass after another."""
    docs = [[ex.text for ex in doc] for doc in group_documents(load_examples([REPO / "seeds"]))]
    rng, out = random.Random(seed), []
    while len(out) < n:
        order = list(range(len(docs)))
        rng.shuffle(order)
        base = len(out)
        out.extend(
            {"id": f"bench-{base + k:06d}", "text": " ".join(docs[i])} for k, i in enumerate(order)
        )
    out = out[:n]
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in out)
    return out


def run_cluster(corpus: Path, out: Path, model: Path, workers: int, size: int) -> dict[str, Any]:
    """One batch run on a fresh LocalCluster of ``workers`` single-threaded processes."""
    from distributed import LocalCluster

    start = time.perf_counter()
    with LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        ready = time.perf_counter()
        plan = batch.plan_batch(corpus, out, model, "jsonl", size)
        results = batch.execute(plan, cluster.scheduler_address)
        seconds = time.perf_counter() - ready
    rss: dict[int, int] = {}
    for r in results:
        rss[r.pid] = max(rss.get(r.pid, 0), r.max_rss_kb)
    sentences = sum(r.sentences for r in results)
    return {
        "workers": workers,
        "cluster_start_s": round(ready - start, 2),
        "seconds": round(seconds, 2),
        "articles": sum(r.articles for r in results),
        "sentences": sentences,
        "sentences_per_s": round(sentences / seconds, 1),
        "sentences_per_s_per_worker": round(sentences / seconds / workers, 1),
        "peak_rss_mb_per_worker": sorted(round(kb / 1024, 1) for kb in rss.values()),
        "partitions_per_worker": sorted(sum(r.pid == p for r in results) for p in rss),
    }


def run_loop(model_dir: Path, articles: list[dict[str, str]]) -> tuple[dict[str, Any], list]:
    """A plain Python loop calling tag_article once per article, in this process."""
    model, _ = load_artifact(model_dir)
    start = time.perf_counter()
    tagged = [tag_article(model, a["text"]) for a in articles]
    seconds = time.perf_counter() - start
    rows = [
        {"doc_id": a["id"], **{k: s[k] for k in batch.ROW_FIELDS}}
        for a, t in zip(articles, tagged, strict=True)
        for s in t["sentences"]
    ]
    stats = {"articles": len(articles), "sentences": len(rows), "seconds": round(seconds, 2)}
    return dict(stats, sentences_per_s=round(len(rows) / seconds, 1)), rows


def batch_rows(out: Path, n_articles: int, size: int) -> list[dict[str, Any]]:
    """The rows of the first ``n_articles`` articles of a finished batch output folder."""
    rows = []
    for index in range(math.ceil(n_articles / size)):
        text = (out / batch.part_name(index, "jsonl")).read_text(encoding="utf-8")
        rows.extend(json.loads(line) for line in text.splitlines())
    keep = {f"bench-{i:06d}" for i in range(n_articles)}
    return [r for r in rows if r["doc_id"] in keep]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=REPO / "artifacts" / "current")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--partition-size", type=int, default=500)
    parser.add_argument("--loop-articles", type=int, default=2_000)
    parser.add_argument("--workers", default="1,2", help="Comma-separated worker counts.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="Also write the figures here as JSON.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        articles = build_corpus(work / "corpus.jsonl", args.articles, args.seed)
        print(f"corpus: {len(articles)} articles from seeds/ (seed {args.seed})", flush=True)
        runs = []
        for w in (int(x) for x in args.workers.split(",")):
            out = work / f"out-{w}"
            runs.append(run_cluster(work / "corpus.jsonl", out, args.model, w, args.partition_size))
            print(f"batch, {w} worker(s): {json.dumps(runs[-1])}", flush=True)
        sample = articles[: args.loop_articles or None]
        loop, loop_rows = run_loop(args.model, sample)
        first = work / f"out-{runs[0]['workers']}"
        loop["rows_equal_batch"] = loop_rows == batch_rows(first, len(sample), args.partition_size)
        print(f"plain tag_article loop: {json.dumps(loop)}", flush=True)
    for r in runs:
        r["ratio_to_loop"] = round(r["sentences_per_s"] / loop["sentences_per_s"], 2)
    if len(runs) >= 2:
        base = runs[0]
        for r in runs[1:]:
            r["scaling_vs_first"] = round(r["sentences_per_s"] / base["sentences_per_s"], 2)
    driver_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    report = {"model": str(args.model), "runs": runs, "loop": loop, "driver_peak_rss_mb": driver_mb}
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0 if loop["rows_equal_batch"] else 1


if __name__ == "__main__":
    sys.exit(main())
