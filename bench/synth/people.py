"""Who takes part: members, officers, guests, apologies and substitutes of one meeting.

Input: a seeded `random.Random`, the layout, body kind and force; output: `Person`s with
their gold status. Family names are drawn without replacement, so no two people of a
meeting can be mistaken for each other.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from bench.synth.forces import Force
from bench.synth.model import Person
from bench.synth.vocab import (
    CHIEF_TITLES,
    COUNCILLOR_TITLES,
    FAMILY,
    GIVEN,
    GIVEN_BY_TITLE,
    GUEST_ORGS,
    LAY_TITLES,
    RANK_TITLES,
    STAFF_ROLES,
)


class Names:
    """Draws given and family names; each family name at most once per meeting.

    Nor do two family names end alike (`Parker`, `Smith-Parker`): the scorer matches
    people on the last word of their names.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.families: Iterator[str] = distinct_endings(rng.sample(FAMILY, 40))

    def person(self, title: str | None = None, **fields: str | None) -> Person:
        """A new person with a fresh family name."""
        initial = self.rng.random() < 0.08
        return Person(
            self.rng.choice(GIVEN_BY_TITLE.get(title or "", GIVEN)),
            next(self.families),
            title,
            initial=initial,
            **fields,
        )


def distinct_endings(families: list[str]) -> Iterator[str]:
    """The names in order, skipping any whose last part was seen before.

    >>> list(distinct_endings(["Parker", "Lee", "Smith-Parker", "Hall"]))
    ['Parker', 'Lee', 'Hall']
    """
    seen: set[str] = set()
    for family in families:
        ending = family.split("-")[-1]
        if ending not in seen:
            seen.add(ending)
            yield family


def councillor(names: Names, force: Force, status: str) -> Person:
    """A council member of a panel or committee, with their council."""
    council = names.rng.choice(force.councils) if force.councils else None
    return names.person(
        names.rng.choice(COUNCILLOR_TITLES), organisation=council, status=status
    )


def independent(names: Names, status: str) -> Person:
    """An independent (co-opted) member."""
    return names.person(names.rng.choice(LAY_TITLES), status=status)


def commissioner(names: Names, force: Force, status: str = "in-attendance") -> Person:
    """The named Police and Crime Commissioner (or the BTPA's chief executive)."""
    role = (
        "Chief Executive"
        if force.id == "btp"
        else names.rng.choice(
            (
                "Police and Crime Commissioner",
                f"{force.area} Police and Crime Commissioner",
            )
        )
    )
    return names.person(role=role, status=status)


def chief_officer(names: Names, status: str) -> Person:
    """A chief officer styled by rank (`T/CC Dee Collins`), role from the rank."""
    title = names.rng.choice(tuple(CHIEF_TITLES))
    return names.person(title, role=CHIEF_TITLES[title], status=status)


def ranked_officer(names: Names, status: str) -> Person:
    """A superintendent, inspector or detective, styled by rank only."""
    return names.person(names.rng.choice(RANK_TITLES), status=status)


def staff(names: Names, status: str, roles: list[tuple[str, str | None]]) -> Person:
    """An officer of the OPCC or council with a post popped from `roles`."""
    role, org = roles.pop()
    return names.person(role=role, organisation=org, status=status)


def guest(names: Names, status: str = "in-attendance") -> Person:
    """A visitor named with an organisation (`Darren Medcalf, HMIC`)."""
    return names.person(organisation=names.rng.choice(GUEST_ORGS), status=status)


def members_and_apologies(names: Names, force: Force, *, sent: int) -> list[Person]:
    """Panel or committee members: some present, `sent` sending apologies."""
    rng = names.rng
    people = [councillor(names, force, "present") for _ in range(rng.randrange(3, 8))]
    if rng.random() < 0.5:
        people.append(independent(names, "present"))
    people += [councillor(names, force, "apologies") for _ in range(sent)]
    if sent and rng.random() < 0.3:
        people.append(independent(names, "apologies"))
    return people


def board_people(names: Names, force: Force) -> list[Person]:
    """A PCC board: commissioner, chief officers, staff, guests and apologies."""
    rng = names.rng
    roles = rng.sample(STAFF_ROLES, 8)
    people = [commissioner(names, force, "present"), chief_officer(names, "present")]
    people += [staff(names, "present", roles) for _ in range(rng.randrange(1, 4))]
    people += [ranked_officer(names, "present") for _ in range(rng.randrange(0, 3))]
    people += [staff(names, "in-attendance", roles) for _ in range(rng.randrange(0, 3))]
    if rng.random() < 0.4:
        people.append(guest(names))
    people += [staff(names, "apologies", roles) for _ in range(rng.randrange(0, 3))]
    return people


def panel_people(names: Names, force: Force) -> list[Person]:
    """A panel or committee with attendance lists: members, the PCC and officers."""
    rng = names.rng
    people = members_and_apologies(names, force, sent=rng.randrange(0, 4))
    if rng.random() < 0.2:
        people.append(councillor(names, force, "absent"))
    people.append(commissioner(names, force))
    roles = rng.sample(STAFF_ROLES, 4)
    people += [staff(names, "in-attendance", roles) for _ in range(rng.randrange(0, 3))]
    if rng.random() < 0.5:
        people.append(chief_officer(names, "in-attendance"))
    return people


def substitute_for(names: Names, absent: Person) -> Person:
    """A councillor attending in place of `absent`, from the same council."""
    return names.person(
        absent.title or "Councillor",
        organisation=absent.organisation,
        status="substitute",
    )
