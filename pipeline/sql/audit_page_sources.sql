-- What the audit page of each given document ($1: list of doc_id) is made from, by source path.
SELECT d.doc_id, d.source_path, d.region, d.report_year, d.doc_type, t.text
FROM documents AS d
JOIN document_texts AS t ON t.doc_id = d.doc_id
WHERE d.doc_id IN (SELECT unnest($1::VARCHAR[]))
ORDER BY d.source_path
