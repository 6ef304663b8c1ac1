"""extract_casualties: the conventions of CLAIMS.md, one phenomenon per test."""

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.casualties import extract_casualties


def figures(text: str) -> tuple[Any, Any, bool]:
    found = extract_casualties(text)
    return found["killed"], found["wounded"], found["approximate"]


def test_groups_are_summed_and_listed() -> None:
    found = extract_casualties("Militants killed 10 Peshmerga and three civilians near Daquq.")
    assert found["killed"] == 13
    assert found["groups"] == [
        {"count": 10, "who": "Peshmerga", "kind": "killed"},
        {"count": 3, "who": "civilians", "kind": "killed"},
    ]


@pytest.mark.parametrize(
    "text",
    [
        "13 killed, including 10 Peshmerga",
        "Thirteen people were killed, including 10 Peshmerga, in the attack.",
        "The blast killed 13 people, among them 10 Peshmerga.",
        "At least 13 people, 10 of them Peshmerga, were killed.",
    ],
)
def test_a_total_and_its_parts_count_once(text: str) -> None:
    assert figures(text)[0] == 13


def test_a_headline_total_and_a_later_breakdown_count_once() -> None:
    text = "Nine killed in raids on Tuesday: gunmen killed six soldiers and three villagers."
    found = extract_casualties(text)
    assert found["killed"] == 9
    assert [g["who"] for g in found["groups"]] == ["soldiers", "villagers"]


def test_groups_that_happen_to_add_up_are_all_counted() -> None:
    assert figures("Four soldiers, two police officers and two civilians were killed.")[0] == 8


def test_parts_count_when_no_total_is_given() -> None:
    assert figures("Among the dead were three soldiers and a civilian.")[0] == 4


def test_parts_after_including_stay_parts() -> None:
    text = "The strike killed at least 11 people, including a teacher and four students."
    assert figures(text) == (11, None, True)


def test_wounded_who_later_died_count_as_killed() -> None:
    text = "One was killed and three were injured, one of whom died."
    assert figures(text) == (2, 2, False)


def test_wounded_who_later_died_without_a_wounded_total() -> None:
    text = "Two of the soldiers wounded in the attack later died of their injuries."
    assert figures(text) == (2, None, False)


def test_the_only_wounded_who_died_leaves_none_wounded() -> None:
    text = "Gunmen killed one soldier and wounded another, who later died in hospital."
    assert figures(text) == (2, 0, False)


@pytest.mark.parametrize(
    "text",
    [
        "Many people were killed and heavy casualties were reported.",
        "The bodies were found inside burned-out vehicles.",
        "Numerous civilians were wounded by stray bullets.",
        "Hundreds of thousands have been displaced.",
    ],
)
def test_no_figure_gives_null(text: str) -> None:
    assert figures(text) == (None, None, False)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("Five people were killed and 12 wounded.", 5, 12),
        ("The attack killed five people and injured 12 others.", 5, 12),
        ("The blast left 7 dead and 20 injured.", 7, 20),
        ("Seven dead and twenty injured in market blast", 7, 20),
        ("A bomb exploded, killing a policeman and wounding two civilians.", 1, 2),
        ("Two brothers died in the shelling.", 2, None),
        ("Several soldiers lost their lives.", 3, None),
        ("The strike caused the deaths of 12 militants.", 12, None),
        ("The bodies of three men were found on Monday.", 3, None),
        ("The death toll rose to 24 on Tuesday.", 24, None),
        ("Three policemen were hurt.", None, 3),
    ],
)
def test_passive_active_and_noun_forms(text: str, killed: Any, wounded: Any) -> None:
    assert figures(text)[:2] == (killed, wounded)


def test_killing_at_least_four_of_the_forces_is_approximate() -> None:
    text = "ISIS attacked the post, killing at least four of the Iraqi security forces."
    found = extract_casualties(text)
    assert (found["killed"], found["approximate"]) == (4, True)
    assert found["groups"][0]["who"] == "Iraqi security forces"


def test_quantity_words_and_bounds_set_approximate() -> None:
    assert figures("Dozens of people were wounded.") == (None, 12, True)
    assert figures("Scores were killed.") == (20, None, True)
    assert figures("Between 10 and 15 people were injured.") == (None, 10, True)


def test_a_running_total_stands_for_the_count() -> None:
    text = "A second bomb killed three more people, bringing the death toll to 13."
    assert figures(text)[0] == 13


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("On 12 May, 3 people were killed in Kirkuk.", 3),
        ("In 2014, 3 people were killed in Kirkuk.", 3),
        ("Three soldiers from the 5th brigade were killed in the ambush.", 3),
        ("Gunmen shot dead a 25-year-old man in Diyala.", 1),
    ],
)
def test_dates_ordinals_and_ages_are_not_counted(text: str, killed: int) -> None:
    assert figures(text)[0] == killed


def test_a_subject_that_acts_is_not_a_casualty() -> None:
    assert figures("Three gunmen killed five villagers.") == (5, None, False)
    assert figures("Three gunmen attacked and wounded villagers.") == (None, None, False)


def test_an_attribution_is_not_part_of_a_list() -> None:
    text = "Rockets hit the town, wounding a child, the town's mayor said."
    assert figures(text) == (None, 1, False)


def test_a_named_person_counts_one() -> None:
    assert figures("Colonel Ahmed Jasim was killed when his car hit a mine.")[0] == 1
    assert figures("Ahmed Ali and his brother were killed.")[0] == 2


def test_a_clause_with_its_own_verb_is_a_separate_count() -> None:
    text = "The attack killed three soldiers and five civilians were wounded."
    assert figures(text) == (3, 5, False)


def test_gapped_lists_are_summed() -> None:
    assert figures("Three people were killed in Kirkuk and five in Diyala.")[0] == 8


@given(st.text(max_size=300))
def test_never_crashes_and_never_goes_negative(text: str) -> None:
    found = extract_casualties(text)
    for kind in ("killed", "wounded"):
        assert found[kind] is None or (type(found[kind]) is int and found[kind] >= 0)
    assert all(group["count"] >= 0 for group in found["groups"])
