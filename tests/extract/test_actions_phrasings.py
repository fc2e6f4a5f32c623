"""Action phrasings of other forces' minutes: headings, logs, requests taken up."""

from __future__ import annotations

import pytest

from kg.extract.actions import action_owner, actions_of_item, is_action, table_actions
from kg.extract.decisions import decisions_of_item
from kg.records import Item, Span


@pytest.mark.parametrize(
    "sentence",
    [
        "The Commissioner undertook to write to the Home Office to seek a settlement.",
        "The Chief Finance Officer is to provide a revised business case by April.",
        "The Commissioner would report progress to the Panel in January 2024.",
        "The Chief Constable confirmed that the force would publish the results.",
        "Officers were requested to circulate the letter to all Panel members.",
        "It was requested that the next report show outcomes by ethnicity.",
        "The PFCC asked the force to come back with a comparison of providers.",
        "The CC said the force was recruiting and would brief the PFCC in June.",
        "Members will receive a briefing on the Safer Streets evaluation.",
        "The Scrutiny Officer will invite the Chief Constable to the next meeting.",
        "The item would be considered at the next meeting of the Panel.",
        "The PFCC asked the force to explain in writing why the target was missed.",
    ],
)
def test_other_forces_actions(sentence: str) -> None:
    assert is_action(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chairman asked for further information about the merger of the providers.",
        "The PFCC asked for an explanation of the increase in crimes closed.",
        "The PCC asked that given the increase did WYP feel resources were right.",
        "The Panel was asked to appoint a Chair just for this meeting.",
        "The increase would raise an additional £8.1 million.",
        "The Commissioner will be attending the national conference next week.",
        "The PCC asked the Chief Constable to explain why the wait had risen.",
        "The Chief Constable said this would be considered.",
    ],
)
def test_questions_and_forecasts_are_not_actions(sentence: str) -> None:
    assert not is_action(sentence)


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        (
            "ACTION: Chief Constable to provide a breakdown of officers.",
            "Chief Constable",
        ),
        (
            "R1/23 - The Chief Finance Officer to share the savings plan.",
            "The Chief Finance Officer",
        ),
    ],
)
def test_owner_follows_the_action_label_and_number(sentence: str, owner: str) -> None:
    assert action_owner(sentence) == owner


def item_of(body: str) -> tuple[Item, str]:
    text = f"Business\n\n{body}"
    return Item(1, "4", "Business", Span(0, 8), Span(10, len(text))), text


def texts(body: str) -> list[str]:
    item, text = item_of(body)
    decisions = tuple(decisions_of_item(item, text))
    return [a.text for a in actions_of_item(item, text, decisions=decisions)]


def test_an_action_log_gives_its_open_rows_with_owners() -> None:
    item, text = item_of(
        "| No. | Action | Owner | Status |\n|---|---|---|---|\n"
        "| 23/01 | Provide the 999 abandonment rates | ACC Lawson | Complete |\n"
        "| 23/03 | Present options for the fleet | Chief Finance Officer | Open |\n"
    )
    (action,) = table_actions(item, text)
    assert (action.text, action.owner) == (
        "Present options for the fleet",
        "Chief Finance Officer",
    )
    assert text[action.span.start : action.span.end] == action.text


def test_lines_under_an_actions_heading_are_actions() -> None:
    body = (
        "Actions/ further information to be provided:\n\n"
        "R1/23 - The Chief Finance Officer to share the savings plan.\n\nNext item."
    )
    assert texts(body) == [
        "R1/23 - The Chief Finance Officer to share the savings plan."
    ]


def test_an_action_label_inside_a_line_starts_an_action() -> None:
    body = "Costs were discussed. ACTION: OPCC to circulate the results to members."
    assert texts(body) == ["ACTION: OPCC to circulate the results to members."]


def test_a_request_taken_up_at_once_is_one_action() -> None:
    body = (
        "Councillor Sewell asked for a breakdown of the programme by area. "
        "The Director agreed to provide this to members before the next meeting."
    )
    assert texts(body) == [
        "The Director agreed to provide this to members before the next meeting."
    ]


def test_a_request_followed_by_another_task_stays_an_action() -> None:
    body = (
        "The Commissioner asked that the next report include the disclosures. "
        "The Chief Constable agreed to bring a paper on repeat perpetrators in May."
    )
    assert len(texts(body)) == 2


def test_a_request_the_body_then_decides_on_is_the_decision_only() -> None:
    body = (
        "The PCC asked that a future meeting be held at the training college. "
        "It was agreed that the Panel make a decision on this in June."
    )
    assert texts(body) == []


def test_an_agreement_to_receive_a_report_is_a_decision_not_an_action() -> None:
    assert (
        texts("The Authority agreed to receive a further report at its next meeting.")
        == []
    )


def test_a_pointer_to_an_exempt_list_is_not_an_action() -> None:
    assert texts("Actions List:\n\nSee Exempt Actions List") == []
