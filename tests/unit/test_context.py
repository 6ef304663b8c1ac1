"""track_context: quotations across sentences, pronouns and surnames, official sources."""

from model.context import MAX_QUOTE_RUN, SentenceContext, is_official, track_context

ARTICLE = [
    "Peshmerga forces repelled an ISIS attack near Qarachogh on Sunday night.",
    "Brigadier General Hazhar Omar, a spokesman for the Ministry of Peshmerga, said two "
    "fighters were wounded.",
    "Omar said the militants fled toward the mountains.",
    "“We are ready for any attack.",
    "We have sent reinforcements to the front.",
    "Our forces are on high alert,” he added.",
    "A local resident, Kawa Aziz, said he heard gunfire for three hours.",
    "He said the village was quiet by morning.",
    "Our forces destroyed two vehicles used by the terrorists.",
]


def contexts() -> list[SentenceContext]:
    return track_context(ARTICLE)


def test_one_context_per_sentence() -> None:
    assert len(contexts()) == len(ARTICLE)
    assert track_context([]) == []


def test_quotation_runs_over_sentences_until_closed() -> None:
    flags = [ctx.in_quotation for ctx in contexts()]
    assert flags == [False, False, False, False, True, True, False, False, False]


def test_continued_quotation_has_no_speaker_but_resolves_to_its_source() -> None:
    ctx = contexts()[4]
    assert ctx.speaker is None
    assert ctx.resolved_speaker is not None and "Hazhar Omar" in ctx.resolved_speaker
    assert {"ctx:in_quote", "ctx:in_quote_official"} <= set(ctx.features())


def test_opening_sentence_takes_the_source_named_at_the_close() -> None:
    ctx = contexts()[3]
    assert ctx.speaker is None
    assert ctx.resolved_speaker is not None and "Hazhar Omar" in ctx.resolved_speaker


def test_bare_surname_resolves_to_full_name_and_title() -> None:
    ctx = contexts()[2]
    assert ctx.speaker == "Omar"
    assert ctx.resolved_speaker == (
        "Brigadier General Hazhar Omar, a spokesman for the Ministry of Peshmerga"
    )
    assert "ctx:surname_said_official" in ctx.features()


def test_pronoun_resolves_to_the_last_person_named() -> None:
    ctx = contexts()[5]
    assert ctx.speaker == "he"
    assert ctx.resolved_speaker is not None and "Hazhar Omar" in ctx.resolved_speaker
    assert "ctx:pronoun_said_official" in ctx.features()


def test_pronoun_after_a_witness_is_not_official() -> None:
    ctx = contexts()[7]
    assert ctx.resolved_speaker == "Kawa Aziz, a local resident"
    assert ctx.features() == ("ctx:pronoun_said",)  # no official variant, no prev_official
    assert not ctx.prev_speaker_official


def test_prev_speaker_official_follows_the_last_named_source() -> None:
    flags = [ctx.prev_speaker_official for ctx in contexts()]
    assert flags == [False, False, True, True, True, True, True, False, False]


def test_first_person_release() -> None:
    ctx = contexts()[8]
    assert ctx.first_person_release
    assert "ctx:first_person" in ctx.features()
    assert not contexts()[0].first_person_release


def test_first_person_inside_a_quotation_is_not_a_release() -> None:
    ctx = track_context(['"Our forces will respond," the general said.'])[0]
    assert not ctx.first_person_release


def test_unbalanced_quote_mark_is_dropped_after_a_long_run() -> None:
    sentences = ["He said “the town is calm."] + ["Traffic moved normally."] * (MAX_QUOTE_RUN + 3)
    flags = [ctx.in_quotation for ctx in track_context(sentences)]
    assert flags[1] and not flags[-1]


def test_named_speaker_features() -> None:
    ctx = track_context(["The Ministry of Defence said the operation had ended."])[0]
    assert ctx.speaker_kind == "named"
    assert ctx.features() == ("ctx:named_said", "ctx:named_said_official")


def test_is_official() -> None:
    assert is_official("Brigadier General Hazhar Omar")
    assert is_official("the UN mission")
    assert is_official("a security source in Kirkuk")
    assert not is_official("a local resident")
    assert not is_official("witnesses")
    assert not is_official(None)
