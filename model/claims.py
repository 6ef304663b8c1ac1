"""One claim per label of a tagged sentence, with the fields CLAIMS.md defines for it.

casualty_report -> killed, wounded, approximate, groups; official_statement -> speaker,
resolved_speaker, quote; attack and deployment -> actors and locations (simple rules:
the subject or agent of an attack or deployment verb, named armed groups, and capitalised
places after in/near/at/outside/to and the like).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from model.casualties import extract_casualties
from model.context import SentenceContext, track_context
from model.speakers import extract_quote

_GROUPS = (
    r"ISIS|ISIL|Daesh|Islamic\s+State(?:\s+group)?|al-Qaeda|Al-Qaeda|al-Shabaab|Boko\s+Haram|"
    r"ISWAP|Taliban|Hezbollah|Hamas|Houthis?|PKK|YPG|SDF|JNIM|M23|ADF|Wagner(?:\s+Group)?|"
    r"Peshmerga|PMF|Hashd\s+al-Shaabi|Popular\s+Mobili[sz]ation\s+Forces|"
    r"(?:the\s+)?(?:US-led\s+)?coalition"
)
_FORCE_NOUNS = (
    r"forces|troops|soldiers|army|police|militants?|gunmen|insurgents|jihadists|fighters|"
    r"rebels|militias?|militiamen|bandits|armed\s+men|assailants|attackers|bombers?|"
    r"brigades?|battalions?|units?|convoy|jets|aircraft|drones?|artillery|commandos|marines"
)
_GROUP_RE = re.compile(rf"\b(?:{_GROUPS})\b")
_ACTS = (  # the subject acts; a passive form makes it the target instead
    r"attack(?:ed|s)?|stormed|launched|killed|fired|shelled|ambushed|targeted|raided|struck|"
    r"bombed|withdrew|arrived|entered|seized|captured|clashed|abducted|kidnapped|opened\s+fire|"
    r"carried\s+out|detonated|overran|pounded|advanced|began|started|conducted|took\s+part"
)
_MOVED = r"deployed|sent|moved|redeployed|reinforced|stationed|positioned|dispatched"
_SUBJECT_RE = re.compile(
    rf"(?:^|[,;:“\"]\s*|\b(?:and|when|after|as|while|that)\s+)"
    rf"((?:(?:an?|the)\s+)?(?:[\w'’-]+\s+){{0,8}}?(?:{_FORCE_NOUNS}|{_GROUPS})"
    rf"(?:\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+the\s+|and\s+)?[\w'’-]+){{0,6}}?)?)"
    rf"\s+(?:(?:have|has|had|will)\s+)?(?:{_ACTS}|(?:(?:have|has|had|was|were|is|are|been|be|"
    rf"will|would)\s+)*(?:{_MOVED}))\b",
    re.IGNORECASE,
)
_AGENT_RE = re.compile(
    rf"\bby\s+((?:(?:an?|the)\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:{_FORCE_NOUNS}|{_GROUPS}))\b",
    re.IGNORECASE,
)
_DIRECTION = r"(?:north|south|east|west|northeast|northwest|southeast|southwest|central)(?:ern)?"
_PLACE_NOUN = (
    r"village|town|city|district|province|region|area|governorate|sub-district|"
    r"neighbo(?:u)?rhood|county|state|outskirts|countryside|camp|suburbs?"
)
_CAP = r"(?:(?:al-|el-)?[A-Z][\w'’-]+)"
_LOCATION_RE = re.compile(
    rf"(?:\b(?:in|near|at|outside|to|into|inside|around|across|towards?|from|on)\s+(?:the\s+)?"
    rf"|,\s+(?={_DIRECTION}\s))"
    rf"(?:(?:{_PLACE_NOUN})\s+of\s+)?"
    rf"((?:{_DIRECTION}\s+(?:of\s+)?)?{_CAP}(?:[\s-](?:{_CAP}|al-\w+))*)"
)
_NOT_PLACE = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|He|She|It|"
    r"They|We|This|That|Ministry|Army|Forces|Police|Government|Twitter|Facebook|Reuters|AFP|"
    r"AP|President|Minister|General|Colonel|Governor)\b"
)


def extract_claims(
    text: str,
    labels: Sequence[str],
    context: SentenceContext | None = None,
    scores: Mapping[str, float] | None = None,
    evidence: Mapping[str, Sequence[str]] | None = None,
) -> list[dict[str, Any]]:
    """One claim dict per label: label, score, evidence and the label's fields."""
    claims = []
    for label in labels:
        claim: dict[str, Any] = {
            "label": label,
            "score": float(scores[label]) if scores and label in scores else None,
            "evidence": list(evidence.get(label, ())) if evidence else [],
        }
        claim.update(_fields(text, label, context))
        claims.append(claim)
    return claims


def _fields(text: str, label: str, context: SentenceContext | None) -> dict[str, Any]:
    """The fields CLAIMS.md defines for one label."""
    if label == "casualty_report":
        return extract_casualties(text)
    if label == "official_statement":
        return statement_fields(text, context)
    if label in {"attack", "deployment"}:
        return {"actors": extract_actors(text), "locations": extract_locations(text)}
    return {}


def statement_fields(text: str, context: SentenceContext | None = None) -> dict[str, Any]:
    """Speaker as named here, the source behind it from the article, and the quote.

    Without article context the sentence is read as an article of its own.
    """
    if context is None:
        context = track_context([text])[0]
    return {
        "speaker": context.speaker,
        "resolved_speaker": context.resolved_speaker,
        "quote": extract_quote(text, context.in_quotation),
    }


def extract_actors(text: str) -> list[str]:
    """Forces or groups that act, as written ('ISIS', 'a joint brigade of the Iraqi Army')."""
    found = [m.group(1).strip() for m in _SUBJECT_RE.finditer(text)]
    found += [m.group(1).strip() for m in _AGENT_RE.finditer(text)]
    found = [_trim_article(actor) for actor in found]
    for group in _GROUP_RE.finditer(text):
        if not any(group.group() in actor for actor in found):
            found.append(group.group())
    return _unique(found)


def extract_locations(text: str) -> list[str]:
    """Places named as where it happened ('Liheban', 'northwest Kirkuk')."""
    places = []
    for match in _LOCATION_RE.finditer(text):
        place = match.group(1)
        if not _NOT_PLACE.match(place) and not _GROUP_RE.fullmatch(place):
            places.append(place)
    return _unique(places)


def _trim_article(phrase: str) -> str:
    """Lower-case a sentence-initial article so actors read as written mid-sentence."""
    return re.sub(r"^(The|A|An)\b", lambda m: m.group(1).lower(), phrase)


def _unique(values: list[str]) -> list[str]:
    """Values in first-seen order without repeats."""
    return list(dict.fromkeys(values))
