"""Audit views of one document's indicators: each mention shown in its sentence, as text or HTML.

A person checks extraction by reading the mention where it was written. The console view
marks the mention inside its sentence; the HTML page highlights every mention in the original
text (details on hover) beside a table of values, units, qualifiers, metrics and codes.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline import warehouse
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


# Documents whose texts and mentions one query reads, when pages are rendered from the warehouse.
_PAGES_PER_QUERY = 100


def format_value(value: float) -> str:
    """6,517 / 190,000,000 / 55.44: thousands separated, no float noise."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4f}".rstrip("0")


def _describe(m: AuditMention) -> str:
    parts = [f"{format_value(m.value)} {m.unit}", m.kind]
    parts += [p for p in (m.qualifier, m.direction, m.period and f"period {m.period}") if p]
    parts.append(f"metric {m.metric or '—'}")
    parts.append(f"code {m.indicator_code or '—'}")
    return " · ".join(parts)


def explain_text(text: str, mentions: Sequence[AuditMention]) -> str:
    """One block per mention: its reading, then its sentence with the mention between 【 】."""
    blocks = []
    for m in mentions:
        sentence = text[m.sentence_start : m.start] + "【" + text[m.start : m.end] + "】" + text[m.end : m.sentence_end]
        blocks.append(f"#{m.mention_id}  {_describe(m)}\n    {' '.join(sentence.split())}")
    return "\n".join(blocks)


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 0; display: flex; height: 100vh; }
#text { flex: 3; overflow-y: auto; padding: 1.5em 2em; white-space: pre-wrap; line-height: 1.9; font-size: 15px; }
#table { flex: 2; overflow-y: auto; padding: 1em; border-left: 1px solid #ddd; font-size: 13px; }
mark { background: #ffe58a; border-radius: 3px; padding: 0 1px; cursor: help; }
mark.coded { background: #b7eb8f; }
mark:target, tr:target { outline: 2px solid #d4380d; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #eee; padding: 3px 5px; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
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
    rows = "\n".join(
        f'<tr id="row{m.mention_id}"><td><a href="#m{m.mention_id}">{m.mention_id}</a></td>'
        f"<td>{html.escape(text[m.start:m.end])}</td><td class=num>{format_value(m.value)}</td><td>{html.escape(m.unit)}</td>"
        f"<td>{m.qualifier or ''}</td><td>{html.escape(m.metric or '')}</td><td>{m.indicator_code or ''}</td>"
        f"<td>{m.kind}{' ' + m.direction if m.direction else ''}</td><td>{m.period or ''}</td></tr>"
        for m in mentions
    )
    return f"""<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>{html.escape(title)}</title><style>{_STYLE}</style></head>
<body><div id="text"><h1>{html.escape(title)}</h1><p class="legend">{len(mentions)} indicator mentions;
green = with a catalog code. Hover a mention for its reading; click it for its row.</p>{"".join(pieces)}</div>
<div id="table"><table><thead><tr><th>#</th><th>as written</th><th>value</th><th>unit</th><th>qualifier</th>
<th>metric</th><th>code</th><th>kind</th><th>period</th></tr></thead><tbody>
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
<html lang="zh"><head><meta charset="utf-8"><title>Indicator audit</title><style>{_STYLE}
body {{ display: block; padding: 1em 2em; }}</style></head><body><h1>Indicator audit: {len(documents)} documents</h1>
<table><thead><tr><th>file</th><th>region</th><th>year</th><th>type</th><th>indicators</th></tr></thead>
<tbody>{rows}</tbody></table></body></html>
"""


def audit_dir(store: Warehouse) -> Path:
    return reports_dir(store) / "audit"


def _title(source_path: str, region: str | None, year: int | None, doc_type: str) -> str:
    return f"{source_path} — {region or 'region unknown'}, {year or 'year unknown'}, {doc_type}"


def _page(out_dir: Path, doc_id: str) -> Path:
    """Pages are named by doc_id, never by file name, so nothing in a report can steer where they go."""
    return out_dir / f"{doc_id}.html"


def write_pages(out_dir: Path, pages: dict[str, str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for doc_id, page in pages.items():
        _page(out_dir, doc_id).write_text(page, encoding="utf-8")


def remove_pages(out_dir: Path, doc_ids: Iterable[str]) -> None:
    """Remove the pages of documents about to be analysed again, so that no page of an older
    analysis stays behind (refresh_audit_pages renders missing pages)."""
    for doc_id in doc_ids:
        _page(out_dir, doc_id).unlink(missing_ok=True)


def refresh_audit_pages(store: Warehouse, out_dir: Path) -> tuple[list[str], int]:
    """Render the pages that are missing, drop pages of departed documents, write the index.

    The one place pages are made: from the warehouse, for every document without a page (new,
    analysed again, or its page lost). Returns the source paths rendered and the number of pages removed.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    on_disk = {page.stem for page in out_dir.glob("*.html")} - {"index"}
    written = []
    with store.connect() as con:
        documents = warehouse.audit_index(con)
        current = {doc_id for doc_id, *_ in documents}
        missing = sorted(current - on_disk)
        for first in range(0, len(missing), _PAGES_PER_QUERY):
            sources = warehouse.audit_page_sources(con, missing[first : first + _PAGES_PER_QUERY])
            mentions_of = warehouse.audit_mentions(con, [row[0] for row in sources])
            for doc_id, source_path, region, year, doc_type, text in sources:
                mentions = [AuditMention(*row) for row in mentions_of.get(doc_id, [])]
                write_pages(out_dir, {doc_id: audit_html(_title(source_path, region, year, doc_type), text, mentions)})
                written.append(source_path)
    stale = on_disk - current
    remove_pages(out_dir, stale)
    (out_dir / "index.html").write_text(index_html(documents), encoding="utf-8")
    return written, len(stale)
