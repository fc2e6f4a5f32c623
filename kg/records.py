"""Records: the contract between the parsing stage and the mapping stage.

Parsers (`kg.parse`) and extractors (`kg.extract`) turn a document's text into these
frozen dataclasses; `kg.mapping` turns them into RDF. Every extracted value carries a
`Span` into the source text, so each triple can point back at the words it came from.
Records hold no behaviour beyond trivial properties and round-trip through JSON
(`to_json`/`from_json`), which the golden-file tests rely on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class BodyKind(enum.Enum):
    """What kind of body held the meeting (GOLD.md `body_kind`)."""

    POLICE_AND_CRIME_PANEL = "police-and-crime-panel"
    PCC_BOARD = "pcc-board"
    COUNCIL_COMMITTEE = "council-committee"
    OTHER = "other"


class AttendanceStatus(enum.Enum):
    """How a person took part in a meeting ("not recorded" = no record at all)."""

    PRESENT = "present"
    IN_ATTENDANCE = "in-attendance"
    APOLOGIES = "apologies"
    SUBSTITUTE = "substitute"
    ABSENT = "absent"


class DecisionKind(enum.Enum):
    """The form in which a body records a decision."""

    DECISION_NOTICE = "decision-notice"
    RESOLUTION = "resolution"
    AGREEMENT = "agreement"


class DecisionStatus(enum.Enum):
    """Where a numbered decision notice stands, when the minutes say."""

    SIGNED = "signed"
    DEFERRED = "deferred"
    PENDING = "pending"


class Layout(enum.Enum):
    """The document layouts the parsers know (see `kg.parse`)."""

    NUMBERED_MINUTES = "numbered-minutes"
    AGENDA_AND_MINUTES = "agenda-and-minutes"
    MODERNGOV_ITEM = "moderngov-item"
    MODERNGOV_TABLE = "moderngov-table"
    GENERIC = "generic"


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character offsets `[start, end)` into the source text.

    >>> text = "Venue: Gordano Room"
    >>> text[Span(7, 19).start:Span(7, 19).end]
    'Gordano Room'
    """

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """A normalised value and the span of the words it was read from."""

    value: T
    span: Span


@dataclass(frozen=True, slots=True)
class Source:
    """The document a meeting was read from: file name, SHA-256, length in chars."""

    name: str
    sha256: str
    length: int


@dataclass(frozen=True, slots=True)
class Body:
    """The body that met; `force` is a police.uk force id or None."""

    name: str
    kind: BodyKind
    span: Span | None = None
    force: Located[str] | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """An agenda item in order of business.

    `number` is as printed ("3", "3a", "62/21") or the 1-based position when unprinted;
    `title_span` covers the printed title; `text_span` covers the item's own minuted
    text (without its heading). `agenda_number`/`agenda_title` hold what a separate
    agenda in the same document printed for it, when that differs.
    """

    position: int
    number: str
    title: str
    title_span: Span
    text_span: Span
    agenda_number: str | None = None
    agenda_title: str | None = None


@dataclass(frozen=True, slots=True)
class PersonName:
    """A name split from titles: `full` is the name as written, without title/post."""

    full: str
    title: str | None = None
    given: str | None = None
    family: str | None = None


@dataclass(frozen=True, slots=True)
class Attendance:
    """One person's part in a meeting (`span` is the shortest quote naming them so)."""

    name: PersonName
    status: AttendanceStatus
    span: Span
    role: str | None = None
    organisation: str | None = None
    substitute_for: str | None = None
    items: str | None = None
    virtual: bool = False


@dataclass(frozen=True, slots=True)
class PostMention:
    """A post named without a holder ("PCC", "Chief Constable") in an attendee list."""

    post: str
    status: AttendanceStatus
    span: Span


@dataclass(frozen=True, slots=True)
class ItemTopic:
    """A thesaurus topic (`key` of topics.ttl) an item discusses, and the phrase."""

    item: int
    key: str
    phrase: str
    span: Span


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum stated in a decision: `£3.65M` gives Decimal('3650000'), 'GBP'."""

    value: Decimal
    currency: str
    span: Span


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision of the body: `text`/`span` is the sentence that records it."""

    item: int | None
    kind: DecisionKind
    text: str
    span: Span
    ref: str | None = None
    title: str | None = None
    status: DecisionStatus | None = None
    amounts: tuple[Amount, ...] = ()


@dataclass(frozen=True, slots=True)
class Action:
    """A task given at the meeting; `owner` is the person or post as written."""

    item: int | None
    text: str
    span: Span
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A disagreement between the agenda and the minutes of one document."""

    kind: str
    description: str
    span: Span
    item: int | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    """Everything read from one minutes document."""

    source: Source
    layout: Layout
    body: Body
    date: Located[dt.date] | None = None
    start_time: Located[str] | None = None
    end_time: Located[str] | None = None
    venue: Located[str] | None = None
    items: tuple[Item, ...] = ()
    attendances: tuple[Attendance, ...] = ()
    posts: tuple[PostMention, ...] = ()
    topics: tuple[ItemTopic, ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    warnings: tuple[str, ...] = field(default=())


def to_json(record: Any) -> Any:
    """Turn a record into plain JSON values (enums by value, dates as ISO strings).

    >>> to_json(Span(1, 4))
    {'start': 1, 'end': 4}
    """
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {
            f.name: to_json(getattr(record, f.name)) for f in dataclasses.fields(record)
        }
    if isinstance(record, enum.Enum):
        return record.value
    if isinstance(record, dt.date):
        return record.isoformat()
    if isinstance(record, Decimal):
        return str(record)
    if isinstance(record, tuple | list):
        return [to_json(v) for v in record]
    return record


def from_json(kind: type[T], data: Any) -> T:
    """Rebuild a record of type `kind` from `to_json` output.

    >>> from_json(Span, {'start': 1, 'end': 4})
    Span(start=1, end=4)
    """
    return typing.cast(T, _decode(kind, data))


def _decode(kind: Any, data: Any) -> Any:
    if data is None:
        return None
    origin: Any = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _decode(options[0], data)
    if origin is tuple:
        inner = typing.get_args(kind)[0]
        return tuple(_decode(inner, v) for v in data)
    if origin is not None and dataclasses.is_dataclass(origin):
        return _decode_record(origin, data, typing.get_args(kind))
    if dataclasses.is_dataclass(kind):
        return _decode_record(kind, data, ())
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(data)
    if kind is dt.date:
        return dt.date.fromisoformat(data)
    if kind is Decimal:
        return Decimal(data)
    return data


def _decode_record(cls: Any, data: dict[str, Any], args: tuple[Any, ...]) -> Any:
    """Build dataclass `cls` from `data`, resolving type parameters to `args`."""
    hints = typing.get_type_hints(cls)
    params = dict(zip(getattr(cls, "__parameters__", ()), args, strict=False))
    values = {}
    for name, value in data.items():
        hint = hints[name]
        values[name] = _decode(params.get(hint, hint), value)
    return cls(**values)


EXAMPLE_MEETING = Meeting(
    source=Source(name="example.txt", sha256="0" * 64, length=64),
    layout=Layout.NUMBERED_MINUTES,
    body=Body(
        name="Avon and Somerset Police and Crime Panel",
        kind=BodyKind.POLICE_AND_CRIME_PANEL,
        span=Span(0, 22),
        force=Located("avon-and-somerset", Span(0, 17)),
    ),
    date=Located(dt.date(2017, 3, 15), Span(24, 38)),
    items=(
        Item(
            position=1,
            number="1",
            title="Cyber Crime",
            title_span=Span(43, 54),
            text_span=Span(55, 64),
        ),
    ),
)
