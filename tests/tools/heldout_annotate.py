"""Turn compact hand annotations (tests/tools/heldout_ann/<file>.ann) into GUIDE.md jsonl gold.

Usage (repository root):  .venv/bin/python tests/tools/heldout_annotate.py [name ...]

Each .ann line marks one span inside a unique context snippet of the document, with [brackets]:

  + 全年办理行政复议案件[126件] ; 行政复议案件 ; 行政复议,复议 ; legal.reconsideration_cases ; q=over k=change d=down b=yoy p=2020 v=.. u=.. imp=1 n=note
  - 十四五[十四五]规划 ; title ; note            (negative: context ; neg type ; optional note)

`@2` after the context selects its 2nd occurrence. value/unit default to a plain reading of the
bracket text (unit = the trailing measure word); kind defaults to money (元), ratio (%), target
(work plans) or count. period defaults to the report year of documents.tsv.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import cn2an

ROOT = Path(__file__).resolve().parents[2]
HELD = ROOT / "tests" / "data" / "heldout"
ANN = Path(__file__).resolve().parent / "heldout_ann"

UNITS = sorted("""件次 人次 家次 场次 批次 户次 车次 台次 辆次 个工作日 工作日 个月 个百分点 百分点 万元 亿元 元 % 件 起 家 人 名 篇 场 次 项 份 条 个
期 册 卷 辆次 通 班 个次 支 座 处 户 台 辆 部 本 张 套 块 轮 例 宗 位 所 天 日 小时 年 学时 课时 吨 公里 平方米 亩 批 类 门 户 只 艘 单 万 分""".split(), key=len, reverse=True)
SCALE = {"万元": ("元", 10000), "亿元": ("元", 1e8), "个工作日": ("日", 1), "工作日": ("日", 1), "个月": ("月", 1),
         "个百分点": ("百分点", 1)}
CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def num(text: str) -> float:
    t = text.replace(",", "").replace(" ", "").replace("\n", "")
    t = re.sub(r"[余多来]", "", t)
    t = re.split(r"[-—–~～至]", t)[0]  # a range 3-5: its lower bound
    mult = 1.0
    if t.endswith("万"):
        mult, t = 1e4, t[:-1]
    elif t.endswith("亿"):
        mult, t = 1e8, t[:-1]
    if re.fullmatch(r"[\d.]+", t):
        return float(t) * mult
    m = re.fullmatch(r"([\d.]+)万([\d.]+)?", t)
    if m:
        return (float(m.group(1)) * 1e4 + float(m.group(2) or 0)) * mult
    if t in ("十", "百", "千"):
        return {"十": 10.0, "百": 100.0, "千": 1000.0}[t] * mult
    return float(cn2an.cn2an(t.replace("兩", "两"), "smart")) * mult


def split_unit(span: str) -> tuple[float, str, str | None]:
    import opencc
    s = opencc.OpenCC("t2s").convert(span.replace(" ", "").replace("\n", ""))
    qual = None
    for u in UNITS:
        if s.endswith(u) and len(s) > len(u):
            numtxt = s[: -len(u)]
            base, mult = SCALE.get(u, (u, 1))
            if u == "万":
                base, mult = "?", 1e4
            if numtxt.endswith(("余", "多")):
                qual = "over"
            return num(numtxt) * mult, base, qual
    raise ValueError(span)


def parse_opts(cell: str) -> dict:
    out = {}
    for part in re.findall(r"(\w+)=((?:\"[^\"]*\")|\S+)", cell):
        out[part[0]] = part[1].strip('"')
    return out


def locate(text: str, ctx: str) -> tuple[int, int, str]:
    nth = 1
    ctx = ctx.replace("\\n", "\n").replace("\\t", "\t")
    m = re.search(r"@(\d+)$", ctx)
    if m:
        nth, ctx = int(m.group(1)), ctx[: m.start()]
    left, rest = ctx.split("[", 1)
    span, right = rest.split("]", 1)
    plain = left + span + right
    pos, found = -1, []
    while True:
        pos = text.find(plain, pos + 1)
        if pos == -1:
            break
        found.append(pos)
    if not found:
        raise ValueError(f"context not found: {ctx!r}")
    if nth == 1 and len(found) > 1:
        raise ValueError(f"context not unique ({len(found)}): {ctx!r}")
    at = found[nth - 1] + len(left)
    return at, at + len(span), span


def build(name: str, docs: dict) -> None:
    text = (HELD / name).read_text(encoding="utf-8")
    meta = docs[name]
    year = int(meta["report_year"]) if meta["report_year"] else None
    plan = meta["doc_type"] == "work_plan"
    rows = []
    lines = (ANN / f"{name}.ann").read_text(encoding="utf-8").splitlines()
    convert = None
    if lines and lines[0].startswith("#! s2t"):  # contexts written in simplified script
        import opencc
        convert = opencc.OpenCC("s2t").convert
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        sign, body = line[0], line[1:].strip()
        body = re.sub(r"\s*;\s*$", "", body)
        cells = [c.strip() for c in body.split(" ; ")]
        try:
            start, end, span = locate(text, convert(cells[0]) if convert else cells[0])
        except ValueError as exc:
            sys.exit(f"{name}:{lineno}: {exc}")
        assert text[start:end] == span
        if sign == "-":
            row = {"start": start, "end": end, "text": span, "indicator": False, "neg": cells[1]}
            if len(cells) > 2 and cells[2]:
                row["note"] = cells[2]
            rows.append(row)
            continue
        metric, keys, code = cells[1], [k for k in cells[2].split(",") if k], cells[3] or None
        opts = parse_opts(cells[4]) if len(cells) > 4 else {}
        try:
            value, unit, qual = split_unit(span)
        except ValueError:
            if "v" not in opts or "u" not in opts:
                raise
            value, unit, qual = float(opts["v"]), opts["u"], None
        if "v" in opts:
            value = float(opts["v"])
        if "u" in opts:
            unit = opts["u"]
        if unit == "?":
            sys.exit(f"{name}:{lineno}: implicit unit needs u=")
        qual = opts.get("q", qual)
        kind = opts.get("k") or ("target" if plan else "money" if unit == "元" else "ratio" if unit == "%" else "count")
        period = opts.get("p", year)
        if isinstance(period, str) and period.isdigit():
            period = int(period)
        row = {"start": start, "end": end, "text": span, "indicator": True, "value": float(value), "unit": unit}
        if opts.get("imp"):
            row["unit_implicit"] = True
        row.update({"qualifier": None if qual in (None, "none") else qual, "metric": metric,
                    "metric_keys": keys or [metric], "kind": kind, "period": period})
        if kind == "change":
            row["direction"] = opts["d"]
            if opts.get("b"):
                row["basis"] = opts["b"]
        row["code"] = None if code in (None, "-", "null") else code
        if opts.get("n"):
            row["note"] = opts["n"]
        rows.append(row)
    rows.sort(key=lambda r: r["start"])
    seen = set()
    for r in rows:
        key = (r["start"], r["end"])
        if key in seen:
            sys.exit(f"{name}: duplicate span {r['text']!r}")
        seen.add(key)
    with (HELD / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{name}: {sum(r['indicator'] for r in rows)} positives, {sum(not r['indicator'] for r in rows)} negatives")


def main(argv: list[str]) -> None:
    docs = {r["file"]: r for r in csv.DictReader((HELD / "documents.tsv").open(encoding="utf-8"), delimiter="\t")}
    names = argv or sorted(p.name[:-4] for p in ANN.glob("*.ann"))
    for name in names:
        build(name, docs)


if __name__ == "__main__":
    main(sys.argv[1:])
