"""Text of a dropped report in any format we read: plain text, web pages, Word (.docx) and PDF.

`text_of_file(suffix, data)` is the one entry point: it returns a `DecodedText` whose `text` is
what lands in `document_texts` (so published offsets point into it), or raises
`UndecodableError` with a reason a person understands.

- Plain text (.txt, .text) is decoded byte for byte by `pipeline.decode`, unless the file is
  clearly a saved web page (it opens with `<!doctype html` or `<html`), which is read as HTML.
- HTML (.html, .htm): decoded honouring a byte-order mark, then strict UTF-8, then the page's
  own `<meta charset>`, then `pipeline.decode`; scripts, styles, hidden elements, navigation,
  menus, breadcrumbs, share buttons, related-link lists and the site footer are dropped; the
  article title, its metadata lines (发布时间, 来源, 索引号 tables) and the article text are
  kept, block elements becoming line breaks, table rows becoming lines of tab-separated cells
  (as a browser copies them). A simple, measured heuristic: on Chinese government pages it
  keeps the metadata lines and data tables that generic extractors (trafilatura) drop.
- Word (.docx): body paragraphs and tables in document order, a table row per line with its
  cells tab-separated (python-docx). Headers, footers, footnotes and text boxes are not read.
- PDF: the text layer of each page in page order (pypdf), line breaks kept (later stages
  repair layout breaks). No text layer means a scanned image, which we cannot read.

Every extractor is bounded: at most MAX_TEXT_CHARS characters of text; MAX_PDF_PAGES pages; in a
web page MAX_HTML_DEPTH nested elements and MAX_HTML_ELEMENTS elements (walked without recursion,
each pass linear in the page); in a Word package MAX_DOCX_PARTS parts, MAX_DOCX_UNPACKED_BYTES
unpacked over all its parts and MAX_DOCX_XML_BYTES of XML, checked before any part is parsed.
Beyond that the file is rejected, never truncated.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from pipeline.decode import DecodedText, UndecodableError, decode_bytes

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".htm", ".html")
DOCX_SUFFIXES = (".docx",)
PDF_SUFFIXES = (".pdf",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES + PDF_SUFFIXES

# A report is at most a few hundred thousand characters; these caps only stop a hostile or
# mistaken file (a book, a zip bomb) from costing gigabytes of memory.
MAX_TEXT_CHARS = 2_000_000
MAX_PDF_PAGES = 1_000
MAX_HTML_DEPTH = 2_048  # libxml2's limit with huge_tree; old pages of unclosed <font> tags go a few hundred deep
# A long report page has a few thousand elements; each costs about 0.8 kB while the page is read.
MAX_HTML_ELEMENTS = 200_000
# Word: every part counts (python-docx loads them all); XML also on its own, since parsing it costs
# about ten times its size (25 MB of XML is some 5 million characters of text, 2.5 times MAX_TEXT_CHARS).
MAX_DOCX_PARTS = 5_000
MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_DOCX_XML_BYTES = 25 * 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def text_of_file(suffix: str, data: bytes) -> DecodedText:
    """The text of a report file with this suffix (e.g. '.pdf'); raise UndecodableError with a reason."""
    suffix = suffix.lower()
    if suffix in TEXT_SUFFIXES and not looks_like_html(data):
        decoded = decode_bytes(data)
        _capped(decoded.text, "text file")
        return decoded
    if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        extract, kind = html_text, "web page"
    elif suffix in DOCX_SUFFIXES:
        extract, kind = docx_text, ".docx file"
    elif suffix in PDF_SUFFIXES:
        extract, kind = pdf_text, "PDF"
    else:
        raise UndecodableError(f"unsupported file type {suffix or '(none)'!r}: expected one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        return extract(data)
    except UndecodableError:
        raise
    except Exception as exc:  # a parser's bug or a limit we did not foresee must not stop the run
        raise UndecodableError(f"cannot read this {kind} ({type(exc).__name__}: {exc})") from exc


def _capped(text: str, what: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise UndecodableError(f"{what} holds more than {MAX_TEXT_CHARS:,} characters of text: not a single report")
    return text


def _tidy_lines(lines: list[str]) -> str:
    """Lines joined by \\n, trailing spaces removed, at most one blank line in a row, none at the ends."""
    text = "\n".join(line.rstrip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _require_text(text: str, what: str) -> str:
    if not text.strip():
        raise UndecodableError(f"{what} has no text")
    return text


# --------------------------------------------------------------------------------------------
# HTML

_HTML_START = re.compile(
    rb"^(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)
_UNICODE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_like_html(data: bytes) -> bool:
    """True when the bytes are clearly an HTML document: `<!doctype html` or `<html` first (after a BOM, spaces, comments)."""
    head = data[:4096]
    for bom, codec in _UNICODE_BOMS:
        if head.startswith(bom):
            head = head[len(bom):] if codec == "utf-8-sig" else head.decode(codec, errors="ignore").encode("utf-8")
            break
    return _HTML_START.match(head) is not None


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# What pages declare → the codec we decode with (GB2312 and GBK pages are decoded as their superset).
_HTML_CODECS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030", "cp936": "gb18030",
    "big5": "cp950", "big5-hkscs": "big5hkscs", "x-user-defined": "cp1252",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",  # per the HTML standard
}


def decode_html(data: bytes) -> DecodedText:
    """HTML bytes to text: a BOM, then strict UTF-8, then the page's <meta charset>, then pipeline.decode."""
    if not data.strip():
        raise UndecodableError("empty file")
    for bom, codec in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"invalid {codec} after its byte-order mark at byte {exc.start}") from exc
    try:
        # Legacy-encoded Chinese almost never validates as UTF-8, so a valid page is UTF-8 whatever it declares.
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared is not None:
        try:
            return DecodedText(data.decode(declared), declared)
        except UnicodeDecodeError:
            text = data.decode(declared, errors="replace")
            if text.count("\ufffd") <= max(1, 0.005 * len(text)):
                return DecodedText(text, declared)
    return decode_bytes(data)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:16384])
    if match is None:
        return None
    label = match.group(1).decode("ascii", errors="ignore").lower()
    codec = _HTML_CODECS.get(label, label)
    try:
        return codecs.lookup(codec).name
    except LookupError:
        return None


# Elements whose content is never article text.
_DROP_TAGS = {
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
    "svg", "canvas", "math", "map", "area", "audio", "video", "source", "track", "select", "option",
    "optgroup", "datalist", "button", "input", "textarea", "label", "nav", "aside", "menu", "dialog",
    "head", "title", "meta", "link", "base",
}
# Page furniture named in class or id (English and pinyin abbreviations used by Chinese CMSs).
_BOILERPLATE_NAME = re.compile(
    r"(?:^|[\s_-])(?:nav|navs|navbar|navigation|menu|menus|submenu|breadcrumbs?|crumbs?|dqwz|weizhi|position|location|"
    r"footer|foot|bottom|copyright|banquan|share|bdshare\w*|bshare\w*|jiathis\w*|sitemap|friendlinks?|"
    r"yqlj|links|topbar|toolbar|top-bar|login|search|sousuo|sidebar|side|qrcode|ewm|erweima|"
    r"print|dayin|prev|next|prevnext|pages|pager|pagination|fenye|related|xgwz|xgxx|xglj|tuijian|"
    r"advert|ads|gg|banner|logo|skip|wza|accessibility)(?:$|[\s_-])(?!relative|absolute|fixed|sticky|static)",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Blocks that start a new line; those that also leave a blank line (a paragraph break) after them.
_BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
    "hr", "html", "legend", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "thead", "tfoot", "tr", "ul", "caption",
}
_PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl"}
_CELL_TAGS = {"td", "th"}
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace; U+3000 and &nbsp; are kept

# Metadata keys of article headers and 信息公开 index tables: such lines are kept whatever else they hold.
_METADATA_LINE = re.compile(
    r"(?:发布时间|发布日期|发文日期|成文日期|印发日期|生效日期|公开日期|更新时间|日期|时间|来源|信息来源|文章来源|"
    r"发布机构|发文机关|发布单位|索引号|文号|发文字号|主题分类|分类|体裁分类|公开方式|公开范围|有效性|作者|编辑)\s*[:：]"
)
# Lines of page furniture that survive element removal (judged only on lines without a sentence end).
_BOILERPLATE_LINE = re.compile(
    r"当前位置|您现在的位置|您的位置|你的位置|所在位置|^\s*位置\s*[:：]|首页\s*(?:[>＞»›/]|&gt;)|"
    r"网站地图|版权所有|版权归|Copyright|©|All Rights Reserved|ICP\s*备|公网安备|网站标识码|网站识别码|"
    r"主办单位|承办单位|主管单位|技术支持|维护单位|运维单位|联系我们|网站声明|隐私声明|纠错|"
    r"分享到|分享\s*[:：]|打印本页|【\s*打印\s*】|关闭窗口|【\s*关闭\s*】|返回顶部|^\s*返回\s*$|"
    r"扫码查看|扫一扫|二维码|手机版|上一篇|下一篇|上一条|下一条|相关文章|相关链接|相关阅读|相关稿件|相关信息|"
    r"关联\s*(?:文章|图片|附件)|浏览次数|点击数|点击量|访问量|阅读次数|^\s*阅读\s*[:：]|"
    r"字体\s*[:：]|字号\s*[:：]|【\s*大\s*中\s*小\s*】|无障碍|长者模式|关怀版|繁体|简体版|English|"
    r"^\s*(?:登录|注册|搜索|请输入关键字|设为首页|加入收藏)\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[。！？；]")


def html_text(data: bytes) -> DecodedText:
    """The article of a web page, its title and metadata lines kept, block elements as line breaks."""
    decoded = decode_html(data)
    text = _capped(extract_article(decoded.text), "web page")
    return DecodedText(_require_text(text, "web page"), f"html:{decoded.encoding}")


def extract_article(page: str) -> str:
    """Main text of an HTML page (already decoded)."""
    from lxml import etree
    from lxml import html as lxml_html

    # huge_tree lifts libxml2's limits of 256 nested elements and 10 MB per text node (to 2,048 and 1 GB);
    # past a limit libxml2 stops and keeps what it has read, so a fatal error means a rejection.
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml_html.document_fromstring(page.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise UndecodableError(f"web page cannot be parsed ({exc})") from exc
    fatal = next((error for error in parser.error_log if error.level_name == "FATAL"), None)
    if fatal is not None:
        if "depth" in fatal.message:
            raise UndecodableError(f"web page nests its elements more than {MAX_HTML_DEPTH:,} deep (at line "
                                   f"{fatal.line}): it cannot be read whole, and is not read in part")
        raise UndecodableError(f"web page cannot be parsed whole ({fatal.message.strip()} at line {fatal.line}): "
                               "it is not read in part")
    elements = sum(1 for _ in root.iter())
    if elements > MAX_HTML_ELEMENTS:
        raise UndecodableError(f"web page has {elements:,} elements (the limit is {MAX_HTML_ELEMENTS:,}): not a single report")

    page_title = _squash(" ".join(root.xpath("//head/title//text()") or root.xpath("//title//text()")))
    headings = [_squash(h.text_content()) for h in _outermost(root, ("h1", "h2"))[0]]
    _drop_furniture(root)
    body = root.find("body")
    lines = _render(body if body is not None else root)
    kept = _keep_article_lines(lines, page_title, headings)
    return _tidy_lines(kept)


def _squash(text: str) -> str:
    return _COLLAPSIBLE.sub(" ", text).strip()


def _element_name(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


def _outermost(root, tags: tuple[str, ...]) -> tuple[list, set]:
    """The elements with these tags that are not inside another one, and everything inside them.

    In one pass over the tree (each element is looked at once): asking each element for its
    ancestors, or each heading for its text, costs the depth or the subtree again and again, which a
    page nested two thousand deep turns into minutes or gigabytes."""
    outermost, inside = [], set()
    for el in root.iter(*tags):
        if el not in inside:
            outermost.append(el)
            inside.update(el.iterdescendants())
    return outermost, inside


def _drop_furniture(root) -> None:
    """Remove what is never article text, then furniture named as such and link lists (one pass each)."""
    in_article = _outermost(root, ("article", "main"))[1]
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)
            continue
        tag = el.tag.lower()
        if (tag in _DROP_TAGS and tag != "head") or el.get("hidden") is not None \
                or _HIDDEN_STYLE.search(el.get("style") or "") \
                or (tag in ("header", "footer") and el not in in_article):
            doomed.append(el)
    _remove(doomed)
    head = root.find("head")
    if head is not None:
        _remove([head])

    stats = _text_stats(root)
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body"):
            continue
        visible, linked, sentences, links = stats[el]
        if _BOILERPLATE_NAME.search(_element_name(el)):
            # Named like furniture, but holding several sentences outside links, it is content.
            if sentences < 3:
                doomed.append(el)
        # Menus and link lists: three or more links that make up most of the text, and no sentence.
        elif (el.tag in ("ul", "ol", "dl", "table", "div", "td", "p")
              and links >= 3 and visible and linked >= 0.7 * visible and sentences == 0):
            doomed.append(el)
    _remove(doomed)


def _text_stats(root) -> dict:
    """Per element: (visible characters, characters inside links, sentence ends outside links, links).

    Without recursion (a page may nest two thousand elements deep): each element's own text and its
    children's tails are counted in document order, then added to the parent's in reverse order."""
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    in_link: dict = {}
    counts: dict = {}
    for el in elements:
        parent = el.getparent()
        linked = el.tag == "a" or in_link.get(parent, False)
        in_link[el] = linked
        own = [0, 0, 0, 1 if el.tag == "a" else 0]
        for text in [el.text] + [child.tail for child in el]:
            if text:
                visible = len(text) - sum(text.count(ch) for ch in " \t\n\r\f\u3000\xa0")
                own[0] += visible
                if linked:
                    own[1] += visible
                else:
                    own[2] += len(_SENTENCE_END.findall(text))
        counts[el] = own
    for el in reversed(elements):
        parent = el.getparent()
        if el is not root and parent in counts:
            for i, n in enumerate(counts[el]):
                counts[parent][i] += n
    return {el: tuple(c) for el, c in counts.items()}


def _remove(elements) -> None:
    """Remove elements (given in document order) but keep the text that follows each (its tail),
    appended to the previous sibling's tail or the parent's text. The pieces are joined once at the
    end: appended one by one, 200,000 removed siblings would copy a growing string 200,000 times."""
    appended: dict = {}  # (element, "tail" or "text") -> the tails to append to it, in order
    for el in elements:
        parent = el.getparent()
        if parent is None:
            continue
        tail = el.tail
        if tail and tail.strip():
            previous = el.getprevious()
            target = (previous, "tail") if previous is not None else (parent, "text")
            appended.setdefault(target, []).append(tail)
        parent.remove(el)
    for (element, attribute), tails in appended.items():
        setattr(element, attribute, (getattr(element, attribute) or "") + "".join(" " + tail for tail in tails))


class _Line:
    __slots__ = ("parts", "link_chars", "has_nonspace", "has_visible")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.link_chars = 0
        # Whether a part holds anything but spaces, or anything but whitespace: asked for every
        # piece of text, joining the parts instead would cost the line's length each time.
        self.has_nonspace = False
        self.has_visible = False

    def append(self, part: str) -> None:
        self.parts.append(part)
        self.has_nonspace = self.has_nonspace or bool(part.strip(" "))
        self.has_visible = self.has_visible or bool(part.strip())

    @property
    def text(self) -> str:
        return "".join(self.parts).strip(" ")


def _render(root) -> list[tuple[str, float]]:
    """(line, share of its characters inside links), rendering the tree like a browser's innerText."""
    lines: list[_Line] = [_Line()]
    pending_breaks = 0

    def emit(text: str, in_link: bool, pre: bool) -> None:
        nonlocal pending_breaks
        if not pre:
            text = _COLLAPSIBLE.sub(" ", text)
        if not text:
            return
        if not pre and text == " " and (pending_breaks or not lines[-1].has_nonspace
                                        or lines[-1].parts[-1].endswith(" ")):
            return  # a space between blocks or at a line start is not text
        if pending_breaks:
            for _ in range(min(pending_breaks, 2)):
                lines.append(_Line())
            pending_breaks = 0
        segments = text.split("\n") if pre else [text]
        for i, segment in enumerate(segments):
            if i:
                lines.append(_Line())
            lines[-1].append(segment)
            if in_link:
                lines[-1].link_chars += len(segment.strip())

    def block_break(count: int) -> None:
        nonlocal pending_breaks
        if lines[-1].has_visible:
            pending_breaks = max(pending_breaks, count)

    # A walk of the tree with a stack of its own instead of recursion (a page may nest two thousand
    # elements deep): "open" an element, then each child's subtree and its tail, then "close" it.
    stack = [("open", root, False, False)]
    while stack:
        action, el, in_link, pre = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if action == "tail":
            if el.tail:
                emit(el.tail, in_link, pre)
            continue
        if action == "close":
            if tag in _BLOCK_TAGS:
                block_break(2 if tag in _PARAGRAPH_TAGS else 1)
            continue
        in_link = in_link or tag == "a"
        pre = pre or tag in ("pre", "textarea", "listing", "xmp", "plaintext")
        if tag == "br":
            # A <br> is a line break even on an empty line (two <br> make a blank line).
            lines.append(_Line())
        elif tag in _BLOCK_TAGS:
            block_break(2 if tag in _PARAGRAPH_TAGS else 1)
        elif tag in _CELL_TAGS and lines[-1].parts and not pending_breaks:
            emit("\t", False, True)
        if el.text and tag != "br":
            emit(el.text, in_link, pre)
        stack.append(("close", el, in_link, pre))
        for child in reversed(el):
            stack.append(("tail", child, in_link, pre))  # a tail belongs to the parent's context
            stack.append(("open", child, in_link, pre))

    out = []
    for line in lines:
        text = line.text.strip("\t ")
        visible = len(text.replace(" ", "").replace("\t", ""))
        out.append((text, line.link_chars / visible if visible else 0.0))
    return out


def _keep_article_lines(lines: list[tuple[str, float]], page_title: str, headings: list[str]) -> list[str]:
    """Drop furniture lines; start at the article title (or the metadata table just before it)."""
    kept: list[tuple[str, bool]] = []  # (line, is metadata)
    for text, link_share in lines:
        if not text:
            kept.append(("", False))
            continue
        metadata = _METADATA_LINE.search(text) is not None
        prose = _SENTENCE_END.search(text) is not None
        if not metadata and not prose and (link_share >= 0.6 or (len(text) <= 150 and _BOILERPLATE_LINE.search(text))):
            continue
        kept.append((text, metadata))

    title_at = _title_line(kept, page_title, headings)
    if title_at is None:
        body = [text for text, _ in kept]
        if page_title and not any(page_title in text for text in body[:5]):
            body = [page_title, ""] + body
        return body
    start = title_at
    while start > 0 and (kept[start - 1][1] or not kept[start - 1][0]):
        start -= 1
    return [text for text, _ in kept[start:]]


def _title_line(kept: list[tuple[str, bool]], page_title: str, headings: list[str]) -> int | None:
    """Index of the article title: the line matching <title>, else the first h1/h2, if no article text precedes it."""
    titles = [t for t in re.split(r"\s*[_|｜–—]\s*|\s+-\s+", page_title) if len(t) >= 4] if page_title else []
    heading_set = {h for h in headings if 4 <= len(h) <= 120}
    for candidates, max_sentences_before in ((titles, 2), (heading_set, 0)):
        sentences_before = 0
        for i, (text, metadata) in enumerate(kept):
            if 4 <= len(text) <= 120 and (text in candidates or any(_covers(text, t) for t in titles if candidates is titles)):
                return i
            if not metadata:
                sentences_before += len(_SENTENCE_END.findall(text))
                if sentences_before > max_sentences_before:
                    break
    return None


def _covers(line: str, title: str) -> bool:
    """The line and the title segment are the same words, possibly reordered (连云港市X 2022年Y vs 2022年Y 连云港市X)."""
    line_chars = line.replace(" ", "")
    title_chars = title.replace(" ", "")
    if line_chars == title_chars:
        return True
    common = sum(min(line_chars.count(c), title_chars.count(c)) for c in set(title_chars))
    return common >= 0.8 * len(title_chars) and common >= 0.8 * len(line_chars)


# --------------------------------------------------------------------------------------------
# Word (.docx)


def docx_text(data: bytes) -> DecodedText:
    """Paragraphs and table rows (cells tab-separated) of a Word document's body, in order."""
    if data.startswith(_OLE_MAGIC):
        raise UndecodableError("not a .docx file: a legacy Word .doc (or a password-protected document); save it as .docx or PDF")
    if not data.startswith(b"PK"):
        raise UndecodableError("not a .docx file (not a ZIP package)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            if not any(info.filename == "word/document.xml" for info in infos):
                raise UndecodableError("not a Word document: the package has no word/document.xml")
            if any(info.flag_bits & 0x1 for info in infos):
                raise UndecodableError("encrypted .docx package: cannot read it without the password")
            _check_docx_budget(infos, [info.file_size for info in infos])
            unpacked = _unpacked_package(package, infos)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UndecodableError(f"corrupt .docx file (broken ZIP package: {exc})") from exc

    import docx

    try:
        document = docx.Document(io.BytesIO(unpacked))
        del unpacked
        lines = list(_docx_lines(document))
    except UndecodableError:
        raise
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors, ... on a broken file
        raise UndecodableError(f"corrupt .docx file ({type(exc).__name__}: {exc})") from exc
    text = _capped(_tidy_lines(lines), ".docx document")
    return DecodedText(_require_text(text, ".docx document"), "docx")


def _check_docx_budget(infos: list[zipfile.ZipInfo], sizes: list[int]) -> None:
    """Reject a package whose parts (sizes unpacked) exceed what one report needs: python-docx loads
    every part, images included, and an XML part costs about ten times its size once parsed."""
    if len(infos) > MAX_DOCX_PARTS:
        raise UndecodableError(f".docx package has {len(infos):,} parts (the limit is {MAX_DOCX_PARTS:,}): not a single report")
    total = sum(sizes)
    if total > MAX_DOCX_UNPACKED_BYTES:
        raise UndecodableError(f".docx unpacks to {total / 2**20:.0f} MB (the limit is "
                               f"{MAX_DOCX_UNPACKED_BYTES // 2**20} MB, images included): not a single report")
    xml = sum(size for info, size in zip(infos, sizes, strict=True) if info.filename.endswith((".xml", ".rels")))
    if xml > MAX_DOCX_XML_BYTES:
        raise UndecodableError(f".docx unpacks to {xml / 2**20:.0f} MB of XML (the limit is "
                               f"{MAX_DOCX_XML_BYTES // 2**20} MB): not a single report")


def _unpacked_package(package: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> bytes:
    """The package again, every part unpacked a megabyte at a time and stored uncompressed, so that
    python-docx decompresses nothing. A part never yields more than its declared size (zipfile stops
    there and checks the CRC), but `ZipFile.read` would first inflate a lying part whole: streaming
    it here keeps memory within the budget whatever the directory claims."""
    sizes = [0] * len(infos)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for i, info in enumerate(infos):
            if info.is_dir():
                continue
            with package.open(info) as part, copy.open(info.filename, "w", force_zip64=True) as target:
                while chunk := part.read(2**20):
                    sizes[i] += len(chunk)
                    _check_docx_budget(infos, sizes)
                    target.write(chunk)
    return out.getvalue()


def _docx_lines(container) -> Iterator[str]:
    from docx.table import Table

    total = 0
    for block in container.iter_inner_content():
        rendered = list(_table_rows(block)) if isinstance(block, Table) else [block.text]
        for line in rendered:
            total += len(line) + 1
            if total > MAX_TEXT_CHARS:
                raise UndecodableError(f".docx document holds more than {MAX_TEXT_CHARS:,} characters of text: not a single report")
            yield line


def _table_rows(table) -> Iterator[str]:
    for row in table.rows:
        cells = []
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:  # a merged cell is listed once per grid column
                continue
            previous = cell._tc
            cells.append(" ".join(line.strip() for line in _docx_lines(cell) if line.strip()))
        yield "\t".join(cells)


# --------------------------------------------------------------------------------------------
# PDF

_SCANNED = "PDF has no text layer (scanned image?)"
_MIN_CHARS_PER_PAGE = 20


def pdf_text(data: bytes) -> DecodedText:
    """The text layer of a PDF, page by page (a newline between pages)."""
    if b"%PDF-" not in data[:1024]:
        raise UndecodableError("not a PDF file (no %PDF- header)")

    with _quiet_pypdf():
        return _pdf_text(data)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs a warning for every repairable flaw (common in official PDFs); the reason we give is enough."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _pdf_text(data: bytes) -> DecodedText:
    import pypdf
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # many official PDFs only restrict copying or printing
            except DependencyError as exc:
                raise UndecodableError("encrypted PDF (AES) that needs the 'cryptography' package to open") from exc
            if not opened:
                raise UndecodableError("encrypted PDF: cannot read it without the password")
        pages = len(reader.pages)
    except UndecodableError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError, AssertionError, NotImplementedError, ZeroDivisionError) as exc:
        raise UndecodableError(f"corrupt PDF ({type(exc).__name__}: {exc})") from exc
    if pages == 0:
        raise UndecodableError("PDF has no pages")
    if pages > MAX_PDF_PAGES:
        raise UndecodableError(f"PDF has {pages} pages (the limit is {MAX_PDF_PAGES}): not a single report")

    texts: list[str] = []
    total = 0
    for number, page in enumerate(reader.pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # pypdf raises many kinds of errors on a damaged page
            raise UndecodableError(f"corrupt PDF: cannot read the text of page {number} ({type(exc).__name__}: {exc})") from exc
        total += len(text) + 1
        if total > MAX_TEXT_CHARS:
            raise UndecodableError(f"PDF holds more than {MAX_TEXT_CHARS:,} characters of text: not a single report")
        texts.append(text)

    text = _tidy_lines([t.replace("\r\n", "\n").replace("\r", "\n").strip("\n") for t in texts])
    visible = sum(1 for ch in text if not ch.isspace())
    if visible == 0:
        raise UndecodableError(_SCANNED)
    if visible < _MIN_CHARS_PER_PAGE * pages:
        raise UndecodableError(f"{_SCANNED}: only {visible} characters of text on {pages} pages")
    unreadable = sum(1 for ch in text if ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cs")
                     or (unicodedata.category(ch) == "Cc" and ch not in "\n\t\f"))
    if unreadable > 0.05 * visible:
        raise UndecodableError("PDF text layer cannot be read: its fonts do not map glyphs to characters "
                               f"({unreadable} unreadable characters in {visible})")
    return DecodedText(text, "pdf")
