-- Each landed document with the context its extraction needs.
SELECT t.doc_id, t.text, d.report_year, d.doc_type
FROM document_texts AS t
JOIN documents AS d USING (doc_id)
ORDER BY t.doc_id
