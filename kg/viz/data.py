"""Viz data: a store's meetings with their body, force, items, people and decisions.

Stage: store → pictures. Input is a `kg.store.GraphStore` (embedded or a remote
endpoint); output is a dict of `MeetingInfo` records, keyed by meeting IRI,
read with the saved queries `queries/viz-*.rq` over the union of the named graphs. The
HTML page (`kg.viz.html`), the charts (`kg.viz.plot`) and the network measures
(`kg.viz.network`) all start from this one model, so they agree on what the graph holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.queries import run_query
from kg.store import GraphStore

Row = dict[str, str]


@dataclass(frozen=True, slots=True)
class Quote:
    """Words a fact was read from, and the file name of the document they are in."""

    text: str
    document: str


@dataclass(slots=True)
class ItemInfo:
    """An agenda item: its topics (IRI → label) and the quotes tagging each (by IRI)."""

    iri: str
    number: str
    title: str
    topics: dict[str, str] = field(default_factory=dict)
    quotes: dict[str, list[Quote]] = field(default_factory=dict)


@dataclass(slots=True)
class AttendanceInfo:
    """One person's part in one meeting (status and role as written)."""

    person: str
    name: str
    status: str
    role: str
    quotes: list[Quote] = field(default_factory=list)


@dataclass(slots=True)
class DecisionInfo:
    """A decision recorded at a meeting; `summary` is its title, else its text."""

    iri: str
    item: str
    kind: str
    reference: str
    title: str
    text: str
    status: str
    quotes: list[Quote] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """The title when there is one, else the text."""
        return self.title or self.text or key_of(self.iri)


@dataclass(slots=True)
class MeetingInfo:
    """A meeting and everything the pictures show around it."""

    iri: str
    date: str
    body: str
    body_name: str
    body_kind: str
    force: str
    force_label: str
    file_name: str
    items: dict[str, ItemInfo] = field(default_factory=dict)
    attendances: dict[str, AttendanceInfo] = field(default_factory=dict)
    decisions: dict[str, DecisionInfo] = field(default_factory=dict)

    @property
    def topics(self) -> dict[str, str]:
        """Every topic of the meeting's items, IRI → label."""
        return {
            iri: label
            for item in self.items.values()
            for iri, label in item.topics.items()
        }


def key_of(iri: str) -> str:
    """Give the last path segment of an IRI: the key of a force, topic or status.

    >>> key_of("https://w3id.org/police-kg/id/topic/cyber-crime")
    'cyber-crime'
    """
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def select(store: GraphStore, name: str) -> list[Row]:
    """Run the saved query `queries/<name>.rq` over the union graph: rows of strings."""
    results = run_query(store, name, {})
    return [
        {
            var: term.value
            for var, term in zip(results.variables, row, strict=True)
            if term
        }
        for row in results.rows
    ]


def read_meetings(store: GraphStore) -> dict[str, MeetingInfo]:
    """Every meeting in `store` with its items, attendances and decisions."""
    meetings: dict[str, MeetingInfo] = {}
    for row in select(store, "viz-meetings"):
        if row["meeting"] not in meetings:
            meetings[row["meeting"]] = _meeting(row)
    _add_items(meetings, select(store, "viz-items"))
    _add_attendances(meetings, select(store, "viz-people"))
    _add_decisions(meetings, select(store, "viz-decisions"))
    return meetings


def _quote(row: Row) -> Quote | None:
    if "quote" not in row:
        return None
    return Quote(row["quote"], row.get("fileName", ""))


def _add_quote(quotes: list[Quote], row: Row) -> None:
    quote = _quote(row)
    if quote is not None and quote not in quotes:
        quotes.append(quote)


def _meeting(row: Row) -> MeetingInfo:
    force = row.get("force", "")
    return MeetingInfo(
        iri=row["meeting"],
        date=row.get("date", ""),
        body=row["body"],
        body_name=row.get("bodyName", key_of(row["body"])),
        body_kind=key_of(row.get("bodyKind", "")),
        force=force,
        force_label=row.get("forceLabel", key_of(force) if force else ""),
        file_name=row.get("fileName", ""),
    )


def _add_items(meetings: dict[str, MeetingInfo], rows: Iterable[Row]) -> None:
    for row in rows:
        meeting = meetings.get(row["meeting"])
        if meeting is None:
            continue
        item = meeting.items.setdefault(
            row["item"],
            ItemInfo(row["item"], row.get("number", ""), row.get("title", "")),
        )
        if "topic" in row:
            item.topics.setdefault(
                row["topic"], row.get("topicLabel", key_of(row["topic"]))
            )
            _add_quote(item.quotes.setdefault(row["topic"], []), row)


def _add_attendances(meetings: dict[str, MeetingInfo], rows: Iterable[Row]) -> None:
    for row in rows:
        meeting = meetings.get(row["meeting"])
        if meeting is None:
            continue
        attendance = meeting.attendances.setdefault(
            row["person"],
            AttendanceInfo(
                person=row["person"],
                name=row.get("name", key_of(row["person"])),
                status=key_of(row.get("status", "")),
                role=row.get("role", ""),
            ),
        )
        _add_quote(attendance.quotes, row)


def _add_decisions(meetings: dict[str, MeetingInfo], rows: Iterable[Row]) -> None:
    for row in rows:
        meeting = meetings.get(row["meeting"])
        if meeting is None:
            continue
        decision = meeting.decisions.setdefault(
            row["decision"],
            DecisionInfo(
                iri=row["decision"],
                item=row.get("item", ""),
                kind=key_of(row.get("kind", "")),
                reference=row.get("reference", ""),
                title=row.get("title", ""),
                text=row.get("text", ""),
                status=key_of(row.get("status", "")),
            ),
        )
        _add_quote(decision.quotes, row)
