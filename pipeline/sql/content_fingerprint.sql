-- A fingerprint of everything the tables after the analysis are made from: the code version ($1),
-- each document's analysis records, the files behind the documents and the rejected files.
-- Two equal fingerprints mean equal derived tables, charts and pages.
SELECT concat_ws(':',
    hash($1::VARCHAR),
    (SELECT coalesce(bit_xor(hash(doc_id, stage, version)), 0) FROM document_stages),
    (SELECT coalesce(bit_xor(hash(doc_id, source_path, sha256)), 0) FROM document_texts),
    (SELECT coalesce(bit_xor(hash(source_path, reason)), 0) FROM rejected_files))
