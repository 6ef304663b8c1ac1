"""Article context for claims: quotations that run over sentences, and who is speaking.

ANNOTATION.md lets the article supply the speaker: "he said" or a bare surname counts when
the article named that person as an official, and so does every sentence of a quotation
that runs over several sentences. `track_context` reads an article's sentences in order,
keeps the quotation state (curly and straight marks) and the people named so far, and
gives each sentence a `SentenceContext` for claim fields and classifier features.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from model.speakers import Speaker, find_speaker, outside_quotes, quote_state_after

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
MAX_QUOTE_RUN = 6  # a quotation open longer than this is taken as an unbalanced mark
_OFFICIAL_RE = re.compile(
    r"\b(?:minist(?:er|ry|ries)|spokes(?:man|woman|person|people|men)|general|gen\.|colonel|"
    r"col\.|major|maj\.|lieutenant|lt\.|captain|capt\.|brigadier|brig\.|commander|command|"
    r"governor|mayor|police|army|military|forces|government|authorit(?:y|ies)|"
    r"united\s+nations|coalition|president|presidency|officials?|security\s+source|"
    r"military\s+source|source\s+in\s+the|director|chief|council|department|directorate|"
    r"office|peshmerga|brigade|division|battalion|pentagon|embassy|ambassador|envoy|"
    r"red\s+cross|human\s+rights\s+watch|amnesty|observatory|monitor|party|movement|mission|"
    r"secretary|parliament|lawmaker|deputy|cabinet|intelligence|headquarters|navy|air\s+force|"
    r"prosecutor|islamic\s+state|daesh|taliban|al-shabaab|boko\s+haram|hezbollah|hamas)\b",
    re.IGNORECASE,
)
_ACRONYM_RE = re.compile(
    r"\b(?:UN|UNAMI|UNICEF|UNHCR|OCHA|NATO|HRW|ICRC|CENTCOM|ISIS|ISIL|IS|MP)\b"
)
_UNOFFICIAL_RE = re.compile(
    r"\b(?:witness(?:es)?|eyewitness(?:es)?|residents?|villagers?|analysts?|researchers?|"
    r"experts?|relatives?|survivors?|journalists?|professor|neighbou?rs?|family|doctor|"
    r"think\s+tank|news\s+agency|newspaper|television)\b",
    re.IGNORECASE,
)
_FIRST_PERSON_RE = re.compile(
    r"\b(?:our\s+(?:forces|troops|units|fighters|heroes|personnel|soldiers|mission|teams?|"
    r"partners|brave|security|army|ministry|command|aircraft|jets|operations?)|"
    r"we\s+(?:have|will|are|were|continue|remain|call|condemn|urge|reaffirm|stand|express|"
    r"strongly|also|welcome|reject|deny|confirm|can|cannot|must|do|did|announce|salute|mourn))\b",
    re.IGNORECASE,
)
_NAME = r"(?:(?:al-|el-)?[A-Z][\w'’-]+)(?:\s+(?:al-|el-|bin\s+|ibn\s+)?[A-Z][\w'’-]+){0,3}"
_TITLED_RE = re.compile(
    r"\b((?:[A-Z][\w.]*\s+)*?(?:Lt\.|Lieutenant|Maj\.|Major|Gen\.|General|Col\.|Colonel|Brig\.|"
    r"Brigadier|Capt\.|Captain|Minister|President|Governor|Mayor|Commander|Sheikh|Dr\.|"
    r"spokesman|spokeswoman|spokesperson|commander|minister|governor|mayor|chief)\s+)"
    rf"({_NAME})"
)
_APPOSED_RE = re.compile(rf"({_NAME}),\s+((?:the|a|an)\s+[^,.;]{{3,80}}?)(?=,|\s+said\b)")


@dataclass(frozen=True)
class SentenceContext:
    """What the article tells about one sentence's source."""

    in_quotation: bool = False
    speaker: str | None = None
    resolved_speaker: str | None = None
    prev_speaker_official: bool = False
    first_person_release: bool = False
    speaker_kind: str = ""  # "named", "pronoun", "surname" or "" when none
    speaker_official: bool = False  # the resolved source is official or organisational

    def features(self) -> tuple[str, ...]:
        """Short tags for a classifier, e.g. 'ctx:in_quote', 'ctx:pronoun_said_official'."""
        tags = []
        if self.in_quotation:
            tags.append("ctx:in_quote")
        if self.speaker_kind:
            tags.append(f"ctx:{self.speaker_kind}_said")
        if self.speaker_official:  # an official variant of each tag above
            tags += [f"{tag}_official" for tag in tags]
        if self.prev_speaker_official:
            tags.append("ctx:prev_official")
        if self.first_person_release:
            tags.append("ctx:first_person")
        return tuple(tags)


def is_official(phrase: str | None) -> bool:
    """Whether a source phrase names an official or organisational source, not a witness."""
    if not phrase:
        return False
    named = _OFFICIAL_RE.search(phrase) or _ACRONYM_RE.search(phrase)
    return bool(named) and not _UNOFFICIAL_RE.search(phrase)


def track_context(sentences: Sequence[str]) -> list[SentenceContext]:
    """One SentenceContext per sentence of an article, read in order."""
    people: dict[str, str] = {}
    last_person: str | None = None
    last_source: str | None = None
    quote_open, run = False, 0
    contexts = []
    for text in sentences:
        found = find_speaker(text, quote_open)
        resolved, kind = _resolve(found, people, last_person, last_source)
        contexts.append(
            SentenceContext(
                in_quotation=quote_open,
                speaker=found.name if found else None,
                resolved_speaker=resolved,
                prev_speaker_official=is_official(last_source),
                first_person_release=_first_person(text, quote_open),
                speaker_kind=kind,
                speaker_official=is_official(resolved),
            )
        )
        last_person = _learn_people(text, found, resolved, people) or last_person
        if found and kind != "pronoun":
            last_source = resolved
        quote_open = quote_state_after(text, quote_open)
        run = run + 1 if quote_open else 0
        if run > MAX_QUOTE_RUN:
            quote_open, run = False, 0
    return _fill_quotation_speakers(contexts)


def _resolve(
    found: Speaker | None, people: dict[str, str], last_person: str | None, last_source: str | None
) -> tuple[str | None, str]:
    """Full name and title behind a pronoun or bare surname, with the kind of reference."""
    if found is None:
        return None, ""
    name = found.name.lower()
    if name in PRONOUNS:
        earlier = last_person if name in {"he", "she"} else last_source
        return earlier or last_source or found.name, "pronoun"
    key = name.removeprefix("al-").removeprefix("el-")
    if " " not in name and found.name[:1].isupper() and key in people:
        return people[key], "surname"
    return found.full, "named"


def _learn_people(
    text: str, found: Speaker | None, resolved: str | None, people: dict[str, str]
) -> str | None:
    """Remember titled people named in the sentence by surname; return the last one."""
    named = [f"{m.group(1).strip()} {m.group(2)}" for m in _TITLED_RE.finditer(text)]
    named += [
        f"{m.group(1)}, {m.group(2)}" for m in _APPOSED_RE.finditer(text) if is_official(m.group(2))
    ]
    if resolved and found and found.name[:1].isupper() and found.name.lower() not in PRONOUNS:
        named.append(resolved)
    for full in named:
        name = full.split(",")[0].split()
        surname = name[-1].lower()
        people[surname] = people[surname.removeprefix("al-").removeprefix("el-")] = full
    return named[-1] if named else None


def _first_person(text: str, quote_open: bool) -> bool:
    """Whether the sentence, outside any quotation, speaks as an organisation ('our forces')."""
    return bool(_FIRST_PERSON_RE.search(outside_quotes(text, quote_open)))


def _fill_quotation_speakers(contexts: list[SentenceContext]) -> list[SentenceContext]:
    """Give each sentence inside a running quotation the source of that quotation.

    The source is the one named where the quotation opened, else where it closed.
    """
    filled = list(contexts)
    for i, ctx in enumerate(contexts):
        opens = i + 1 < len(contexts) and contexts[i + 1].in_quotation
        if ctx.speaker or not (ctx.in_quotation or opens):
            continue
        opener = next((j for j in range(i, -1, -1) if not contexts[j].in_quotation), None)
        closer = next(
            j
            for j in range(i, len(contexts))
            if j + 1 == len(contexts) or not contexts[j + 1].in_quotation
        )
        source = contexts[opener].resolved_speaker if opener is not None else None
        source = source or contexts[closer].resolved_speaker
        if source:
            filled[i] = replace(ctx, resolved_speaker=source, speaker_official=is_official(source))
    return filled
