"""Names (extraction stage helper): a phrase naming a person to a titled `PersonName`.

Input is a short string as minutes print it ("T/Det. Supt. Darren Minton", "Cllr
Middlebrough", "Councillors C. Hughes"); output is a `kg.records.PersonName` with the
honorific or rank split off as written, and given/family names read with `nameparser`.
`looks_like_name` tells a person's name from a post, an organisation or prose.
"""

from __future__ import annotations

import functools
import re

from nameparser import HumanName

from kg.records import PersonName

# "Councillor Richard Brown", "Cllr Middlebrough", "Mrs Jane Doe",
# "County Councillor A. Bee"
_CIVIL = (
    r"(?:County\s+)?Councillors?|Cllrs?\.?|Mrs\.?|Mr\.?|Ms\.?|Miss|Mx|Dr\.?"
    r"|Professor|Prof\.?|Sir|Dame|Lord|Lady|Baroness|Revd\.?|Rev\.?"
    # lists printed in capitals: "COUNCILLOR J SMITH (CHAIR)"
    r"|(?:COUNTY\s+)?COUNCILLORS?|CLLRS?\.?"
)
# "T/CC Dee Collins", "T/Det. Supt. Darren Minton", "Ch.Supt. Mark Ridley",
# "DI Vanessa Smith", "T/Dept. Supt Minton", "Chief Supt. Mark Ridley",
# "Insp. Paul Rushton", "Superintendent Travis"
_RANK = (
    r"(?:[TA]/\s?)?"
    # "Det Ch Supt Fiona Willey", "Detective Chief Inspector": up to two modifiers
    r"(?:(?:Temporary|Acting|Detective|Det|Dep|Dept|Ch|Chief|Deputy|Assistant)\.?\s?)"
    r"{0,2}"
    r"(?:Superintendent|Supt|Inspector|Insp|Sergeant|Sgt|Constable|Con"
    r"|DCC|ACC|CC|DCI|DSupt|DI|DS|DC|PCSO|PC|CI)\.?"
)
TITLE_PATTERN = rf"(?:{_CIVIL}|{_RANK})"
TITLE_RE = re.compile(rf"(?P<title>{TITLE_PATTERN})(?=[\s,]|$)\s*")
# Councillors are members of the bodies that meet; everyone else speaks as a guest.
MEMBER_TITLE_RE = re.compile(r"^(?:County\s+)?(?:Councillors?|Cllrs?\.?)$", re.I)
# "Councillors C. Hughes and D. Lowe": a plural title spreads over the names that follow
PLURAL_TITLE_RE = re.compile(r"^(?:(?:County\s+)?Councillors|Cllrs\.?)$", re.I)
# Letters after a name: "Susan Hall AM", "Christine Goldstraw OBE", "Sir Mark Rowley
# QPM", "Dame Lynne Owens DCB CBE QPM"; part of the quote, never of the name.
POSTNOMINALS = frozenset(
    """am ms mp mep msp mla mbe obe cbe dbe kbe gbe dcb kcb cb bem qpm kpm qfsm dl jp
    kc qc frsa cpfa fca aca acca cipfa phd msc ma ba llb bsc""".split()
)
# Firms and offices that attend as bodies and whose names read like a person's:
# "Grant Thornton", "KPMG", "Mazars", "Ernst & Young" (auditors), "Audit Wales".
ORGANISATION_RE = re.compile(
    r"(?i:grant\s+thornton|kpmg|(?:forvis\s+)?mazars|deloitte|ernst\s*(?:&|and)\s*young"
    r"|pwc|pricewaterhousecoopers|bdo|rsm(?:\s+uk)?|tiaa|azets|crowe|bishop\s+fleming"
    r"|baker\s+tilly|moore\s+stephens|audit\s+wales|wales\s+audit\s+office"
    r"|national\s+audit\s+office|south\s+west\s+audit\s+partnership|cipfa)"
    r"(?:\s+(?:LLP|UK|Ltd|plc))?"
)
# One word of a name: "Burns-Williamson", "O'Brien", "McDonald", "C.", "van", "JONES"
# Letters of names, accented ones included: "Zoë", "Siân", "Llŷr", "Łukasz"
UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
LOWER = "a-zß-öø-ÿ\u0100-\u017f"
# One capitalised word of a name, for patterns over running text: "Burns-Williamson"
NAME_WORD = rf"[{UPPER}][{UPPER}{LOWER}'’\-]+"
# Every title and every word of a name starts with a capital. Put first in a pattern
# searched over a whole text, this one cheap test spares the other characters the
# trial of every title ("Cllr", "T/Det. Supt.", ...): the same matches, several times
# faster.
NAME_START = rf"(?=[{UPPER}])"
_NAME_WORD_RE = re.compile(
    rf"^(?:[{UPPER}][{UPPER}{LOWER}'’\-]*[{LOWER}'’][{UPPER}{LOWER}'’\-]*"
    rf"|[{UPPER}]\.?(?:[{UPPER}]\.?)?|[{UPPER}]{{2,}}"
    r"|van|von|der|den|de|le|la|da|du|del|di|bin|al|ap|ab)$"
)
# Words that belong to posts, bodies and places, never to a person's name.
NOT_NAME_WORDS = frozenset(
    """police crime commissioner constable constabulary council county district borough
    city office officer officers manager director head chief deputy assistant chair
    chairman vice panel board committee member members partnership partnerships
    service services trust authority authorities university college government home
    opcc occ pcc hmic hmicfrs cfo ceo clerk secretary adviser advisor analyst lead
    legal finance financial treasurer executive strategic planning performance
    engagement commissioning policy resources digital communications coms team unit
    fire rescue health nhs agency group forum support safeguarding partner
    chairperson minutes apologies present attendance attendees absent none item
    items the of and for to in at on with by from west east north south yorkshire
    somerset avon thames valley mercia wales england public independent lay report
    consulting consultancy consultants associates solutions ltd llp plc limited
    foundation network institute society alliance audit company advisory
    policing safety justice strategy update plan budget precept programme review
    """.split()
)
# Of those, the words that are also surnames: after a title they name a person
# ("Ch Supt Richard North", "Councillor West", "Mr Head").
SURNAME_WORDS = frozenset("west east north south wales england head lay".split())


def split_title(phrase: str) -> tuple[str | None, str, int]:
    """Split a leading honorific or rank: (title as written, rest, offset of rest).

    >>> split_title("T/Det. Supt. Darren Minton")
    ('T/Det. Supt.', 'Darren Minton', 13)
    >>> split_title("Bryony Ball")
    (None, 'Bryony Ball', 0)
    """
    titles: list[str] = []
    pos = 0
    while match := TITLE_RE.match(phrase, pos):
        rest = phrase[match.end() :]
        if not rest or not _NAME_WORD_RE.match(rest.split()[0].rstrip(",.;")):
            break
        titles.append(match.group("title"))
        pos = match.end()
    if not titles:
        return None, phrase, 0
    return phrase[:pos].strip(), phrase[pos:], pos


def strip_postnominals(phrase: str) -> str:
    """Drop the honours and letters after a name.

    >>> strip_postnominals("Dame Lynne Owens DCB CBE QPM")
    'Dame Lynne Owens'
    >>> strip_postnominals("Caroline Pidgeon MBE AM.")
    'Caroline Pidgeon'
    """
    words = phrase.split()
    while len(words) > 1 and words[-1].strip(".,;").lower() in POSTNOMINALS:
        if not words[-1].strip(".,;").isupper():
            break
        words.pop()
    return " ".join(words) if len(words) < len(phrase.split()) else phrase


# The sentence's full stop after a name: "Penberthy and Wilkinson."
_CLOSING_STOP_RE = re.compile(r"(?<=[a-z]{2})\.$")
# A possessive: "Chair's Opening Remarks", "Commissioner's Update"
_POSSESSIVE_RE = re.compile(r"['’]s$")
# The marks a name key drops: "C. Hughes", "Hughes, C."
_NAME_MARKS_RE = re.compile(r"[.,]")


def looks_like_name(phrase: str, *, titled: bool) -> bool:
    """Whether `phrase` (title already removed) reads as a person's name.

    One word is enough after a title ("Cllr Middlebrough"); otherwise two to five.

    >>> looks_like_name("Darren Medcalf", titled=False)
    True
    >>> looks_like_name("Chief Constable", titled=False)
    False
    >>> looks_like_name("Middlebrough", titled=False)
    False
    """
    if ORGANISATION_RE.fullmatch(phrase.strip(" .,;")):
        return False
    # a list's last name may carry the sentence's full stop: "Penberthy and Wilkinson."
    phrase = _CLOSING_STOP_RE.sub("", phrase.strip())
    words = phrase.replace("\u00a0", " ").split()
    if not words or len(words) > 5 or (len(words) == 1 and not titled):
        return False
    # a phrase in capitals is a heading, unless a title says it is a name ("Cllr J
    # SMITH")
    if not (titled or any(c.islower() for c in phrase)) or not words[0][0].isupper():
        return False
    if not words[-1][0].isupper():
        return False
    if any(_POSSESSIVE_RE.search(word) for word in words):
        return False  # "Chair's Opening Remarks", "Commissioner's Update"
    for word in words:
        bare = word.strip(",;:")
        folded = bare.lower().strip(".")
        if not _NAME_WORD_RE.match(bare) or (
            folded in NOT_NAME_WORDS and not (titled and folded in SURNAME_WORDS)
        ):
            return False
    return True


def person_name(full: str, title: str | None) -> PersonName:
    """Build the `PersonName` of `full` (no title inside) and its separate `title`.

    >>> person_name("Cllr Middlebrough"[5:], "Cllr")
    PersonName(full='Middlebrough', title='Cllr', given=None, family='Middlebrough')
    >>> person_name("Sam Casey-Rerhaye", None).family
    'Casey-Rerhaye'
    """
    full = " ".join(full.split())
    if len(full.split()) == 1:
        return PersonName(full=full, title=title, given=None, family=full)
    given, family = _given_and_family(full)
    return PersonName(full=full, title=title, given=given, family=family)


# `nameparser` takes a good part of reading a list, and one meeting names the same
# people in its lists, its apologies and its discussion: each name is parsed once.
@functools.lru_cache(maxsize=4096)
def _given_and_family(full: str) -> tuple[str, str]:
    words = full.split()
    if _plain_pair(words):
        return words[0], words[1]
    parsed = HumanName(full)
    return parsed.first or words[0], parsed.last or words[-1]


# A capitalised word, hyphens and apostrophes joining capitalised parts ("O'Neil").
_PLAIN_WORD = re.compile(r"[A-Z][a-z]+(?:['-][A-Z][a-z]+)*")


@functools.cache
def _name_pieces() -> frozenset[str]:
    """Give the words nameparser reads as a title, prefix, suffix or conjunction."""
    constants = HumanName().C
    return frozenset().union(
        constants.titles,
        constants.prefixes,
        constants.suffix_acronyms,
        constants.suffix_not_acronyms,
        constants.conjunctions,
    )


def _plain_pair(words: list[str]) -> bool:
    """Tell two plain words none of nameparser's pieces, which it reads in order.

    Most names are such a pair ("Sam Casey-Rerhaye"), and nameparser (about 0.1 ms a
    name) gives them as given and family name.

    >>> _plain_pair(["Sam", "Casey-Rerhaye"]), _plain_pair(["Sam", "Jr"])
    (True, False)
    """
    return len(words) == 2 and all(
        _PLAIN_WORD.fullmatch(word) and word.lower() not in _name_pieces()
        for word in words
    )


def singular_title(title: str) -> str:
    """Give the singular of a plural title ("Councillors" gives "Councillor").

    >>> singular_title("Cllrs")
    'Cllr'
    """
    if PLURAL_TITLE_RE.match(title):
        return title.rstrip(".")[:-1]
    return title


def name_key(name: PersonName) -> str:
    """Fold a name for comparison: lower-case words without dots.

    >>> name_key(PersonName(full="C. Hughes"))
    'c hughes'
    """
    return _folded_name(name.full)


# A meeting's attendees are compared with one another as each is added: each name is
# folded once.
@functools.lru_cache(maxsize=4096)
def _folded_name(full: str) -> str:
    return " ".join(_NAME_MARKS_RE.sub(" ", full.lower()).split())


def same_person(a: PersonName, b: PersonName) -> bool:
    """Tell whether two names of one meeting denote one person.

    They do with the same family name (allowing one slip of spelling,
    "Robins"/"Robbins") and compatible first names or initials.

    >>> same_person(PersonName("John Robins"), PersonName("John Robbins"))
    True
    >>> same_person(PersonName("Minton"), PersonName("Darren Minton"))
    True
    >>> same_person(PersonName("Vanessa Smith"), PersonName("John Smith"))
    False
    """
    wa, wb = name_key(a).split(), name_key(b).split()
    if not wa or not wb or not _close(wa[-1], wb[-1]):
        return False
    if len(wa) == 1 or len(wb) == 1:
        return True
    x, y = wa[0], wb[0]
    return (
        x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
    )


def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(short) == len(long_):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
