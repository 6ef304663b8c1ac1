"""Lexicon features: word lists taken from the annotation guideline's definitions.

Each category is a regular expression over the lower-cased sentence; a sentence
gets ``lex:<category>`` = 1 when the category matches, plus a few conjunctions
the linear model cannot form on its own (an attack word under a threat word, a
casualty word next to a number). The lists encode the guideline, not any
evaluation sentence.
"""

from __future__ import annotations

import re

LEXICON: dict[str, str] = {
    "attack_act": r"\b(?:attack(?:ed|s|ing)?|ambush(?:ed|es)?|storm(?:ed|ing)|raid(?:ed|s)?|"
    r"shell(?:ed|ing)|bomb(?:ed|ing|ings|s)?|strikes?|struck|airstrikes?|air raids?|"
    r"opened fire|fired (?:on|at|upon)|gunfire|gunmen|clash(?:ed|es)?|firefight|fighting|"
    r"explo(?:ded|sion|sions|sive)|detonat(?:ed|ion)|blasts?|ied|roadside bomb|car bomb|"
    r"suicide (?:bomber|attack)|rockets?|mortars?|missiles?|drones?|snipers?|shot|shooting|"
    r"abduct(?:ed|ion)|kidnap(?:ped|ping)|torch(?:ed)?|set (?:fire|ablaze)|assault(?:ed)?|"
    r"overr(?:an|un)|seized|targeted|hit|pounded|militants? (?:killed|stormed))\b",
    "threat": r"\b(?:vow(?:ed|s)?|threat(?:en|ened|ens|s)?|warn(?:ed|s|ing)?|"
    r"plan(?:s|ned|ning)? to|fear(?:s|ed)?|could|would|might|may|possible|potential|"
    r"risk of|intend(?:s|ed)? to|"
    r"prepar(?:e|ing) to|pledg(?:ed|es) to|promis(?:ed|es) to|if)\b",
    "habit": r"\b(?:often|usually|typically|frequently|regularly|has long|have long|"
    r"over the years|for decades|historically|known for|tends? to)\b",
    "non_violent": r"\b(?:arrest(?:ed|s)?|detain(?:ed|s)?|search(?:ed|es)|defus(?:ed|ing)|"
    r"clear(?:ed|ing) (?:mines|explosives|ordnance)|sanctions?|protest(?:s|ed|ers)?|"
    r"peaceful(?:ly)?|dismantl(?:ed|ing))\b",
    "deploy_move": r"\b(?:deploy(?:ed|ing|ment|ments|s)?|dispatch(?:ed|es)?|sent|send(?:ing)?|"
    r"reinforce(?:d|ments)?|station(?:ed)?|position(?:ed|s)|redeploy(?:ed|ment)?|"
    r"withdr(?:ew|awn|awal|aw)|pull(?:ed|ing)? (?:out|back)|rotat(?:ed|ion)|mobili[sz](?:ed|ation)|"
    r"arriv(?:ed|al)|mov(?:ed|ing) (?:into|to)|took up positions|troop|troops|convoy|"
    r"peacekeep(?:ers|ing)|contingent|battalions?|brigades?)\b",
    "operation": r"\b(?:operations?|offensive|patrols?|crackdown|sweep|clearance|"
    r"counter-?(?:terrorism|insurgency) (?:operation|campaign)|security plan|mission|"
    r"launch(?:ed|es|ing)?|curfew|checkpoints?|joint (?:forces|brigade|operations?))\b",
    "non_deploy": r"\b(?:exercises?|drills?|parade|training|trained|purchas(?:e|ed)|bought|"
    r"procure(?:d|ment)|support(?:s|ed)?|cooperation|partnership|talks|meeting|met with)\b",
    "speech": r"\b(?:said|says|say|told|tells|announced|confirmed|denied|claimed|stated|"
    r"added|noted|tweeted|posted|wrote|according to|statement|declared|reported|"
    r"insisted|explained|warned|urged|condemned|called (?:on|for)|briefing|press conference)\b",
    "official_source": r"\b(?:ministry|minister|army|military|police|government|spokes(?:man|woman|"
    r"person)|official|officials|governor|mayor|commander|general|gen|colonel|col|major|"
    r"captain|lt|chief|president|prime minister|authorities|forces|command|coalition|"
    r"united nations|un|ocha|unicef|unhcr|who|red cross|icrc|amnesty|human rights watch|"
    r"monitor|observatory|security source|military source|agency|office|council|"
    r"department|directorate|mission|presidency|party|movement|group said)\b",
    "lay_source": r"\b(?:witness(?:es)?|residents?|relatives?|villagers?|locals?|survivors?|"
    r"analysts?|researchers?|experts?|think tank|observers|reports|sources|media|"
    r"newspaper|news agency|television|correspondent|journalist)\b",
    "no_comment": r"\b(?:not (?:yet )?(?:commented|responded|comment)|declined to comment|"
    r"could not be reached|no comment|did not respond|has not commented|no immediate comment|"
    r"unavailable for comment|refused to comment)\b",
    "casualty": r"\b(?:kill(?:ed|ing|s)?|dead|deaths?|died|wounded|wounding|injur(?:ed|ies|ing)|"
    r"casualt(?:y|ies)|fatalit(?:y|ies)|lost their lives|bodies|body|toll|missing|"
    r"massacre(?:d)?|slain|assassinat(?:ed|ion)|deadly|lethal|hurt|maimed|neutrali[sz]ed)\b",
    "accident": r"\b(?:crash(?:ed|es)?|accident(?:al|ally)?|collision|flood(?:s|ing)?|"
    r"collapse(?:d)?|disease|cholera|outbreak|landslides?|earthquake|lightning|drown(?:ed|ing)|heatwave|"
    r"famine|malnutrition|capsized|stampede|overturned|natural causes|illness)\b",
    "history": r"\b(?:since (?:19|20)\d\d|in (?:19|20)\d\d|decades?|years ago|the war has|"
    r"the conflict has|since the start|history|anniversary|commemorat\w*)\b",
    "displaced": r"\b(?:displaced|fled|refugees?|homeless|destroyed|damaged)\b",
    "first_person": r"(?:^|\s)(?:we|our|us|i|my)\b",
    "quote_mark": r"[\"“”‘’«»]",
    "number": r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"dozens?|scores|several)\b",
    "future": r"\b(?:will|shall|to be|set to|is expected to|are expected to|next week|tomorrow)\b",
}
PATTERNS = {name: re.compile(p, re.IGNORECASE) for name, p in LEXICON.items()}
NUMBER_NEAR_CASUALTY = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|dozens?|"
    r"scores|several|hundreds?)\b(?:\W+\w+){0,4}?\W+(?:killed|dead|died|wounded|injured|"
    r"bodies|casualties)\b",
    re.IGNORECASE,
)


def lexicon_features(text: str) -> dict[str, float]:
    """Binary lexicon indicators and their conjunctions for one sentence."""
    hits = {name for name, pattern in PATTERNS.items() if pattern.search(text)}
    feats = {f"lex:{name}": 1.0 for name in hits}
    pairs = [
        ("attack_act", "threat"),
        ("attack_act", "habit"),
        ("casualty", "accident"),
        ("casualty", "history"),
        ("speech", "official_source"),
        ("speech", "lay_source"),
        ("deploy_move", "non_deploy"),
        ("operation", "attack_act"),
    ]
    for a, b in pairs:
        if a in hits and b in hits:
            feats[f"lex:{a}+{b}"] = 1.0
    if NUMBER_NEAR_CASUALTY.search(text):
        feats["lex:number_casualty"] = 1.0
    if text[:1] in "\"“‘'«":
        feats["lex:starts_quote"] = 1.0
    return feats
