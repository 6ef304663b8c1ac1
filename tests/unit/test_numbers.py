"""parse_quantity: figures, words, bounds, ranges and quantity words per CLAIMS.md."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.numbers import QUANTITY, parse_quantity


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("13", 13), ("1,200", 1200), ("2.5 million", 2_500_000), ("40 thousand", 40_000)],
)
def test_digits_are_exact(phrase: str, value: int) -> None:
    assert parse_quantity(phrase) == (value, False)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("thirteen", 13),
        ("fourteen", 14),
        ("seventy", 70),
        ("sixty-five", 65),
        ("Nineteen", 19),
        ("Twenty-one", 21),
        ("one hundred and five", 105),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("two dozen", 24),
        ("a hundred", 100),
    ],
)
def test_number_words_are_exact(phrase: str, value: int) -> None:
    assert parse_quantity(phrase) == (value, False)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("a soldier", 1), ("an officer", 1), ("another soldier", 1), ("two brothers", 2)],
)
def test_articles_and_counted_nouns(phrase: str, value: int) -> None:
    assert parse_quantity(phrase) == (value, False)


@pytest.mark.parametrize(
    "phrase",
    [
        "at least 4",
        "more than four",
        "up to 4",
        "as many as 4",
        "nearly 4",
        "some 4",
        "about 4",
        "around 4",
        "over 4",
        "no fewer than four",
        "an estimated 4",
    ],
)
def test_bounds_keep_the_number_and_are_approximate(phrase: str) -> None:
    assert parse_quantity(phrase) == (4, True)


@pytest.mark.parametrize("phrase", ["10 to 15", "10-15", "between 10 and 15", "ten or fifteen"])
def test_ranges_keep_the_lower_end(phrase: str) -> None:
    assert parse_quantity(phrase) == (10, True)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("a few", 3),
        ("several", 3),
        ("some", 3),
        ("a number of", 3),
        ("tens", 10),
        ("dozens", 12),
        ("scores", 20),
        ("hundreds", 100),
        ("thousands", 1000),
        ("tens of thousands", 10_000),
    ],
)
def test_quantity_words_are_approximate(phrase: str, value: int) -> None:
    assert parse_quantity(phrase) == (value, True)


@pytest.mark.parametrize(
    "phrase", ["many", "numerous", "heavy casualties", "the bodies", "soldiers", "", "   "]
)
def test_no_figure_gives_none(phrase: str) -> None:
    assert parse_quantity(phrase) == (None, False)


def test_plain_prefixes_keep_a_figure_exact() -> None:
    assert parse_quantity("a total of 13") == (13, False)
    assert parse_quantity("the two brothers") == (2, False)


def test_none_and_no_one_are_zero() -> None:
    assert parse_quantity("no one") == (0, False)
    assert parse_quantity("none") == (0, False)


@pytest.mark.parametrize("phrase", ["at least 13", "dozens", "between 10 and 15", "a dozen"])
def test_quantity_regex_matches_what_parse_quantity_reads(phrase: str) -> None:
    assert re.fullmatch(QUANTITY, phrase, re.IGNORECASE)


@given(st.text(max_size=200))
def test_never_crashes_nor_returns_negative_or_fractional(text: str) -> None:
    value, approximate = parse_quantity(text)
    assert isinstance(approximate, bool)
    assert value is None or (type(value) is int and value >= 0)


@given(st.integers(min_value=0, max_value=10**9))
def test_digit_strings_round_trip(number: int) -> None:
    assert parse_quantity(str(number)) == (number, False)
    assert parse_quantity(f"{number:,}") == (number, False)
    assert parse_quantity(f"at least {number}") == (number, True)


@given(st.integers(min_value=0, max_value=10**6), st.text(alphabet=" .,-/()%", max_size=6))
def test_figures_with_punctuation_never_go_negative(number: int, noise: str) -> None:
    value, _ = parse_quantity(f"{noise}{number}{noise}")
    assert value is None or value >= 0
