"""Normalise decoded report text for analysis while remembering where every character came from.

Reports arrive in traditional or simplified script, with full-width digits, web-page debris
(pinyin glosses, mirror-site spam) and layout breaks from page and line wrapping. Every later
stage works on the normalised text, but every offset we publish must point into the original
decoded text, so each normalised character carries the offset of the character it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import opencc

from pipeline.datafiles import read_lines

# Closing characters after which a line break ends a sentence or a heading.
_TERMINATORS = set("。！？!?；;：:…”’」』）)】>》")
# Characters that cannot begin a line of their own: a break before them is a layout break.
_NO_LINE_START = set("，,、。；;：:）)%％”’」』》") | set("起件家名人个次份条项元万亿千百多余场批期篇座处支册")
# A line at least this long that does not end a sentence was wrapped by layout, not by the author.
_WRAPPED_LINE_MIN_CHARS = 25
# A line starting like this opens a heading or an item: the break before it is the author's.
_ENUMERATOR_START = re.compile(r"[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+[，,、]")  # noqa: E501

_FULL_WIDTH_ASCII = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_FULL_WIDTH_ASCII.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_FULL_WIDTH_ASCII.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_FULL_WIDTH_ASCII.update({"％": "%", "．": ".", "＋": "+", "－": "-", "／": "/", "～": "~", "\u3000": " ", "\xa0": " ",
                        "\ufe6a": "%"})  # ﹪, the small percent sign

_PINYIN_GLOSS = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
# Tabs are not here: they separate table cells (from web pages and Word tables) and stay.
_HORIZONTAL_SPACE = re.compile(r"[ \u3000\xa0\u2002\u2003\u200b\ufeff]+")


@dataclass(frozen=True)
class NormalisedText:
    """Normalised text plus `origin`: origin[i] is the original offset of text[i]."""

    text: str
    origin: np.ndarray  # int64, one entry per character of text, strictly increasing
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text onto the original text."""
        if end <= start:
            point = int(self.origin[start]) if start < len(self.origin) else self.original_length
            return point, point
        return int(self.origin[start]), int(self.origin[end - 1]) + 1


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _spam() -> tuple[re.Pattern[str], ...]:
    """The literal spam words (spam_terms.txt) as one regex, longest first, and each spam pattern
    (spam_patterns.txt) as a regex of its own: one alternation of them all is tried branch by
    branch at every position, several times slower than separate scans."""
    terms = [re.escape(t) for t in sorted(read_lines("spam_terms.txt"), key=len, reverse=True)]
    regexes = [re.compile("|".join(terms))] if terms else []
    return tuple(regexes + [re.compile(p) for p in read_lines("spam_patterns.txt")])


@lru_cache(maxsize=1)
def _debris_line() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in read_lines("web_debris.txt")))


def is_debris_line(line: str) -> bool:
    """True for web-page furniture such as 扫码查看手机版 or 字号:[大 中 小]."""
    return bool(_debris_line().fullmatch(line.strip()))


@lru_cache(maxsize=1)
def _title_endings() -> tuple[str, ...]:
    return tuple(read_lines("title_endings.txt"))


# A title is set off by a blank line, or opens the document within this many characters.
_TITLE_ZONE_CHARS = 200


def _ends_its_line(line: str, line_start: int, blank_line_after: bool) -> bool:
    """A title, a table row or page furniture: the break after it is real, however long the line."""
    stripped = line.strip()
    titled = stripped.endswith(_title_endings()) and (blank_line_after or line_start < _TITLE_ZONE_CHARS)
    return titled or "\t" in line or is_debris_line(stripped)


def _headline(line: str, line_start: int, blank_line_after: bool, next_line: str) -> bool:
    """The first line, set off by a blank line and short, is a headline whatever it ends with (…迈出新步伐),
    unless it ends mid-clause (…同比分别) or the next line goes on with a count (…曝光典型案例\n\n64起。)."""
    stripped = line.strip()
    return (line_start == 0 and blank_line_after and len(stripped) <= _HEADLINE_MAX_CHARS and "。" not in stripped
            and not stripped.endswith(_CLAUSE_GOES_ON) and not _COUNT_START.match(next_line))


_HEADLINE_MAX_CHARS = 40
_CLAUSE_GOES_ON = tuple("，,、；;：:") + ("分别", "同比", "和", "及", "与", "的")
_COUNT_START = re.compile(r"\s*\d+(?:\.\d+)?(?![\d.年月日])")


@lru_cache(maxsize=1)
def _variants() -> dict[int, str]:
    return {ord(variant): simplified for variant, simplified in (line.split() for line in read_lines("variant_characters.txt"))}


def to_simplified(text: str) -> str:
    """Traditional → simplified with OpenCC t2s, which maps character for character, after the
    variant characters OpenCC does not know (陜西 → 陕西, variant_characters.txt)."""
    text = text.translate(_variants())
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_t2s().convert(ch) if len(_t2s().convert(ch)) == 1 else ch for ch in text)


def _delete_spans(text: str, origin: np.ndarray, spans: list[tuple[int, int]]) -> tuple[str, np.ndarray]:
    """Remove the (possibly overlapping) half-open spans from `text` and from its origin map.

    Works on slices of the string and a mask over the array rather than character by character.
    """
    if not spans:
        return text, origin
    kept_text: list[str] = []
    keep = np.ones(len(origin), dtype=bool)
    position = 0
    for start, end in sorted(spans):
        if end <= start:
            continue
        if start > position:
            kept_text.append(text[position:start])
        keep[start:end] = False
        position = max(position, end)
    kept_text.append(text[position:])
    return "".join(kept_text), origin[keep]


# a heading's enumerator, not a list of numerals (一、二级, 一、二季度): a page converted onto one line
# (二、行业情况 (一)工矿商贸事故。) keeps the space before it, where the sentence splitter starts a sentence
SECTION_ENUMERATOR = r"[一二三四五六七八九十]{1,3}、"  # 二、 opens a section
PART_ENUMERATOR = r"[(（][一二三四五六七八九十]{1,3}[)）]"  # (一) a part of one
YEAR = r"(?:19|20)\d\d"  # the digits of a year
# an enumerator opening a line or a part: (一), 一、, 1.
ENUMERATION = r"(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])"
LEADING_ENUMERATOR = re.compile(r"^\s*" + ENUMERATION + r"\s*")
HEADING_ENUMERATOR = rf"(?:{PART_ENUMERATOR}|{SECTION_ENUMERATOR})(?![一二三四五六七八九十\d]|级|季度|月)"
_HEADING_ENUMERATOR = re.compile(HEADING_ENUMERATOR)


def _space_spans(text: str) -> list[tuple[int, int]]:
    """Spaces inside Chinese text are layout (`2022 年`, `44980 元`); spaces between Latin words are not,
    nor are spaces before a heading's enumerator in the middle of a line."""
    spans = []
    for m in _HORIZONTAL_SPACE.finditer(text):
        before = text[m.start() - 1] if m.start() else "\n"
        after = text[m.end()] if m.end() < len(text) else "\n"
        between_latin = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
        # only in the middle of a line: an indented heading keeps its line break instead
        mid_line_heading = before != "\n" and " " in m.group() and _HEADING_ENUMERATOR.match(text, m.end()) is not None
        if not between_latin and not mid_line_heading:
            spans.append((m.start(), m.end()))
    return spans


def _line_break_spans(text: str) -> list[tuple[int, int]]:
    """Decide for each run of line breaks whether it is a layout break (delete) or a real one (keep one \\n)."""
    deletions: list[tuple[int, int]] = []
    for m in re.finditer(r"\n+", text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        previous_line = text[line_start : m.start()]
        next_char = text[m.end()] if m.end() < len(text) else ""
        if not previous_line or not next_char:
            deletions.append((m.start() + 1, m.end()))
            continue
        last = previous_line[-1]
        next_line_end = text.find("\n", m.end())
        next_line = text[m.end() : next_line_end if next_line_end >= 0 else len(text)]
        wrapped = (len(previous_line) >= _WRAPPED_LINE_MIN_CHARS and last not in _TERMINATORS
                   and not _ends_its_line(previous_line, line_start, m.end() - m.start() > 1)
                   and not _headline(previous_line, line_start, m.end() - m.start() > 1, next_line)
                   and not _ENUMERATOR_START.match(next_line)
                   and not is_debris_line(next_line))
        # 64\n\n起 and a table row 其中：… under its total continue the line before.
        continues = last not in _TERMINATORS and (next_char in _NO_LINE_START or next_line.startswith("其中"))
        if wrapped or continues:
            deletions.append((m.start(), m.end()))
        else:
            deletions.append((m.start() + 1, m.end()))
    return deletions


_FULL_WIDTH_TABLE = str.maketrans(_FULL_WIDTH_ASCII)
_FULL_WIDTH_RUN = re.compile("[" + "".join(map(re.escape, _FULL_WIDTH_ASCII)) + "]+")


def _to_half_width(text: str) -> str:
    """Full-width digits, letters and signs to ASCII, one character for one (str.translate only on the runs)."""
    return _FULL_WIDTH_RUN.sub(lambda m: m.group().translate(_FULL_WIDTH_TABLE), text)


_CR_BEFORE_LF = re.compile(r"\r(?=\n)")


def normalise_text(raw: str) -> NormalisedText:
    """Simplify script, unify full-width forms, drop glosses, spam and layout breaks."""
    current = _to_half_width(to_simplified(raw))  # one character for one: offsets unchanged
    origin = np.arange(len(raw), dtype=np.int64)
    # \r\n is one break (the \r goes); a lone \r is a break of its own.
    current, origin = _delete_spans(current, origin, [m.span() for m in _CR_BEFORE_LF.finditer(current)])
    current = current.replace("\r", "\n")

    spans = [m.span() for m in _PINYIN_GLOSS.finditer(current)]
    spans += [m.span() for spam in _spam() for m in spam.finditer(current)]
    current, origin = _delete_spans(current, origin, spans)
    current, origin = _delete_spans(current, origin, _space_spans(current))
    # a mirror's doubled commas (死亡261人,,同比分别下降27.5%,、19.2%): one mark between words
    current, origin = _delete_spans(current, origin, [m.span() for m in _DOUBLED_COMMA.finditer(current)])
    current, origin = _delete_spans(current, origin, _line_break_spans(current))

    return NormalisedText(text=current, origin=origin, original_length=len(raw))


_DOUBLED_COMMA = re.compile(r",(?=[,、。;；])|(?<=[。;；、]),")
_NOT_CJK = re.compile(r"[^\u3400-\u9fff]+")


def detect_script(text: str) -> str:
    """'traditional' when t2s changes more than 1 % of the CJK characters, else 'simplified'."""
    sample = _NOT_CJK.sub("", text)
    if not sample:
        return "simplified"
    converted = to_simplified(sample)
    length = min(len(sample), len(converted))
    original = np.frombuffer(sample[:length].encode("utf-32-le"), dtype=np.uint32)
    simplified = np.frombuffer(converted[:length].encode("utf-32-le"), dtype=np.uint32)
    changed = int(np.count_nonzero(original != simplified))
    return "traditional" if changed > 0.01 * len(sample) else "simplified"
