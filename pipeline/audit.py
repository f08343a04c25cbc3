"""Audit views of one document's indicators: each mention shown in its sentence, as text or HTML.

A person checks extraction by reading the mention where it was written. The console view
marks the mention inside its sentence; the HTML page highlights every mention in the original
text (details on hover) beside a table, labelled in Chinese, of values, metrics, codes, why each
code was given (code_evidence) and how sure that is (confidence).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline import labels, swap, warehouse
from pipeline.storage import Warehouse, reports_dir


@dataclass(frozen=True)
class AuditMention:
    mention_id: int
    start: int  # offsets into the original text
    end: int
    value: float
    unit: str
    qualifier: str | None
    metric: str | None
    indicator_code: str | None
    kind: str
    period: str | None
    direction: str | None
    sentence_start: int
    sentence_end: int
    code_evidence: str | None = None  # why the code: 'metric cue 立案查处', 'clause cue …; subject: …'
    confidence: str | None = None  # high | medium | low: how sure the code is
    indicator: str | None = None  # the code's Chinese name in the catalog
    target_of: str | None = None  # for a target, the indicator it aims at


# Documents whose texts and mentions one query reads, when pages are rendered from the warehouse.
_PAGES_PER_QUERY = 100
# doc_id -> the analysis time of the document each page shows.
_MANIFEST = "pages.json"


def _code_shown(m: AuditMention) -> str:
    """The code, or for a target the indicator it aims at (→ enf.inspected_entities), or ''."""
    return m.indicator_code or (f"→ {m.target_of}" if m.target_of else "")


def _describe(m: AuditMention) -> str:
    parts = [f"{labels.number(m.value)} {m.unit}", m.kind]
    parts += [p for p in (m.qualifier, m.direction, m.period and f"period {m.period}") if p]
    parts.append(f"metric {m.metric or '—'}")
    code = _code_shown(m) or "—"
    if (m.indicator_code or m.target_of) and (m.code_evidence or m.confidence):
        code += f" ({'; '.join(p for p in (m.code_evidence, m.confidence and f'confidence {m.confidence}') if p)})"
    parts.append(f"code {code}")
    return " · ".join(parts)


def _kind(m: AuditMention) -> str:
    """计数, 变化 下降, 金额 超过: the kind, direction and qualifier in Chinese."""
    words = [labels.KIND.get(m.kind, m.kind), labels.DIRECTION.get(m.direction or "", m.direction or ""),
             labels.QUALIFIER.get(m.qualifier or "", m.qualifier or "")]
    return " ".join(w for w in words if w)


def _row(text: str, m: AuditMention) -> str:
    coded = m.indicator_code is not None or m.target_of is not None
    cells = [
        f'<td class=num><a href="#m{m.mention_id}">{m.mention_id}</a></td>',
        f"<td class=keep>{html.escape(text[m.start:m.end])}</td>",
        f"<td class=num>{html.escape(labels.amount(m.value, m.unit))}</td>",
        f"<td class=words>{html.escape(m.metric or '')}</td>",
        f"<td class=words>{html.escape(m.indicator or '') if coded else ''}</td>",
        f"<td class=code>{html.escape(_code_shown(m))}</td>",
        f"<td class=evidence>{html.escape(m.code_evidence or '') if coded else ''}</td>",
        f"<td class=keep>{labels.CONFIDENCE.get(m.confidence or '', m.confidence or '') if coded else ''}</td>",
        f"<td class=keep>{html.escape(_kind(m))}</td>",
        f"<td class=keep>{html.escape(m.period or '')}</td>",
    ]
    return f'<tr id="row{m.mention_id}">{"".join(cells)}</tr>'


# Column heads of the side table: Chinese first, the English field name under it.
_COLUMNS = [("#", ""), ("原文", "as written"), ("数值", "value"), ("统计项", "metric"), ("指标", "indicator"),
            ("代码", "code"), ("编码依据", "code_evidence"), ("可信度", "confidence"), ("类型", "kind"),
            ("期间", "period")]


def explain_text(text: str, mentions: Sequence[AuditMention]) -> str:
    """One block per mention: its reading, then its sentence with the mention between 【 】."""
    blocks = []
    for m in mentions:
        sentence = text[m.sentence_start : m.start] + "【" + text[m.start : m.end] + "】" + text[m.end : m.sentence_end]
        blocks.append(f"#{m.mention_id}  {_describe(m)}\n    {' '.join(sentence.split())}")
    return "\n".join(blocks)


# The side table takes the wider half of the window: at 1,366 px its metric column keeps 7em and
# short cells (as written, confidence, kind, period) never wrap, so nothing reads a character a line.
_STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; display: flex; height: 100vh; }
#text { flex: 1 1 38%; overflow-y: auto; padding: 1.5em 2em; white-space: pre-wrap; line-height: 1.9; font-size: 15px; }
#table { flex: 1 1 62%; overflow: auto; padding: 1em; border-left: 1px solid #ddd; font-size: 13px; }
td.keep, td.num, td.code, th { white-space: nowrap; }
td.words { min-width: 7em; }
td.evidence { min-width: 9em; color: #555; font-size: 12px; }
th small { display: block; font-weight: normal; color: #888; font-size: 11px; }
mark { background: #ffe58a; border-radius: 3px; padding: 0 1px; cursor: help; }
mark.coded { background: #b7eb8f; }
mark:target, tr:target { outline: 2px solid #d4380d; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #eee; padding: 3px 5px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { position: sticky; top: 0; background: white; }
h1 { font-size: 16px; } .legend { color: #666; }
"""


def audit_html(title: str, text: str, mentions: Sequence[AuditMention]) -> str:
    """A self-contained page: the original text with every mention highlighted, and their table."""
    pieces, cursor = [], 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < cursor:
            continue
        pieces.append(html.escape(text[cursor : m.start]))
        css = ' class="coded"' if m.indicator_code else ""
        pieces.append(f'<a href="#row{m.mention_id}"><mark id="m{m.mention_id}"{css} '
                      f'title="{html.escape(_describe(m))}">{html.escape(text[m.start : m.end])}</mark></a>')
        cursor = m.end
    pieces.append(html.escape(text[cursor:]))
    rows = "\n".join(_row(text, m) for m in mentions)
    head = "".join(f"<th>{zh}<small>{en}</small></th>" for zh, en in _COLUMNS)
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{html.escape(title)}</title><style>{_STYLE}</style></head>
<body><div id="text"><h1>{html.escape(title)}</h1><p class="legend">共 {len(mentions)} 处数值（indicator mentions）；
绿色 = 有指标代码（目标不计代码，表中“→ 代码”是它所指的指标）。鼠标悬停看解读，点击跳到表中对应行。</p>{"".join(pieces)}</div>
<div id="table"><table><thead><tr>{head}</tr></thead><tbody>
{rows}
</tbody></table></div></body></html>
"""


def index_html(documents: Sequence[tuple]) -> str:
    """The list of audit pages: (doc_id, source_path, region, report_year, doc_type, indicators) rows."""
    rows = "\n".join(
        f'<tr><td><a href="{doc_id}.html">{html.escape(path)}</a></td><td>{html.escape(region or "—")}</td>'
        f"<td>{year or '—'}</td><td>{doc_type}</td><td class=num>{count}</td></tr>"
        for doc_id, path, region, year, doc_type, count in documents
    )
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>数值核对 Indicator audit</title><style>{_STYLE}
body {{ display: block; padding: 1em 2em; }}</style></head><body><h1>数值核对：{len(documents)} 份文件</h1>
<table><thead><tr><th>文件<small>file</small></th><th>地区<small>region</small></th><th>年份<small>year</small></th>
<th>类型<small>type</small></th><th>数值个数<small>indicators</small></th></tr></thead>
<tbody>{rows}</tbody></table></body></html>
"""


def audit_dir(store: Warehouse) -> Path:
    return reports_dir(store) / "audit"


def _title(source_path: str, region: str | None, year: int | None, doc_type: str) -> str:
    return f"{source_path} — {region or 'region unknown'}, {year or 'year unknown'}, {doc_type}"


def _page(out_dir: Path, doc_id: str) -> Path:
    """Pages are named by doc_id, never by file name, so nothing in a report can steer where they go."""
    return out_dir / f"{doc_id}.html"


def refresh_audit_pages(store: Warehouse, out_dir: Path) -> tuple[list[str], int]:
    """Render the pages that are missing or of an older analysis, drop pages of departed documents,
    write the index.

    The one place pages are made: from the warehouse, for every document without a page of its
    current analysis (new, analysed again, or its page lost). Which analysis a page shows is kept in
    pages.json beside the pages (the document's analysis time), so that the analysis never touches
    the published pages. `out_dir` may be a staging folder (pipeline.swap): files are replaced,
    never written into. Returns the source paths rendered and the number of pages removed.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = out_dir / _MANIFEST
    shown = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    on_disk = {page.stem for page in out_dir.glob("*.html")} - {"index"}
    written = []
    with store.connect() as con:
        documents = warehouse.audit_index(con)
        current = {doc_id: str(analysed_at) for doc_id, *_, analysed_at in documents}
        missing = sorted(doc_id for doc_id, analysed_at in current.items()
                         if doc_id not in on_disk or shown.get(doc_id) != analysed_at)
        for first in range(0, len(missing), _PAGES_PER_QUERY):
            sources = warehouse.audit_page_sources(con, missing[first : first + _PAGES_PER_QUERY])
            mentions_of = warehouse.audit_mentions(con, [row[0] for row in sources])
            for doc_id, source_path, region, year, doc_type, text in sources:
                mentions = [AuditMention(*row) for row in mentions_of.get(doc_id, [])]
                swap.write_text(_page(out_dir, doc_id),
                                audit_html(_title(source_path, region, year, doc_type), text, mentions))
                written.append(source_path)
    stale = on_disk - set(current)
    for doc_id in stale:
        _page(out_dir, doc_id).unlink()
    swap.write_text(out_dir / "index.html", index_html([row[:-1] for row in documents]))
    swap.write_text(manifest_path, json.dumps(current, indent=0, sort_keys=True))
    return written, len(stale)
