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
from bisect import bisect_left
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
    r"(?:deaths?|killings?|murders?|assassination|martyrdom|bodies|body|corpses?|remains)\s+of|"
    r"(?:claim|tak|cost)(?:ed|ing|es|s)?\s+the\s+lives?\s+of|took\s+the\s+lives?\s+of|"
    r"killing|kills|kill|slew|slaying|massacring|executing|lost|massacre\s+of|"
    + _AMONG.format("dead|killed|victims|fatalities")
    + r"|(?:killed|dead)\s+(?:in|during|by)\s+[^,.;\d]{1,40}?\s+(?:were|was)"
)
_KILL_PASSIVE = (
    r"dead|died|die|dies|perished|lost\s+(?:their|his|her)\s+li(?:ves|fe)|succumbed|"
    r"fatally\s+(?:wounded|injured|shot)"
)
_WOUND_ACTIVE = r"wounding|injuring|injures|injur(?:y|ies)\s+to|" + _AMONG.format("wounded|injured")
_NUMBER_OF = r"(?<!a\s)number\s+of\s+(?:(?:those|people|persons)\s+)?"
_TOLL = (  # a running total: 'the death toll rose to 13'
    r"(?:{0})(?:\s+[^\s,.;]+){{0,10}}?\s+(?:to|at|of|reached|hit|is|was|stands\s+at|stood\s+at)"
)
_WOUND_PASSIVE = (
    r"(?:sustained|suffered|received|treated\s+for)\s+(?:[\w-]+\s+){0,2}(?:injuries|wounds|burns)"
)
# (pattern, kind, mode): active forms take the people after them, passive ones those before;
# a total is active and stands for the whole count of its kind.
_TRIGGERS: tuple[tuple[str, str, str], ...] = (
    (_KILL_EITHER, "killed", "either"),
    (_KILL_ACTIVE, "killed", "active"),
    (_KILL_PASSIVE, "killed", "passive"),
    (
        _TOLL.format(rf"death\s+toll|toll|{_NUMBER_OF}(?:dead|deaths|fatalities|killed)"),
        "killed",
        "total",
    ),
    (_TOLL.format(rf"{_NUMBER_OF}(?:wounded|injured|injuries)"), "wounded", "total"),
    (r"wounded|injured|hurt|maimed", "wounded", "either"),
    (_WOUND_ACTIVE, "wounded", "active"),
    (_WOUND_PASSIVE, "wounded", "passive"),
)
_GAP_WORDS = (
    r"were|was|are|is|have|has|had|been|being|be|got|reportedly|also|later|all|both|"
    r"subsequently|shot|found|confirmed|reported|feared|believed|thought|said|to|allegedly|"
    r"initially|now|since|who|each|so\s+far|in\s+total|left|critically|seriously|severely|"
    r"among\s+(?:the|those)|(?:shot|stabbed|beaten|attacked|ambushed)\s+and|"
    r"either|\w+ly"
)
_BOUNDARY_AFTER = (
    r"and|or|in|on|at|near|when|after|during|while|as|by|including|with|since|overnight|"
    r"yesterday|today|tonight|last|this|earlier|so|according|from|across|inside|outside|"
    r"following|amid|but|before|because|among|within|around|throughout|until|"
    + _DAYS.replace(" ", "|")
)
_PART_BEFORE = (
    r"including|among\s+them|among\s+whom|such\s+as|"
    r"among\s+(?:the|those)\s+(?:dead|killed|victims|fatalities|wounded|injured)"
    r"(?:\s+(?:were|was|are|is))?|(?:dead|victims|wounded|injured)\s+(?:included|include|includes)"
)
_STOP_WORDS = _words(
    """killed killing dead died die dies wounded wounding injured injuring hurt slain perished
    lost succumbed executed murdered assassinated beheaded shot martyred maimed sustained
    suffered were was are is have has had been be being in on at near during after before when
    while by from with as inside outside across into for to since following amid under and or
    but including among such who which that whom whose also reportedly later each both
    according this last yesterday today overnight it they he she remain remained went missing
    fled say said says than per plus along alongside so there got found known named called
    identified """
    + _DAYS
)
_PERSON = _words(
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
    maker second third fourth fifth grandson granddaughter grandchild aunt stepson fiance"""
)
_NON_PERSON = _words(
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
_NOT_NAME = r"(?!(?:The|A|An|It|This|That|He|She|His|Her|On|In)\b)"
_PASSIVE_NAME = (  # 'Colonel Ahmed Jasim was killed', 'Ahmed Ali and his brother were'
    rf"(?-i:(?P<name>{_NOT_NAME}{_NAME}(?=\s+(?:was|has\s+been|had\s+been|died)\b)|"
    rf"{_NOT_NAME}[A-Z][\w'’.-]+\s+{_NAME}(?=\s+and\b)|"
    rf"(?<=and\s){_NAME}(?=\s+(?:were|have\s+been|had\s+been|died)\b)))"
)
_OBJECT_NAME = (  # 'killed Hamas commander Ahmed Ghandour in Gaza'
    r"(?:(?<=killed )|(?<=killing )|(?<=assassinated )|(?<=death of )|(?<=killing of )|"
    r"(?<=murder of )|(?<=assassination of ))(?-i:(?P<named>(?:[A-Z][\w'’.-]+\s+){0,4}"
    r"(?:(?:[a-z]+\s+){0,2}(?:leader|commander|chief|official|spokesman|head|founder|emir)\s+)?"
    rf"[A-Z][\w'’.-]+\s+{_NAME}))"
    r"(?=\s*(?:[,.;()]|$|\s(?:in|on|at|near|and|who|after|when|while|during)\b))"
)
_ITEM_RE = re.compile(
    rf"(?<![\w$£€/:.,-])(?:(?P<q>{QUANTITY})|(?P<art>{_ARTICLES})|{_PASSIVE_NAME}|{_OBJECT_NAME})"
    r"(?![\w-])",
    _I,
)
_BETWEEN_RE = re.compile(  # what may stand between a subject and its passive trigger
    r"(?:\s+(?:from|in|of|at|near|on|inside|with|belonging\s+to|serving\s+(?:in|with)|"
    r"stationed\s+in|based\s+in|who)\b[^,.;:]{0,80}?,?|\s*,[^,.;:]{1,80})?"
    rf"(?P<gap>(?:[\s,]*\b(?:{_GAP_WORDS})\b)*[\s,]*)",
    _I,
)
_PARTITIVE_RE = re.compile(
    r"\s+of(?:\s+(?P<ref>whom|them|those|these)\b|\s+(?:the|its|their|our|his|her)\b)", _I
)
_WORD_RE = re.compile(r"\s+[“\"‘]?((?:[0-9]+-)?[^\W\d_][\w'’-]*)[”\"’]?")
_CLAUSE_RE = re.compile(
    r"\s+(?:were|was|are|is|have|has|had|said|says|told|added|reported|confirmed|stated)\b", _I
)
_QUANTITY_WORD_RE = re.compile(QUANTITY, _I)
_AGE_RE = re.compile(r"\bage[ds]?\s+(?:[0-9]+\s*(?:,|and|to|-)\s*)*$", _I)
_ARTICLE_WORDS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "another"})
_DIED_LATER_RE = re.compile(
    r"(?:(?!\band\b)[^,.;]){0,60}?\b(?:later\s+|subsequently\s+)?(?:died|succumbed)\b", _I
)
_TRIGGER_RE = [(re.compile(rf"\b(?:{p})\b", _I), kind, mode) for p, kind, mode in _TRIGGERS]
_SPACE_RE = re.compile(r"\s*")
_AUX_RE = re.compile(r"\b(?:were|was|are|is|been|be|got|found|left)\b", _I)
_BOUNDARY_RE = re.compile(rf"\s*(?:$|[,.;:)\-–—(]|(?:{_BOUNDARY_AFTER})\b)", _I)
_PART_RE = re.compile(rf"\b(?:{_PART_BEFORE})[\s,:]*$", _I)
_GAPPED_RE = re.compile(r"\s+(?:in|on|at|near|across|inside)\s+[^,;.\d]{1,40}?,?\s+and\s+", _I)
_SEP_RE = re.compile(
    r"(?P<pp>\s+(?:in|on|at|near|across|inside)\s+[^,;.\d]{1,40}?(?:,\s*and|,|\s+and)\s+)|"
    r"[\s,;]*(?:(?:and|as\s+well\s+as|plus|including|along\s+with|in\s+addition\s+to|"
    r"among\s+them|among\s+whom|such\s+as)\s+)?(?:(?:his|her|their|its|our)\s+)?",
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
    of_kind: str | None  # "killed"/"wounded" (of the dead), "ref" (of whom), "reclaimed", ...
    proper: bool = False  # a named person ('Colonel Ahmed Jasim')
    total: bool = False  # the figure of a running total ('the death toll rose to 13')


def extract_casualties(text: str) -> dict[str, Any]:
    """Killed and wounded figures of a sentence, with the groups they sum, per CLAIMS.md."""
    items = _find_items(text)
    claims: dict[int, str] = {}
    passive: list[tuple[re.Match[str], str, bool]] = []
    for match, kind, mode in _find_triggers(text):
        first = _item_at(text, items, match.end()) if mode != "passive" else None
        if first is not None:
            if mode == "total":
                items[first] = replace(items[first], total=True)
            _claim(claims, _chain(text, items, first, 1), kind)
        elif mode != "active":
            passive.append((match, kind, mode == "either"))
    for match, kind, strict in passive:
        _claim_passive(text, items, claims, match, kind, strict)
    for index, item in enumerate(items):  # '23 bodies', 'two of the injured were ...'
        noun_kind = _NOUN_KIND.get(_head(item.who).lower()) if item.count else None
        if item.of_kind in {"killed", "wounded"}:
            noun_kind = item.of_kind
        if index not in claims and noun_kind:
            claims[index] = noun_kind
    return _totals(items, claims)


def _claim_passive(
    text: str,
    items: list[_Item],
    claims: dict[int, str],
    trigger: re.Match[str],
    kind: str,
    strict: bool,
) -> None:
    """Claim the items a passive trigger reports on, and a gapped list after it."""
    first = _passive_subject(text, items, trigger, strict)
    if first is None:
        return
    if kind == "wounded" and _DIED_LATER_RE.match(text, trigger.end()):
        items[first] = replace(items[first], of_kind="wounded")  # 'wounded in ... later died'
        kind = "killed"
    elif kind == "killed" and claims.get(first) == "wounded":
        items[first] = replace(items[first], of_kind="reclaimed")  # 'another, who later died'
        claims[first] = "killed"
    _claim(claims, _chain(text, items, first, -1, claims), kind)
    gapped = _GAPPED_RE.match(text, trigger.end())
    later = _item_at(text, items, gapped.end()) if gapped else None
    if later is not None and _BOUNDARY_RE.match(text, items[later].end):
        _claim(claims, [later], kind)  # 'three were killed in Kirkuk and five in Diyala'


def _find_items(text: str) -> list[_Item]:
    """Every quantity phrase that counts people, with the noun phrase after it."""
    items: list[_Item] = []
    for match in _ITEM_RE.finditer(text):
        if items and match.start() < items[-1].end:
            continue  # inside the last item's noun phrase ('a father of three')
        item = _item(text, match)
        if item is not None:
            items.append(item)
    return items


def _item(text: str, match: re.Match[str]) -> _Item | None:
    """The item a quantity, article or name starts, or None when it counts no people."""
    phrase, lower = match.group(), match.group().lower()
    who, end, of_kind = _read_who(text, match.end())
    count, approximate = 1, False
    name = match.group("name") or match.group("named")
    if name:
        who = name
    elif lower in {"himself", "herself", "he", "she", "him"}:
        who = lower
    elif match.group("art"):
        if not _person_head(who) and not (lower == "another" and not who):
            return None
    else:
        value, approximate = parse_quantity(phrase)
        if value is None or not _plausible(text, match.start(), phrase, who):
            return None
        count = value
    part = of_kind is not None or bool(
        _PART_RE.search(text, max(0, match.start() - 80), match.start())
    )
    return _Item(match.start(), end, count, approximate, who, part, of_kind, bool(name))


def _head(who: str) -> str:
    """Head noun of a noun phrase: the last word, or the last before 'of' ('father of three')."""
    words = who.split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1] if words else ""


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
            of_kind, pos = _KIND_WORDS[word.group(1).lower()], word.end()  # 'of the wounded'
    words: list[str] = []
    end = pos
    while len(words) < 8 and (word := _WORD_RE.match(text, end)):
        lower = word.group(1).lower()
        following = _WORD_RE.match(text, word.end())
        if lower == "and" and words and following and _plain_word(following.group(1)):
            lower = "&"  # 'soldiers and volunteer fighters' is one group
        after_of = bool(words) and words[-1].lower() == "of"  # 'members of one family'
        if lower in _STOP_WORDS or (_QUANTITY_WORD_RE.fullmatch(lower) and not after_of):
            break
        end = word.end()
        if lower != "of" or words:  # 'dozens of people' reads as 'people'
            words.append(word.group(1))
    while words and words[-1].lower() in {"of", "the", "a", "an"}:
        words.pop()
    return " ".join(words), end, of_kind


def _plain_word(word: str) -> bool:
    """A word that may continue a noun phrase after 'and': no figure, article or verb form."""
    lower = word.lower()
    if lower in _STOP_WORDS or lower in _ARTICLE_WORDS or _QUANTITY_WORD_RE.fullmatch(lower):
        return False
    return not lower.endswith(("ed", "ing"))


def _person_head(who: str) -> bool:
    """Whether a singular noun phrase names a person ('a Peshmerga fighter', 'an officer')."""
    head = _head(who)
    demonym = re.fullmatch(r"[A-Z][a-z]+(?:i|ian|an|ese)", head)  # 'a Palestinian'
    last = head.lower().rsplit("-", 1)[-1]  # 'bomb-maker', '25-year-old'
    agent = re.fullmatch(r"[a-z]{3,}(?:er|or|ist|ian|man|woman|ee)", last)  # 'an interpreter'
    return last in _PERSON or last == "old" or bool(demonym or agent)


def _plausible(text: str, start: int, phrase: str, who: str) -> bool:
    """Reject figures that are not people: dates, years, distances, vehicles."""
    words = who.lower().split()
    if words and (words[0] in _NON_PERSON or _head(who).lower() in _NON_PERSON):
        return False
    if who:
        return True
    if (phrase.isdigit() and 1900 <= int(phrase) <= 2100) or phrase.lower() == "no":
        return False
    if _AGE_RE.search(text, max(0, start - 40), start):  # 'two brothers, aged 12 and 14'
        return False
    before = text[max(0, start - 20) : start].split()
    return not before or before[-1].lower() not in {"in", "on", "since", "from", "until"}


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
    space = _SPACE_RE.match(text, pos)
    start = space.end() if space else pos
    index = bisect_left([item.start for item in items], start)
    return index if index < len(items) and items[index].start == start else None


def _passive_subject(
    text: str, items: list[_Item], trigger: re.Match[str], strict: bool
) -> int | None:
    """Index of the item a passive trigger reports on ('five soldiers were killed').

    Between them may stand auxiliaries and adverbs, a place or a comma-bounded insertion
    ('three soldiers from the 5th brigade were killed'). A form that may also be active
    ('killed') needs an auxiliary, a clause boundary after it, or a bare figure right before
    it ('23 wounded people'), so that 'a bomber killed the commander' counts nobody.
    """
    for index in reversed(range(len(items))):
        item = items[index]
        if item.end > trigger.start():
            continue
        between = _BETWEEN_RE.fullmatch(text, item.end, trigger.start())
        if between is None:
            if item.part or item.proper:
                continue
            return None
        adjective = not item.who and not between.group().strip()
        if not strict or adjective or _AUX_RE.search(between.group("gap")):
            return index
        return index if _BOUNDARY_RE.match(text, trigger.end()) else None
    return None


def _chain(
    text: str, items: list[_Item], first: int | None, step: int, taken: dict[int, str] | None = None
) -> list[int]:
    """The item at `first` and the items joined to it by commas and 'and' in direction `step`.

    A list stops at an item that starts a clause of its own ('two of whom died', 'five
    civilians were wounded') and, going back, at an item another trigger took. Items joined
    by commas alone are one group named twice (an apposition), not a list.
    """
    if first is None:
        return []
    chain, joined = [first], False
    while 0 <= (nxt := chain[-1] + step) < len(items) and nxt not in (taken or {}):
        left, right = sorted((items[chain[-1]], items[nxt]), key=lambda item: item.start)
        sep = _SEP_RE.fullmatch(text, left.end, right.start)
        if not sep or (sep.group("pp") and not _BOUNDARY_RE.match(text, right.end)):
            break  # '3 in Kirkuk and 5 in Diyala' joins; '3 in Kirkuk and 5 people fled' not
        if step > 0 and (right.of_kind == "ref" or _CLAUSE_RE.match(text, right.end)):
            break
        if left.proper and text[left.end : right.start].strip() == ",":
            break  # 'Sheikh Hamid al-Obeidi, a tribal leader': one person
        if left.part and not right.part and "," not in text[left.end : right.start]:
            later = nxt if step > 0 else chain[-1]  # 'including a teacher and four students'
            items[later] = replace(right, part=True)
        joined = joined or bool(sep.group().strip(" ,;")) or "ref" in (left.of_kind, right.of_kind)
        chain.append(nxt)
    if joined:
        return chain
    for index in chain[1:]:  # 'one of the injured, a 17-year-old boy, died': one person
        items[index] = replace(items[index], of_kind="apposition")
    return chain[:1]


def _claim(claims: dict[int, str], chain: list[int], kind: str) -> None:
    """Record the kind of each item of a list, first claim wins."""
    for index in chain:
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
        counted = [i for i in mine if items[i].total] or [i for i in mine if not items[i].part]
        counted = counted or mine
        total = _sum_of_rest(items, counted)
        for i in counted + (moved if kind == "killed" else []):
            if i != total:
                sums[kind] = (sums[kind] or 0) + items[i].count
                approximate = approximate or items[i].approximate
                groups.append({"count": items[i].count, "who": items[i].who, "kind": kind})
    if any(items[i].of_kind == "reclaimed" for i in moved):  # all the wounded died
        sums["wounded"] = sums["wounded"] or 0
    if moved and sums["wounded"] is not None:  # 'three injured, one of whom died'
        sums["wounded"] = max(
            0, sums["wounded"] - sum(items[i].count for i in moved if items[i].part)
        )
    return {**sums, "approximate": approximate, "groups": groups}


GENERIC_WHO = frozenset({"", "people", "persons", "individuals"})


def _sum_of_rest(items: list[_Item], counted: list[int]) -> int | None:
    """The item that is the total of all the others ('13 killed ... 10 soldiers and 3
    civilians'), so that a total and its parts count once; None when there is none."""
    if len(counted) < 3:
        return None
    whole = sum(items[i].count for i in counted)
    return next(
        (i for i in counted if 2 * items[i].count == whole and items[i].who in GENERIC_WHO), None
    )


def _died_of_wounds(items: list[_Item], claims: dict[int, str], index: int) -> bool:
    """Whether a killed item counts some of the wounded ('one of whom died')."""
    of_kind = items[index].of_kind
    if of_kind == "ref":
        before = [i for i in claims if i < index and not items[i].part]
        return bool(before) and claims[max(before)] == "wounded"
    return of_kind in {"wounded", "reclaimed"}
