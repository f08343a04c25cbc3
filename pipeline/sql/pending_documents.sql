-- Documents that some per-document table has not received at the current code version.
-- Parameters: version, tables (the per-document tables, each recorded in document_stages).
SELECT t.doc_id
FROM document_texts AS t
LEFT JOIN (
    SELECT doc_id, count(*) AS done
    FROM document_stages
    WHERE version = $version AND stage IN (SELECT unnest($tables::VARCHAR[]))
    GROUP BY doc_id
) AS s USING (doc_id)
WHERE coalesce(s.done, 0) < len($tables::VARCHAR[])
ORDER BY t.doc_id
