import codecs
import random

import pytest

from pipeline.decode import DecodedText, UndecodableError, decode_bytes

SIMPLIFIED = "苏州市应急管理局2021年度法治政府建设工作报告\n一、主要举措及成效：全年查处案件1414起。\n"
TRADITIONAL = "張家港市應急管理局2021年法治政府建設情況報告\n一、推動應急管理法治建設，全年查處案件1414起。\n"
LONG = SIMPLIFIED * 20


def _random_binary(size: int, seed: int, no_nul: bool = False) -> bytes:
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(size))
    return data.replace(b"\x00", b"\x01") if no_nul else data


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
        (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
        (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),
        (LONG.encode("gbk"), LONG, "gb18030"),
        (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
        (TRADITIONAL.encode("utf-8"), TRADITIONAL, "utf-8"),
        (SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16"),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16"),
        (SIMPLIFIED.encode("utf-32"), SIMPLIFIED, "utf-32"),
        (SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),  # no BOM, but plainly UTF-16
        (SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
        (b"plain ASCII\r\n".decode().encode("utf-16-le"), "plain ASCII\r\n", "utf-16-le"),
        ("\r\n  （一）缩进与全角空格\u3000保留\r\n".encode("utf-8"), "\r\n  （一）缩进与全角空格\u3000保留\r\n", "utf-8"),
        (b"plain ASCII report", "plain ASCII report", "utf-8"),
        # Short GBK strings, where detectors are least sure.
        ("应急管理局".encode("gbk"), "应急管理局", "gb18030"),
        ("法治".encode("gbk"), "法治", "gb18030"),
        ("报告".encode("gbk"), "报告", "gb18030"),
        ("安全生产".encode("gbk"), "安全生产", "gb18030"),
        ("张家港市2021年".encode("gbk"), "张家港市2021年", "gb18030"),
        ("全市共查处违法行为1414起。".encode("gbk"), "全市共查处违法行为1414起。", "gb18030"),
    ],
)
def test_decodes_text_unchanged(data: bytes, text: str, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded == DecodedText(text, encoding)


@pytest.mark.parametrize(
    ("data", "text", "encoding", "dropped"),
    [
        # A copy cut inside the last character: the tail is dropped, the rest kept.
        (SIMPLIFIED.encode("utf-8") + "局".encode("utf-8")[:2], SIMPLIFIED, "utf-8", 2),
        (SIMPLIFIED.encode("utf-8") + "局".encode("utf-8")[:1], SIMPLIFIED, "utf-8", 1),
        (LONG.encode("gbk") + "局".encode("gbk")[:1], LONG, "gb18030", 1),
        (SIMPLIFIED.encode("utf-16")[:-1], SIMPLIFIED[:-1], "utf-16", 1),
    ],
)
def test_truncated_tail_is_dropped(data: bytes, text: str, encoding: str, dropped: int) -> None:
    assert decode_bytes(data) == DecodedText(text, encoding, dropped)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \r\n\t \n", "whitespace-only file"),
        ("\u3000\n".encode("utf-8"), "whitespace-only file"),
        (codecs.BOM_UTF8, "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary content (PNG image)"),
        (b"\xff\xd8\xff\xe0" + bytes(64), "binary content (JPEG image)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary content (PDF document)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary content (ZIP archive or Office document (docx/xlsx))"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(32), "binary content (legacy Office document (doc/xls/wps))"),
        (_random_binary(4096, seed=1), "binary content (NUL bytes)"),
        (b"\x00\x01\x02\xff" * 50, "binary content (NUL bytes)"),  # even length, "decodes" as UTF-16
        (_random_binary(4096, seed=2, no_nul=True), "not text in any known encoding"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08abc" * 20, "binary content"),
        (b"report " + b"\xff\xfe\xfd\xfc" * 3 + LONG.encode("utf-8"), "invalid UTF-8 at byte 7"),
    ],
)
def test_rejects_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UndecodableError) as caught:
        decode_bytes(data)
    assert str(caught.value).startswith(reason)


def test_few_bad_bytes_become_replacement_characters() -> None:
    data = LONG.encode("utf-8") + b"\xff" + LONG.encode("utf-8")
    decoded = decode_bytes(data)
    assert decoded.text == LONG + "\ufffd" + LONG
    assert decoded.encoding == "utf-8"


def test_undecodable_error_is_a_value_error() -> None:
    assert issubclass(UndecodableError, ValueError)
