from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.money import find_amounts, parse_amount
from kg.records import Span


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("£3.65M", Decimal("3650000")),
        ("£1,700,000", Decimal("1700000")),
        ("£613,800", Decimal("613800")),
        ("£6m", Decimal("6000000")),
        ("£2.5 million", Decimal("2500000")),
        ("£500k", Decimal("500000")),
        ("£1.2bn", Decimal("1200000000")),
        ("£650,000", Decimal("650000")),
        ("£12.50", Decimal("12.50")),
        ("£ 40,000", Decimal("40000")),
        ("40,000", None),
        ("£", None),
    ],
)
def test_parse_amount_table(words: str, value: Decimal | None) -> None:
    assert parse_amount(words) == value


def test_find_amounts_gives_spans_and_currency() -> None:
    text = (
        "Decision to approve refurbishment at a cost ceiling of £3.65M to house staff"
    )
    (amount,) = find_amounts(text, Span(0, len(text)))
    assert (amount.value, amount.currency) == (Decimal("3650000"), "GBP")
    assert text[amount.span.start : amount.span.end] == "£3.65M"


def test_find_amounts_stays_inside_the_region() -> None:
    text = "£5m here; £7m there"
    amounts = find_amounts(text, Span(9, len(text)))
    assert [a.value for a in amounts] == [Decimal("7000000")]
