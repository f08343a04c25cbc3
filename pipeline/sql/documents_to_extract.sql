-- The given documents ($1: list of doc_id) with the context their extraction needs.
SELECT t.doc_id, t.text, d.report_year, d.doc_type
FROM document_texts AS t
JOIN documents AS d USING (doc_id)
WHERE t.doc_id IN (SELECT unnest($1::VARCHAR[]))
ORDER BY t.doc_id
