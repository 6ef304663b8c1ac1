"""Loading annotated data: every bad input is a DataError naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.data import DataError, data_hash, group_documents, load_examples, read_jsonl


def write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_exchange_format_and_ignores_extra_fields(tmp_path: Path) -> None:
    f = write(
        tmp_path / "a.jsonl",
        '{"id": "x1", "doc_id": "d", "text": "Troops left.", "labels": ["deployment"], "url": "u"}',
    )
    [ex] = read_jsonl(f)
    assert (ex.id, ex.doc_id, ex.text, ex.labels) == ("x1", "d", "Troops left.", ("deployment",))


def test_malformed_json_names_the_line(tmp_path: Path) -> None:
    f = write(tmp_path / "a.jsonl", '{"text": "ok", "labels": []}', "{oops")
    with pytest.raises(DataError, match=r"a\.jsonl:2: malformed JSON"):
        read_jsonl(f)


def test_unknown_label_is_refused(tmp_path: Path) -> None:
    f = write(tmp_path / "a.jsonl", '{"text": "ok", "labels": ["protest"]}')
    with pytest.raises(DataError, match="unknown label 'protest'"):
        read_jsonl(f)


def test_missing_text_is_refused(tmp_path: Path) -> None:
    f = write(tmp_path / "a.jsonl", '{"labels": []}')
    with pytest.raises(DataError, match="'text' must be a non-empty string"):
        read_jsonl(f)


def test_labels_must_be_a_list(tmp_path: Path) -> None:
    f = write(tmp_path / "a.jsonl", '{"text": "ok", "labels": "attack"}')
    with pytest.raises(DataError, match="'labels' must be a list"):
        read_jsonl(f)


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such file"):
        load_examples([tmp_path / "nope.jsonl"])


def test_empty_data_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", "", "  ")
    with pytest.raises(DataError, match="no annotated sentences"):
        load_examples([tmp_path])


def test_invalid_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(b'{"text": "\xff"}\n')
    with pytest.raises(DataError, match="UTF-8"):
        load_examples([tmp_path])


def test_folders_are_read_recursively_and_documents_keep_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(
        tmp_path / "sub" / "b.jsonl",
        '{"id": "1", "doc_id": "d1", "text": "One.", "labels": []}',
        '{"id": "2", "doc_id": "d2", "text": "Two.", "labels": []}',
        '{"id": "3", "doc_id": "d1", "text": "Three.", "labels": []}',
    )
    docs = group_documents(load_examples([tmp_path]))
    assert [[ex.id for ex in doc] for doc in docs] == [["1", "3"], ["2"]]


def test_data_hash_depends_on_content_not_layout(tmp_path: Path) -> None:
    line = '{"id": "1", "doc_id": "d1", "text": "One.", "labels": []}'
    a = load_examples([write(tmp_path / "a.jsonl", line)])
    b = load_examples([write(tmp_path / "b.jsonl", line.replace("One.", "Two."))])
    assert data_hash(a) == data_hash(list(a))
    assert data_hash(a) != data_hash(b)
