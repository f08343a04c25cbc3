-- Every document with its metadata and the number of indicators found, for the audit index page,
-- and when it was last analysed (a page of an earlier analysis is rendered again).
SELECT d.doc_id, d.source_path, d.region, d.report_year, d.doc_type,
       (SELECT count(*) FROM indicators AS i WHERE i.doc_id = d.doc_id) AS indicators,
       (SELECT max(s.processed_at) FROM document_stages AS s WHERE s.doc_id = d.doc_id) AS analysed_at
FROM documents AS d
ORDER BY d.region NULLS LAST, d.report_year, d.source_path
