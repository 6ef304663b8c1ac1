"""extract_quote and extract_speaker: quotation marks and named sources in one sentence."""

import pytest

from model.speakers import extract_quote, extract_speaker, find_speaker, quote_state_after


def test_straight_quote() -> None:
    text = '"We will not allow ISIS to return," the coalition said.'
    assert extract_quote(text) == "We will not allow ISIS to return"


def test_curly_quote() -> None:
    text = "“Our forces repelled the attack,” said Colonel Sami Rashid."
    assert extract_quote(text) == "Our forces repelled the attack"


def test_fragment_closing_a_quotation_opened_earlier() -> None:
    text = "We will continue to fight them,” he added."
    assert extract_quote(text) == "We will continue to fight them"


def test_fragment_opening_a_quotation_that_closes_later() -> None:
    assert extract_quote("“This is a cowardly attack.") == "This is a cowardly attack."


def test_several_quoted_parts_are_joined() -> None:
    text = "The mayor called it “cowardly” and said “justice will be done.”"
    assert extract_quote(text) == "cowardly ... justice will be done."


def test_single_curly_quotes_when_no_double_marks() -> None:
    text = "A spokesman said the group targeted ‘enemy gatherings’ near the border."
    assert extract_quote(text) == "enemy gatherings"


def test_apostrophes_are_not_quotes() -> None:
    assert extract_quote("The ministry’s statement said the soldiers’ families were told.") is None


def test_a_sentence_inside_a_running_quotation_has_no_quote_of_its_own() -> None:
    assert extract_quote("We have sent reinforcements.", open_at_start=True) is None


def test_a_quotation_open_at_the_start_closes_inside() -> None:
    assert extract_quote("Nothing will stop us,” he said.", open_at_start=True) == (
        "Nothing will stop us"
    )


def test_quote_state_carries_over() -> None:
    assert quote_state_after("“We are ready for any attack.")
    assert not quote_state_after("Our forces are on alert,” he added.", open_at_start=True)
    assert not quote_state_after('"Calm has returned," he said.')


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Kurilla said the threat remained.", "Kurilla"),
        ("“Calm has returned,” said the governor.", "the governor"),
        (
            "A security source from Garmiyan told Kurdistan 24 that two were hurt.",
            "a security source from Garmiyan",
        ),
        (
            "According to the Ministry of Peshmerga, the attack was repelled.",
            "the Ministry of Peshmerga",
        ),
        ("The ministry said in a statement that the operation had ended.", "the ministry"),
        ("Ahmed Hassan, a spokesman for the police, said five were wounded.", "Ahmed Hassan"),
        (
            "In a statement, the Ministry of Defence said the operation had ended.",
            "the Ministry of Defence",
        ),
        ('"The situation is under control," he said.', "he"),
        ("The army announced a new operation on Monday.", "the army"),
        ("The governor denied that civilians had been harmed.", "the governor"),
        ("ISIS claimed responsibility for the attack.", "ISIS"),
        ("The coalition tweeted that its jets struck ISIS positions.", "the coalition"),
        ("The minister warned of further attacks.", "the minister"),
        (
            "The Syrian Observatory for Human Rights (SOHR) said 12 were killed.",
            "the Syrian Observatory for Human Rights",
        ),
        (
            "A statement from the Joint Operations Command said two were arrested.",
            "the Joint Operations Command",
        ),
        ("A police officer who asked not to be named said the gunmen fled.", "a police officer"),
        ("Militants claimed the attack was revenge, the army said.", "the army"),
        ("“We grieve,” said the Special Representative, El-Ghassim Wane.", "El-Ghassim Wane"),
        ("A resident, Kawa Aziz, said he heard gunfire.", "Kawa Aziz"),
        ("The agency quoted the governor as saying calm had returned.", "the governor"),
    ],
)
def test_speaker_patterns(text: str, speaker: str) -> None:
    assert extract_speaker(text) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Five soldiers were killed in the attack.",
        "The attack claimed the lives of five soldiers.",
        "Casualties were reported among the attackers.",
    ],
)
def test_no_source_named_gives_none(text: str) -> None:
    assert extract_speaker(text) is None


def test_speech_verbs_inside_the_quotation_are_ignored() -> None:
    assert extract_speaker('"The army said it would come," he added.') == "he"


def test_a_continued_quotation_names_no_speaker() -> None:
    assert extract_speaker("They said they would return.", open_at_start=True) is None


def test_appositive_title_is_kept_with_the_name() -> None:
    found = find_speaker("Hamid Ali, a spokesman for the ministry, said two were killed.")
    assert found is not None
    assert found.full == "Hamid Ali, a spokesman for the ministry"
