"""Segmentation on arbitrary Unicode: never crashes, offsets are exact, nothing is lost
(but the markers of bullet lists, which segmentation drops on purpose)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.segment import BULLET, _paragraphs, segment

# Text built from news-like pieces (stops, quotes, abbreviations, bullets, line breaks)
# mixed with any Unicode at all, so that the splitter's rules are exercised, not just
# its fallbacks.
PIECES = st.sampled_from(
    [". ", "? ", "! ", "\n", "\n\n", "“", "”", '"', "'", "U.S. ", "Lt. Col. ", "No. 4",
     "3.5 ", "- ", "• ", "Read More: ", "Related: ", "http://x.example/a.b ", "#Tag ",
     "(AFP) – ", "...", "\r\n", "\t", "\u2028", "\u00a0"]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=12), PIECES), max_size=40).map("".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_offsets_are_valid_ordered_and_disjoint(text: str) -> None:
    previous_end = 0
    for seg in segment(text):
        assert 0 <= seg.start < seg.end <= len(text)
        assert seg.start >= previous_end
        assert text[seg.start : seg.end] == seg.text
        assert seg.text.strip() == seg.text and seg.text
        previous_end = seg.end


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_every_non_space_character_is_inside_a_sentence(text: str) -> None:
    covered = set()
    for seg in segment(text):
        covered.update(range(seg.start, seg.end))
    for start, line in _paragraphs(text):  # a bullet's marker is dropped by design
        marker = BULLET.match(line)
        if marker:
            covered.update(range(start, start + marker.end()))
    lost = [(i, ch) for i, ch in enumerate(text) if not ch.isspace() and i not in covered]
    assert lost == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_segments_without_error(text: str) -> None:
    assert isinstance(segment(text), list)
