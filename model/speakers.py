"""Direct quotations and their sources in one sentence.

Follows ../shared/CLAIMS.md: the quote is the words inside quotation marks (a fragment when
the quotation opens or closes in another sentence, several parts joined with " ... "); the
speaker is the source as the sentence names it ("the coalition", "Kurilla", "he"), or None.
Speech verbs inside the quotation itself are never taken as attributions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENERS = "“«„"
_CLOSERS = "”»"
_I = re.IGNORECASE
_VERBS = (
    r"said|says|say|told|tells|added|adds|announced|announces|confirmed|confirms|denied|denies|"
    r"claimed(?!\s+the\s+lives?)|claims(?!\s+the\s+lives?)|tweeted|tweets|noted|notes|stated|"
    r"states|warned|warns|explained|stressed|insisted|revealed|declared|wrote|posted|affirmed|"
    r"asserted|emphasi[sz]ed|acknowledged|alleged|vowed|condemned|urged|accused|pointed\s+out|"
    r"disclosed|reiterated|quoted\s+as\s+saying|cited\s+as\s+saying|reported|blamed|blames|"
    r"accuses|documented|recorded|"
    r"called\s+(?:on|for)|expressed|pledged|promised|threatened|described|demanded|welcomed|"
    r"praised|highlighted|informed|briefed|mentioned|indicated|estimated|assured|ordered|"
    r"appealed|rejected|dismissed|refuted|argued|recalled|reads|read|condemns|urges|welcomes|"
    r"expresses|reiterates|calls\s+(?:on|for)|deplores|regrets|stresses|reaffirms|"
    r"(?:gave|gives|provided|offered)(?=\s+(?:no|few|little|further|more|any)\s+(?:\w+\s+)?details)|"
    r"(?:issued|released|published|put\s+out)(?=\s+(?:an?|its)\s+(?:\w+\s+)?(?:statement|"
    r"communiqu|report|video|message))"
)
_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b", _I)
_INVERTIBLE = {"said", "says", "added", "stated", "noted", "wrote", "explained", "tweeted"}
_TAIL_RE = re.compile(r"(?:\s+[\w'’.-]+){0,8}\s*[.!?]?[\s\"”]*$")
_REACH = 300  # characters around a speech verb that can hold its source
_QUOTED_AS_RE = re.compile(r"\bquoted\s+(.{2,80}?)\s+as\s+saying\b", _I)
_ACCORDING_RE = re.compile(r"\baccording\s+to\s+(.+)", _I)
_TRAILING_RE = re.compile(
    r"(?:\s+(?:also|later|earlier|further|previously|separately|then|additionally|has|had|have|"
    r"would|will|reportedly|once|recently|again|yesterday|today|\w+ly|"
    r"on\s+[A-Z]\w+|in\s+an?\s+(?:statement|interview|press\s+conference|video|post)))+\s*$"
)
_LEFT_CUT_RE = re.compile(
    r"[\"“”«»;:()—–]|,|\s-\s|\b(?:that|after|when|while|as|because|but|where|since|although|"
    r"though|if|and|whereas|which|who|whom)\s",
)
_RIGHT_CUT_RE = re.compile(
    r"[\"“”«»,.;:()—–]|\s(?:in|on|at|during|who|which|that|according|to|after|when|while|"
    r"late|early|last|this|before)\s"
)
_WRAPPER_RE = re.compile(
    r"^(?:an?|the|in\s+an?)\s+(?:\w+\s+)?(?:statement|communiqu[eé]|press\s+release|tweet|post|"
    r"report|message|video)\s+(?:from|by|of|issued\s+by|released\s+by|posted\s+by|"
    r"published\s+by)\s+",
    _I,
)
_APPOSITIVE_RE = re.compile(
    r"^(?:an?|the|who|which|its|his|her|their|head|chief|spokes\w+|commander|minister|director|"
    r"governor|mayor|deputy|former|senior)\b",
    _I,
)
_NAME_RE = re.compile(r"(?:(?:al-|el-)?[A-Z][\w'’.-]*\s*){1,5}")
_BAD_NP = {"who", "which", "that", "this", "there", "what", "it was", "and", "but"}
_BAD_END = {"was", "is", "were", "are", "been", "be", "being", "and", "or", "but", "by", "of"}
_BAD_END |= {"the", "a", "an", "to", "in", "on", "with", "for", "at", "from"}


@dataclass(frozen=True)
class Speaker:
    """A named source: `name` as the sentence gives it, `title` from an appositive if any."""

    name: str
    title: str | None = None

    @property
    def full(self) -> str:
        """Name with its title, for resolving later pronouns and surnames."""
        return f"{self.name}, {self.title}" if self.title else self.name


def quote_spans(text: str, open_at_start: bool = False) -> list[tuple[int, int]]:
    """Character spans of the quoted parts; a quotation open at the start runs from 0."""
    spans = []
    start: int | None = 0 if open_at_start else None
    marks = quote_marks(text)
    for number, (pos, opener) in enumerate(marks):
        if opener and start is None:
            start = pos + 1
        elif not opener and start is not None:
            spans.append((start, pos))
            start = None
        elif not opener and number == 0:  # closes a quotation opened in an earlier sentence
            spans.append((0, pos))
    if start is not None:
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip(' ,"“”«»')]


def quote_marks(text: str) -> list[tuple[int, bool]]:
    """Double quotation marks as (position, opens); a straight quote opens after a space."""
    marks = []
    for pos, char in enumerate(text):
        if char in _OPENERS or char in _CLOSERS:
            marks.append((pos, char in _OPENERS))
        elif char == '"':
            before = text[pos - 1] if pos else " "
            after = text[pos + 1] if pos + 1 < len(text) else " "
            marks.append((pos, (before.isspace() or before in "([{—–-:") and not after.isspace()))
    return marks


def quote_state_after(text: str, open_at_start: bool = False) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    state = open_at_start
    for _, opener in quote_marks(text):
        state = opener
    return state


def extract_quote(text: str, open_at_start: bool = False) -> str | None:
    """The quoted words of a sentence, parts joined with ' ... ', or None without a quote.

    A sentence with no quotation mark of its own has no direct quote, even in the middle of
    a quotation that runs over several sentences.
    """
    spans = quote_spans(text, open_at_start) if quote_marks(text) else []
    if not spans:
        spans = _single_quote_spans(text)
    parts = [text[s:e].strip().strip('"“”«»').strip().rstrip(",;:").strip() for s, e in spans]
    parts = [part for part in parts if part]
    return " ... ".join(parts) if parts else None


def _single_quote_spans(text: str) -> list[tuple[int, int]]:
    """‘Single curly’ quotations, used when a sentence has no double marks."""
    return [m.span(1) for m in re.finditer(r"(?:^|(?<=\s))‘([^‘]+?)’(?!\w)", text)]


def extract_speaker(text: str, open_at_start: bool = False) -> str | None:
    """The source the sentence names for what is said, shortest identifying phrase, or None."""
    speaker = find_speaker(text, open_at_start)
    return speaker.name if speaker else None


def find_speaker(text: str, open_at_start: bool = False) -> Speaker | None:
    """The named source with any appositive title ('X, a spokesman for Y, said')."""
    outside = outside_quotes(text, open_at_start)
    quoted = _QUOTED_AS_RE.search(outside)
    if quoted and _valid(quoted.group(1)):
        return Speaker(_clean(quoted.group(1)))
    found = []
    for verb in _VERB_RE.finditer(outside):
        left = outside[max(0, verb.start() - _REACH) : verb.start()]
        speaker = _subject(left)
        if speaker is None and verb.group().lower() in _INVERTIBLE:
            speaker = _inverted(left, outside[verb.end() : verb.end() + _REACH])
        if speaker:
            cut_by_comma = re.search(r"[,\"”’][^,\"”’]*$", left)
            tail = bool(cut_by_comma) and _TAIL_RE.match(outside, verb.end()) is not None
            found.append((tail, speaker))
    if found:  # a closing attribution (', the army said.') governs the whole sentence
        return next((speaker for tail, speaker in found if tail), found[0][1])
    according = _ACCORDING_RE.search(outside)
    if according:
        phrase = _RIGHT_CUT_RE.split(according.group(1), maxsplit=1)[0]
        return Speaker(_clean(phrase)) if _valid(phrase) else None
    return None


def outside_quotes(text: str, open_at_start: bool = False) -> str:
    """The sentence with quoted words and parentheses blanked out, offsets kept."""
    spans = quote_spans(text, open_at_start) or _single_quote_spans(text)
    spans += [m.span() for m in re.finditer(r"\([^()]*\)", text)]
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _subject(left: str) -> Speaker | None:
    """The noun phrase right before a speech verb, looking past an appositive."""
    left = _TRAILING_RE.sub("", left).rstrip()
    if left.endswith(","):
        head, _, appositive = left[:-1].rpartition(",")
        appositive = appositive.strip()
        if head and _APPOSITIVE_RE.match(appositive):  # 'X, a spokesman for Y, said'
            name = _LEFT_CUT_RE.split(head)[-1]
            return Speaker(_clean(name), appositive) if _valid(name) else None
        title = _LEFT_CUT_RE.split(head)[-1].strip()
        if head and _NAME_RE.fullmatch(appositive) and _valid(title):  # 'a resident, Kawa Aziz,'
            return Speaker(appositive, _clean(title))
        return None
    phrase = _LEFT_CUT_RE.split(left)[-1]
    relative = re.search(r"\s(?:who|which)\s[^,;:\"“”]*$", left)
    if relative:  # 'a police officer who asked not to be named said'
        head = _LEFT_CUT_RE.split(left[: relative.start()])[-1]
        phrase = head if _valid(head) else phrase
    return Speaker(_clean(phrase)) if _valid(phrase) else None


def _inverted(left: str, right: str) -> Speaker | None:
    """'"...," said Colonel Ali' and ', said the ministry': the source after the verb."""
    if left.strip() and not re.search(r"[,\"”]\s*$", left):
        return None
    phrase = _RIGHT_CUT_RE.split(right, maxsplit=1)[0]
    words = phrase.lower().split()
    if not _valid(phrase) or (len(words) > 1 and words[0] in {"he", "she", "it", "they", "we"}):
        return None
    rest = right[len(phrase) :]
    title = _RIGHT_CUT_RE.split(rest[1:], maxsplit=1)[0].strip() if rest.startswith(",") else ""
    if _NAME_RE.fullmatch(title):  # 'said the Special Representative, El-Ghassim Wane'
        return Speaker(title, _clean(phrase))
    return Speaker(_clean(phrase), title if _APPOSITIVE_RE.match(title) else None)


def _clean(phrase: str) -> str:
    """Trim a source phrase: spaces, statement wrappers, a possessive, a capital article."""
    phrase = _WRAPPER_RE.sub("", " ".join(phrase.split()))
    phrase = re.sub(r"[’']s\s+(?:statement|spokes\w+|tweet|website|account)$", "", phrase)
    return re.sub(r"^(The|A|An)\b", lambda m: m.group(1).lower(), phrase)


def _valid(phrase: str) -> bool:
    """Whether a phrase can name a source: a few words, not a bare function word."""
    words = phrase.split()
    if not words or len(words) > 12 or not re.search(r"[^\W\d_]", phrase):
        return False
    return phrase.strip().lower() not in _BAD_NP and words[-1].lower() not in _BAD_END
