-- Files that did not land, with the reason.
SELECT source_path, reason FROM rejected_files ORDER BY source_path
