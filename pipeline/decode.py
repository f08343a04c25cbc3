"""Turn the bytes of a dropped file into text, or say clearly why it is not a text report.

Offsets into the decoded text are published, so nothing here strips or normalises: the text
is exactly what the file holds, minus a byte-order mark (which is encoding, not text).

Order of evidence: a BOM is decisive; strict UTF-8 comes next because random non-UTF-8 bytes
almost never validate as UTF-8; only then a statistical detector (chardet), whose answer is
checked against how common the decoded Chinese characters are, since a wrong CJK codec still
"decodes" into rare characters instead of failing.

Decisions:
- A file whose only fault is an incomplete multi-byte sequence in its last 1-3 bytes (a copy
  cut short) is decoded without that tail: at most one character is lost and everything before
  it is intact. `DecodedText.dropped_tail_bytes` records how many bytes were dropped.
- A few undecodable bytes in a legacy-encoded file become U+FFFD (at most 0.5 % of the
  characters); more than that, or many control characters, means it is not text.
- NUL bytes without a BOM mean binary, unless the whole file decodes as BOM-less UTF-16
  into ordinary text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

import chardet

from pipeline.datafiles import read_lines
from pipeline.normalise import to_simplified


class UndecodableError(ValueError):
    """Raised with a human-readable reason (e.g. 'binary content (PNG image)', 'empty file')."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # utf-8, utf-8-sig, utf-16, utf-32, gb18030, big5, cp950, big5hkscs, ...
    dropped_tail_bytes: int = 0  # bytes of an incomplete final character that were dropped


# Magic numbers of formats people drop by mistake (or that need a converter we do not have yet).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document (docx/xlsx)"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document (doc/xls/wps)"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"{\\rtf", "RTF document"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Detector names → the Python codec we decode with (GB2312 and GBK are subsets of GB18030).
_CODEC_FOR = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "gb18030": ("gb18030",),
    "hz-gb-2312": ("hz",),
    "big5": ("big5", "cp950", "big5hkscs"),
    "cp950": ("cp950", "big5hkscs"),
    "big5hkscs": ("big5hkscs",),
    "ascii": ("utf-8",),
}
_CJK_FALLBACKS = ("gb18030", "big5", "cp950", "big5hkscs")

_MAX_REPLACEMENT_SHARE = 0.005
_MAX_CONTROL_SHARE = 0.01
_MIN_COMMON_HANZI_SHARE = 0.6
# C0 and C1 control characters except \t \n \v \f \r and \x1a (DOS end of file).
_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
# Characters a Chinese or English report is made of: ASCII text and whitespace, CJK unified
# ideographs and extension A, CJK punctuation, full-width forms, general punctuation (“” — …),
# circled numbers, Roman numerals, a few signs (· × ÷ ° ○ ● ■ □ → ★), accented Latin (pinyin,
# European names) and combining accents.
_IMPLAUSIBLE = re.compile(
    "[^\x20-\x7e\t\n\r\f\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\u2000-\u206f"
    "\u2460-\u24ff\u2160-\u217f\xa0\xb7\xd7\xf7\xb0\u25cb\u25cf\u25a0\u25a1\u2192\u2605"
    "\xc0-\u024f\u0300-\u036f]"
)
_CJK = re.compile("[\u4e00-\u9fff]+")


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a report file's bytes; raise UndecodableError with a reason when it is not text."""
    if not data:
        raise UndecodableError("empty file")

    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text, dropped = _strict(body, codec)
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"invalid {name} after its byte-order mark at byte {exc.start + len(bom)}") from exc
            return _checked(DecodedText(text, name, dropped))

    kind = _binary_kind(data)
    if kind is not None:
        raise UndecodableError(f"binary content ({kind})")

    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return _checked(utf16)
        raise UndecodableError("binary content (NUL bytes)")

    try:
        text, dropped = _strict(data, "utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _checked(DecodedText(text, "utf-8", dropped))

    return _checked(_detect(data))


def _strict(data: bytes, codec: str) -> tuple[str, int]:
    """Strict decode; an incomplete sequence in the last 1-3 bytes is dropped, any other error raises."""
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    text = decoder.decode(data, final=False)
    pending = decoder.getstate()[0]
    if pending and len(pending) > 3:
        decoder.decode(b"", final=True)  # raises: more than one character is missing
    return text, len(pending)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    return None


def _bomless_utf16(data: bytes) -> DecodedText | None:
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        # Without a BOM, demand plain evidence: common Chinese characters or plain ASCII text.
        common = _common_hanzi_share(text)
        ascii_share = sum(1 for ch in text if " " <= ch < "\x7f" or ch in "\t\n\r") / len(text) if text else 0.0
        if _plausible_share(text) >= 0.95 and ((common is not None and common >= _MIN_COMMON_HANZI_SHARE) or ascii_share >= 0.9):
            return DecodedText(text, codec)
    return None


def _detect(data: bytes) -> DecodedText:
    """Ask chardet, then make sure the answer reads as Chinese; otherwise try the usual Chinese codecs."""
    guess = (chardet.detect(data).get("encoding") or "").lower()
    candidates = list(_CODEC_FOR.get(guess, (guess,) if guess else ()))
    candidates += [c for c in _CJK_FALLBACKS if c not in candidates]

    for codec in candidates:
        try:
            text, dropped = _strict(data, codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _reads_as_text(text):
            return DecodedText(text, codec, dropped)

    # Nothing decodes strictly: accept a reading in which only a few bytes are bad.
    for codec in ["utf-8", *candidates]:
        try:
            text = data.decode(codec, errors="replace")
        except LookupError:
            continue
        if text.count("\ufffd") <= _MAX_REPLACEMENT_SHARE * len(text) and _reads_as_text(text):
            return DecodedText(text, codec)
    utf8_error = _first_utf8_error(data)
    if utf8_error is not None:
        raise UndecodableError(f"invalid UTF-8 at byte {utf8_error} and not text in any other known encoding")
    raise UndecodableError("not text in any known encoding")


def _first_utf8_error(data: bytes) -> int | None:
    """Where UTF-8 decoding first fails, when the file mostly is UTF-8 (to name it in the reason)."""
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") > 0.05 * len(text):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return None


def _checked(decoded: DecodedText) -> DecodedText:
    text = decoded.text
    if not text.strip():
        raise UndecodableError("empty file" if not text else "whitespace-only file")
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise UndecodableError(f"binary content ({controls} control characters in {len(text)})")
    if text.count("\ufffd") > max(1, _MAX_REPLACEMENT_SHARE * len(text)):
        raise UndecodableError(f"not text: {text.count(chr(0xFFFD))} replacement characters in {len(text)}")
    return decoded


def _reads_as_text(text: str) -> bool:
    """Made of the characters reports are made of, and, if Chinese, mostly of common characters."""
    if _plausible_share(text) < 0.9:
        return False
    common = _common_hanzi_share(text)
    return common is None or common >= _MIN_COMMON_HANZI_SHARE


def _plausible_share(text: str) -> float:
    """Share of characters a Chinese or English report is made of (letters, CJK, punctuation, space)."""
    if not text:
        return 0.0
    return 1 - len(_IMPLAUSIBLE.findall(text)) / len(text)


def _common_hanzi_share(text: str) -> float | None:
    """Share of CJK characters among the 3,000 most frequent (after simplification).

    A wrong CJK codec does not fail, it yields rare characters spread over the whole table, so
    this separates a GBK reading from a Big5 one. None when there are too few CJK characters.
    """
    cjk = "".join(_CJK.findall(text))
    if len(cjk) < 4:
        return None
    common = _common_hanzi()
    return sum(1 for ch in to_simplified(cjk) if ch in common) / len(cjk)


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    return frozenset("".join(read_lines("common_hanzi.txt")))
