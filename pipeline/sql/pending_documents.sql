-- Documents that a stage has not processed at the current code version, but whose upstream
-- stages all have. Parameters: stage, version, list of upstream stages, their count.
SELECT t.doc_id
FROM document_texts AS t
WHERE NOT EXISTS (
        SELECT 1 FROM document_stages AS s
        WHERE s.doc_id = t.doc_id AND s.stage = $stage AND s.version = $version)
  AND (SELECT count(*) FROM document_stages AS u
       WHERE u.doc_id = t.doc_id AND u.stage IN (SELECT unnest($upstream::VARCHAR[])) AND u.version = $version)
      = len($upstream::VARCHAR[])
ORDER BY t.doc_id
