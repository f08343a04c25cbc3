-- Documents whose per-document rows must go: their text left the raw folder, or they were
-- analysed by another code version ($1 is the current one). Rows are only ever written together
-- with their document_stages records, so the records say which documents have rows.
SELECT DISTINCT doc_id FROM document_stages
WHERE version <> $1 OR doc_id NOT IN (SELECT doc_id FROM document_texts)
