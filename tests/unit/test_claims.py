"""extract_claims: one claim per label, with the fields of that label."""

from model.claims import extract_actors, extract_claims, extract_locations
from model.context import track_context


def test_one_claim_per_label_with_score_and_evidence() -> None:
    text = "The ministry said ten soldiers were killed when militants attacked their post."
    labels = ["attack", "official_statement", "casualty_report"]
    claims = extract_claims(
        text,
        labels,
        scores={"attack": 0.91, "casualty_report": 0.8},
        evidence={"attack": ["attacked"]},
    )
    assert [claim["label"] for claim in claims] == labels
    assert [claim["score"] for claim in claims] == [0.91, None, 0.8]
    assert [claim["evidence"] for claim in claims] == [["attacked"], [], []]


def test_no_labels_no_claims() -> None:
    assert extract_claims("Markets reopened on Sunday.", []) == []


def test_casualty_claim_fields() -> None:
    [claim] = extract_claims("Two soldiers were killed and three wounded.", ["casualty_report"])
    assert (claim["killed"], claim["wounded"], claim["approximate"]) == (2, 3, False)
    assert [group["count"] for group in claim["groups"]] == [2, 3]


def test_statement_claim_fields_without_context() -> None:
    text = "“We will respond,” the army said."
    [claim] = extract_claims(text, ["official_statement"])
    assert claim["speaker"] == "the army"
    assert claim["resolved_speaker"] == "the army"
    assert claim["quote"] == "We will respond"


def test_statement_claim_takes_its_speaker_from_the_article() -> None:
    sentences = [
        "Colonel Sami Rashid, the brigade commander, said the attack had failed.",
        "“They fled at dawn.",
        "We are chasing them.",
        "They will not escape,” he said.",
    ]
    contexts = track_context(sentences)
    middle = extract_claims(sentences[2], ["official_statement"], contexts[2])[0]
    assert (middle["speaker"], middle["quote"]) == (None, None)
    assert middle["resolved_speaker"] == "Colonel Sami Rashid, the brigade commander"
    last = extract_claims(sentences[3], ["official_statement"], contexts[3])[0]
    assert (last["speaker"], last["quote"]) == ("he", "They will not escape")


def test_attack_claim_actors_and_locations() -> None:
    text = "ISIS militants attacked a Peshmerga post in Liheban village, northwest Kirkuk."
    [claim] = extract_claims(text, ["attack"])
    assert claim["actors"] == ["ISIS militants", "Peshmerga"]
    assert claim["locations"] == ["Liheban", "northwest Kirkuk"]


def test_deployment_actor_is_the_whole_force_as_written() -> None:
    text = (
        "A joint brigade of the Iraqi Army and the Kurdish Peshmerga was deployed to the "
        "village of Liheban."
    )
    assert extract_actors(text) == ["a joint brigade of the Iraqi Army and the Kurdish Peshmerga"]
    assert extract_locations(text) == ["Liheban"]


def test_passive_agent_is_an_actor() -> None:
    assert extract_actors("The convoy was ambushed by gunmen near Tuz Khurmatu.") == ["gunmen"]


def test_empty_lists_when_none_named() -> None:
    [claim] = extract_claims("The situation remained tense.", ["deployment"])
    assert (claim["actors"], claim["locations"]) == ([], [])


def test_days_and_organisations_are_not_places() -> None:
    assert extract_locations("Troops arrived on Monday, according to the Ministry.") == []
