"""Building blocks of the synthetic minutes generator behind `bench/corpus.py`.

`plan` draws a meeting (force, body, date, people, items) from a seeded `random.Random`;
`render_minutes` and `render_moderngov` write it out in one of the four layouts the
parsers know; `gold` turns what was written into a GOLD.md record.
"""
