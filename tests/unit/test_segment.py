"""Segmentation: offsets, datelines, abbreviations, quotes, URLs, lists, boilerplate."""

from __future__ import annotations

from model.segment import segment


def texts(article: str) -> list[str]:
    return [s.text for s in segment(article)]


def test_offsets_index_the_original_text() -> None:
    article = "KABUL —  Gunmen attacked a post.\n\n  Two died.  Police said so. "
    for seg in segment(article):
        assert article[seg.start : seg.end] == seg.text


def test_dateline_stays_with_its_sentence() -> None:
    article = "ERBIL (Kurdistan 24) – The coalition said it would help. It did."
    assert texts(article) == ["ERBIL (Kurdistan 24) – The coalition said it would help.", "It did."]


def test_abbreviations_do_not_end_sentences() -> None:
    article = "Lt. Col. Ahmed Sule and Gen. Musa met U.S. officials. They left at No. 4 gate."
    assert texts(article) == [
        "Lt. Col. Ahmed Sule and Gen. Musa met U.S. officials.",
        "They left at No. 4 gate.",
    ]


def test_initials_and_decimals_do_not_end_sentences() -> None:
    article = "Maj. John K. Obi said the blast was 3.5 km away. Nobody was hurt."
    assert texts(article) == [
        "Maj. John K. Obi said the blast was 3.5 km away.",
        "Nobody was hurt.",
    ]


def test_time_abbreviation_before_weekday_is_not_a_stop() -> None:
    article = "The clash began at 8 a.m. Thursday near the camp. Troops withdrew."
    assert texts(article) == [
        "The clash began at 8 a.m. Thursday near the camp.",
        "Troops withdrew.",
    ]


def test_quotation_over_several_sentences_is_split() -> None:
    article = "“We will hold the line. Our men are ready,” the colonel said. He left."
    assert texts(article) == [
        "“We will hold the line.",
        "Our men are ready,” the colonel said.",
        "He left.",
    ]


def test_question_inside_quote_followed_by_attribution_is_one_sentence() -> None:
    article = '"Where were the police?" he asked. Nobody answered.'
    assert texts(article) == ['"Where were the police?" he asked.', "Nobody answered."]


def test_urls_and_hashtags_stay_inside_their_sentence() -> None:
    article = "Our partners fight on. #StrongerTogether https://t.co/abc.def — Coalition (@x) May 1"
    assert texts(article) == [
        "Our partners fight on.",
        "#StrongerTogether https://t.co/abc.def — Coalition (@x) May 1",
    ]


def test_line_breaks_are_boundaries_and_wrapped_lines_join() -> None:
    article = "Militants shelled the town\nof Gao on Monday.\nThe army responded"
    assert texts(article) == ["Militants shelled the town\nof Gao on Monday.", "The army responded"]


def test_bullet_markers_are_left_out() -> None:
    article = "Key points:\n- Troops deployed to Gao\n* Two soldiers wounded\n• Curfew set"
    assert texts(article) == [
        "Key points:",
        "Troops deployed to Gao",
        "Two soldiers wounded",
        "Curfew set",
    ]


def test_read_more_and_related_lines_are_boilerplate() -> None:
    article = "Troops left. Read More: Army pulls out of Gao. Says official\nRelated: Ten killed"
    segs = segment(
        "Troops left.\nRead More: Army pulls out of Gao. Says official\nRelated: Ten killed"
    )
    assert [s.boilerplate for s in segs] == [False, True, True]
    assert segs[1].text == "Read More: Army pulls out of Gao. Says official"
    assert not any(s.boilerplate for s in segment(article)[:1])


def test_empty_and_blank_text_give_no_sentences() -> None:
    assert segment("") == []
    assert segment(" \n\t\n ") == []
