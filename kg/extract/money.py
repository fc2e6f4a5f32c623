"""Money amounts for the extraction stage: a text region to typed `Amount` records.

Minutes write sums of money as `£3.65M`, `£1,700,000`, `£613,800`, `£6m`,
`£2.5 million`, `£500k` or `£1.2bn`; `find_amounts(text, span)` reads each into a
`Decimal` in pounds with currency 'GBP' and the span of the words it was read from.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from kg.records import Amount, Span

# "£3.65M", "£1,700,000", "£613,800", "£6m", "£2.5 million", "£500k", "£1.2bn"
_AMOUNT = re.compile(
    r"£\s?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>million|billion|thousand|bn|m|k)\b)?",
    re.IGNORECASE,
)

_SCALES = {
    "k": Decimal(1_000),
    "thousand": Decimal(1_000),
    "m": Decimal(1_000_000),
    "million": Decimal(1_000_000),
    "bn": Decimal(1_000_000_000),
    "billion": Decimal(1_000_000_000),
}


def parse_amount(words: str) -> Decimal | None:
    """Read the value in pounds of one written amount, or None when it is not one.

    >>> parse_amount("£3.65M"), parse_amount("£1,700,000"), parse_amount("£500k")
    (Decimal('3650000'), Decimal('1700000'), Decimal('500000'))
    >>> parse_amount("£2.5 million"), parse_amount("three pounds")
    (Decimal('2500000'), None)
    """
    found = _AMOUNT.fullmatch(words.strip())
    return _value(found) if found else None


def _value(found: re.Match[str]) -> Decimal | None:
    try:
        number = Decimal(found.group("number").replace(",", ""))
    except InvalidOperation:
        return None
    scale = (found.group("scale") or "").lower()
    value = number * _SCALES.get(scale, Decimal(1))
    return value.quantize(Decimal(1)) if value == value.to_integral() else value


def find_amounts(text: str, span: Span) -> tuple[Amount, ...]:
    """Find every amount of money written in `text[span]`, in order.

    >>> text = "a cost ceiling of £3.65M and £613,800"
    >>> [(a.value, a.span.start) for a in find_amounts(text, Span(0, len(text)))]
    [(Decimal('3650000'), 18), (Decimal('613800'), 29)]
    """
    amounts = []
    for found in _AMOUNT.finditer(text, span.start, span.end):
        value = _value(found)
        if value is not None:
            amounts.append(Amount(value, "GBP", Span(found.start(), found.end())))
    return tuple(amounts)
