-- Documents whose per-document rows must go: their text left the raw folder, they were analysed
-- by another code version ($1 is the current one), or their file was renamed or re-encoded (same
-- text, so the same doc_id, but documents holds the old path and hash). Rows are only ever
-- written together with their document_stages records, so the records say which documents have rows.
SELECT DISTINCT doc_id FROM document_stages
WHERE version <> $1 OR doc_id NOT IN (SELECT doc_id FROM document_texts)
UNION
SELECT d.doc_id FROM documents AS d JOIN document_texts AS t USING (doc_id)
WHERE d.source_path <> t.source_path OR d.sha256 <> t.sha256
