"""Speakers (extraction stage helper): people and posts taking part in the minuted text.

Input is the text of a minutes document; output is a list of `Entry` values for people
who are named with a title as speaking, presenting or answering ("Superintendent Travis
informed Members…", "The Chairman invited Cllr Middlebrough to introduce the item, in
his role as Lead Member for Crime and Disorder", seed 001), or arriving and leaving ("DI
Vanessa Smith left the meeting", seed 003), and posts that speak without a name ("The
Police and Crime Commissioner reminded the Board…"). People merely spoken about are not
matched: each pattern needs a verb of taking part right after the name.
"""

from __future__ import annotations

import functools
import re

from kg.extract.entries import Entry
from kg.extract.names import (
    NAME_START,
    NAME_WORD,
    TITLE_PATTERN,
    looks_like_name,
    person_name,
    split_title,
)
from kg.extract.near import finditer_at, finditer_near, word_starts
from kg.extract.posts import rank_role
from kg.records import Span

_NAME = rf"{NAME_WORD}|[A-Z]\."
_NAME_RUN = rf"(?:{_NAME})(?:\s+(?:{_NAME})){{0,2}}"
_VERBS = (
    r"explained|said|stated|advised|informed|reminded|confirmed|reported|noted|added|asked"
    r"|queried|responded|replied|presented|introduced|outlined|highlighted|commented"
    r"|acknowledged|welcomed|thanked|emphasised|emphasized|suggested|updated|clarified"
    r"|assured|undertook|agreed|gave|provided|summarised|summarized|answered|told"
    r"|declared|moved|seconded|proposed|raised|requested|expressed|questioned|sought"
)
# "Superintendent Travis informed Members", "T/Det Supt. Minton also said",
# "DI Smith explained", "Mr Peter Hay, Chief Finance Officer, presented the report",
# "Chief Inspector Ackroyd of Dorset Police responded to questions"
SPEAKER_RE = re.compile(
    rf"{NAME_START}(?<![\w/.])(?P<who>{TITLE_PATTERN}\s+{_NAME_RUN})"
    r"(?:,\s+(?:the\s+)?(?P<role>[A-Z][^,.;()\n]{2,60}),"
    r"|\s+(?:of|from)\s+(?:the\s+)?(?P<org>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|of|&))"
    r"{0,5}))?"
    rf"\s+(?:also\s+|further\s+|then\s+)?(?:{_VERBS})\b"
)
# "The Chairman invited Cllr Middlebrough to introduce the item"
INVITED_RE = re.compile(
    # the look-ahead lets the engine skip to each "invited" (faster, same matches)
    rf"(?=invited)\binvited\s+(?P<who>{TITLE_PATTERN}\s+{_NAME_RUN})\s+to\s+"
    r"(?:introduce|present|speak|address|give|update|respond|answer|outline)\b"
)
# "*DI Vanessa Smith left the meeting*", "Katherine Johnson arrived.", "Cllr Bee joined"
MOVEMENT_RE = re.compile(
    rf"{NAME_START}(?<![\w/.])(?P<who>(?:{TITLE_PATTERN}\s+)?{_NAME_RUN})\s+"
    r"(?:left|joined|arrived|entered|returned\s+to)\b"
)
# MOVEMENT_RE is tried a few words before its verbs only (`finditer_near`): at most 7
# runs of spaces come before them, 4 in and after a title, 3 between and after names
_MOVEMENT_VERBS = re.compile("left|joined|arrived|entered|returned")
_MOVEMENT_SPACES = 9
# the words _MOVEMENT_VERBS opens with, found by a literal search (`finditer_near`)
MOVEMENT_OPENINGS = ("left", "joined", "arrived", "entered", "returned")
# ", in his role as Lead Member for Crime and Disorder."
ROLE_AS_RE = re.compile(
    r"[^.]{0,80}?\bin\s+(?:his|her|their)\s+(?:role|capacity)\s+as\s+(?:the\s+)?"
    r"(?P<role>[A-Z][^.,;:()]+)"
)
# "The Police and Crime Commissioner reminded the Board", "The PCC acknowledged"
POST_SPEAKER_RE = re.compile(
    # the look-ahead lets the engine skip to each "the" (faster, same matches)
    r"(?=[Tt]he)\b[Tt]he\s+"
    r"(?P<post>(?:Deputy\s+)?Police(?:,\s+Fire)?\s+and\s+Crime\s+Commissioner"
    r"|(?:Deputy\s+)?P[F]?CC|Commissioner|(?:Deputy\s+|Assistant\s+)?Chief\s+Constable)"
    rf"\s+(?:also\s+|further\s+|then\s+)?(?:{_VERBS})\b"
)


# A name set off by commas after the post or part it plays: "The preferred candidate,
# Tim De Meyer, set out his priorities", "The Head of Finance, Jo Bloggs, presented"
APPOSITIVE_RE = re.compile(
    # the look-ahead lets the engine skip to each "the"; the role's words and their
    # count are possessive ("*+", "{0,5}+"), for giving any back leaves a letter or a
    # space where the comma must be (faster, same matches)
    r"(?=[Tt]he)\b[Tt]he\s+"
    rf"(?P<role>[a-zA-Z][\w'’-]*+(?:\s+[a-zA-Z][\w'’-]*+){{0,5}}+),\s+"
    rf"(?P<who>{_NAME_RUN}),\s+(?:also\s+|then\s+)?(?:{_VERBS}|set\s+out)\b"
)

# INVITED_RE, POST_SPEAKER_RE and APPOSITIVE_RE open with their first word: they are
# tried where a literal search finds it only (`finditer_at`)
_THE = ("The", "the")


# find_speakers and find_speaking_posts both try a text's "The"s and "the"s: they are
# found once (0.03 ms a document)
@functools.lru_cache(maxsize=2)
def _starts_of_the(text: str) -> tuple[int, ...]:
    return tuple(word_starts(text, *_THE))


def find_speakers(text: str) -> list[Entry]:
    """Find titled people speaking, presenting or moving in and out, in order."""
    found: list[Entry] = []
    moving = finditer_near(
        MOVEMENT_RE,
        text,
        _MOVEMENT_VERBS,
        spaces=_MOVEMENT_SPACES,
        openings=MOVEMENT_OPENINGS,
    )
    for matches in (
        finditer_at(INVITED_RE, text, word_starts(text, "invited")),
        SPEAKER_RE.finditer(text),
        moving,
        finditer_at(APPOSITIVE_RE, text, _starts_of_the(text)),
    ):
        for match in matches:
            entry = _entry(text, match)
            if entry is not None:
                found.append(entry)
    return sorted(found, key=lambda e: e.span.start)


def find_speaking_posts(text: str) -> list[Entry]:
    """Find posts that speak without a holder's name ("The PCC acknowledged…")."""
    return [
        Entry(span=Span(m.start("post"), m.end("post")), post=m.group("post"))
        for m in finditer_at(POST_SPEAKER_RE, text, _starts_of_the(text))
    ]


def _entry(text: str, match: re.Match[str]) -> Entry | None:
    who = match.group("who")
    title, rest, offset = split_title(who)
    rest = rest.strip()
    if not looks_like_name(rest, titled=title is not None):
        return None
    role = rank_role(title)
    role_match = ROLE_AS_RE.match(text, match.end("who"))
    if role_match:
        role = role_match.group("role").strip()
    elif match.groupdict().get("role"):
        role = match.group("role").strip()
    start = match.start("who")
    return Entry(
        span=Span(start, start + offset + len(rest)),
        name=person_name(rest, title),
        role=role,
        organisation=match.groupdict().get("org"),
    )
