"""Where a clause or a part of a sentence starts: the words a number's reading may look back on.

A clause ends at a comma, a semicolon, a full stop or a colon; a part of a sentence at a semicolon or a
full stop (冶金事故3起,死亡3人；机械事故0起: each ；-part holds one subject's figures). Rules that need
other breaks (a list item also ends at 、) pass their own.
"""

from __future__ import annotations

CLAUSE_BREAKS = "，,；;。：:"
PART_BREAKS = "；;。"
# breaks that also end a clause where a number's unit or value is read: exclamations, questions, brackets
WIDE_CLAUSE_BREAKS = CLAUSE_BREAKS + "！？!?（）()"


def clause_start(sentence: str, at: int, breaks: str = CLAUSE_BREAKS, floor: int = 0) -> int:
    """Where the clause holding `at` starts: right after the last of `breaks` in [floor, at), else `floor`."""
    return max([floor] + [sentence.rfind(ch, floor, at) + 1 for ch in breaks])


def clause_before(sentence: str, at: int, breaks: str = CLAUSE_BREAKS) -> str:
    """The text from the last clause break before `at` up to `at`."""
    return sentence[clause_start(sentence, at, breaks):at]


def part_before(sentence: str, at: int) -> str:
    """The text from the last ；or 。 before `at` up to `at`: the part of the sentence `at` is in."""
    return clause_before(sentence, at, PART_BREAKS)


def same_part(sentence: str, start: int, end: int) -> bool:
    """Whether no ；, ; or 。 stands between `start` and `end`: both in one part of the sentence."""
    return not any(ch in PART_BREAKS for ch in sentence[start:end])
