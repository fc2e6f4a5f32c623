"""Item content: topic discussion, decisions, actions and the standard items of
business.

Input: a seeded `random.Random` and a `Context` (the meeting's area, force, actors);
output: `Item`s whose lines record, beside their text, the gold decision or action each
holds.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bench.synth.model import Block, Item, Line
from bench.synth.topics import FRAMES, NEUTRAL, TOPICS
from bench.synth.vocab import MONTHS, money


@dataclass(frozen=True, slots=True)
class Context:
    """What item text may mention: places, the body, actors and owners of actions."""

    area: str
    force: str
    town: str
    actor: str
    body: str
    owners: tuple[str, ...]
    year: int


def cap(text: str) -> str:
    """Upper-case the first letter only.

    >>> cap("the PCC"), cap("ASB")
    ('The PCC', 'ASB')
    """
    return text[:1].upper() + text[1:]


def topic_sentence(rng: random.Random, ctx: Context, key: str) -> str:
    """One sentence about topic `key`, in a frame that adds no other topic."""
    phrase = rng.choice(TOPICS[key].phrases)
    if key == "finance" and rng.random() < 0.3:
        sum_ = money(rng)
        return f"{cap(ctx.actor)} reported that {sum_} had been set against {phrase}."
    frame = rng.choice(FRAMES)
    return frame.format(
        p=phrase,
        P=cap(phrase),
        area=ctx.area,
        force=ctx.force,
        Actor=cap(ctx.actor),
        actor=ctx.actor,
        n=rng.randrange(12, 900),
        n2=rng.randrange(2, 40),
    )


def neutral_sentence(rng: random.Random, ctx: Context, key: str = "") -> str:
    """A sentence with no topic, decision or action (`key` is ignored)."""
    return rng.choice(NEUTRAL).format(actor=ctx.actor, body=ctx.body)


def decision_sentence(rng: random.Random, ctx: Context, key: str) -> tuple[str, str]:
    """A (kind, sentence) agreement or resolution about topic `key`."""
    phrase = rng.choice(TOPICS[key].phrases)
    month = rng.choice(MONTHS)
    options = (
        (
            "agreement",
            f"It was agreed that a further update on {phrase} be brought to "
            f"the {month} meeting.",
        ),
        (
            "agreement",
            f"{cap(ctx.body)} agreed to receive a further report on {phrase} "
            f"in {month}.",
        ),
        ("resolution", f"RESOLVED that the report on {phrase} be noted."),
        ("resolution", f"Resolved - that the update on {phrase} be noted."),
        (
            "resolution",
            f"RESOLVED: That {ctx.body} supports the proposed approach to {phrase}.",
        ),
    )
    return rng.choice(options)


def action_line(rng: random.Random, ctx: Context, key: str, lead: str) -> Line:
    """A line that records an action about topic `key`, after the sentence `lead`."""
    phrase = rng.choice(TOPICS[key].phrases)
    owner = cap(rng.choice(ctx.owners))
    style = rng.randrange(6)
    if style == 0:
        quote = f"{owner} to circulate the briefing on {phrase} to members."
        return Line(f"Action: {quote}", "action", quote, owner=owner)
    sentences = (
        f"{owner} would report back to {ctx.body} on {phrase} at the next meeting.",
        f"{owner} agreed to report back on {phrase} with regard to the position in "
        f"{ctx.area}.",
        f"{owner} will provide a written update on {phrase} to members.",
        f"A written briefing on {phrase} would be circulated to members.",
        f"{owner} to share the latest data on {phrase} with members.",
    )
    quote = sentences[style - 1]
    return Line(f"{lead} {quote}", "action", quote, owner=None if style == 4 else owner)


def topic_lines(
    rng: random.Random, ctx: Context, item: Item, keys: list[str]
) -> list[Line]:
    """Discussion lines for `keys`, with a decision or an action on some of them."""
    lines = []
    for key in keys:
        item.add_topic(key)
        for _ in range(rng.randrange(1, 4)):
            lines.append(discussion_line(rng, ctx, key))
    return lines


def discussion_line(rng: random.Random, ctx: Context, key: str) -> Line:
    """Two to four sentences on `key`; a decision or an action in half of them."""
    sentences = [topic_sentence(rng, ctx, key)]
    for _ in range(rng.randrange(1, 3)):
        write = rng.choice((topic_sentence, topic_sentence, neutral_sentence))
        sentence = write(rng, ctx, key)
        if sentence not in sentences:
            sentences.append(sentence)
    lead = " ".join(sentences)
    roll = rng.random()
    if roll < 0.25:
        kind, quote = decision_sentence(rng, ctx, key)
        after = f" {neutral_sentence(rng, ctx)}" if rng.random() < 0.3 else ""
        line = Line(f"{lead} {quote}{after}", kind, quote)
    elif roll < 0.5:
        line = action_line(rng, ctx, key, lead)
    else:
        line = Line(lead)
    line.topic = key
    return line


def topic_item(rng: random.Random, ctx: Context, keys: list[str]) -> Item:
    """A substantive item about `keys` (the first names its title)."""
    title = rng.choice(TOPICS[keys[0]].titles)
    item = Item("topic", title)
    if title.startswith("Safeguarding:"):
        item.add_topic("safeguarding")
    lines = topic_lines(rng, ctx, item, keys + keys[:1])
    item.add_topic(keys[0])
    item.blocks.append(Block("para", [Line(neutral_sentence(rng, ctx))] + lines[:1]))
    if len(lines) > 1 and rng.random() < 0.5:
        item.blocks.append(Block("para", [Line("Members raised the following:")]))
        item.blocks.append(Block("bullets", lines[1:]))
    elif len(lines) > 1:
        item.blocks.append(Block("para", lines[1:]))
    return item


def notice_line(
    rng: random.Random, ctx: Context, item: Item, number: int, notice: tuple[str, str]
) -> Line:
    """Decision notice `number` on (topic key, text), with a standard last sentence."""
    key, text = notice
    if "{money}" in text:
        item.add_topic("finance")
    item.add_topic(key)
    ref = f"{ctx.year}/{number:03d}"
    quote = f"{ref} {text.format(town=ctx.town, money=money(rng))}."
    tail = rng.choice(
        (
            "The Decision Notice will be signed and published on the PCC's website.",
            "The Decision Notice was signed at the meeting.",
            "",
        )
    )
    return Line(f"{quote} {tail}".strip(), "decision-notice", quote, ref=ref)


def notices_item(rng: random.Random, ctx: Context) -> Item:
    """The `Decisions` item of a PCC board: two to five numbered notices."""
    item = Item("decisions", rng.choice(("Decisions", "Decision Notices")))
    first = rng.randrange(1, 40)
    notices = [(k, text) for k in sorted(TOPICS) for text in TOPICS[k].notices]
    chosen = rng.sample(notices, rng.randrange(2, 6))
    lines = [notice_line(rng, ctx, item, first + i, n) for i, n in enumerate(chosen)]
    intro = Line("Please note that Decision Notices are published on the PCC website.")
    item.blocks = [Block("para", [intro]), Block("para", lines)]
    return item
