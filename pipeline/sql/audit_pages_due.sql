-- Documents whose indicators were (re)computed after the given time ($1), with what a page needs.
SELECT d.doc_id, d.source_path, d.region, d.report_year, d.doc_type, t.text
FROM documents AS d
JOIN document_stages AS s ON s.doc_id = d.doc_id AND s.stage = 'indicators'
JOIN document_texts AS t ON t.doc_id = d.doc_id
WHERE $1::TIMESTAMP IS NULL OR s.processed_at >= $1::TIMESTAMP
ORDER BY d.source_path
