"""The API contract: shapes, offsets, batch, model, health, OpenAPI conformance."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask.testing import FlaskClient

ARTICLE = (
    "MOGADISHU (Reuters) – Al-Shabaab fighters attacked an army base in Lower Shabelle on "
    "Tuesday, killing four soldiers, a military official said.\n\n"
    "“The attackers were repelled,” Col. Ahmed Nur told reporters. Troops were sent to the area."
)

Check = Callable[[str, Any], None]


def test_tag_returns_sentences_with_exact_offsets(client: FlaskClient, conforms: Check) -> None:
    resp = client.post("/v1/tag", json={"text": ARTICLE, "id": "doc-1"})
    assert resp.status_code == 200
    body = resp.get_json()
    conforms("TagResponse", body)
    assert body["id"] == "doc-1"
    assert len(body["sentences"]) == 3
    for sent in body["sentences"]:
        assert ARTICLE[sent["start"] : sent["end"]] == sent["text"]
        assert set(sent["scores"]) == {
            "attack",
            "deployment",
            "official_statement",
            "casualty_report",
        }
    assert body["model"]["version"]


def test_counts_match_the_sentence_labels(client: FlaskClient) -> None:
    body = client.post("/v1/tag", json={"text": ARTICLE}).get_json()
    for label, n in body["counts"].items():
        assert n == sum(label in s["labels"] for s in body["sentences"])


def test_text_plain_body_is_the_article(client: FlaskClient) -> None:
    resp = client.post("/v1/tag", data=ARTICLE.encode(), content_type="text/plain; charset=utf-8")
    assert resp.status_code == 200
    assert resp.get_json()["sentences"][0]["start"] == 0


def test_thresholds_override_labels(client: FlaskClient) -> None:
    all_on = {lab: 0.0 for lab in ("attack", "deployment", "official_statement", "casualty_report")}
    body = client.post("/v1/tag", json={"text": ARTICLE, "thresholds": all_on}).get_json()
    assert all(len(s["labels"]) == 4 for s in body["sentences"])


def test_evidence_is_given_for_each_predicted_label(client: FlaskClient) -> None:
    body = client.post("/v1/tag", json={"text": ARTICLE}).get_json()
    for sent in body["sentences"]:
        assert set(sent["evidence"]) == set(sent["labels"])
        assert [c["label"] for c in sent["claims"]] == sent["labels"]


def test_batch_tags_good_documents_and_reports_bad_ones(
    client: FlaskClient, conforms: Check
) -> None:
    docs = [
        {"id": "a", "text": ARTICLE},
        {"id": "b", "text": "  "},
        {"id": "c", "text": 7},
        "not an object",
        {"id": "e", "text": "Troops withdrew from Gao on Monday."},
    ]
    resp = client.post("/v1/tag/batch", json={"documents": docs})
    assert resp.status_code == 200
    results = resp.get_json()["results"]
    conforms("BatchResponse", resp.get_json())
    assert [r["id"] for r in results] == ["a", "b", "c", None, "e"]
    assert [r.get("error", {}).get("code") for r in results] == [
        None,
        "empty_text",
        "invalid_type",
        "invalid_type",
        None,
    ]
    assert results[4]["sentences"][0]["text"] == "Troops withdrew from Gao on Monday."


def test_model_endpoint_returns_the_manifest(client: FlaskClient, conforms: Check) -> None:
    body = client.get("/v1/model").get_json()
    conforms("Manifest", body)
    assert "signature" not in body
    assert body["thresholds"].keys() == set(body["labels"])


def test_health_and_readiness(client: FlaskClient, conforms: Check) -> None:
    conforms("Health", client.get("/healthz").get_json())
    ready = client.get("/readyz")
    assert ready.status_code == 200
    conforms("Ready", ready.get_json())


def test_openapi_lists_every_route(client: FlaskClient, app: Any) -> None:
    spec = client.get("/openapi.json").get_json()
    rules = {r.rule for r in app.url_map.iter_rules() if r.endpoint != "static"}
    assert rules == set(spec["paths"])


def test_metrics_count_requests_sentences_and_model(client: FlaskClient) -> None:
    client.post("/v1/tag", json={"text": ARTICLE})
    text = client.get("/metrics").get_data(as_text=True)
    assert 'claimtag_requests_total{method="POST",route="/v1/tag",status="200"}' in text
    assert "claimtag_request_seconds_bucket" in text
    assert "claimtag_sentences_tagged_total" in text
    assert "claimtag_model_info{version=" in text


def test_request_id_is_echoed_or_generated(client: FlaskClient) -> None:
    given = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["X-Request-ID"] == "abc-123"
    made = client.get("/healthz")
    assert len(made.headers["X-Request-ID"]) == 32


def test_one_json_log_line_per_request(client: FlaskClient, caplog: Any) -> None:
    import json

    with caplog.at_level("INFO", logger="claimtag.access"):
        client.post("/v1/tag", json={"text": ARTICLE}, headers={"X-Request-ID": "r-1"})
    [line] = [json.loads(r.getMessage()) for r in caplog.records if r.name == "claimtag.access"]
    assert line["request_id"] == "r-1"
    assert line["route"] == "/v1/tag" and line["status"] == 200
    assert line["sentences"] == 3 and line["model_version"]
    assert line["duration_ms"] >= 0
