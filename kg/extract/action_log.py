"""Action logs (extraction stage helper): an item's action log table to `Action`s.

Input is an item and the document text; output is the open rows of an action log
printed as a table ("| Action | Owner | Due date | Status |"), as `kg.records.Action`
values, and whether a row repeats a task the minutes' text already records, so
`kg.extract.actions` keeps each task once.
"""

from __future__ import annotations

import re

from kg.extract.sentences import read_table
from kg.records import Action, Item

# the columns of an action log: "| Action | Owner | Due date | Status |"
_LOG_COLUMNS = {
    "action": re.compile(r"(?:agreed |new )?actions?(?: required| agreed)?", re.I),
    "owner": re.compile(r"owner|lead|responsible|by whom|who|action owner", re.I),
    "status": re.compile(r"status|progress|rag(?: status)?|update", re.I),
}
# a row whose action is done belongs to an earlier meeting: "Complete", "Closed"
_DONE = re.compile(r"\W*(?:complete|completed|closed|done|discharged|achieved)\b", re.I)


def table_actions(item: Item, text: str) -> list[Action]:
    """Read the open rows of an action log table (action / owner / status columns)."""
    found = []
    for row in read_table(text, item.text_span, _LOG_COLUMNS, key="action"):
        cell = {k: text[v.start : v.end] for k, v in row.items()}
        if cell.get("action") and not _DONE.match(cell.get("status", "")):
            owner = cell.get("owner") or None
            found.append(Action(item.position, cell["action"], row["action"], owner))
    return found


_WORD = re.compile(r"[a-z0-9]+")
_SMALL = frozenset("a an and are as at be by for from in is of on the to".split())


def _content(words: str) -> set[str]:
    return set(_WORD.findall(words.lower())) - _SMALL


def repeats(row: Action, others: list[Action]) -> bool:
    """Tell whether an action log's row repeats a task the minutes' text records.

    >>> from kg.records import Span
    >>> row = Action(4, "Circulate the budget report", Span(0, 27))
    >>> said = Action(4, "OPCC to circulate the budget report to members", Span(40, 86))
    >>> repeats(row, [said]), repeats(row, [])
    (True, False)
    """
    mine = _content(row.text)
    return any(
        len(mine & theirs) * 2 >= min(len(mine), len(theirs))
        for theirs in (_content(a.text) for a in others)
        if mine and theirs
    )
