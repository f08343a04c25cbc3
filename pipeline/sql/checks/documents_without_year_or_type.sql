-- Documents whose covered year is unknown or whose type could not be decided.
SELECT source_path, report_year, doc_type
FROM documents
WHERE report_year IS NULL OR doc_type IS NULL OR doc_type NOT IN ('annual_report', 'work_summary', 'work_plan', 'other')
ORDER BY source_path
