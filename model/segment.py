"""Article text to sentences with character offsets.

A rule-based splitter: lines are paragraphs (a hard-wrapped line that ends mid
sentence is joined to the next), bullets lose their markers, "Read More:" style
lines are kept whole and flagged as boilerplate, and inside a line a boundary is
sentence punctuation, optional closing quotes or brackets, white space and an
opening character, unless the word before the stop is an abbreviation or an
initial. Sentences inside a quotation are split like any other: the article
context (``model.context``) tracks who is speaking across them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "cpl",
        "pvt",
        "adm",
        "cmdr",
        "cdr",
        "brig",
        "gov",
        "sen",
        "rep",
        "rev",
        "pres",
        "hon",
        "amb",
        "insp",
        "supt",
        "det",
        "no",
        "nos",
        "vol",
        "fig",
        "approx",
        "est",
        "dept",
        "govt",
        "univ",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.n",
        "u.k",
        "u.s.a",
        "e.u",
    ]
)
TIME_FOLLOWERS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "gmt",
        "utc",
        "local",
        "est",
        "edt",
        "et",
    ]
)
BOILERPLATE = re.compile(
    r"^\s*(?:read\s+more|related(?:\s+(?:stories|articles|news))?|also\s+read|see\s+also|"
    r"recommended|more\s+on\s+this|reporting\s+by|additional\s+reporting|editing\s+by|"
    r"writing\s+by|follow\s+us|subscribe|click\s+here|sign\s+up|watch)\b\s*[:\-–—|]",
    re.IGNORECASE,
)
BULLET = re.compile(r"^\s*(?:[-*•·▪●◦‣]|\d{1,2}[.)])\s+")
BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9#@])")
WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]?([A-Za-z]+)")


@dataclass(frozen=True)
class Segment:
    """One sentence: ``article[start:end] == text``."""

    start: int
    end: int
    text: str
    boilerplate: bool = False


def _is_false_stop(line: str, stop: int, after: int) -> bool:
    """True when the '.' ending at ``stop`` belongs to an abbreviation or initial."""
    if line[stop - 1] != ".":
        return False
    match = WORD_BEFORE.search(line, max(0, stop - 12), stop)
    if not match:
        return False
    word = match.group(1).lower()
    if len(word) == 1 and word.isalpha() and line[match.start(1)].isupper():
        return True  # an initial: "John F. Kennedy"
    if word in ("a.m", "p.m"):
        nxt = NEXT_WORD.match(line, after)
        return bool(nxt and nxt.group(1).lower() in TIME_FOLLOWERS)
    return word in ABBREVIATIONS or bool(re.fullmatch(r"(?:[a-z]\.){1,3}[a-z]", word))


def _split_line(line: str, offset: int) -> list[Segment]:
    """Split one paragraph line into sentence segments."""
    segments: list[Segment] = []
    start = 0
    for match in BOUNDARY.finditer(line):
        punct_end = match.start() + len(match.group(0).rstrip("\"'”’»)]"))
        if _is_false_stop(line, punct_end, match.end()):
            continue
        segments.extend(_segment(line, start, match.end(), offset))
        start = match.end()
    segments.extend(_segment(line, start, len(line), offset))
    return segments


def _segment(line: str, start: int, end: int, offset: int, boiler: bool = False) -> list[Segment]:
    """A stripped segment for ``line[start:end]``, or nothing when it is blank."""
    piece = line[start:end]
    if not piece.strip():
        return []
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece.rstrip())
    return [Segment(offset + start + lead, offset + start + trail, piece.strip(), boiler)]


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """Lines with their offsets; a line ending mid-sentence joins a lowercase next line."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        prev = lines[-1] if lines else None
        continues = (
            prev is not None
            and body[:1].islower()
            and not re.search(r"[.!?:\"”’]\s*$", prev[1])
            and prev[0] + len(prev[1]) + 1 >= pos - 1
        )
        if continues and prev is not None:
            lines[-1] = (prev[0], text[prev[0] : pos + len(body)])
        elif body.strip():
            lines.append((pos, body))
        pos += len(raw)
    return lines


def segment(text: str) -> list[Segment]:
    """Split an article into sentences whose offsets index the original text."""
    segments: list[Segment] = []
    for offset, line in _paragraphs(text):
        bullet = BULLET.match(line)
        if bullet and not re.match(r"^\s*\d", line[bullet.end() :] or "x"):
            offset, line = offset + bullet.end(), line[bullet.end() :]
        if BOILERPLATE.match(line):
            segments.extend(_segment(line, 0, len(line), offset, boiler=True))
        else:
            segments.extend(_split_line(line, offset))
    return segments
