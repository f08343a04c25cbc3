"""Infer what a report is, whose it is and when: region, year covered, type, agency, publication date.

Reports do not carry metadata fields, so each is read from where an official document puts it:
the title block at the top (with the 版头 "XX文件" and a document number), the signature (agency
and date) at the end, the labelled fields of a government web page (发布时间, 发布机构, 索引号
tables), and the opening paragraph ("现将2021年法治政府建设情况报告如下"). Body text only breaks
ties. Place names are matched against the full table of divisions (data/regions.tsv), never
against a list of expected cities, and the evidence is weighed by where it was found:

- the signing or issuing agency's place name counts most; in "深圳市罗湖区司法局" only the last,
  most specific, division is the issuer;
- a county-level division beats its prefecture when the evidence for it is comparable
  (a report of 张家港市 cites 苏州市 rules; a report of 苏州市 rarely names one county often);
- the way the report refers to itself (我市, 全区, 本县) favours divisions of that kind;
- an anonymised issuer (xx市) leaves the region unknown, whatever the body mentions.

Cue words and patterns live in data files (doc_type_cues.tsv, agency_suffixes.txt,
national_agencies.txt, anonymised_places.txt, publication_date_labels.txt).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import combinations

from pipeline.clauses import clause_start
from pipeline.datafiles import read_lines, read_table
from pipeline.normalise import YEAR, to_simplified
from pipeline.periods import WHOLE_YEAR, months_covered
from pipeline.regions import Region, RegionMention, ancestors, by_code, find_regions_in, is_within, joins_words, national

DOC_TYPES = ("annual_report", "work_summary", "work_plan", "other")


@dataclass(frozen=True)
class DocumentMetadata:
    region: str | None  # most specific division of the issuing agency; 全国 for a ministry
    region_code: str | None  # 6-digit GB/T 2260 code
    report_year: int | None  # the year the report covers
    doc_type: str  # annual_report | work_summary | work_plan | other
    agency: str | None
    published_on: str | None  # ISO date
    covered_months: tuple[int, int] = WHOLE_YEAR  # the part of the report year covered (1-6月: (1, 6))


# --- weights of the places where a place name is found -------------------------------------
_W_SIGNATURE = 10.0
_W_TITLE = 8.0
_W_ISSUER_FIELD = 6.0  # 发布机构 / 发文机关 / 来源 fields of a web page
_W_HEADER = 3.0  # other lines of the title block: site names, 版头
_W_OPENING_AGENCY = 4.0  # "苏州市应急管理局坚持以…" in the first paragraph
_W_SECURITY_FILING = 3.0  # 公网安备 number: its first six digits are the site's division code
_W_BODY_FULL = 1.0
_W_BODY_SHORT = 0.5
_W_BODY_CITED = 0.3  # inside 《》: rules of a higher level are cited everywhere
_BODY_CAP = 8.0  # body mentions corroborate; they cannot outvote a signature
_MIN_SCORE = 2.0
_SPECIFIC_SHARE = 0.5  # a division inside the winner takes over at half the winner's score

_HEADER_MAX_LINE = 60
_TAIL_LINES = 15
_OPENING_CHARS = 800

_CJK = "\u4e00-\u9fff"
_YEAR = r"((?:19|20)\d\d|[〇零一二三四五六七八九]{4})"
_DATE_CN = re.compile(_YEAR + r"年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日")
_DATE_ISO = re.compile(r"((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_YEAR_RANGE = re.compile(r"((?:19|20)\d\d)\s*(?:年(?:\d{1,2}月份?(?:\d{1,2}日)?)?)?\s*[-—–~至到]\s*(?!\1)(?:19|20)\d\d")
_CITED = re.compile(r"《[^《》\n]{0,80}》|〈[^〈〉\n]{0,80}〉|<[^<>\n]{0,80}>")
_DOC_NUMBER = re.compile(r"[" + _CJK + r"]{1,12}[〔\[［(（【]\s*(?:19|20)\d\d\s*[〕\]］)）】]\s*\d+\s*号")
# the issuer's abbreviation in a document number (宁安办〔2021〕55号), a few characters only: a full
# name glued before it (福州市应急管理局榕应急〔2021〕5号) stays readable
_DOC_NUMBER_ISSUER = re.compile(r"[" + _CJK + r"]{1,6}(?=[〔\[［(（【]\s*(?:19|20)\d\d\s*[〕\]］)）】]\s*\d+\s*号)")
# a title the normaliser joined to the table after it, across its empty cells (…抽查工作计划|||||||||序号|…)
_TITLE_BEFORE_TABLE = re.compile(r"([^|\n]{6,80}?(?:计划|要点|报告|总结|方案|清单))\s*\|(?:\s*\|)+\s*")
_SECURITY_FILING = re.compile(r"公网安备\s*(\d{6})\d*")
# the value ends at the page's next label when the spaces between them are gone (来源:国家消防救援局作者:)
_ISSUER_FIELD = re.compile(r"(?:发布机构|发文机关|发文单位|信息来源|来源|发布单位)[:：]\s*([" + _CJK + r"]{2,40}?)"
                           r"(?=作者|发布|浏览|点击|字号|编辑|责任|日期|时间|文号|索引号|[^" + _CJK + r"]|$)")
# a newspaper or broadcaster named as the source (来源:太原晚报), not a body's own site (来源:东莞市人民政府网)
_PRESS_SOURCE = re.compile(r"(?:来源|稿源)[:：]\s*[" + _CJK + r"]{0,12}?(?:晚报|日报|都市报|商报|时报|新闻网|电视台)")
_SELF_REFERENCE = re.compile(r"(?:我|本|全)(省|市|区|县|州|旗|盟)")
_OWN_BODY = re.compile(r"(?:我|本)(?:省|市|区|县|州|旗|盟|局|厅|委|院|办|镇|乡)")
_SUBJECT_FOLLOWERS = (r"[，,]|坚持|深入|认真|全面|紧紧|始终|围绕|以|在|积极|扎实|聚焦|着力|按照|根据|不断|持续|严格|切实"
                      r"|进一步|高度|主动|贯彻|落实|组织(?!部)|召开|举行|举办|发布(?!中心)|印发|联合(?!会)")
_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def infer_metadata(text: str) -> DocumentMetadata:
    """Metadata of one report; `text` is NormalisedText.text (raw decoded text works too)."""
    text = _TRUNCATED_LINK.sub("", _tidy(text))
    lines = [line.strip() for line in text.split("\n")]
    if lines and (glued := _TITLE_BEFORE_TABLE.match(lines[0])):
        lines[:1] = [glued.group(1), lines[0][glued.end():]]
    lines = [line for line in lines if line]
    header, body_start = _header_block(lines)
    labelled = _TITLE_FIELD.search(text, 0, _OPENING_CHARS)  # a page's index table: 标题: |…|
    title = labelled.group(1) if labelled else _title(header)
    if notice := _ISSUING_NOTICE.fullmatch(title):
        title = notice.group(1)  # 关于印发《乌鲁木齐市安全生产“十四五”规划》的通知: the document it issues
    if not title and (issued := _ISSUED.search(text, 0, _OPENING_CHARS) or _ISSUING_NOTICE.search(text, 0, 150)
                      or _REPUBLISHED.search(text, 0, _OPENING_CHARS)):
        # 现将《2025年全区…工作要点》印发给你们, 关于印发聊城市2021年法治政府建设工作计划的通知 (the
        # notice's own title), 司法部发布2023年法治政府建设年度报告。具体报告如下 (a press item that
        # reprints it): the text is the document it issues
        title = issued.group(issued.lastindex or 1)
    opening = _blanked(_CITED, "\n".join(lines[body_start:])[:_OPENING_CHARS])
    tail = lines[max(body_start, len(lines) - _TAIL_LINES) :]
    signature_agency, signature_date, printed_date = _signature(tail)

    doc_type = _doc_type(title, opening, text)
    published_on = _labelled_date(text) or signature_date or printed_date or _page_timestamp(text)
    report_year = _report_year(title, opening, doc_type, published_on, text)
    covered = months_covered(title, opening, report_year)

    issuer_texts = [t for t in (title, signature_agency, opening[:200], *header) if t]
    if any(_anonymised().search(t) for t in issuer_texts):
        return DocumentMetadata(None, None, report_year, doc_type, None, published_on, covered)

    title_agency = _agency_in(title)
    field_agency = _issuer_field(text)
    subject = _opening_subject(opening)
    opening_agencies = ([subject] if subject else []) + _opening_agencies(opening)
    # a 版头 line that is a body by itself (国务院安委会办公室 above 关于…的通报) issues the text as a title's does
    masthead = next((line for line in header if line != title and _looks_like_agency(line)), None) if title else None
    region = _national_region(signature_agency, title_agency or masthead, title, subject, field_agency,
                              opening_agencies, opening.split("。", 1)[0]) or _region(
        text, header, title, signature_agency, field_agency, opening_agencies, subject
    )
    # the country as the scope, said twice, in a text that names no division or is opened by a
    # national body (国家矿山安全监察局数据显示，全国煤矿共发生事故15起…贵州2起: the provinces are parts)
    # (once is enough when a national body opens the text, no local one speaks of itself and the places named
    # are several provinces: 应急管理部…获悉，…广东、广西受灾较重; not 国务院安委会巡查组到江西省…)
    scope = len(_NATIONAL_SCOPE.findall(text))
    opened_nationally = bool(not find_regions_in(title) and opening_agencies and _is_national(opening_agencies[0]))
    if scope >= 2 and (region is None or opened_nationally) or scope == 1 and opened_nationally \
            and not _OWN_BODY.search(opening) and (region is None or _provinces_named(text) >= 2):
        region = national()
    if any(_NATIONAL_TITLE.search(line) and not _LOCAL_TITLE.search(line) and not find_regions_in(line)
           for line in (title, *header)):
        region = national()  # 2023年上半年全国日均火灾超3000起: the places in the text are parts
    agency = _agency(signature_agency, title_agency, field_agency, _reporting_agency(subject, opening_agencies), region)
    town = _reporting_town(title, [*(line for line in header if not _ADDRESSEE.fullmatch(line)), _issuer_text(text),
                                   signature_agency, subject, *opening_agencies[:1]],
                           opening[:_FIRST_SENTENCE_MAX].split("。", 1)[0].split("\n", 1)[0])
    if town and _ZONE_END.search(town) and (twin := re.search(re.escape(town) + r"[(（]([^()（）]{2,10})[)）]", text)) \
            and any(m.full and m.end - m.start == len(twin.group(1)) for m in find_regions_in(twin.group(1))):
        town = None  # 株洲高新区(天元区): a zone run as one with a district is the district
    return DocumentMetadata(
        region=town or (region.name if region else None),
        region_code=None if town else region.code if region else None,
        report_year=report_year,
        doc_type=doc_type,
        agency=agency,
        published_on=published_on,
        covered_months=covered,
    )


# --- text blocks ------------------------------------------------------------------------------


def _blanked(pattern: re.Pattern[str], text: str) -> str:
    """`text` with what `pattern` finds replaced by as many □: offsets stay, the words are gone."""
    return pattern.sub(lambda m: "□" * len(m.group()), text)


def _tidy(text: str) -> str:
    """Simplified script, ASCII digits and punctuation, no spaces next to Chinese characters."""
    text = to_simplified(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _FULL_WIDTH_RUN.sub(lambda m: m.group().translate(_FULL_WIDTH), text)  # translate only the runs: fast
    return _SPACE_BY_CJK.sub("", text)


# spaces next to a Chinese character; a run is tried from its start only, so a long run of spaces
# followed by no Chinese character costs its length once, not its square
_SPACE_BY_CJK = re.compile(r"(?<=[" + _CJK + r"])[ \t\u3000\xa0]+|(?<![ \t\u3000\xa0])[ \t\u3000\xa0]++(?=[" + _CJK + r"])")


_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)} | {0xFF1A: ord(":"), 0x3000: ord(" ")}
_FULL_WIDTH_RUN = re.compile("[" + "".join(map(chr, _FULL_WIDTH)) + "]+")


@lru_cache(maxsize=1)
def _debris() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in read_lines("web_debris.txt")))


def _is_debris(line: str) -> bool:
    return _debris().fullmatch(line) is not None


# A title glued to the paragraph after it (layout repair joins a long title line to the next
# line): the title ends in a document word and the next part starts like a paragraph or addressee.
_GLUED_TITLE = re.compile(
    r"(?!现将|现就|根据|按照|为)([^，,。；;：:\n]{6,70}?(?:报告|总结|要点|计划|思路|安排|方案|通知|意见))[-_|]?"
    r"(?=(?:19|20)\d\d年|[〇零一二三四五六七八九]{4}年|今年|近年|一年来|为|根据|按照|现将|在"
    r"|[^，,。：:\n]{0,12}(?:政府|局|厅|委|办|部|室|院|单位|部门)[:：])"
)


_ENUMERATED_LINE = re.compile(r"(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、])")
# 根据…要求，现将我局2025年度法治政府建设工作情况报告如下: a short first paragraph, not a header line.
_INTRODUCES_REPORT = re.compile(r"现(?:将|就|把).{0,60}如下[:：]?$")


def _header_block(lines: list[str]) -> tuple[list[str], int]:
    """Short lines before the first paragraph: site name, 版头, document number, title, addressee.

    Splits a title glued to the first paragraph off it, so `lines` may be changed in place.
    """
    header = []
    for i, line in enumerate(lines):
        if _is_debris(line) or line.count("|") >= 2:
            header.append(line)  # a breadcrumb or a page's index table, however long, is no paragraph
            continue
        if (len(line) > _HEADER_MAX_LINE or "。" in line or _INTRODUCES_REPORT.search(line)
                or _ENUMERATED_LINE.match(line)):
            glued = _GLUED_TITLE.match(line)
            if glued:
                header.append(glued.group(1))
                lines[i] = line[glued.end() :]
            return header, i
        header.append(line)
    return header, len(lines)


_SUBTITLE = re.compile(r"^[—-]{1,2}|在[^。]{2,40}(?:会议|大会|会)上$")
# 规划 ends a plan's title, not 规划和自然资源局; 通报 a bulletin's (…的通报, 最新通报), not a masthead (安全生产工作通报)
_REPORT_WORD = re.compile(r"报告|总结|要点|计划|规划$|思路|情况|方案|(?:最新|情况|的)通报$")
# 现将《…》印发给你们; 《…实施方案》已经县政府同意，现印发给你们
_ISSUED = re.compile(r"现(?:将|把)《([^《》\n]{4,60})》印发|《([^《》\n]{4,60})》已经[^。，,《》]{1,20}同意[，,]\s*现(?:予)?印发")
# a covering notice's title at the top of the page: 关于印发聊城市2021年法治政府建设工作计划的通知
# (not a notice the text cites: 根据《…关于印发…分工方案的通知》)
# (…方案(2023年修订)》和《…预案》的通知: a revision's note and the documents issued with it)
_ISSUING_NOTICE = re.compile(r"关于印发《?([^《》\n，,。]{4,60}?(?:要点|计划|规划|方案|安排))(?:[(（][^()（）\n]{0,12}[)）])?》?"
                             r"(?:[和及、]《[^《》\n]{0,60}》)*的通知(?!》)")
# a press item that reprints a report whole, titled by who published what (the headline it would have)
_REPUBLISHED = re.compile(r"([" + _CJK + r"]{2,30}发布[^。\n]{4,60}?(?:报告|总结|要点|计划))[。，,：:]?\s*"
                          r"(?:具体|全文|详细)?(?:报告|内容)?如下")
_TITLE_FIELD = re.compile(r"(?:标题|题名)[:：]\s*\|?\s*([^|\n]{4,})")


# a year (2022前三季度…: its 年 may be lost), a report word or an event's headline (鄢陵县举办…活动): a title's line
_TITLE_CUE = re.compile(_YEAR + "(?:年|(?=前?[一二三四]季度|[上下]半年))|" + _REPORT_WORD.pattern
                        + r"|(?:举办|举行|召开|启动)[^。]{0,30}?(?:活动|会议|仪式|演练|比赛|竞赛)$")


def _spoken_by_a_body(line: str) -> bool:
    """A headline a body speaks (应急管理部:烟花爆竹安全生产形势持续稳定) is a title without a year or cue."""
    agency = _agency_in(line)
    return agency is not None and line.startswith((agency + ":", agency + "："))


def _title(header: list[str]) -> str:
    """The title lines of the header, joined (a title is often broken over two lines)."""
    parts = []
    for line in header:
        line = line.strip(" |")  # 宁波高新区法治政府建设工作报告 |: one cell is a line of its own
        if "|" in line:
            continue  # a cell row of a page's index table (索引号|…|主题分类|…)
        glued = _GLUED_TITLE.match(line) if line.endswith((":", "：")) else None
        line = glued.group(1) if glued else line
        if _is_debris(line) or _DOC_NUMBER.fullmatch(line) or re.search(r"文件$|^签发人|^(?:主送|抄送)[:：]|[:：]$", line):
            continue
        if _SUBTITLE.search(line) or _DATE_CN.search(line) and not _REPORT_WORD.search(line):
            continue  # ——在…会议上 (a speech's occasion), 人民日报2021年01月08日星期五 (a newspaper's date)
        if _DATE_CN.fullmatch(line) or _DATE_ISO.search(line) and len(line) < 25:
            continue
        parts.append(line)
    # A web page repeats the site name above the title; the title is the part with a year or cue, or a
    # body speaking.
    cued = [i for i, p in enumerate(parts) if _TITLE_CUE.search(p) or _spoken_by_a_body(p)]
    if cued:
        parts = parts[cued[0] :]
        if not _TITLE_CUE.search(parts[0]):
            return parts[0]  # cued only by who speaks it: a whole headline
        if len(parts) > 1 and not _REPORT_WORD.search(parts[0]):
            return "".join(parts[:2])
        # a short second line ends a broken title, unless the first already ends as one (…事故情况 / 曲靖安全生产)
        complete = re.search(r"(?:" + _REPORT_WORD.pattern + r")$", parts[0])
        return "".join(parts[:2]) if len(parts) > 1 and len(parts[1]) <= 12 and not complete else parts[0]
    return ""


def _signature(tail: list[str]) -> tuple[str | None, str | None, str | None]:
    """(signing agency, signature date, 印发 date) from the last lines of a report."""
    signature_agency = signature_date = printed_date = None
    for i in range(len(tail) - 1, -1, -1):
        line = tail[i]
        match = _DATE_CN.search(line) or _DATE_ISO.search(line)
        if not match or len(line) > 40 or _is_debris(line) and not _DATE_CN.search(line):
            continue
        iso = _iso(match)
        if iso is None:
            continue
        rest = line[match.end() :].strip()
        if rest.startswith("印发"):
            printed_date = printed_date or iso
            continue
        if rest and not re.fullmatch(r"[)）]?", rest):
            continue
        before = line[: match.start()].strip()
        if signature_date is None:
            signature_date = iso
            agency = before if _looks_like_agency(before) else None
            j = i - 1
            while agency is None and j >= 0 and i - j <= 2:
                if _looks_like_agency(tail[j]):
                    agency = tail[j]
                j -= 1
            signature_agency = agency
    return signature_agency, signature_date, printed_date


@lru_cache(maxsize=1)
def _agency_suffixes() -> tuple[str, ...]:
    return tuple(sorted(read_lines("agency_suffixes.txt"), key=len, reverse=True))


def _looks_like_agency(line: str) -> bool:
    return (
        2 <= len(line) <= 40
        and re.fullmatch(r"[" + _CJK + r"()（）]+", line) is not None
        and line.endswith(_agency_suffixes())
    )


def _agency_in(title: str) -> str | None:
    """The agency a title starts with: 苏州市应急管理局2021年度…, 应急管理部发布2023年…,
    应急管理部：2023年上半年… → the agency."""
    match = re.match(r"(?:关于)?([" + _CJK + r"]{2,40}?)(?=[:：]|(?:发布|印发|公布)?(?:" + _YEAR + r"年|关于|法治|依法))",
                     title)
    if match and _looks_like_agency(match.group(1)):
        return match.group(1)
    return None


def _issuer_text(text: str) -> str | None:
    """What a page's issuer field says, agency or not (发布机构 | 兖州区新驿镇)."""
    match = _ISSUER_FIELD.search(text)
    return match.group(1) if match else None


def _issuer_field(text: str) -> str | None:
    for match in _ISSUER_FIELD.finditer(text):
        if _looks_like_agency(match.group(1)):
            return match.group(1)
    return None


# --- type, dates, year ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _doc_type_cues() -> list[tuple[str, str, re.Pattern[str]]]:
    return [(row["scope"], row["doc_type"], re.compile(row["pattern"])) for row in read_table("doc_type_cues.tsv")]


def _doc_type(title: str, opening: str, text: str) -> str:
    """The type a title or opening says (doc_type_cues.tsv); a year's results (`results`: a work
    summary, an opening that recounts the year, or a text that says nothing and is no press item)
    are an annual_report when the text is about the rule of law and a work_summary when it is not."""
    # said nowhere: a press item (记者…获悉, 新闻发布会, 本报讯) is `other`; anything else recounts results
    page_top = text[:_OPENING_CHARS]
    found = "other" if any(pattern.search(page_top) for scope, _, pattern in _doc_type_cues() if scope == "press") \
        else "results"
    bylines = page_top[:_BYLINE_CHARS] + "\n" + text[-_BYLINE_CHARS:]
    for scope, searched in (("title", title), ("byline", bylines), ("top", page_top[:_START_CHARS]),
                            ("opening", opening),
                            ("start", opening[:_START_CHARS])):
        best: tuple[int, int, str] | None = None
        for order, (cue_scope, doc_type, pattern) in enumerate(_doc_type_cues()):
            match = pattern.search(searched) if cue_scope == scope else None
            if match and (best is None or (match.start(), order) < best[:2]):
                best = (match.start(), order, doc_type)
        if best:
            found = best[2]
            break
    if found in ("results", "work_summary"):
        about_it = _about_rule_of_law(text) or _OPENS_ON_RULE_OF_LAW.search(opening.split("\n", 1)[0])
        return "annual_report" if about_it else "work_summary"
    return found


_START_CHARS = 120
_BYLINE_CHARS = 300  # a press item names its reporter or author under the headline, or at its end
# 行政执法 as the work, not as a body's name (综合行政执法局, 行政执法大队)
_RULE_OF_LAW = re.compile(r"法治|依法行政|依法治|(?<!综合)行政执法(?![局队])")
# A first paragraph that says its year's work was 推进法治政府建设: the report's own subject.
_OPENS_ON_RULE_OF_LAW = re.compile(r"(?:推进|推动|加强|深化)[^。]{0,6}法治政府建设")


def _about_rule_of_law(text: str) -> bool:
    """法治 (or 依法行政, 行政执法) at least three times and twice per thousand characters: a rule-of-law
    report (a year's 行政执法 report is one too); a general work summary names it rarely or never."""
    count = len(_RULE_OF_LAW.findall(text))
    return count >= 3 and count * 1000 >= 2 * len(text)


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if all(ch in _DIGITS for ch in token) and len(token) == 4:
        return int("".join(str(_DIGITS[ch]) for ch in token))
    value = 0  # 十二 / 二十四 / 三十一
    tens, _, units = token.partition("十")
    if "十" in token:
        value = 10 * (_DIGITS.get(tens, 1) if tens else 1) + (_DIGITS.get(units, 0) if units else 0)
    else:
        value = _DIGITS.get(token, 0)
    return value


def _iso(match: re.Match[str]) -> str | None:
    try:
        return date(_number(match.group(1)), _number(match.group(2)), _number(match.group(3))).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _date_label() -> re.Pattern[str]:
    labels = "|".join(map(re.escape, read_lines("publication_date_labels.txt")))
    # a bare 时间 labels a page's date only as a field of its own (时间:2022-01-04来源:…, …577376时间:…),
    # not a word's end (活动时间：) or an aside (（时间：2023年12月4日）)
    return re.compile(r"(?:" + labels + r"|(?<![" + _CJK + r"（(【\[])时间)[:：]\s*")


_TIMESTAMP = re.compile(r"((?:19|20)\d\d)(?:[-年/]|\s+(?=\d{1,2}/))(\d{1,2})[-月/](\d{1,2})日?\s*\d{1,2}:\d{2}(?::\d{2})?")


def _page_timestamp(text: str) -> str | None:
    """A date with a time of day near the top of a page (2024-05-08 10:16:32, 2023年12月06日12:37:06),
    or a date set off by a bar or a field label from the page's other fields (2020-12-15 | 编辑:…,
    2014-07-31   来源:东方网): when it was posted."""
    match = _TIMESTAMP.search(text, 0, 400) or _BARRED_DATE.search(text, 0, 400)
    return _iso(match) if match else None


_BARRED_DATE = re.compile(r"((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})\s*(?:[|｜]|(?=(?:来源|作者|编辑|浏览|点击)[:：]))")


def _labelled_date(text: str) -> str | None:
    """The first labelled date in the page furniture (top or bottom), not in a table of the body."""
    edges = text if len(text) <= 3000 else text[:1500] + "\n" + text[-1500:]
    for label in _date_label().finditer(edges):
        window = edges[label.end() : label.end() + 20]
        match = _DATE_ISO.match(window) or _DATE_CN.match(window)
        if match and (iso := _iso(match)):
            return iso
    return None


def _years(text: str) -> list[tuple[int, int]]:
    """(position, year) of the years in `text` that are not part of a range like 2021-2025."""
    masked = _blanked(_YEAR_RANGE, text)
    found = []
    # 2020上半年工作总结, 2022前三季度全国…, 2022工作总结和2023年工作思路: a title may drop the 年 before a
    # half-year, a quarter or the name of a report
    for match in re.finditer(_YEAR + r"(?:年|年度|(?=[上下]半年|前?[一二三四]季度|工作(?:总结|要点|计划|报告|思路|情况)))",
                             masked):
        year = _number(match.group(1))
        if 1990 <= year <= 2100:
            found.append((match.start(), year))
    return found


# 2017年至2021年，全省… (年间, （2016—2020年），): a span that opens a clause, not a cited plan's horizon
_YEAR_SPAN_END = re.compile(r"(?:19|20)\d\d\s*年?\s*[-—–~至到]\s*((?:19|20)\d\d)\s*年?(?:间|期间|[)）])?[，,]")
_SPANS_YEARS = re.compile(r"规划|十[一二三四五六七八九]五|" + _YEAR_RANGE.pattern)
_YEAR_AHEAD = re.compile(_YEAR + r"年(?:度)?(?:将|要|拟|计划)")
# this year as the period of the figures (今年以来, 今年1月至8月, 今年上半年), not as a day (今年10月25日挂牌)
# or a word of another sense (今年首场发布会, 今年将)
_THIS_YEAR = re.compile(r"今年(?=以来|前[\d一二两三四五六七八九十]{1,2}个?月|1\s*[-—至到]\s*\d{1,2}月|\d{1,2}月份?以来"
                        r"|[上下]半年|前?[一二三四]季度|全年)")
_YEAR_TOPIC = re.compile(_YEAR + r"年度?[，,]")
# a year naming a meeting (2023年全省应急管理工作新闻发布会), not one whose clause tells of meetings (2023年全市共召开…会议12次)
_MEETING_YEAR = re.compile(_YEAR + r"年度?(?:(?!召开|共|开展|举行|举办|组织)[^，,。；;\d]){0,16}?(?:会议|发布会|大会(?!战)|论坛)")
_ANNUAL_REPORTS_DUE = 4  # a year's reports are out by April
# …or a holiday (“五一”假期期间，全市…, posted in May): this year's
_OPENS_ON_THIS_YEAR = re.compile(r"\s*(?:年初以来|开年以来|" + _THIS_YEAR.pattern
                                 + r"|[“\"]?(?:元旦|春节|清明|五一|端午|中秋|国庆)[”\"]?(?:假期|节日|小长假|长假|节)?期间)")
# a year compared with or a change started from (较2019年, 超2018年全年, 由2019年末的433处减少到222处;
# not 从2023年1月至12月, a period)
_BASE_YEAR = re.compile(r"(?:较|比|与|相比|超过?|高于|低于|多于|少于)" + _YEAR + r"年(?:度)?|"
                        r"(?:由|从)" + _YEAR + r"年[^，,。；;至到]{0,8}的|" + _YEAR + r"年(?:度)?(?:相比|同期)")


def _report_year(title: str, opening: str, doc_type: str, published_on: str | None, text: str) -> int | None:
    """The year covered: the title's, else the opening's, else derived from the publication date."""
    # 应急管理部：2026年将有序开展…: outside a plan, a year the title looks ahead to is not the one covered
    ahead = set() if doc_type == "work_plan" else {m.start() for m in _YEAR_AHEAD.finditer(title)}
    title_years = [(at, year) for at, year in _years(title) if at not in ahead]
    if title_years:
        return title_years[0][1]
    for pattern in (
        r"现(?:将|就)[^。]{0,30}?" + _YEAR + r"(?:年|(?=工作|年度))",  # 现将2023工作总结及2024年…: the 年 may be lost
        r"(?:制定|提出|印发)[^。]{0,10}?" + _YEAR + r"年",
        r"(?:^|\n|[\]】:：])" + _YEAR + r"年(?:度)?(?:以来|[,，、上])",
    ):
        match = re.search(pattern, opening)
        if match:
            year = _number(match.group(1))
            # 2024年以来，… in a text posted in 2025: since when, not the year it is about
            since = match.group().endswith("以来") and published_on is not None and year < int(published_on[:4])
            if 1990 <= year <= 2100 and not since:
                return year
    # 比2015年下降23.1%, 与2020年相比: a base year of a comparison is not the year covered
    opening_years = [(at, year) for at, year in _years(opening) if not _BASE_YEAR.search(opening, max(0, at - 3), at + 8)]
    if published_on:
        published = date.fromisoformat(published_on)
        late = published.month >= 11
        if doc_type == "work_plan":  # a plan posted late in a year is the next year's, unless it spans years
            return published.year + (1 if late and not _SPANS_YEARS.search(title) else 0)
        if doc_type == "other":
            # 2024年以来 in a press item of 2025-12: since when, not the year it is about
            # …的步骤，2018年在历下区进行试点 in a press item of 2023: history, not the year it is about,
            # unless it is the topic of its clause (获悉，2022年，全市共发生…)
            about = [(at, year) for at, year in opening_years if not (opening.startswith("以来", opening.find("年", at) + 1)
                                                                      and year < published.year)
                     and (published.year - 1 <= year <= published.year or _YEAR_TOPIC.match(opening, at))]
            # …召开的2023年全省应急管理工作新闻发布会上…介绍说，2022年，福建省共发生…: a year naming the
            # meeting where it was told is not the one it is about
            about = [(at, year) for at, year in about if not _MEETING_YEAR.match(opening, at)] or about
            # 据统计，今年1月至8月…: a period of this year before any year named is the year it was told
            this_year = _THIS_YEAR.search(opening)
            if this_year and (not about or this_year.start() < about[0][0]):
                return published.year
            return about[0][1] if about else published.year
        # a year's report comes out in its first half-year after (annual reports are due by April);
        # a summary posted later in a year is of that year (三季度工作进展, posted in October), and so is
        # one that opens on this year (年初以来，市交通运输局…, posted in April)
        # (…工作进展情况汇报, posted in May, after the annual reports: the progress of this year's work)
        opens_on_this_year = (bool(_OPENS_ON_THIS_YEAR.match(opening)) and not opening_years
                              or "进展" in title and published.month >= _ANNUAL_REPORTS_DUE)
        return published.year - 1 if published.month <= 6 and not opens_on_this_year else published.year
    if opening_years:
        # 2022年3月14日，应急管理部召开新闻发布会…2021年，全国…: a full date says when it was told
        dated = {m.start() for m in _DATE_CN.finditer(opening)}
        undated = [year for at, year in opening_years if at not in dated]
        return (undated or [opening_years[0][1]])[0]
    counts = Counter(year for _, year in _years(_CITED.sub("", text)))
    if not counts:
        # 今年以来…按照《随州市2020年法治政府建设工作要点》: only a cited plan names the year
        counts = Counter(year for cited in _CITED.findall(text) for _, year in _years(cited))
    if not counts:
        # 2017年至2021年，全省刑事立案从…下降至…: a span's last year is the one its figures reach
        counts = Counter(_number(m.group(1)) for m in _YEAR_SPAN_END.finditer(_CITED.sub("", text)))
    return counts.most_common(1)[0][0] if counts else None


# a page's list of related articles: titles cut short with an ellipsis (2024年前三季度全国共发生各类生产安…)
_TRUNCATED_LINK = re.compile(r"(?m)^[^\n]{0,40}(?:…|\.\.\.)[ \t]*$")


# --- region and agency ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _anonymised() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in read_lines("anonymised_places.txt")))


@lru_cache(maxsize=1)
def _national_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in read_lines("national_agencies.txt")]


_LOCAL_LEVEL = re.compile(r"[省市区县州旗镇乡](?!场)")
# 国家高新区管委会, 盟委宣传部, 街道武装部: local bodies whatever their words
_LOCAL_BODY = re.compile(r"国家级|高新区|开发区|管委|党工委|委.{0,6}部$|武装部$")


def _is_national(agency: str | None) -> bool:
    # 市应急管理局 is a city's (市场监管总局 is no 市's)
    if not agency or _LOCAL_LEVEL.match(agency) or _LOCAL_BODY.search(agency) or find_regions_in(agency):
        return False
    return any(p.fullmatch(agency) for p in _national_patterns())


def _national_region(signature_agency: str | None, title_agency: str | None, title: str, subject: str | None,
                     field_agency: str | None, opening_agencies: list[str], first_sentence: str) -> Region | None:
    """A ministry's report: signed, titled, opened (2022年，应急管理部坚持…: the subject of the
    first sentence) or published (来源:中华人民共和国应急管理部) by a national body with no place name.
    A national body opening a text in which a local one acts (4月10日，司法部召开全国行政复议工作会议。
    大理州司法局认真贯彻…) convened what the local body reports on."""
    if signature_agency or title_agency:
        national_issuer = _is_national(signature_agency) or (not signature_agency and _is_national(title_agency))
    else:
        local = any(find_regions_in(agency) for agency in opening_agencies)
        # 司法部党组书记、部长…切实履行…: a subject that opens with a national body; 据市场监管总局消息，…
        found = opening_agencies[1:] if subject else opening_agencies  # the subject comes first
        first = found[0].removeprefix("据") if found else None
        citing = _CITING.fullmatch(subject or "")
        led = bool(first and _is_national(first) and subject and subject.startswith((first, "据" + first))
                   and not _OWN_BODY.search(first_sentence)  # 据国家统计局消息，我县…: a local text
                   and (_LED_BY.fullmatch(subject.removeprefix(first)) or citing and citing.group(1) == first))
        national_issuer = ((_is_national(subject) or led) and not local) or _is_national(field_agency)
    if national_issuer and not find_regions_in(title):
        return national()
    return None


# 司法部党组书记、部长唐一军: a subject that is a national body's officials; 据市场监管总局消息: a press
# item citing it
_LED_BY = re.compile(r"(?:党组|党委)?(?:书记|部长|局长|主任|署长|负责同志|领导班子)[" + _CJK + r"、]{0,12}")
_CITING = re.compile(r"据([" + _CJK + r"]{2,16}?)(?:消息|通报|统计|介绍)")


def _opening_subject(opening: str) -> str | None:
    """Who the first sentence is about: 2021年，青岛市坚持… → 青岛市; 2023年，在市委市政府领导下，
    广州市应急管理局全面学习… → 广州市应急管理局; 2022年，应急管理部坚持… → 应急管理部."""
    first_line = opening.split("\n", 1)[0]
    # 市委、市政府：; 为贯彻…，现将我市…报告如下：\n2022年，公主岭市坚持…: the subject opens the next paragraph
    introduced = _ADDRESSEE.fullmatch(first_line) or _PURPOSE_OPENING.match(first_line) and _INTRODUCES_REPORT.search(first_line)
    return _subject_at(opening, len(first_line) + 1 if "\n" in opening and introduced else 0)


_PURPOSE_OPENING = re.compile(r"\s*(?:为|根据|按照|依据)")


def _subject_at(opening: str, start: int) -> str | None:
    framing = _FRAMING_SENTENCE.match(opening, start)  # 2025年是…的关键之年。长宁区城管执法系统坚持…
    start = framing.end() if framing else start
    dateline = _DATELINE.match(opening, start)  # 中新网1月15日电 应急管理部15日举行…
    found = _opening_subject_pattern().match(opening, dateline.end() if dateline else start)
    # 省应急厅发言人介绍，…: the body its spokesman speaks for
    return _SPOKESMAN.sub("", found.group("subject")) if found else None


_SPOKESMAN = re.compile(r"(?:新闻)?(?:发言人|负责人|负责同志)[" + _CJK + r"]{0,4}\Z")


# a news agency's dateline opening a press item (中新网1月15日电, 新华社北京3月2日电(记者王某))
_DATELINE = re.compile(r"\s*[" + _CJK + r"]{1,16}?\d{1,2}月\d{1,2}日电(?![视话力子网影器站厂池报告气动梯缆线费量源])\s*"
                       r"(?:[(（][^()（）]{0,20}[)）])?\s*")
_FRAMING_SENTENCE = re.compile(r"\s*(?:19|20)\d\d年(?:度)?是[^。\n]{0,80}。\s*")


@lru_cache(maxsize=1)
def _opening_subject_pattern() -> re.Pattern[str]:
    # the subject may be a committee and its government together (2025年，县委、县政府坚持…)
    # (映象网讯(记者 谷艳伟)近日，巩义市迅速行动…: after a press item's lead); the day it acted is not its
    # name (应急管理部27日发布消息, 应急管理部今天上午举行新闻发布会)
    return re.compile(r"(?:" + _PRESS_LEAD + r")?\s*"
                      r"(?:(?:19|20)\d\d年(?:度|以来)?[，,]?\s*|(?:近日|日前|近期|\d{1,2}月\d{1,2}日)[，,]\s*)?"
                      r"(?:(?:在[^，,。\n]{1,40}?下|按照[^，,。\n]{1,40}?(?:部署|要求|安排))[，,]\s*)*"
                      r"(?P<subject>[" + _CJK + r"]{2,24}?(?:、[" + _CJK + r"]{2,12}?)?)"
                      r"(?=(?:\d{1,2}日|今天|今日|昨天|昨日|近日|日前)?(?:上午|下午|晚间)?(?:" + _SUBJECT_FOLLOWERS + "))")


def _opening_agencies(opening: str) -> list[str]:
    """Agencies named near the start of the body (…，广州市应急管理局全面学习…), in order.

    Each is the shortest run of Chinese characters that ends in an agency suffix, so 在市委 and
    广州市应急管理局 are two agencies of 2023年，在市委市政府领导下，广州市应急管理局全面学习."""
    start = opening[:200]
    # 2019-12-24 10:35:25 中国太原煤炭交易中心: a site that names a place is no reporter
    start = _STAMPED_SOURCE.sub(lambda m: "□" * len(m.group()) if find_regions_in(m.group()) else m.group(), start)
    start = _without_datelines(start)
    # 在省委、省政府的正确领导和省应急管理厅的精心指导下，我市…: the bodies it works under are not it
    # (按照郑州市局安排部署，巩义市应急管理局…)
    start = _blanked(_AS_INSTRUCTED, _blanked(_UNDER_GUIDANCE, start))
    # 《…制度》和县安全生产委员会: the conjunction is no part of the body's name
    return [m.group(1)[joins_words(start, m.start(1)):] for m in _opening_agency_pattern().finditer(start)]


_UNDER_GUIDANCE = re.compile(r"在[^，,。；;\n]{1,60}?(?:领导|指导|支持|关心|帮助|部署|督导)下")
_AS_INSTRUCTED = re.compile(r"按照[^，,。；;\n]{1,40}?(?:部署|要求|安排)")
# the reporter's own system one level up, named by the place and 局 or 厅 alone (台州市局, 省厅); a department
# named in full (吴中区司法局) may be the reporter's own division's
_SUPERIOR_BUREAU = re.compile(r"(?:局|厅)(?![长])")


# a posting time and the site or body that posted it
_STAMPED_SOURCE = re.compile(_TIMESTAMP.pattern + r"\s*[" + _CJK + r"]{2,30}")


@lru_cache(maxsize=1)
def _opening_agency_pattern() -> re.Pattern[str]:
    # a suffix that goes on as another word is none (决策部署, 有关部门, 新局面, 办理)
    # …重要部署, 以人民为中心: words, not bodies
    return re.compile(r"([" + _CJK + r"]{2,30}?(?:" + "|".join(_agency_suffixes()) + r"))(?![署门面势理托员长])"
                      r"(?<!部署)(?<!为中心)")


def _issuers(text: str | None) -> list[tuple[Region, ...]]:
    """Divisions named in an agency or title; in a chain (深圳市罗湖区) only the most specific."""
    if not text:
        return []
    text = _blanked(_DOC_NUMBER_ISSUER, _blanked(_CITED, text))
    mentions = [m for m in find_regions_in(text) if m.full or len(m.surface) >= 2]
    chosen: list[tuple[Region, ...]] = []
    for k, mention in enumerate(mentions):
        following = mentions[k + 1] if k + 1 < len(mentions) else None
        if following and following.start == mention.end and _inside_any(following.regions, mention.regions):
            continue  # 深圳市 in 深圳市罗湖区
        previous = mentions[k - 1] if k else None
        regions = mention.regions
        if previous and previous.end == mention.start:
            narrowed = tuple(r for r in regions if any(is_within(r, p) for p in previous.regions))
            regions = narrowed or regions
        chosen.append(regions)
    return chosen


def _inside_any(inner: tuple[Region, ...], outer: tuple[Region, ...]) -> bool:
    return any(is_within(i, o) and i.code != o.code for i in inner for o in outer)


def _corroborated(mentions: list[RegionMention]) -> list[RegionMention]:
    """Drop two-character short forms of counties unless the text also names a division above them.

    罗湖 alone is as likely a word fragment (重大安全 → 大安) as a place; with 深圳 nearby it is a place.
    """
    named = {r.code for m in mentions if m.full or len(m.surface) >= 3 or m.regions[0].level != "county" for r in m.regions}
    kept = []
    for mention in mentions:
        if mention.full or len(mention.surface) >= 3:
            kept.append(mention)
            continue
        regions = tuple(
            r for r in mention.regions if r.level != "county" or any(a.code in named for a in ancestors(r)) or r.code in named
        )
        if regions:
            kept.append(RegionMention(mention.start, mention.end, mention.surface, regions, False, mention.levelled))
    return kept


def _region(
    text: str,
    header: list[str],
    title: str,
    signature_agency: str | None,
    field_agency: str | None,
    opening_agencies: list[str],
    subject: str | None = None,
) -> Region | None:
    scores: dict[str, float] = defaultdict(float)
    # 宁安办〔2021〕55号: a document number abbreviates its issuer (宁德市安委办) in no place's name; a
    # site's registration line (苏州都市网 版权所有 苏ICP备…) names who hosts the page, not who reports
    # …; a dateline (中国青年报客户端北京1月15日电) says where the news was filed
    mentions = _corroborated(find_regions_in(_blanked(_SITE_REGISTRATION, _blanked(_DOC_NUMBER_ISSUER,
                                                                                    _without_datelines(text)))))
    # Names shared by several divisions (鼓楼区) are read as the one inside a division named elsewhere.
    context = {m.regions[0].code for m in mentions if len(m.regions) == 1}

    def add(candidates: tuple[Region, ...], weight: float) -> None:
        if len(candidates) > 1:
            narrowed = tuple(r for r in candidates if any(a.code in context for a in ancestors(r)))
            candidates = narrowed or candidates
        for region in candidates:
            scores[region.code] += weight / len(candidates)

    for regions in _issuers(signature_agency):
        add(regions, _W_SIGNATURE)
    for regions in _issuers(title):
        add(regions, _W_TITLE)
    for regions in _issuers(field_agency):
        add(regions, _W_ISSUER_FIELD)
    for line in header:
        # 来源:太原晚报: the newspaper that printed a provincial item is no reporter
        if line != title and not title.startswith(line) and not _ADDRESSEE.fullmatch(line):
            for regions in _issuers(_blanked(_PRESS_SOURCE, line)):
                add(regions, _W_HEADER)
    # The subject of the first sentence, else the first agency of the opening, that names a place
    # (2021年，青岛市坚持…; …，广州市应急管理局全面学习…).
    opener: set[str] = set()
    for agency in opening_agencies:
        if named := _issuers(agency):
            for regions in named:
                add(regions, _W_OPENING_AGENCY)
                opener.update(region.code for region in regions)
            break
    # 在市委、市政府的坚强领导下，我局…: a department working under a city's committee is the city's
    # (在市委、市政府和区委的领导下: the nearest committee's), and a committee named by its place names
    # the department's (在启东市委…); a division that opens the sentence as its subject is the reporter
    # (2023年，我区…在市委、市政府的领导下), and a place named by its committee is its parent's
    leader = _UNDER_LEADER.search(text, 0, _LEADER_WINDOW)
    we = _WE_THE_DIVISION.match(text, clause_start(text, leader.start(), "。\n")) if leader else None
    if leader and leader["place"] and not we:
        for mention in find_regions_in(leader["place"]):
            add(mention.regions, _W_OPENING_AGENCY)
    for match in _SECURITY_FILING.finditer(text):
        region = by_code(match.group(1))
        if region:
            add((region,), _W_SECURITY_FILING)

    if we:
        self_kind = we["kind"]
    elif leader and not leader["place"]:
        self_kind = _COMMITTEE.findall(leader.group())[-1]
    else:
        self_kind = _self_reference(text)
    cited = _inside(text, _CITED)
    guided = _inside(text, _UNDER_GUIDANCE, _AS_INSTRUCTED)  # 在…指导下, 按照…部署
    body: dict[str, float] = defaultdict(float)
    elsewhere, learnt_from = _other_place_cue(), _other_place_after_cue()
    for mention in mentions:
        if elsewhere.search(text[max(0, mention.start - 6):mention.start]) \
                or learnt_from.match(text, mention.end, mention.end + 30) or _NAMED_EVENT.match(text, mention.end):
            continue
        # 在台州市局的精心指导下, 按照郑州市局安排部署: the bureau the reporter works under is a superior's
        # (在醴陵市委、市政府的领导下 names the reporter's own government)
        if guided[mention.start] and _SUPERIOR_BUREAU.match(text, mention.end):
            continue
        weight = _W_BODY_CITED if cited[mention.start] else (_W_BODY_FULL if mention.full else _W_BODY_SHORT)
        regions = mention.regions
        if len(regions) > 1:
            regions = tuple(r for r in regions if any(a.code in context for a in ancestors(r))) or regions
        for region in regions:
            factor = 1.0
            if self_kind:
                factor = 1.5 if region.name.endswith(self_kind) else 0.5
            body[region.code] += weight * factor / len(regions)
    for code, value in body.items():
        scores[code] += min(value, _BODY_CAP)
    # 鼓楼区事故1起…台江区未发生事故…福清市…: several divisions of one parent named in turn are its
    # parts, and the text is about the parent
    children: dict[str, set[str]] = defaultdict(set)
    for code in body:
        region = by_code(code)
        if region is not None and region.parent_code:
            children[region.parent_code].add(code)
    for parent_code, codes in children.items():
        # (近日，巩义市迅速行动…对巩义市检查以及对新郑市互查: siblings of the division that opens the text are its peers)
        if len(codes) >= _SIBLINGS and not codes & opener:
            scores[parent_code] += min(sum(body[code] for code in codes), _BODY_CAP)

    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    best_code, best_score = ranked[0]
    if best_score < _MIN_SCORE:
        own_kind = _own_kind([a for a in (signature_agency, _agency_in(title), field_agency) if a] + opening_agencies,
                             subject)
        return _weak_region(ranked, own_kind or self_kind)
    best = by_code(best_code)
    assert best is not None
    # 县司法局…全县… in a text that names 安徽省 more often (its awards) than 蒙城县: the one division of
    # the kind the text calls itself, inside the winner, is the reporter
    if self_kind and not best.name.endswith(self_kind):
        own = [region for code, _ in ranked[1:]
               if (region := by_code(code)) and region.name.endswith(self_kind) and is_within(region, best)]
        if len(own) == 1:
            return own[0]
    # Prefer a division inside the winner when its evidence is comparable, unless several are
    # (秦州9起、麦积9起!天水市最新通报: a text about the city's districts is the city's) or the text
    # calls itself of the winner's kind (全省…: 福州市鼓楼区消防救援大队 is one of the province's units).
    if self_kind and _of_kind(best, self_kind):
        return best
    nested = [region for code, score in ranked[1:]
              if (region := by_code(code)) and score >= _SPECIFIC_SHARE * best_score and is_within(region, best)]
    if any(not is_within(a, b) and not is_within(b, a) for a, b in combinations(nested, 2)):
        return best
    for code, score in ranked[1:]:
        region = by_code(code)
        if region and score >= _SPECIFIC_SHARE * best_score and is_within(region, best) and code != best_code:
            best, best_score = region, score
    return best


def _inside(text: str, *patterns: re.Pattern[str]) -> bytearray:
    """1 at each position of `text` that a match of one of `patterns` covers, else 0: one lookup per mention."""
    mask = bytearray(len(text))
    for pattern in patterns:
        for found in pattern.finditer(text):
            mask[found.start():found.end()] = b"\x01" * (found.end() - found.start())
    return mask


def _provinces_named(text: str) -> int:
    """How many provinces `text` names, by their own names (广东, 广西) or by one of their prefectures'."""
    return len({r.code if r.level == "province" else r.parent_code for m in find_regions_in(_without_datelines(text))
                for r in m.regions if r.level in ("province", "prefecture")})


def _without_datelines(text: str) -> str:
    """`text` with a dateline opening one of its first lines (中新社北京10月22日电) blanked."""
    for line in re.finditer(r"(?m)^", text[:_DATELINE_CHARS]):
        if dateline := _DATELINE.match(text, line.start()):
            text = text[:dateline.start()] + "□" * len(dateline.group()) + text[dateline.end():]
    return text


_DATELINE_CHARS = 300


def _of_kind(region: Region, kind: str) -> bool:
    """Whether a text that calls itself 全区/全市… can be `region`'s: 全区 is a district's, never 广西壮族自治区's."""
    return region.name.endswith(kind) and not (kind == "区" and region.level == "province")


_SITE_REGISTRATION = re.compile(r"(?m)^.*[\u4e00-\u9fff]ICP备[\d-]+.*$")  # a filing number, not ICP备案 in a report
_SIBLINGS = 3  # divisions of one parent that make a text about the parent
_UNDER_LEADER = re.compile(r"在(?:(?P<place>(?:(?!委)[\u4e00-\u9fff]){2,8}?[省市区县州旗盟])|[省市区县州旗盟])委"
                           r"[^，,。；;\n]{0,24}?领导下")
# 2023年，我区…: the division that opens a sentence as its subject
_WE_THE_DIVISION = re.compile(rf"\s*(?:{YEAR}年度?|今年|一年来|去年)?(?:以来)?[，,]?\s*我(?P<kind>[省市区县州旗盟])")
_COMMITTEE = re.compile(r"([省市区县州旗盟])委")
_LEADER_WINDOW = 300
# an event named after its host (杭州亚运会, 成都大运会): the place names the event, not the reporter
_NAMED_EVENT = re.compile(r"(?:亚运会|亚残运会|奥运会|冬奥会|残奥会|大运会|全运会|世博会|进博会|峰会|博览会|马拉松)")
_LEADERSHIP = re.compile(r"委|政府|人民政府|委员会")
# The country as the scope of the text (全国应急管理工作会议, 全国矿山共发生事故…), said twice or more:
# a national text when no division is named.
_NATIONAL_SCOPE = re.compile(r"全国(?:范围|各地|各级|应急管理|安全生产|矿山|煤矿|生产安全|自然灾害|消防|防汛|森林|共)")
# a title about the whole country: 2022年全国“安全生产月”活动结束, 1-2月份全国煤矿共发生事故15起,
# 2021年中国矿山共发生事故356起
_NATIONAL_TITLE = re.compile(r"(?:^|(?:19|20)\d\d年(?:度)?|去年|今年|[上下]半年|前?[一二三四]季度"
                             r"|\d{1,2}(?:[-—~至]\d{1,2})?月份?)(?:全国|中国)")
# …but not a local body's title that passes on a national meeting (市应急管理局传达2022年全国…会议精神)
# or speaks of itself (全国两会期间我市安全生产形势稳定)
_LOCAL_TITLE = re.compile(r"传达|学习|贯彻|精神|落实|局|厅|委员会|政府|办公室|[我本][省市区县州]")
# 常州市人民政府: above the body: the body it reports to, not the reporter.
_ADDRESSEE = re.compile(r"(?:主送[:：])?(?:各[^:：]{2,80}|[^:：]{2,30})[:：]")  # 各…单位: an addressee list may be long


# A town or street office (下洋镇, 人民街街道, 大河乡) that reports: the title opens with it (下洋镇2023年…,
# 宁波市鄞州区下应街道2023年…), or it is the whole of an agency line, the issuer, the signature or the
# first sentence's subject (通城镇人民政府, 发布机构 兖州区新驿镇, 2023年，清波街道以…). The table of
# divisions stops at the county, so the town is the region by name and has no code. A town named in
# passing (指导城关镇、安定镇…, an addressee, 送法下乡) reports nothing.
_TOWN_NAME = r"[" + _CJK + r"]{1,5}?(?:街道|镇|乡)"
_TOWN_OPENING_TITLE = re.compile(r"(" + _TOWN_NAME + r")(?=人民政府|政府|办事处|党工委|党委|人大|司法所|综合|关于|法治|依法|工作"
                                 r"|安全生产|应急管理|上半年|下半年"
                                 r"|(?:19|20)\d\d|[^" + _CJK + r"、]|$)")
_TOWN_AGENCY = re.compile(r"(?:中共)?(" + _TOWN_NAME + r")(?:人民政府|政府|街道办事处|办事处|党工委|党委|委员会|人大主席团"
                          r"|人大|司法所|综合行政执法队|综合行政执法办公室)?(?:、(?:人民政府|政府|办事处))?")
# …，2023年，清波街道以深入学习…: a town opening a clause of the first sentence as its subject (本网讯 道托镇认真…: after
# a press item's lead too)
_PRESS_LEAD = r"[" + _CJK + r"]{0,8}讯\s*(?:[（(][^（）()]{0,20}[）)])?[:：]?"  # 本网讯（通讯员 王明）
_TOWN_SUBJECT = re.compile(r"(?:^(?:" + _PRESS_LEAD + r")?|[，,])\s*(?:(?:19|20)\d\d年(?:度|以来)?[，,]?)?\s*(" + _TOWN_NAME + r")"
                           r"(?:人民政府|政府|街道办事处|办事处|党工委|党委)?(?="
                           + _SUBJECT_FOLLOWERS.replace("[，,]|", "") + ")")
_FIRST_SENTENCE_MAX = 150
# A development zone (兰州新区, 天津经济技术开发区, 湖南湘江新区) reports as a town does: its title opens
# with it or it is the whole of an agency line or the issuer (来源: 宁波前湾新区). No table lists the
# zones, so the zone is the region by name and has no code; 浦东新区 and 滨海新区 are districts, and
# 国家高新区 names a kind of zone (宁波高新区, 仲恺高新区 are zones).
_ZONE_NAME = (r"(?!国家|省级|市级|[全各本我该])(?:(?!关于|推进|加快|加强|做好|建设|深化|打造|的)[" + _CJK + r"]){2,8}?"
              r"(?:高新区|(?<!高)新区|经济技术开发区|高新技术产业开发区|经济开发区|经开区)")
_ZONE_END = re.compile(r"(?:新区|开发区)$")
_ZONE_OPENING_TITLE = re.compile(r"(" + _ZONE_NAME + r")(?=管理委员会|管委会|党工委|人民政府|政府|应急|司法|法治|依法|工作"
                                 r"|关于|(?:19|20)\d\d|[^" + _CJK + r"、]|$|[" + _CJK + r"]{1,8}?局)")
_ZONE_AGENCY = re.compile(r"(?:中共)?(" + _ZONE_NAME + r")(?:管理委员会|管委会|党工委)?"
                          r"(?:[" + _CJK + r"]{0,8}(?:局|委员会|办公室))?")
_TIME_WORDS = r"(?:19|20)\d\d\s*年度?|今年|上半年|下半年|[一二三四]季度"
_TIME_LEAD = re.compile(r"^(?:\s|" + _TIME_WORDS + r")+")
_LEAD = re.compile(r"^(?:[\s|]|关于|" + _TIME_WORDS + r")+")  # also a division's name set aside, and 关于
_NOT_A_TOWN_START = tuple("全各本我该每所其此两多个")
# 百县千镇, 落实区镇: a campaign or a kind of place; 部分乡镇: towns in general
_NOT_IN_A_TOWN = re.compile(r"[省县区]|乡镇$|下乡$|小镇$")  # …; 送法下乡, 特色小镇: an act, a kind


def _reporting_town(title: str, agencies: list[str | None], first_sentence: str) -> str | None:
    """The town (or development zone) the title opens with, else the one that one of `agencies` (agency
    lines, issuer, signature, the first sentence's subject) consists of, once full names of the
    divisions it lies in and leading time words are set aside (宁波市鄞州区下应街道2023年… → 下应街道),
    else the town that opens a clause of the first sentence as its subject."""
    stop = set(read_lines("not_towns.txt"))
    candidates = []
    titled_division = any(m.full for m in find_regions_in(title))
    for text, whole in ((title, False), *((agency, True) for agency in agencies)):
        if not text:
            continue
        original = text
        for mention in reversed(find_regions_in(text)):
            if mention.full:
                text = text[:mention.start] + "|" + text[mention.end:]
        text = _LEAD.sub("", text)
        found = _TOWN_AGENCY.fullmatch(text) if whole else _TOWN_OPENING_TITLE.match(text)
        town = found.group(1) if found and _is_town(found.group(1), stop) else None
        # a zone opens the text as it was written (赣州市关于推进新区… holds none), and only where the
        # title names no division (杭州市…报告 with 杭州钱塘新区管委会坚持… first is 杭州市's)
        lead = _TIME_LEAD.sub("", original)
        zone = None if titled_division else _ZONE_AGENCY.fullmatch(lead) if whole else _ZONE_OPENING_TITLE.match(lead)
        candidates.append(town or (zone.group(1) if zone else None))
    if not titled_division:  # 永定区…，下洋镇坚持…: a part of the titled division
        candidates += [m.group(1) for m in _TOWN_SUBJECT.finditer(first_sentence) if _is_town(m.group(1), stop)]
    return next((place for place in candidates if place), None)


def _is_town(name: str, stop: set[str]) -> bool:
    """Whether a name ending in 镇, 乡 or 街道 names a town: no kind of place (not_towns.txt, 乡镇, 特色小镇)."""
    return name not in stop and not name.startswith(_NOT_A_TOWN_START) and not _NOT_IN_A_TOWN.search(name)


def _weak_region(ranked: list[tuple[str, float]], own_kind: str | None) -> Region | None:
    """With only passing mentions (no title, signature or named agency), the best-supported division
    of the kind the report calls itself (省应急管理厅, 全市…): 视察广东 and 《广东省…条例》 in a report of
    the 省应急管理厅 say 广东省. Without that kind, the one division named clearly more than any other
    (a report of 我局 that cites 《2024年度霍邱县应急管理局学法计划》); the divisions it lies in
    (广东 beside 江门市) do not compete with it."""
    if own_kind is None:
        best = by_code(ranked[0][0])
        rivals = [score for code, score in ranked[1:]
                  if not (best and (region := by_code(code)) and is_within(best, region))]
        return best if not rivals or ranked[0][1] >= 2 * rivals[0] else None
    for code, _ in ranked:
        region = by_code(code)
        if region is not None and region.name.endswith(own_kind):
            return region
    return None


def _own_kind(agencies: list[str], subject: str | None = None) -> str | None:
    """The kind of division of an agency that names none (省应急管理厅 → 省, 市应急管理局 → 市); the
    party committee and government a department reports to (省委, 市政府) are not the reporter,
    unless it is the subject of the first sentence (2022年，市政府坚持…)."""
    if subject and subject[0] in "省市区县州旗盟" and not find_regions_in(subject):
        return subject[0]
    for agency in agencies:
        if agency[0] in "省市区县州旗盟" and not find_regions_in(agency) and not _LEADERSHIP.match(agency[1:]):
            return agency[0]
    return None


@lru_cache(maxsize=1)
def _other_place_after_cue() -> re.Pattern[str]:
    """The rest of a place's clause up to a cue of other_place_after_cues.txt (被山东、四川等多地学习借鉴)."""
    cues = "|".join(map(re.escape, read_lines("other_place_after_cues.txt")))
    return re.compile(f"[^，,。；;：:\n]*?(?:{cues})")


@lru_cache(maxsize=1)
def _other_place_cue() -> re.Pattern[str]:
    """A cue of other_place_cues.txt at the end of the text searched."""
    return re.compile("(?:" + "|".join(map(re.escape, read_lines("other_place_cues.txt"))) + r")\Z")


def _self_reference(text: str) -> str | None:
    """The kind of division a report calls itself (我市, 全区, 本县), when one kind dominates."""
    counts = Counter(m.group(1) for m in _SELF_REFERENCE.finditer(text)
                     if not _RANKED_AMONG.search(text, m.end(), m.end() + 2)
                     and not _AMONG_BEFORE.search(text[max(0, m.start() - 8):m.start()]))
    if not counts:
        return None
    kind, count = counts.most_common(1)[0]
    return kind if count >= 2 * (sum(counts.values()) - count) else None


# 居全省第一, 在全省率先, 被全省推广, 入选全省…: a place among the wider division's others, not its scope
_RANKED_AMONG = re.compile(r"第[一二三四五六七八九十\d]|首[位个批家]|率先|推广|前列|排名|领先|唯一")
_AMONG_BEFORE = re.compile(r"(?:居|列|位|入选|入围|被|评为|表彰为|在(?:19|20)\d\d年度?)\Z")


def _reporting_agency(subject: str | None, opening_agencies: list[str]) -> str | None:
    """Who reports, from the opening: the first sentence's subject when it is an agency (应急管理部,
    苏州市应急管理局), else an agency named by its kind of division only (省应急管理厅); never the
    party committee and government it reports to, nor a body it obeys (党中央、国务院)."""
    # 司法部召开…会议。大理州司法局认真贯彻…: a national body that convened is not the local one reporting
    local = [a for a in opening_agencies if find_regions_in(a) and _looks_like_agency(a)] if _is_national(subject) else []
    if subject and (_is_national(subject) or _looks_like_agency(subject)) and not subject.endswith("部署") and not local:
        return subject
    for agency in opening_agencies:
        if _own_kind([agency]) and not find_regions_in(agency) and _looks_like_agency(agency):
            return agency
    return local[0] if local else None


def _agency(
    signature_agency: str | None,
    title_agency: str | None,
    field_agency: str | None,
    opening_agency: str | None,
    region: Region | None,
) -> str | None:
    """The issuing agency, completed with the region when it says only 市应急管理局."""
    for candidate in (signature_agency, title_agency, field_agency, opening_agency):
        if not candidate:
            continue
        if find_regions_in(candidate) or region is None or region.level == "country":
            return candidate
        if candidate[0] in "省市区县州旗盟" and region.name.endswith(candidate[0]):
            return region.name + candidate[1:]
        return candidate
    return None
