"""Casualty figures in one sentence: killed and wounded, summed over the groups it names.

Follows ../shared/CLAIMS.md. Items (a quantity phrase and the people it counts) are found
first, then triggers (killed, died, wounding, the deaths of, ...). An active trigger claims
the list of items right after it ("killed 10 Peshmerga and three civilians"); a passive or
adjectival one claims the list right before it ("13 people were killed", "three dead").
Parts of a total ("including 10 Peshmerga") count only when no total is given, and the
wounded who later died ("one of whom died") move from wounded to killed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from model.numbers import QUANTITY, parse_quantity


def _words(text: str) -> frozenset[str]:
    """A word set from a space-separated list."""
    return frozenset(text.split())


_DAYS = "monday tuesday wednesday thursday friday saturday sunday"
_MONTHS = "january february march april may june july august september october november december"
_AMONG = r"among\s+(?:the|those)\s+(?:{0})\s+(?:were|was|are|is)|(?:{0})\s+includ(?:ed|es|e)"
_KILL_EITHER = (
    r"killed|slain|murdered|executed|assassinated|beheaded|shot\s+dead|massacred|martyred|"
    r"neutrali[sz]ed|eliminated"
)
_KILL_ACTIVE = (
    r"killing|kills|kill|slew|slaying|massacring|executing|lost|massacre\s+of|"
    r"(?:claim|tak)(?:ed|ing|es|s)?\s+the\s+lives?\s+of|took\s+the\s+lives?\s+of|"
    r"(?:deaths?|killings?|murders?|assassination|bodies|body|corpses?|remains)\s+of|"
    r"(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|fatalities|people\s+killed))"
    r"(?:\s+[^\s,.;]+){0,10}?\s+(?:to|at|of|reached|hit|is|was|stands\s+at|stood\s+at)|"
    + _AMONG.format("dead|killed|victims|fatalities")
)
_KILL_PASSIVE = (
    r"dead|died|die|dies|perished|lost\s+(?:their|his|her)\s+li(?:ves|fe)|succumbed|"
    r"fatally\s+(?:wounded|injured|shot)"
)
_WOUND_ACTIVE = (
    r"wounding|injuring|injures|injur(?:y|ies)\s+to|number\s+of\s+(?:wounded|injured)"
    r"(?:\s+[^\s,.;]+){0,4}?\s+(?:to|at|reached|is|was)|" + _AMONG.format("wounded|injured")
)
_WOUND_PASSIVE = r"(?:sustained|suffered|received|treated\s+for)\s+(?:\w+\s+)?(?:injuries|wounds)"
# (pattern, kind, mode): active forms take the people after them, passive ones those before.
TRIGGERS: tuple[tuple[str, str, str], ...] = (
    (_KILL_EITHER, "killed", "either"),
    (_KILL_ACTIVE, "killed", "active"),
    (_KILL_PASSIVE, "killed", "passive"),
    (r"wounded|injured|hurt|maimed", "wounded", "either"),
    (_WOUND_ACTIVE, "wounded", "active"),
    (_WOUND_PASSIVE, "wounded", "passive"),
)
GAP_WORDS = (
    r"were|was|are|is|have|has|had|been|being|be|got|reportedly|also|later|all|both|"
    r"subsequently|shot|found|confirmed|reported|feared|believed|thought|said|to|allegedly|"
    r"initially|now|since|who|each|so\s+far|in\s+total|left|critically|seriously|severely|"
    r"among\s+(?:the|those)|(?:shot|stabbed|beaten|attacked|ambushed)\s+and|"
    r"either|\w+ly"
)
BOUNDARY_AFTER = (
    r"and|or|in|on|at|near|when|after|during|while|as|by|including|with|since|overnight|"
    r"yesterday|today|tonight|last|this|earlier|so|according|from|across|inside|outside|"
    r"following|amid|but|before|because|among|within|around|throughout|until|"
    + _DAYS.replace(" ", "|")
)
PART_BEFORE = (
    r"including|among\s+them|among\s+whom|such\s+as|"
    r"among\s+(?:the|those)\s+(?:dead|killed|victims|fatalities|wounded|injured)"
    r"(?:\s+(?:were|was|are|is))?|(?:dead|victims|wounded|injured)\s+(?:included|include|includes)"
)
STOP_WORDS = _words(
    """killed killing dead died die dies wounded wounding injured injuring hurt slain perished
    lost succumbed executed murdered assassinated beheaded shot martyred maimed sustained
    suffered were was are is have has had been be being in on at near during after before when
    while by from with as inside outside across into for to since following amid under and or
    but including among such who which that whom whose also reportedly later each both
    according this last yesterday today overnight it they he she remain remained went missing
    fled say said says than per plus along alongside so there got found """
    + _DAYS
)
PERSON = _words(
    """soldier policeman policewoman officer civilian child boy girl man woman member fighter
    militant commander guard resident villager farmer student journalist worker teacher driver
    passenger person shepherd doctor nurse official leader employee contractor pilot trooper
    conscript recruit volunteer lieutenant colonel captain major sergeant private general
    peshmerga gunman insurgent jihadist jihadi bomber attacker assailant rebel suspect brother
    son daughter father mother wife husband relative teenager infant baby toddler citizen
    national tourist pilgrim worshipper protester cop agent trader merchant shopkeeper herder
    fisherman miner chief mayor imam priest elder judge lawyer engineer medic paramedic
    peacekeeper marine serviceman servicemember sniper cadet prisoner detainee hostage youth
    pedestrian bystander local bodyguard mukhtar extremist terrorist operative militiaman
    commando brigadier emir spokesman politician lawmaker activist victim individual refugee
    migrant grandfather grandmother uncle cousin nephew niece sister neighbour neighbor
    customer vendor owner reporter photographer cameraman deputy governor minister
    paratrooper guardsman ranger patrolman sheikh mullah cleric tribesman teen schoolboy
    schoolgirl pupil physician surgeon inmate correspondent gendarme motorcyclist kid
    father-in-law"""
)
NON_PERSON = _words(
    """year years day days week weeks month months hour hours minute minutes second seconds km
    kilometres kilometers kilometre kilometer miles mile metres meters metre meter times
    vehicles vehicle cars car trucks houses homes buildings villages towns rockets missiles
    mortars shells drones bombs percent per tonnes tons dollars attacks incidents districts
    provinces countries am pm gmt points cases weapons rounds positions checkpoints bases
    tanks shops schools hospitals mosques churches """
    + _DAYS
    + " "
    + _MONTHS
)
_I = re.IGNORECASE
_NAME = r"(?:[A-Z][\w'’.-]+\s+){0,3}(?:(?:al|el|bin|ibn|abu|de)[-\s])?[A-Z][\w'’-]+"
_ARTICLES = r"an?|another|one\s+other|himself|herself|he|she|him|the|his|her|their|its|our"
_PASSIVE_NAME = (  # 'Colonel Ahmed Jasim was killed'
    rf"(?-i:(?P<name>(?!(?:The|A|An|It|This|That|He|She|His|Her)\b){_NAME}))"
    r"(?=\s+(?:was|has\s+been|had\s+been)\b)"
)
_OBJECT_NAME = (  # 'killed Hamas commander Ahmed Ghandour in Gaza'
    r"(?:(?<=killed )|(?<=killing )|(?<=assassinated )|(?<=death of )|(?<=killing of )|"
    r"(?<=murder of )|(?<=assassination of ))(?-i:(?P<named>(?:[A-Z][\w'’.-]+\s+)*"
    r"(?:(?:leader|commander|chief|official|spokesman|head|founder|emir)\s+)?"
    rf"[A-Z][\w'’.-]+\s+{_NAME}))"
    r"(?=\s*(?:[,.;()]|$|\s(?:in|on|at|near|and|who|after|when|while|during)\b))"
)
_ITEM_RE = re.compile(
    rf"(?<![\w$£€/:.,-])(?:(?P<q>{QUANTITY})|(?P<art>{_ARTICLES})|{_PASSIVE_NAME}|{_OBJECT_NAME})"
    r"(?![\w-])",
    _I,
)
_AFTER_SUBJECT_RE = re.compile(
    r"\s+(?:from|in|of|at|near|on|inside|with|belonging\s+to|serving\s+(?:in|with)|"
    r"stationed\s+in|based\s+in|who)\b[^,.;:]{0,60}?,?|\s*,[^,.;:]{1,80}",
    _I,
)
_PARTITIVE_RE = re.compile(
    r"\s+of(?:\s+(?P<ref>whom|them|those|these)\b|\s+(?:the|its|their|our|his|her)\b)", _I
)
_WORD_RE = re.compile(r"\s+((?:[0-9]+-)?[^\W\d_][\w'’-]*)")
_CLAUSE_RE = re.compile(r"\s+(?:were|was|are|is|have|has|had)\b", _I)
_TRIGGER_RE = [(re.compile(rf"\b(?:{p})\b", _I), kind, mode) for p, kind, mode in TRIGGERS]
_GAP_RE = re.compile(rf"(?:[\s,]*\b(?:{GAP_WORDS})\b)*[\s,]*$", _I)
_AUX_RE = re.compile(r"\b(?:were|was|are|is|been|be|got|found|left)\b", _I)
_BOUNDARY_RE = re.compile(rf"\s*(?:$|[,.;:)\-–—(]|(?:{BOUNDARY_AFTER})\b)", _I)
_PART_RE = re.compile(rf"\b(?:{PART_BEFORE})[\s,:]*$", _I)
_GAPPED_RE = re.compile(r"\s+(?:in|on|at|near|across|inside)\s+[^,;.\d]{1,40}?,?\s+and\s+", _I)
_SEP_RE = re.compile(
    r"(?P<pp>\s+(?:in|on|at|near|across|inside)\s+[^,;.\d]{1,40}?,?\s+and\s+)|"
    r"[\s,;]*(?:(?:and|as\s+well\s+as|plus|including|along\s+with|in\s+addition\s+to|"
    r"among\s+them|among\s+whom|such\s+as)\s+)?",
    _I,
)
_KIND_WORDS = {"dead": "killed", "killed": "killed", "victims": "killed", "fatalities": "killed"}
_KIND_WORDS |= {"wounded": "wounded", "injured": "wounded"}
_NOUN_KIND = {"bodies": "killed", "corpses": "killed", "deaths": "killed", "fatalities": "killed"}
_NOUN_KIND |= {"lives": "killed", "martyrs": "killed", "killings": "killed", "injuries": "wounded"}


@dataclass(frozen=True)
class _Item:
    """A counted group: its span, figure, the people it names and its role in the sentence."""

    start: int
    end: int
    count: int
    approximate: bool
    who: str
    part: bool
    of_kind: str | None  # partitive: "killed", "wounded" or "ref" (of whom / of them)
    proper: bool = False  # a named person ('Colonel Ahmed Jasim')


def extract_casualties(text: str) -> dict[str, Any]:
    """Killed and wounded figures of a sentence, with the groups they sum, per CLAIMS.md."""
    items = _find_items(text)
    claims: dict[int, str] = {}
    passive: list[tuple[re.Match[str], str, bool]] = []
    for match, kind, mode in _find_triggers(text):
        first = _item_at(text, items, match.end()) if mode != "passive" else None
        if first is not None:
            chain = _chain(text, items, first, 1)
            if items[first].part:  # 'among the dead were three soldiers and a civilian'
                for index in chain:
                    items[index] = replace(items[index], part=True)
            _claim(claims, chain, kind)
        elif mode != "active":
            passive.append((match, kind, mode == "either"))
    for match, kind, strict in passive:
        first = _passive_subject(text, items, match, strict)
        _claim(claims, _chain(text, items, first, -1, claims), kind)
        gapped = _GAPPED_RE.match(text, match.end()) if first is not None else None
        later = _item_at(text, items, gapped.end()) if gapped else None
        if later is not None and _BOUNDARY_RE.match(text, items[later].end):
            _claim(claims, [later], kind)  # 'three were killed in Kirkuk and five in Diyala'

    for index, item in enumerate(items):
        noun_kind = _NOUN_KIND.get(item.who.lower().rsplit(" ", 1)[-1])
        if index not in claims and noun_kind:
            claims[index] = noun_kind
    return _totals(items, claims)


def _find_items(text: str) -> list[_Item]:
    """Every quantity phrase that counts people, with the noun phrase after it."""
    items = []
    for match in _ITEM_RE.finditer(text):
        phrase = match.group()
        who, end, of_kind = _read_who(text, match.end())
        if match.group("name") or match.group("named"):
            count, approximate, who = 1, False, match.group("name") or match.group("named")
        elif match.group("art"):
            lower = phrase.lower()
            count, approximate = 1, False
            if lower in {"himself", "herself", "he", "she", "him"}:
                who = lower
            elif not _person_head(who) and not (lower == "another" and not who):
                continue
        else:
            value, approximate = parse_quantity(phrase)
            if value is None or not _plausible(text, match.start(), phrase, who):
                continue
            count = value
        part = of_kind is not None or bool(_PART_RE.search(text, 0, match.start()))
        proper = bool(match.group("name") or match.group("named"))
        items.append(_Item(match.start(), end, count, approximate, who, part, of_kind, proper))
    return items


def _read_who(text: str, pos: int) -> tuple[str, int, str | None]:
    """Noun phrase after a quantity ('Iraqi soldiers'), its end, and any partitive kind."""
    of_kind = None
    partitive = _PARTITIVE_RE.match(text, pos)
    if partitive:
        pos = partitive.end()
        if partitive.group("ref"):  # 'two of whom', 'ten of them Peshmerga'
            of_kind = "ref"
        word = _WORD_RE.match(text, pos)
        if word and not of_kind and word.group(1).lower() in _KIND_WORDS:
            return "", word.end(), _KIND_WORDS[word.group(1).lower()]
    words: list[str] = []
    end = pos
    while len(words) < 8 and (word := _WORD_RE.match(text, end)):
        lower = word.group(1).lower()
        if lower in STOP_WORDS:
            break
        end = word.end()
        if lower != "of" or words:  # 'dozens of people' reads as 'people'
            words.append(word.group(1))
    while words and words[-1].lower() in {"of", "the", "a", "an"}:
        words.pop()
    return " ".join(words), end, of_kind


def _person_head(who: str) -> bool:
    """Whether a singular noun phrase names a person ('a Peshmerga fighter', 'an officer')."""
    head = who.rsplit(" ", 1)[-1] if who else ""
    demonym = re.fullmatch(r"[A-Z][a-z]+(?:i|ian|an|ese)", head)  # 'a Palestinian'
    return head.lower() in PERSON or head.lower().endswith("-old") or bool(demonym)


def _plausible(text: str, start: int, phrase: str, who: str) -> bool:
    """Reject figures that are not people: dates, years, distances, vehicles."""
    words = who.lower().split()
    if words and (words[0] in NON_PERSON or words[-1] in NON_PERSON):
        return False
    if who:
        return True
    if (phrase.isdigit() and 1900 <= int(phrase) <= 2100) or phrase.lower() == "no":
        return False
    before = text[:start].split()
    return not before or before[-1].lower() not in {"in", "on", "at", "since", "from", "until"}


def _find_triggers(text: str) -> list[tuple[re.Match[str], str, str]]:
    """Casualty words in order, the longest where they overlap, with kind and mode."""
    found = [(m, kind, mode) for rx, kind, mode in _TRIGGER_RE for m in rx.finditer(text)]
    found.sort(key=lambda f: (f[0].start(), -len(f[0].group())))
    result = []
    last_end = -1
    for match, kind, mode in found:
        if match.start() >= last_end:
            result.append((match, kind, mode))
            last_end = match.end()
    return result


def _item_at(text: str, items: list[_Item], pos: int) -> int | None:
    """Index of the item that starts right after `pos` (whitespace only between)."""
    start = len(text) - len(text[pos:].lstrip())
    return next((i for i, item in enumerate(items) if item.start == start), None)


def _passive_subject(
    text: str, items: list[_Item], trigger: re.Match[str], strict: bool
) -> int | None:
    """Index of the item a passive trigger reports on ('five soldiers were killed').

    A form that may also be active ('killed') needs an auxiliary before it or a clause
    boundary after it, so that 'a bomber killed the commander' counts nobody.
    """
    gap = _GAP_RE.search(text, 0, trigger.start())
    gap_start = gap.start() if gap else trigger.start()
    if strict:
        followed = _BOUNDARY_RE.match(text, trigger.end())
        if not followed and not _AUX_RE.search(text, gap_start, trigger.start()):
            return None
    for index in reversed([i for i, item in enumerate(items) if item.end <= gap_start]):
        end = items[index].end
        if end == gap_start or _AFTER_SUBJECT_RE.fullmatch(text, end, gap_start):
            return index  # 'three soldiers from the 5th brigade were killed'
        if not items[index].part:
            return None
    return None


def _chain(
    text: str, items: list[_Item], first: int | None, step: int, taken: dict[int, str] | None = None
) -> list[int]:
    """The item at `first` and the items joined to it by commas and 'and' in direction `step`.

    A list stops at an item that starts a clause of its own ('two of whom died', 'five
    civilians were wounded') and, going back, at an item another trigger took.
    """
    if first is None:
        return []
    chain = [first]
    while 0 <= (nxt := chain[-1] + step) < len(items) and nxt not in (taken or {}):
        left, right = sorted((items[chain[-1]], items[nxt]), key=lambda item: item.start)
        sep = _SEP_RE.fullmatch(text, left.end, right.start)
        if not sep or (sep.group("pp") and not _BOUNDARY_RE.match(text, right.end)):
            break  # '3 in Kirkuk and 5 in Diyala' joins; '3 in Kirkuk and 5 people fled' not
        if step > 0 and (right.of_kind == "ref" or _CLAUSE_RE.match(text, right.end)):
            break
        if left.proper and text[left.end : right.start].strip() == ",":
            break  # 'Sheikh Hamid al-Obeidi, a tribal leader': one person
        chain.append(nxt)
    return chain


def _claim(claims: dict[int, str], indices: list[int], kind: str) -> None:
    """Record the kind of each item, first claim wins."""
    for index in indices:
        claims.setdefault(index, kind)


def _totals(items: list[_Item], claims: dict[int, str]) -> dict[str, Any]:
    """Sum the claimed items per kind: totals over parts, the wounded who died as killed."""
    moved = [
        i for i, kind in claims.items() if kind == "killed" and _died_of_wounds(items, claims, i)
    ]
    groups = []
    sums: dict[str, int | None] = {"killed": None, "wounded": None}
    approximate = False
    for kind in ("killed", "wounded"):
        mine = sorted(i for i, k in claims.items() if k == kind and i not in moved)
        counted = [i for i in mine if not items[i].part] or mine
        for i in counted + (moved if kind == "killed" else []):
            sums[kind] = (sums[kind] or 0) + items[i].count
            approximate = approximate or items[i].approximate
            groups.append({"count": items[i].count, "who": items[i].who, "kind": kind})
    if moved and sums["wounded"] is not None:
        sums["wounded"] = max(0, sums["wounded"] - sum(items[i].count for i in moved))
    return {**sums, "approximate": approximate, "groups": groups}


def _died_of_wounds(items: list[_Item], claims: dict[int, str], index: int) -> bool:
    """Whether a killed item counts some of the wounded ('one of whom died')."""
    of_kind = items[index].of_kind
    if of_kind == "ref":
        before = [i for i in claims if i < index and not items[i].part]
        return bool(before) and claims[max(before)] == "wounded"
    return of_kind == "wounded"
