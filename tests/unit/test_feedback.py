"""The feedback store: WAL, one row per correction, newest wins, merge into training data."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from model.data import Example
from model.feedback import (
    Correction,
    FeedbackError,
    add_correction,
    all_corrections,
    latest,
    merge_corrections,
    open_store,
    read_corrections,
)
from training.cli import main


def store_with(path: Path, *corrections: Correction) -> Path:
    conn = open_store(path)
    try:
        for corr in corrections:
            add_correction(conn, corr)
    finally:
        conn.close()
    return path


def test_open_store_creates_folder_file_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "feedback.sqlite3"
    conn = open_store(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert all_corrections(conn) == []
    finally:
        conn.close()
    assert path.is_file()


def test_add_correction_orders_labels_and_survives_reopening(tmp_path: Path) -> None:
    conn = open_store(tmp_path / "fb.sqlite3")
    try:
        saved = add_correction(
            conn,
            Correction("Two soldiers died.", ("casualty_report", "attack", "attack"), "v1", "d", 3),
        )
    finally:
        conn.close()
    assert saved.id == 1 and saved.created_at
    assert saved.labels == ("attack", "casualty_report")
    [again] = read_corrections(tmp_path / "fb.sqlite3")
    assert again == saved


@pytest.mark.parametrize(
    ("correction", "message"),
    [
        (Correction("A sentence.", ("shelling",)), "unknown label 'shelling'"),
        (Correction("   ", ("attack",)), "needs the sentence text"),
    ],
)
def test_bad_corrections_are_refused_and_not_stored(
    tmp_path: Path, correction: Correction, message: str
) -> None:
    conn = open_store(tmp_path / "fb.sqlite3")
    try:
        with pytest.raises(FeedbackError, match=message):
            add_correction(conn, correction)
        assert all_corrections(conn) == []
    finally:
        conn.close()


def test_latest_keeps_the_newest_correction_per_sentence(tmp_path: Path) -> None:
    path = store_with(
        tmp_path / "fb.sqlite3",
        Correction("Troops arrived.", ("attack",)),
        Correction("Nothing happened.", ()),
        Correction("Troops  arrived. ", ("deployment",)),
    )
    rows = latest(read_corrections(path))
    assert [(c.text.strip(), c.labels, c.id) for c in rows] == [
        ("Nothing happened.", (), 2),
        ("Troops  arrived.", ("deployment",), 3),
    ]


def test_reading_a_missing_or_foreign_file_is_a_feedback_error(tmp_path: Path) -> None:
    with pytest.raises(FeedbackError, match="no such feedback store"):
        read_corrections(tmp_path / "absent.sqlite3")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(FeedbackError, match="not a usable feedback store"):
        read_corrections(junk)


def test_merge_replaces_corpus_labels_and_adds_new_sentences_as_their_own_doc() -> None:
    corpus = [
        Example("a1", "a", "Rockets hit the base.", ("attack",)),
        Example("a2", "a", "The army said nothing.", ("official_statement",)),
    ]
    corrections = [
        Correction("The army said nothing.", ("attack",), id=1),
        Correction("The army  said nothing.", (), id=2),
        Correction("Five people were killed.", ("casualty_report",), doc_id="news-7", id=3),
    ]
    merged, stats = merge_corrections(corpus, corrections)
    assert stats == {"corrections": 2, "corrections_replaced": 1, "corrections_added": 1}
    assert merged[:2] == [corpus[0], Example("a2", "a", "The army said nothing.", ())]
    assert merged[2] == Example(
        "feedback-3", "feedback:news-7", "Five people were killed.", ("casualty_report",)
    )


def test_train_with_feedback_records_the_corrections(
    tmp_path: Path, seed_examples: list[Example]
) -> None:
    docs = sorted({ex.doc_id for ex in seed_examples})[::12]
    data = tmp_path / "small.jsonl"
    rows = [ex for ex in seed_examples if ex.doc_id in docs]
    lines = [{"id": e.id, "doc_id": e.doc_id, "text": e.text, "labels": e.labels} for e in rows]
    data.write_text("".join(json.dumps(line) + "\n" for line in lines))
    db = store_with(
        tmp_path / "fb.sqlite3",
        Correction(rows[0].text, ("deployment",), "v0"),
        Correction("Gunmen stormed a police post and killed three officers.", ("attack",), "v0"),
    )
    out = tmp_path / "model"
    result = CliRunner().invoke(
        main, ["train", "--data", str(data), "--feedback", str(db), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "applied 2 corrections" in result.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["data"]["corrections"] == 2
    assert manifest["data"]["sentences"] == len(rows) + 1


def test_train_with_a_missing_store_is_one_readable_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["train", "--feedback", str(tmp_path / "nope.sqlite3")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.sqlite3'}: no such feedback store"


def test_a_locked_store_does_not_lose_committed_rows(tmp_path: Path) -> None:
    path = store_with(tmp_path / "fb.sqlite3", Correction("One.", ("attack",)))
    reader = sqlite3.connect(path)
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM feedback").fetchone()[0] == 1
        store_with(path, Correction("Two.", ()))  # WAL: a writer does not wait for readers
        reader.execute("COMMIT")
    finally:
        reader.close()
    assert [c.text for c in read_corrections(path)] == ["One.", "Two."]
