-- Documents in which no indicator was found: a report without numbers is rare and worth a look.
SELECT d.source_path, d.doc_type, d.report_year
FROM documents AS d
WHERE NOT EXISTS (SELECT 1 FROM indicators AS i WHERE i.doc_id = d.doc_id)
ORDER BY d.source_path
