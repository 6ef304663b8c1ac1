"""The command line: train, evaluate, tag; every bad input is one line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from model.data import Example
from training.cli import main


@pytest.fixture(scope="module")
def small_data(tmp_path_factory: pytest.TempPathFactory, seed_examples: list[Example]) -> Path:
    """About 300 corpus sentences, whole articles, as one JSONL file."""
    docs = sorted({ex.doc_id for ex in seed_examples})[::12]
    path = tmp_path_factory.mktemp("data") / "small.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for ex in seed_examples:
            if ex.doc_id in docs:
                fh.write(
                    json.dumps(
                        {
                            "id": ex.id,
                            "doc_id": ex.doc_id,
                            "text": ex.text,
                            "labels": list(ex.labels),
                        }
                    )
                    + "\n"
                )
    return path


@pytest.fixture(scope="module")
def trained_dir(tmp_path_factory: pytest.TempPathFactory, small_data: Path) -> Path:
    out = tmp_path_factory.mktemp("model")
    result = CliRunner().invoke(main, ["train", "--data", str(small_data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_train_writes_model_and_manifest(trained_dir: Path) -> None:
    manifest = json.loads((trained_dir / "manifest.json").read_text())
    assert (trained_dir / "model.joblib").is_file()
    assert manifest["metrics"]["cv"]["per_label"].keys() == set(manifest["labels"])


def test_evaluate_json_prints_exactly_one_object(trained_dir: Path, small_data: Path) -> None:
    code, out, _ = run("evaluate", "--data", str(small_data), "--model", str(trained_dir), "--json")
    assert code == 0
    report = json.loads(out)
    assert set(report) == {"n", "macro_f1", "micro_f1", "per_label"}
    assert set(report["per_label"]["attack"]) == {"precision", "recall", "f1", "support"}


def test_evaluate_below_the_floor_exits_non_zero(trained_dir: Path, small_data: Path) -> None:
    code, _, err = run(
        "evaluate", "--data", str(small_data), "--model", str(trained_dir), "--min-macro-f1", "1.01"
    )
    assert code == 2
    assert err.startswith("error: below the floor: macro F1")


def test_tag_prints_sentences_with_offsets(trained_dir: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Gunmen attacked a post in Gao. Two soldiers died, the army said.")
    code, out, _ = run("tag", str(article), "--model", str(trained_dir))
    assert code == 0
    body = json.loads(out)
    assert [s["text"] for s in body["sentences"]] == [
        "Gunmen attacked a post in Gao.",
        "Two soldiers died, the army said.",
    ]
    assert body["model"]["version"]


def test_tag_reads_standard_input(trained_dir: Path) -> None:
    code, out, _ = run("tag", "-", "--model", str(trained_dir), stdin="Troops left Gao.")
    assert code == 0 and json.loads(out)["sentences"][0]["text"] == "Troops left Gao."


def test_missing_data_file_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("train", "--data", str(tmp_path / "none.jsonl"), "--out", str(tmp_path))
    assert code == 2
    assert err.strip().count("\n") == 0 and "no such file" in err and "Traceback" not in err


def test_malformed_jsonl_names_the_line(tmp_path: Path, trained_dir: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Troops left.", "labels": []}\n{"text": \n')
    code, _, err = run("evaluate", "--data", str(bad), "--model", str(trained_dir))
    assert code == 2 and "bad.jsonl:2: malformed JSON" in err


def test_unknown_label_is_refused(tmp_path: Path, trained_dir: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Troops left.", "labels": ["riot"]}\n')
    code, _, err = run("evaluate", "--data", str(bad), "--model", str(trained_dir))
    assert code == 2 and "unknown label 'riot'" in err


def test_empty_data_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    code, _, err = run("train", "--data", str(empty), "--out", str(tmp_path / "m"))
    assert code == 2 and "no annotated sentences" in err


def test_missing_model_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("tag", "-", "--model", str(tmp_path / "nomodel"), stdin="Troops left.")
    assert code == 2 and "no model at" in err


def test_empty_article_is_refused(trained_dir: Path) -> None:
    code, _, err = run("tag", "-", "--model", str(trained_dir), stdin="   ")
    assert code == 2 and "empty" in err


def test_tampered_model_is_refused_with_its_reason(trained_dir: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(trained_dir, copy)
    with (copy / "model.joblib").open("ab") as fh:
        fh.write(b"x")
    code, _, err = run("tag", "-", "--model", str(copy), stdin="Troops left.")
    assert code == 2 and "sha256 does not match" in err
