-- Documents of one type ($1) in which no indicator was found or whose year is unknown:
-- a report without numbers, or without a year, is rare and worth a look.
SELECT d.source_path, d.report_year,
       (SELECT count(*) FROM indicators AS i WHERE i.doc_id = d.doc_id) AS indicators
FROM documents AS d
WHERE d.doc_type = $1
  AND (d.report_year IS NULL OR NOT EXISTS (SELECT 1 FROM indicators AS i WHERE i.doc_id = d.doc_id))
ORDER BY d.source_path
