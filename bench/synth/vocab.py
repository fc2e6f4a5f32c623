"""Reference data and formatting: names, titles, posts, venues, dates and times.

Everything here is a constant or a pure function of a `random.Random`, so one seed
always writes the same words.
"""

from __future__ import annotations

import datetime as dt
import random

GIVEN = """Richard Bryony Heather Roz Mark Dee John Darren Vanessa Paul Sharon Clare
David Stuart Katherine Sue Andy Julian Alice Karin Alaina Marc Khalid Sam Neil Eddie
Geoff Anita Priya Rajesh Imran Aisha Fatima Mohammed Tariq Nadia Sarah Emma Rachel Helen
Joanne Louise Claire Nicola Gareth Rhys Dafydd Sian Bethan Owain Carys Alun Iwan Megan
Peter Michael Andrew Stephen Graham Ian Colin Keith Trevor Barry Nigel Simon Jonathan
Matthew Daniel Thomas James William George Harriet Olivia Grace Eleanor Chloe Amelia
Ruth Margaret Patricia Jean Pauline Yvonne Chidi Tunde Adaeze Kwame Grzegorz Agnieszka
Tomasz Liam Ciaran Siobhan Declan Fiona Ewan Hamish Moira""".split()
FEMALE = frozenset(
    """Bryony Heather Roz Dee Vanessa Sharon Clare Katherine Sue Alice Karin
Alaina Anita Priya Aisha Fatima Nadia Sarah Emma Rachel Helen Joanne Louise Claire
Nicola
Sian Bethan Carys Megan Harriet Olivia Grace Eleanor Chloe Amelia Ruth Margaret Patricia
Jean Pauline Yvonne Adaeze Agnieszka Siobhan Fiona Moira""".split()
)
GIVEN_BY_TITLE = {
    "Mrs": tuple(g for g in GIVEN if g in FEMALE),
    "Ms": tuple(g for g in GIVEN if g in FEMALE),
    "Mr": tuple(g for g in GIVEN if g not in FEMALE and g != "Sam"),
}

FAMILY = """Brown Ball Goddard Willis Collins Robins Minton Ridley Smith Medcalf Rushton
Waugh Briscoe Iveson Piper Johnson Marsh Simmonds Kern Milton Jones Takel Davies Hole
Ahmed Carroll Newcombe Fawcett Reeves Saul Webber Bradley Middlebrough Travis Patel Khan
Hussain Begum Singh Kaur Sharma Chowdhury Okafor Mensah Adeyemi Nowak Kowalski Evans
Williams Thomas Roberts Hughes Lewis Morgan Griffiths Price Pritchard Llewellyn Wright
Walker Green Hall Wood Clarke Turner Harrison Baker Cooper Ward Morris King Hill Moore
Jackson Lee Martin Thompson White Taylor Allen Young Scott Mitchell Carter Phillips
Parker Bennett Cook Bailey Bell Murphy Kelly Gallagher Fitzgerald Macdonald Campbell
Stewart Fraser Robertson Holloway Pemberton Ashworth Whitfield Fairbrother Sutcliffe
Ackroyd Oldroyd Hargreaves Fenwick Thwaite O'Brien O'Connor O'Neill Burns-Williamson
Casey-Rerhaye Lloyd-Jones Smith-Parker Hinchcliffe Entwistle Postlethwaite""".split()

# Posts without topic words, so that a list of them never makes an item look topical.
STAFF_ROLES = (
    ("Chief Executive", None),
    ("OPCC Chief Executive", "OPCC"),
    ("OPCC CFO", "OPCC"),
    ("OCC CFO", "OCC"),
    ("Monitoring Officer", None),
    ("Engagement Manager", None),
    ("Engagement Officer", None),
    ("Head of Policy", None),
    ("Scrutiny Officer", None),
    ("Democratic Services Officer", None),
    ("Governance Manager", None),
    ("Communications Officer", None),
    ("Legal Adviser", None),
    ("Treasurer", None),
    ("OPCC Head of Commissioning and Partnerships", "OPCC"),
    ("OPCC Strategic Planning Officer", "OPCC"),
    ("Senior Policy Officer", None),
    ("Director of People and Organisational Development", None),
    ("Deputy Police and Crime Commissioner", None),
    ("Panel Support Officer", None),
)
GUEST_ORGS = (
    "Home Office",
    "Local Government Association",
    "Grant Thornton",
    "Audit Wales",
    "Frontline Consulting",
)

COUNCILLOR_TITLES = ("Councillor", "Councillor", "Cllr")
LAY_TITLES = (None, None, "Mr", "Mrs", "Ms", "Dr")
RANK_TITLES = (
    "Ch. Supt.",
    "Chief Supt.",
    "Supt.",
    "Det. Supt.",
    "T/Det. Supt.",
    "DCI",
    "DI",
    "Insp.",
    "Superintendent",
    "Inspector",
)
CHIEF_TITLES = {
    "CC": "Chief Constable",
    "T/CC": "Temporary Chief Constable",
    "DCC": "Deputy Chief Constable",
    "T/DCC": "Temporary Deputy Chief Constable",
    "ACC": "Assistant Chief Constable",
    "T/ACC": "Temporary Assistant Chief Constable",
}

ROOMS = (
    "Gordano Room",
    "Committee Room 1",
    "Council Chamber",
    "Paralympic Meeting Room",
    "The Rickford Room",
    "Conference Room A",
    "Kennet Room",
    "Members' Room",
    "Jubilee Room",
    "Committee Room 2",
)
BUILDINGS = (
    "Council Offices",
    "Town Hall",
    "County Hall",
    "Civic Centre",
    "Police Headquarters",
    "Guildhall",
)
STREETS = (
    "Gatehouse Road",
    "Walliscote Grove Road",
    "High Street",
    "Castle Street",
    "Market Place",
    "Station Road",
    "Bridge Street",
    "Corporation Street",
)

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


def ordinal(day: int) -> str:
    """The day with its English suffix.

    >>> [ordinal(d) for d in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '31st']
    """
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def format_date(day: dt.date, style: int) -> str:
    """The date written in one of six styles seen in minutes.

    >>> [format_date(dt.date(2017, 3, 15), s) for s in range(3)]
    ['15th March 2017', 'Wednesday 15 March 2017', 'Wednesday, 15th March, 2017']
    >>> [format_date(dt.date(2017, 3, 5), s) for s in range(3, 6)]
    ['5 March 2017', 'Sunday 5th March 2017', '5th March, 2017']
    """
    month, week = MONTHS[day.month - 1], WEEKDAYS[day.weekday()]
    styles = (
        f"{ordinal(day.day)} {month} {day.year}",
        f"{week} {day.day} {month} {day.year}",
        f"{week}, {ordinal(day.day)} {month}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{week} {ordinal(day.day)} {month} {day.year}",
        f"{ordinal(day.day)} {month}, {day.year}",
    )
    return styles[style % len(styles)]


def format_clock(minutes: int, style: int) -> str:
    """A time of day in one of four styles.

    >>> [format_clock(14 * 60, s) for s in range(4)]
    ['2:00pm', '14:00', '2.00pm', '2.00 pm']
    >>> format_clock(10 * 60 + 30, 0), format_clock(12 * 60 + 15, 2)
    ('10:30am', '12.15pm')
    """
    hour, minute = divmod(minutes, 60)
    half = "am" if hour < 12 else "pm"
    twelve = hour - 12 if hour > 12 else hour
    styles = (
        f"{twelve}:{minute:02d}{half}",
        f"{hour:02d}:{minute:02d}",
        f"{twelve}.{minute:02d}{half}",
        f"{twelve}.{minute:02d} {half}",
    )
    return styles[style % len(styles)]


def format_times(start: int, end: int | None, style: int) -> str:
    """A start time, or a start and end time joined by a dash.

    >>> format_times(14 * 60, 16 * 60 + 50, 0)
    '2:00pm – 4:50pm'
    >>> format_times(13 * 60, 17 * 60, 1), format_times(630, None, 2)
    ('13:00 – 17:00', '10.30am')
    """
    if end is None:
        return format_clock(start, style)
    dash = " – " if style % 2 == 0 or style == 1 else " - "
    return f"{format_clock(start, style)}{dash}{format_clock(end, style)}"


def hhmm(minutes: int | None) -> str | None:
    """Minutes after midnight as gold's 24-hour `HH:MM`.

    >>> hhmm(14 * 60 + 5), hhmm(None)
    ('14:05', None)
    """
    return None if minutes is None else f"{minutes // 60:02d}:{minutes % 60:02d}"


def pick_date(rng: random.Random) -> dt.date:
    """A weekday between 2013 and 2024."""
    day = dt.date(2013, 1, 1) + dt.timedelta(days=rng.randrange(12 * 365))
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def pick_venue(rng: random.Random, town: str) -> str:
    """A venue as minutes print it: a room, or a room with building and address."""
    room = rng.choice(ROOMS)
    if rng.random() < 0.5:
        return room
    number = rng.randrange(1, 120)
    return f"{room}, {rng.choice(BUILDINGS)}, {number} {rng.choice(STREETS)}, {town}"


def money(rng: random.Random) -> str:
    """A sum of money in one of the forms minutes use.

    >>> money(random.Random(3)).startswith("£")
    True
    """
    value = rng.choice((45, 120, 250, 613.8, 650, 1700, 3650, 6000, 12500)) * 1000
    style = rng.randrange(3)
    if style == 0:
        return f"£{value:,.0f}"
    if value >= 1_000_000 and style == 1:
        return f"£{value / 1_000_000:g}M"
    return f"£{value / 1_000_000:g}m" if value >= 1_000_000 else f"£{value / 1000:g}k"
