-- Every file the warehouse knows, landed or rejected, with the size and mtime it had when read.
SELECT source_path, size, mtime_ns, sha256, doc_id FROM document_texts
UNION ALL
SELECT source_path, size, mtime_ns, NULL, NULL FROM rejected_files
