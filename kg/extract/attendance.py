"""Attendance extraction: a parsed `Meeting` and its text to one with attendances.

Input is a `kg.records.Meeting` from a layout parser and the document text; output is
the same meeting with `attendances` (one `Attendance` per person who took part or sent
apologies) and `posts` (posts taking part without a named holder). Lists are read by
their headings in the raw text (`kg.extract.sections`), so imperfect items do not hide
them; people named as speaking or moving in and out are added after
(`kg.extract.speakers`). Statuses follow GOLD.md: the document's own headings decide;
where an agenda lists the board's posts and the minutes give one "Attendees" list,
holders of those posts are present and the others in attendance; councillors who speak
are members, present.
"""

from __future__ import annotations

from dataclasses import replace

from kg.extract.entries import Entry
from kg.extract.names import MEMBER_TITLE_RE, same_person
from kg.extract.posts import post_key, same_post
from kg.extract.sections import Section, find_sections
from kg.extract.speakers import find_speakers, find_speaking_posts
from kg.records import Attendance, AttendanceStatus, Meeting, PostMention, Span


def extract_attendance(meeting: Meeting, text: str) -> Meeting:
    r"""Fill `meeting.attendances` and `meeting.posts` from `text`.

    >>> from kg.records import EXAMPLE_MEETING
    >>> text = "PRESENT\n- Cllr Ann Bee\n\nALSO PRESENT\n- Insp. Paul Rushton\n"
    >>> found = extract_attendance(EXAMPLE_MEETING, text).attendances
    >>> [(a.name.full, a.status.value) for a in found]
    [('Ann Bee', 'present'), ('Paul Rushton', 'in-attendance')]
    """
    sections = find_sections(text)
    board = _board_posts(sections)
    holders = _board_holders(sections, board)
    people: list[Attendance] = []
    posts: list[PostMention] = []
    for section in sections:
        for entry in section.entries:
            if entry.name is None and entry.post:
                posts.append(PostMention(entry.post, section.status, entry.span))
            elif entry.name is not None:
                status = _status(section, entry, board, holders)
                _add(people, _attendance(entry, status))
    for entry in find_speakers(text):
        _add(people, _attendance(entry, _speaker_status(entry)))
    for entry in find_speaking_posts(text):
        if entry.post:
            posts.append(
                PostMention(entry.post, AttendanceStatus.IN_ATTENDANCE, entry.span)
            )
    return replace(
        meeting, attendances=tuple(people), posts=_unheld_posts(posts, people)
    )


def _board_posts(sections: list[Section]) -> list[str]:
    """List the posts of attendee lists that name posts only (an agenda's, seed 004)."""
    posts: list[str] = []
    for section in sections:
        if section.kind in ("attendees", "present") and all(
            e.name is None and e.post for e in section.entries
        ):
            posts += [e.post for e in section.entries if e.post]
    return posts


def _board_holders(sections: list[Section], board: list[str]) -> set[Span]:
    """Give the spans of the attendees holding the board's posts, one holder a post.

    A post printed in the same words is taken first, then one that is the same post in
    other words ("Treasurer" for "OPCC CFO"), so a second officer does not take it.
    """
    named = [
        e
        for s in sections
        if s.kind == "attendees"
        for e in s.entries
        if e.name is not None and e.role
    ]
    free = list(board)
    held: set[Span] = set()
    for same in (_same_words, same_post):
        for entry in named:
            post = next((p for p in free if entry.role and same(entry.role, p)), None)
            if entry.span not in held and post is not None:
                free.remove(post)
                held.add(entry.span)
    return held


def _same_words(role: str, post: str) -> bool:
    return role.casefold().split() == post.casefold().split()


def _status(
    section: Section, entry: Entry, board: list[str], holders: set[Span]
) -> AttendanceStatus:
    if entry.substitute:
        return AttendanceStatus.SUBSTITUTE
    if entry.status is not None:
        return entry.status
    if section.kind == "attendees" and board:
        held = entry.span in holders
        return AttendanceStatus.PRESENT if held else AttendanceStatus.IN_ATTENDANCE
    return section.status


def _speaker_status(entry: Entry) -> AttendanceStatus:
    title = entry.name.title if entry.name else None
    if title and MEMBER_TITLE_RE.match(title):
        return AttendanceStatus.PRESENT
    return AttendanceStatus.IN_ATTENDANCE


def _attendance(entry: Entry, status: AttendanceStatus) -> Attendance:
    assert entry.name is not None
    return Attendance(
        name=entry.name,
        status=status,
        span=entry.span,
        role=entry.role,
        organisation=entry.organisation,
        substitute_for=entry.substitute_for.full if entry.substitute_for else None,
        items=entry.items,
        virtual=entry.virtual,
    )


# A later, more telling status replaces an earlier one: a member marked absent in a
# list whose apologies are minuted, a member listed present who "attended as a
# substitute for" another.
_UPGRADES = {
    (AttendanceStatus.ABSENT, AttendanceStatus.APOLOGIES),
    (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE),
}


def _add(people: list[Attendance], new: Attendance) -> None:
    """Add `new` unless the meeting has that person already: the list spelling wins."""
    for index, old in enumerate(people):
        if same_person(old.name, new.name):
            if (old.status, new.status) in _UPGRADES:
                old = replace(
                    old,
                    status=new.status,
                    substitute_for=old.substitute_for or new.substitute_for,
                )
                people[index] = old
            if old.role is None and new.role is not None and old.status == new.status:
                people[index] = replace(old, role=new.role)
            return
    people.append(new)


def _unheld_posts(
    posts: list[PostMention], people: list[Attendance]
) -> tuple[PostMention, ...]:
    """Keep the posts whose holder is not named among the people, each post once."""
    kept: list[PostMention] = []
    for mention in posts:
        key = post_key(mention.post)
        held = any(p.role and same_post(p.role, mention.post) for p in people)
        seen = any(
            (key and post_key(k.post) == key) or k.post == mention.post for k in kept
        )
        if not held and not seen:
            kept.append(mention)
    return tuple(kept)
