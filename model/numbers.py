"""Quantity phrases in casualty reports, read as (value, approximate).

The conventions are those of ../shared/CLAIMS.md: a bound keeps its stated number, a range
keeps its lower end, vague quantity words map to fixed values, and bounds, ranges and
quantity words are all approximate. `QUANTITY` is the matching regex, so that other
modules find quantity phrases with the same vocabulary that parses them.
"""

from __future__ import annotations

import re

from text_to_num import text2num

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million"
)
_NUMWORD = r"(?:" + "|".join(sorted(_UNITS.split(), key=len, reverse=True)) + r")\b"
_WORDNUM = rf"{_NUMWORD}(?:(?:\s+and\s+|[\s-]+){_NUMWORD})*"
_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+(?:\.[0-9]+)?"
_NUMBER = (
    rf"(?:(?:{_DIGITS}|{_WORDNUM})\s+dozen|(?:{_DIGITS})(?:\s+(?:million|thousand))?"
    rf"|half\s+a\s+dozen|an?\s+(?:hundred|thousand|dozen)|{_WORDNUM}|dozen)"
)
# Bounds make a figure approximate; the plain prefixes leave it exact.
_BOUNDS = (
    r"at\s+least|more\s+than|over|up\s+to|as\s+many\s+as|nearly|almost|about|around|"
    r"approximately|roughly|close\s+to|an\s+estimated|estimated|upwards\s+of|in\s+excess\s+of|"
    r"no\s+fewer\s+than|no\s+less\s+than|fewer\s+than|less\s+than|at\s+most|just\s+over|"
    r"just\s+under|well\s+over|some(?=\s+(?:[0-9]|an?\s|half|dozen|" + _NUMWORD + r"))"
)
_PLAIN = (
    r"a\s+total\s+of|all\s+of\s+the|all|the|only|just|exactly|"
    rf"(?:another|a\s+further)(?=\s+(?:[0-9]|{_NUMWORD}))"
)
_VAGUE: tuple[tuple[str, int, bool], ...] = (
    (r"a\s+few|few|several|some|a\s+number\s+of|a\s+handful\s+of|a\s+handful", 3, True),
    (r"a\s+couple\s+of|a\s+couple", 2, True),
    (r"a\s+score\s+of", 20, False),
    (r"tens", 10, True),
    (r"dozens", 12, True),
    (r"scores", 20, True),
    (r"hundreds", 100, True),
    (r"thousands", 1000, True),
    (r"both", 2, False),
    (r"no\s+one|nobody|none|no", 0, False),
)
_VAGUE_ALT = "|".join(pattern for pattern, _, _ in _VAGUE)
_MULTIPLIER = r"(?:\s+of\s+(?:thousands|millions))?"

QUANTITY = (
    rf"(?:(?:(?:{_BOUNDS}|{_PLAIN})\s+)*"
    rf"(?:between\s+{_NUMBER}\s+and\s+{_NUMBER}"
    rf"|{_NUMBER}(?:\s*(?:to|-|–|or)\s*{_NUMBER})?"
    rf"|(?:{_VAGUE_ALT}){_MULTIPLIER}))"
)
"""Regex (no groups, use with re.IGNORECASE) for one quantity phrase, e.g. 'at least 13'."""

_PREFIX_RE = re.compile(rf"^(?:(?P<bound>{_BOUNDS})|{_PLAIN})\s+")
_NUMBER_RE = re.compile(rf"^{_NUMBER}")
_RANGE_RE = re.compile(rf"^\s*(?:to|-|–|or|and)\s*{_NUMBER}")
_VAGUE_RES = [(re.compile(rf"^(?:{p}){_MULTIPLIER}\b"), v, a) for p, v, a in _VAGUE]
_ARTICLE_RE = re.compile(r"^(?:an?|one|another|a\s+single)\s+[^\W\d_]")
_SCALE = {"thousand": 1000, "million": 1_000_000}


def parse_quantity(phrase: str) -> tuple[int | None, bool]:
    """Read a quantity phrase ('at least 4', 'a dozen', 'two brothers') as (value, approximate).

    Returns (None, False) when the phrase holds no figure ('many', 'heavy casualties').
    """
    text = " ".join(phrase.lower().replace("‐", "-").split()).strip(" .,;:")
    approximate = False
    while match := _PREFIX_RE.match(text):
        approximate = approximate or match.group("bound") is not None
        text = text[match.end() :]
    if text.startswith("between "):
        approximate, text = True, text[len("between ") :]
    for pattern, value, vague in _VAGUE_RES:
        match = pattern.match(text)
        if match:
            found = match.group()
            factor = 1_000_000 if "millions" in found else 1000 if "thousands" in found else 1
            return value * (factor if " of " in found else 1), approximate or vague
    number = _NUMBER_RE.match(text)
    if number:
        figure = _number_value(number.group())
        if figure is not None:
            return figure, approximate or bool(_RANGE_RE.match(text[number.end() :]))
    if _ARTICLE_RE.match(text):
        return 1, approximate
    return None, False


def _number_value(token: str) -> int | None:
    """Value of one matched number: digits ('1,200', '2.5 million') or words ('twenty-one')."""
    token = re.sub(r"^an?\s+(?=hundred|thousand)", "one ", token)
    if token.endswith("dozen"):  # 'a dozen', 'half a dozen', 'two dozen'
        count = token.removesuffix("dozen").strip()
        if count in {"", "a", "an", "half a"}:
            return 6 if count == "half a" else 12
        dozens = _number_value(count)
        return None if dozens is None else dozens * 12
    digits = re.match(r"([0-9,]+(?:\.[0-9]+)?)(?:\s+(million|thousand))?$", token)
    if digits:
        amount = float(digits.group(1).replace(",", ""))
        return int(amount * _SCALE.get(digits.group(2) or "", 1))
    return _words_value(token.replace("-", " ").split())


def _words_value(words: list[str]) -> int | None:
    """Longest leading run of number words that text2num accepts ('one two' reads as 1)."""
    while words and words[-1] == "and":
        words = words[:-1]
    for end in range(len(words), 0, -1):
        try:
            return int(text2num(" ".join(words[:end]), "en"))
        except ValueError:
            continue
    return None
