"""Entries (extraction stage helper): one run of an attendance list to people and posts.

Input is a run of text with its offset in the document: a bullet line ("T/Det. Supt.
Darren Minton (1-2)"), a "Name, Post" or "Post – Name" line, or the list of an apologies
sentence ("Councillor David Carroll (Buckinghamshire Council – Councillor Richard
Newcombe substituting), Councillor Sam Casey-Rerhaye (South Oxfordshire District
Council) and …"). Output is a list of `Entry` values (a person with title, role,
organisation, items and substitution; or a post named without a holder) with spans into
the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract.names import (
    ORGANISATION_RE,
    PLURAL_TITLE_RE,
    looks_like_name,
    person_name,
    singular_title,
    split_title,
    strip_postnominals,
)
from kg.extract.posts import post_key, rank_role
from kg.records import AttendanceStatus, PersonName, Span


@dataclass(frozen=True, slots=True)
class Entry:
    """A person (`name` set) or a post without a holder (`post` set) from a list."""

    span: Span
    name: PersonName | None = None
    post: str | None = None
    role: str | None = None
    organisation: str | None = None
    items: str | None = None
    substitute_for: PersonName | None = None
    substitute: bool = False
    virtual: bool = False
    substitutes: tuple[Entry, ...] = ()
    status: AttendanceStatus | None = None


# Separators between the pieces of a run: ", " "; " " – " " - " " and " " & ",
# "..., and from Mr Patel", and the cell borders of a table flattened to text: " | ",
# a tab, a run of spaces ("Councillor Linda Thomas                        Bolton")
_SEP_RE = re.compile(
    r"\s*[,;]\s*(?:(?:and|&)\s+(?:from\s+)?)?|\s*:\s+|\s+[–—-]\s+"
    r"|\s+(?:and|&)\s+(?:from\s+)?"
    r"|[ \t]*[|\t][ \t]*|[ ]{3,}"
)
# The characters a separator may start with (space, tab, ",", ";", ":", "|"; a dash or
# "and" has a space before it), and the parentheses: `_pieces` looks at these only.
_SEP_OR_PARENTHESIS_RE = re.compile(r"[ \t,;:|()]")
# Separators after which a name-like phrase describes the person before it (a firm,
# a job) rather than naming someone else: "Mr Ward – Grant Thornton"
_DESCRIBING_SEPS = "–—-|"
# "PCC Alun Michael", "Deputy PCC Emma Wools", "Chair Cllr Ann Bee": a post, then a name
_POST_PREFIX_RE = re.compile(
    r"^(?P<post>(?:Deputy\s+)?P[F]?CC|Police\s+and\s+Crime\s+Commissioner"
    r"|(?:Deputy\s+|Assistant\s+)?Chief\s+Constable|Chief\s+Executive"
    r"|Chief\s+Finance\s+Officer|Monitoring\s+Officer|(?:Vice[\s-])?Chair(?:man)?)\s+"
    r"(?P<rest>[A-Z].*)$"
)
# "Police, Fire and Crime Commissioner": the comma inside a post's name
_FIRE_AND_RE = re.compile(r"Fire\s+(?:and|&)\s+(?:Crime|Rescue)\b", re.IGNORECASE)
_PLURAL_RE = re.compile(r"\b(?:Councillors|Cllrs)\b")
# "(1-2)", "(3)", "(AOB)", "(items 4 to 6)", "(A.O.B.)", "(from item 5)"
_ITEMS_RE = re.compile(
    r"^(?:items?\s+|from\s+items?\s+|for\s+items?\s+)?"
    r"(?:\d+[a-z]?(?:\s*(?:[-–,&]|and|to)\s*\d+[a-z]?)*"
    r"|A\.?O\.?B\.?|any other business)$",
    re.IGNORECASE,
)
# "(virtual)", "(via Teams)", "(remote attendance)", "(online)", "(by video link)"
_VIRTUAL_RE = re.compile(
    r"virtual|remote|online|via\s+\w+|by\s+(?:video|phone|telephone)", re.I
)
# "Councillor Richard Newcombe substituting", "substitute for Cllr Bee", "(substitute)"
_SUBSTITUTE_RE = re.compile(
    r"\s*\b(?:substituting|as\s+(?:a\s+)?substitute|substitute)\b(?:\s+(?:for|member))?\s*",
    re.I,
)
# "Councillor Tom Reed for Councillor Sam Hill", "Cllr Bee substituting for Cllr Dee",
# "Cllr Bee (in place of Cllr Dee)"
_SUBSTITUTE_FOR_RE = re.compile(
    r"^(?P<who>.+?)\s+(?:(?:substituting|as\s+(?:a\s+)?substitute)\s+)?"
    r"(?:for|in\s+place\s+of|replacing)\s+(?P<whom>.+)$"
)
_ORG_WORDS_RE = re.compile(
    r"\b(?:Council|Constabulary|Police|Office|OPCC|OCC|HMIC\w*|University|Trust|NHS|Service"
    r"|Authority|Partnership|Agency|Ltd|LLP|CIC|Limited|plc|Consulting|Consultancy"
    r"|Consultants|Associates|Solutions|Foundation|Network|Institute|Society|Alliance"
    r"|Audit|Group)\b"
)
# A parenthesis and the space before it: "Cllr Bee (Chair)"; and the note inside it
_PARENTHESIS_RE = re.compile(r"\s*\([^()]*\)")
_NOTE_RE = re.compile(r"\(([^()]*)\)")
# Where the words after an " and " are cut to read the name that follows
_WORD_BREAK_RE = re.compile(r"[\s,;()]+")
# A body named by its initials: "KPMG", "HMICFRS"
_INITIALS_RE = re.compile(r"[A-Z]{2,8}")
# Words of job titles: "Engagement Manager", "Digital Coms Officer", "Director of…"
_ROLE_WORDS_RE = re.compile(
    r"\b(?:Officer|Manager|Director|Head|Adviser|Advisor|Analyst|Clerk|Lead|Secretary"
    r"|Taker|Counsel|Auditor|Accountant|Partner|Scribe"
    r"|Solicitor|Coordinator|Co-ordinator|Superintendent|Inspector|Chair\w*|Member)\b"
)
# The office a post is held in: "OPCC CFO", "HMICFRS Inspector"
_OFFICE_RE = re.compile(r"(OPCC|OPFCC|OCC|HMICFRS|HMIC)\b")
# "(substitute)", "(Substitute Member)"; "(substituting for Cllr Dee)"
_SUBSTITUTE_NOTE_RE = re.compile(r"substitute(?: member)?", re.IGNORECASE)
_SUBSTITUTING_NOTE_RE = re.compile(
    r"(?:substitut\w*|as\s+(?:a\s+)?substitute)\b", re.IGNORECASE
)
# A post named with its whole area may run to this many words: "Hampshire and Isle of
# Wight Police and Crime Commissioner"
_LONGEST_POST = 12
# Bullets and emphasis around a list line: "- **PCC**", "· Cllr X",
# "*Katherine Johnson arrived.*"
_EDGE_RE = re.compile(r"^[\s\-–•·Ø*#>|]+|[\s*|;,.:]+$")


def parse_run(text: str, base: int) -> list[Entry]:
    """People and posts named in `text`, which starts at offset `base` of the document.

    >>> [e.name.full for e in parse_run("Councillors C. Hughes and D. Lowe", 0)]
    ['C. Hughes', 'D. Lowe']
    >>> e = parse_run("Sue Mountstevens, Police and Crime Commissioner", 0)[0]
    >>> (e.name.full, e.role, e.span)
    ('Sue Mountstevens', 'Police and Crime Commissioner', Span(start=0, end=47))
    """
    entries: list[Entry] = []
    pending: Entry | None = None
    plural: str | None = None
    for start, end, sep in _pieces(text):
        piece = _piece_entry(text[start:end], base + start, plural=plural)
        if piece is None:
            continue
        if _describes(pending, piece, sep):
            piece = _as_description(piece, text[start:end])
        if piece.name is not None:
            plural = _plural_of(text[start:end], plural)
            if pending is not None and pending.post and sep in "–—-:|":
                piece = _merge(piece, role=pending.post, start=pending.span.start)
                pending = None
            if pending is not None:
                entries.append(pending)
            pending = piece
        elif pending is not None and pending.name is not None:
            pending = _attach(pending, piece)
        else:
            if pending is not None:
                entries.append(pending)
            pending = piece
    if pending is not None:
        entries.append(pending)
    return [e for entry in entries for e in _with_substitute(entry)]


def _pieces(text: str) -> list[tuple[int, int, str]]:
    """Split `text` outside parentheses, with the separator before it."""
    pieces: list[tuple[int, int, str]] = []
    depth, start, sep = 0, 0, ","
    pos = 0
    while found := _SEP_OR_PARENTHESIS_RE.search(text, pos):
        pos = found.start()
        char = text[pos]
        depth += {"(": 1, ")": -1}.get(char, 0)
        match = _SEP_RE.match(text, pos) if depth == 0 else None
        if match and _real_sep(text, start, match):
            pieces.append((start, pos, sep))
            sep = match.group().strip()[:1] or "|"
            start = pos = match.end()
            continue
        pos += 1
    pieces.append((start, len(text), sep))
    return [(s, e, p) for s, e, p in pieces if text[s:e].strip()]


def _real_sep(text: str, start: int, match: re.Match[str]) -> bool:
    """Split on " and " between names, not inside "Police and Crime Commissioner".

    Nor on the comma of "Police, Fire and Crime Commissioner".
    """
    if match.group().strip() == ",":
        return not (
            text[: match.start()].endswith("Police")
            and _FIRE_AND_RE.match(text, match.end()) is not None
        )
    if match.group().strip() not in ("and", "&"):
        return True
    # "Cllrs Smith, Jones and Brown": a plural title lets surnames stand alone
    plural = bool(_PLURAL_RE.search(text[: match.start()]))
    before = _PARENTHESIS_RE.sub("", text[start : match.start()]).strip(" *-•·")
    title, name, _ = split_title(before)
    name = strip_postnominals(name)
    if not looks_like_name(name, titled=plural or title is not None):
        return False
    title, rest, _ = split_title(text[match.end() :])
    words = _WORD_BREAK_RE.split(rest.strip())
    titled = plural or title is not None
    return looks_like_name(" ".join(words[:2]), titled=titled) or looks_like_name(
        words[0], titled=titled
    )


def _plural_of(piece: str, previous: str | None) -> str | None:
    title, _, _ = split_title(_EDGE_RE.sub("", piece))
    if title and PLURAL_TITLE_RE.match(title):
        return singular_title(title)
    return previous if title is None else None


def _piece_entry(raw: str, base: int, *, plural: str | None) -> Entry | None:
    """One piece: a titled name with its parentheses, or a post, or an organisation."""
    lead = len(raw) - len(raw.lstrip(" \t-–•·Ø*#>|"))
    body = _EDGE_RE.sub("", raw)
    if not body:
        return None
    head, notes = _split_parentheses(body)
    span = Span(base + lead, base + lead + len(body))
    entry = _head_entry(head, span, plural=plural)
    if entry is None:
        return None
    for note in notes:
        entry = _apply_note(entry, note, base + lead + body.find(note))
    if entry.substitutes:
        # the member replaced is named by the words before the parenthesis alone
        head_end = span.start + len(body[: body.find("(")].rstrip())
        entry = replace(entry, span=Span(span.start, head_end))
    return entry


def _split_parentheses(body: str) -> tuple[str, list[str]]:
    notes = _NOTE_RE.findall(body)
    head = _PARENTHESIS_RE.sub("", body).strip(" *")
    return head, notes


def _head_entry(head: str, span: Span, *, plural: str | None) -> Entry | None:
    pair = _SUBSTITUTE_FOR_RE.match(head)
    if pair:
        who = _head_entry(pair.group("who"), span, plural=plural)
        whom = _head_entry(pair.group("whom"), span, plural=plural)
        if who and who.name and whom and whom.name:
            return replace(who, substitute=True, substitute_for=whom.name)
    substitute = bool(_SUBSTITUTE_RE.search(head))
    head = _SUBSTITUTE_RE.sub(" ", head).strip()
    prefix = _POST_PREFIX_RE.match(head)
    if prefix:
        inner = _head_entry(prefix.group("rest"), span, plural=plural)
        if inner is not None and inner.name is not None:
            return replace(inner, role=prefix.group("post"))
    if ORGANISATION_RE.fullmatch(head):
        return Entry(span=span, organisation=head)
    title, rest, _ = split_title(head)
    rest = strip_postnominals(rest)
    if title is None and plural and looks_like_name(rest, titled=True):
        title = plural
    if looks_like_name(rest, titled=title is not None):
        name = person_name(rest, singular_title(title) if title else None)
        return Entry(span=span, name=name, role=rank_role(title), substitute=substitute)
    if (post_key(head) or _is_role(head)) and _short_phrase(head):
        return Entry(span=span, post=head)
    if post_key(head) and _short_phrase(head, longest=_LONGEST_POST):
        # "Hampshire and Isle of Wight Police and Crime Commissioner"
        return Entry(span=span, post=head)
    if _ORG_WORDS_RE.search(head) or _INITIALS_RE.fullmatch(head):
        return Entry(span=span, post=None, organisation=head)
    return None


def _describes(pending: Entry | None, piece: Entry, sep: str) -> bool:
    """Tell an untitled name printed after a person's name and a dash or cell border."""
    return (
        pending is not None
        and pending.name is not None
        and piece.name is not None
        and piece.name.title is None
        and sep in _DESCRIBING_SEPS
    )


def _as_description(piece: Entry, raw: str) -> Entry:
    """Read a name-like piece as the job or the body of the person before it."""
    words = _split_parentheses(_EDGE_RE.sub("", raw))[0]
    if _is_role(words):
        return Entry(span=piece.span, post=words)
    return Entry(span=piece.span, organisation=words)


def _short_phrase(text: str, *, longest: int = 8) -> bool:
    """Tell a post in a list (a short capitalised phrase) from running prose."""
    return len(text.split()) <= longest and text[:1].isupper()


def _is_role(text: str) -> bool:
    """Tell job titles: "Engagement Manager", "Digital Coms Officer", "Director of…"."""
    return bool(_ROLE_WORDS_RE.search(text)) and len(text.split()) <= 10


def _merge(entry: Entry, *, role: str | None, start: int) -> Entry:
    """Make the post printed first the person's role ("Post – Name")."""
    return replace(entry, role=role or entry.role, span=Span(start, entry.span.end))


def _attach(person: Entry, piece: Entry) -> Entry:
    """Attach a post or body printed after a name ("Mark Simmonds, OPCC CFO")."""
    role = person.role
    if piece.post and (
        role is None or role == rank_role(person.name.title if person.name else None)
    ):
        role = piece.post
    organisation = person.organisation or piece.organisation
    if organisation is None and piece.post:
        lead = _OFFICE_RE.match(piece.post)
        organisation = lead.group(1) if lead else None
    return replace(
        person,
        role=role,
        organisation=organisation,
        items=person.items or piece.items,
        virtual=person.virtual or piece.virtual,
        span=Span(person.span.start, max(person.span.end, piece.span.end)),
    )


def _apply_note(entry: Entry, note: str, offset: int) -> Entry:
    """Apply a parenthesis after a name: items, remote, substitution, body."""
    text = note.strip()
    if _ITEMS_RE.match(text):
        return replace(entry, items=text)
    if _VIRTUAL_RE.fullmatch(text):
        return replace(entry, virtual=True)
    if _SUBSTITUTE_NOTE_RE.fullmatch(text):
        return replace(entry, substitute=True)
    starts_substitute = _SUBSTITUTING_NOTE_RE.match(text)
    found = parse_run(note, offset)
    for piece in found:
        if piece.name is None:
            entry = _attach(entry, piece) if entry.name else entry
            continue
        if starts_substitute:
            entry = replace(entry, substitute=True, substitute_for=piece.name)
        elif piece.substitute:
            entry = replace(entry, substitutes=(*entry.substitutes, piece))
    return entry


def _with_substitute(entry: Entry) -> list[Entry]:
    """Give the entry, then whoever the text says substituted for it."""
    if not entry.substitutes:
        return [entry]  # most entries name no substitute
    out = [replace(entry, substitutes=())]
    for sub in entry.substitutes:
        out.append(
            replace(
                sub,
                substitute=True,
                substitute_for=entry.name,
                organisation=sub.organisation or entry.organisation,
            )
        )
    return out
