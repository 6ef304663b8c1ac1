"""Behavioural tests of the trained model: minimum functionality, invariance, direction.

The sentences here are written for these tests; none comes from any evaluation set.
"""

from __future__ import annotations

import pytest

from model.classifier import ClaimTagger
from model.tagger import article_inputs, tag_article


def labels_of(model: ClaimTagger, text: str) -> set[str]:
    inputs, _ = article_inputs([text])
    row = model.predict(inputs)[0]
    return {lab for lab, on in zip(model.labels, row, strict=True) if on}


def score(model: ClaimTagger, text: str, label: str) -> float:
    inputs, _ = article_inputs([text])
    return float(model.predict_proba(inputs)[0, list(model.labels).index(label)])


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed a police station in Kano on Tuesday and set two patrol cars ablaze.",
        "Insurgents ambushed a military convoy on the road between Damboa and Biu.",
        "A drone strike hit a fuel depot on the outskirts of the city overnight.",
    ],
)
def test_minimum_attack(trained_model: ClaimTagger, text: str) -> None:
    assert "attack" in labels_of(trained_model, text)


@pytest.mark.parametrize(
    "text",
    [
        "The army deployed two additional battalions to the border district on Friday.",
        "Peacekeepers withdrew from their base near Kidal at the end of the month.",
        "Security forces launched a clearance operation in the forest south of the town.",
    ],
)
def test_minimum_deployment(trained_model: ClaimTagger, text: str) -> None:
    assert "deployment" in labels_of(trained_model, text)


@pytest.mark.parametrize(
    "text",
    [
        "The defence ministry said in a statement that the situation was under control.",
        "A police spokesman told reporters that an investigation had been opened.",
        "The governor announced a dusk-to-dawn curfew across the province, his office said.",
    ],
)
def test_minimum_official_statement(trained_model: ClaimTagger, text: str) -> None:
    assert "official_statement" in labels_of(trained_model, text)


@pytest.mark.parametrize(
    "text",
    [
        "At least 14 villagers were killed and nine others wounded in the assault.",
        "Three soldiers died and two were injured when their vehicle was targeted.",
        "The bodies of six fishermen were recovered from the river after the raid.",
    ],
)
def test_minimum_casualty_report(trained_model: ClaimTagger, text: str) -> None:
    assert "casualty_report" in labels_of(trained_model, text)


@pytest.mark.parametrize(
    "label,template,fills",
    [
        (
            "attack",
            "Militants attacked an army base in {} on Monday.",
            ["Gao", "Bunia", "Marib", "Quetta"],
        ),
        (
            "casualty_report",
            "{} people were killed in the shelling, officials said.",
            ["Four", "12", "Thirty", "At least 7"],
        ),
        (
            "official_statement",
            "{}, a spokesman for the army, said the road was reopened.",
            ["Ahmed Musa", "John Okello", "Ana Morales", "Oleh Bondar"],
        ),
    ],
)
def test_labels_are_invariant_to_names_places_and_numbers(
    trained_model: ClaimTagger, label: str, template: str, fills: list[str]
) -> None:
    results = {label in labels_of(trained_model, template.format(f)) for f in fills}
    assert results == {True}


def test_vowing_to_attack_is_not_an_attack(trained_model: ClaimTagger) -> None:
    done = "The rebel group attacked the garrison town overnight."
    vowed = "The rebel group vowed to attack the garrison town if talks fail."
    assert score(trained_model, vowed, "attack") < score(trained_model, done, "attack")
    assert "attack" not in labels_of(trained_model, vowed)


def test_deaths_in_a_bus_crash_are_not_a_casualty_report(trained_model: ClaimTagger) -> None:
    crash = "Eleven passengers were killed when a bus overturned on the highway near Kaduna."
    assert "casualty_report" not in labels_of(trained_model, crash)
    assert "attack" not in labels_of(trained_model, crash)


def test_a_witness_is_not_an_official(trained_model: ClaimTagger) -> None:
    witness = "We heard shooting all night, a resident of the village told reporters."
    official = "We heard shooting all night, a police spokesman told reporters."
    assert score(trained_model, witness, "official_statement") < score(
        trained_model, official, "official_statement"
    )
    assert "official_statement" not in labels_of(trained_model, witness)


def test_military_exercise_is_not_a_deployment(trained_model: ClaimTagger) -> None:
    drill = "Soldiers took part in a live-fire training exercise at the academy range."
    sent = "Soldiers were sent to the district after the raid on the market."
    assert score(trained_model, drill, "deployment") < score(trained_model, sent, "deployment")


def test_he_said_after_a_named_official_is_a_statement(trained_model: ClaimTagger) -> None:
    article = (
        "Brig. Gen. Samuel Adeyemi, the army spokesman, briefed reporters in Abuja. "
        "“Our troops are holding every position,” he said."
    )
    result = tag_article(trained_model, article)
    assert "official_statement" in result["sentences"][1]["labels"]
