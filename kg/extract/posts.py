"""Posts (extraction stage helper): post wordings to post keys, and post matching.

Input is a post as minutes print it ("West Yorkshire Police and Crime Commissioner
(PCC)", "OCC CFO", "T/CC"); output is a key of the closed list of governance posts
(`pcc`, `chief-constable`, `opcc-cfo`, ...) that `kg.mapping.people` turns into
`id/post/<force>/<key>`, or a word set for matching a named holder to a post listed by
an agenda ("Constabulary CFO" ~ "OCC CFO").
"""

from __future__ import annotations

import functools
import re

# Ordered: the first pattern that matches gives the key (deputies before their posts).
_POST_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), key)
    for pattern, key in (
        # "Deputy Police and Crime Commissioner", "DPCC"
        (
            r"\bdeputy\s+(?:police,?\s+(?:fire\s+)?and\s+crime\s+)?commissioner|\bdpcc\b",
            "deputy-pcc",
        ),
        # "Police and Crime Commissioner (PCC)", "the Commissioner", "PFCC"
        (
            r"\bpolice,?\s+(?:fire\s+)?and\s+crime\s+commissioner|\bp[f]?cc\b|^(?:the\s+)?commissioner$",
            "pcc",
        ),
        # "T/DCC", "Deputy Chief Constable"
        (r"\bdeputy\s+chief\s+constable|\b(?:t/)?dcc\b", "deputy-chief-constable"),
        # "Assistant Chief Constable", "ACC"
        (
            r"\bassistant\s+chief\s+constable|\b(?:t/)?acc\b",
            "assistant-chief-constable",
        ),
        # "Chief Constable", "T/CC"
        (r"\bchief\s+constable|\b(?:t/)?cc\b", "chief-constable"),
        # "Constabulary CFO", "OCC CFO", "Force Chief Finance Officer"
        (
            r"\b(?:constabulary|occ|force|police)\b.*\b(?:cfo|chief\s+finance\s+officer)",
            "force-cfo",
        ),
        # "OPCC CFO", "Chief Finance Officer", "Treasurer"
        (r"\bcfo\b|\bchief\s+finan\w*\s+officer|\btreasurer\b", "opcc-cfo"),
        # "OPCC CEO", "Chief Executive of the OPCC"
        (
            r"^(?!.*\bcouncil\b).*(?:\bceo\b|\bchief\s+executive)",
            "opcc-chief-executive",
        ),
        # "Monitoring Officer"
        (r"\bmonitoring\s+officer", "monitoring-officer"),
        # "Vice-Chair", "Vice Chairman"
        (r"\bvice[\s-]+chair", "vice-chair"),
        # "Chairman of the Panel", "(Chair)"
        (r"^(?:the\s+)?chair(?:man|person|woman)?\b", "panel-chair"),
        # "Independent Member", "Co-opted Independent Member"
        (r"\bindependent\s+(?:co-opted\s+)?member", "independent-member"),
    )
)
# Ranks that are posts in themselves: "T/CC" is the Temporary Chief Constable.
RANK_ROLES: dict[str, str] = {
    "cc": "Chief Constable",
    "dcc": "Deputy Chief Constable",
    "acc": "Assistant Chief Constable",
}
# "T/DCC", "A/ACC": temporary or acting command ranks
_RANK_RE = re.compile(r"^(?P<mod>[TA])/\s?(?P<rank>[A-Z]+)$|^(?P<bare>[A-Z]+)$")
_STOP = frozenset("of and the for to in at".split())
_ALIASES = {"occ": "constabulary", "force": "constabulary", "chief": "", "officer": ""}
_LOWER_WORD_RE = re.compile(r"[a-z]+")


# A meeting's posts are keyed again each time they are compared with the posts held
# and the posts kept: each wording is keyed once.
@functools.lru_cache(maxsize=4096)
def post_key(text: str) -> str | None:
    """Give the key of the governance post that `text` names, or None.

    >>> post_key("West Yorkshire Police and Crime Commissioner (PCC)")
    'pcc'
    >>> post_key("Temporary Deputy Chief Constable")
    'deputy-chief-constable'
    >>> post_key("OCC CFO")
    'force-cfo'
    >>> post_key("Engagement Manager") is None
    True
    """
    text = " ".join(text.split())
    for pattern, key in _POST_PATTERNS:
        if pattern.search(text):
            return key
    return None


def rank_role(title: str | None) -> str | None:
    """Name the post a command rank stands for ("T/CC": "Temporary Chief Constable").

    >>> rank_role("T/DCC")
    'Temporary Deputy Chief Constable'
    >>> rank_role("DI") is None
    True
    """
    match = _RANK_RE.match((title or "").strip())
    if not match:
        return None
    role = RANK_ROLES.get((match.group("rank") or match.group("bare") or "").lower())
    if role is None:
        return None
    modifier = {"T": "Temporary ", "A": "Acting "}.get(match.group("mod") or "", "")
    return modifier + role


def same_post(role: str, listed: str) -> bool:
    """Whether a holder's `role` is the post an agenda `listed` without a name.

    >>> same_post("OCC CFO", "Constabulary CFO")
    True
    >>> same_post("Director of People and Organisational Development",
    ...           "Director of People and Organisation Development")
    True
    >>> same_post("OPCC Resources Officer", "OPCC Strategic Planning Officer")
    False
    """
    key_a, key_b = post_key(role), post_key(listed)
    if key_a and key_b:
        return key_a == key_b
    words_a, words_b = _post_words(role), _post_words(listed)
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / len(words_a | words_b) >= 0.6


def _post_words(text: str) -> set[str]:
    words = _LOWER_WORD_RE.findall(text.lower())
    stems = {_ALIASES.get(w, w)[:6] for w in words if w not in _STOP}
    return stems - {""}
