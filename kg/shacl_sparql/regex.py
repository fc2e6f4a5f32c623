r"""Reading `sh:pattern`s in Python: a SPARQL REGEX pattern in, a `re` pattern out.

Part of the SPARQL validation engine (`kg.shacl_sparql`). Oxigraph runs SPARQL's
REGEX with the Rust `regex` crate, whose syntax is close to Python's `re` but not
the same: `$` is the end of the text only (Python's also matches before a final
newline), `[[:alpha:]]`, `&&` and `--` are class operations, `\d` and case folding
follow other Unicode tables, a `{` that is not a repetition is an error. So only a
small, plain subset is translated: literal ASCII characters, escaped
metacharacters, classes of ASCII characters and ranges, `.`, groups, alternation,
anchors and repetitions (counted ones at most `MOST_REPEATS`, on one character or
class). Anything else gives None, and SPARQL checks the pattern.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

# A counted repetition's largest count (Oxigraph refuses regexes that compile big).
MOST_REPEATS = 100
_LITERAL = set(string.ascii_letters + string.digits + "_-/:@,='\"%!;<> ")
_IN_CLASS = set(string.ascii_letters + string.digits + "_./:@,'\"%!;=+*?(){}$ ")
_ESCAPED = set(".^$*+?()[]{}|\\-")
# Oxigraph's flags: `s` lets `.` match a newline, as Python's re.DOTALL does.
_FLAGS = {"s": re.DOTALL}
_COUNT = re.compile(r"\{(\d{1,3})(,(\d{1,3})?)?\}")


@lru_cache(maxsize=256)
def python_regex(pattern: str, flags: str = "") -> re.Pattern[str] | None:
    r"""Give the `re` pattern that matches what REGEX(text, pattern, flags) matches.

    None when the pattern or a flag is outside the subset read the same way.

    >>> python_regex("^[A-Z]{3}$").search("GBP\n") is None
    True
    >>> python_regex(r"\d+") is None, python_regex("a", "i") is None
    (True, True)
    """
    if not set(flags) <= set(_FLAGS):
        return None
    translated = _translate(pattern)
    if translated is None:
        return None
    options = 0
    for flag in set(flags):
        options |= _FLAGS[flag]
    try:
        return re.compile(translated, options)
    except re.error:
        return None


def _translate(pattern: str) -> str | None:
    """Rewrite `pattern` for `re`, or None where the two syntaxes may differ."""
    out: list[str] = []
    # Whether the last token can be repeated, and repeated by a count.
    repeatable = countable = False
    at = 0
    while at < len(pattern):
        char = pattern[at]
        if char in "*+?{":
            if not repeatable:
                return None
            end = _repetition_end(pattern, at, countable=countable)
            if end is None:
                return None
            out.append(pattern[at:end])
            at = end
            repeatable = countable = False
            continue
        token, at = _token(pattern, at)
        if token is None:
            return None
        out.append(token)
        repeatable = token not in ("^", r"\Z", "(", "(?:", "|")
        countable = repeatable and token != ")"
    return "".join(out)


def _repetition_end(pattern: str, at: int, *, countable: bool) -> int | None:
    """Give where the repetition at `at` ends (with a lazy `?`), if it is plain."""
    if pattern[at] == "{":
        count = _COUNT.match(pattern, at)
        if count is None or not countable:
            return None
        low, high = int(count.group(1)), count.group(3)
        if max(low, int(high or 0)) > MOST_REPEATS or (high and int(high) < low):
            return None
        end = count.end()
    else:
        end = at + 1
    return end + 1 if pattern[end : end + 1] == "?" else end


def _token(pattern: str, at: int) -> tuple[str | None, int]:
    """Give the `re` text of the token at `at` (None: not in the subset) and its end."""
    char = pattern[at]
    if char == "$":
        # Rust's `$` is the end of the text only, as Python's `\Z` is (not its `$`).
        return r"\Z", at + 1
    if char in "^.|)":
        return char, at + 1
    if char == "(":
        if pattern.startswith("(?:", at):
            return "(?:", at + 3
        return ("(", at + 1) if pattern[at + 1 : at + 2] != "?" else (None, at)
    if char == "\\":
        escaped = pattern[at + 1 : at + 2]
        return (
            (f"\\{escaped}", at + 2) if escaped in _ESCAPED and escaped else (None, at)
        )
    if char == "[":
        return _class(pattern, at)
    return (char, at + 1) if char in _LITERAL else (None, at)


def _class(pattern: str, at: int) -> tuple[str | None, int]:
    """Read the character class at `at`: ASCII characters, ranges, a plain `-`."""
    at += 1
    negated = pattern[at : at + 1] == "^"
    at += negated
    items: list[str] = []
    while at < len(pattern) and pattern[at] != "]":
        char = pattern[at]
        if char == "\\":
            escaped = pattern[at + 1 : at + 2]
            if not escaped or escaped not in "\\]-^.[":
                return None, at
            items.append(f"\\{escaped}")
            at += 2
        elif char == "-":
            # A dash is literal first or last; otherwise it makes a range.
            if not items or pattern[at + 1 : at + 2] == "]":
                items.append(r"\-")
                at += 1
            elif not _range(items[-1], pattern[at + 1 : at + 2]):
                return None, at
            else:
                items[-1] += "-" + pattern[at + 1]
                at += 2
        elif char in _IN_CLASS:
            items.append(char)
            at += 1
        else:
            return None, at
    if at >= len(pattern) or not items:
        return None, at
    return "[" + "^" * negated + "".join(items) + "]", at + 1


def _range(low: str, high: str) -> bool:
    """Tell whether `low-high` is a range both syntaxes read the same way."""
    for chars in (string.digits, string.ascii_lowercase, string.ascii_uppercase):
        if len(low) == 1 and low in chars and high and high in chars:
            return low <= high
    return False
