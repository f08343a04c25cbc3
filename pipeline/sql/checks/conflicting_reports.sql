-- Region, year and indicator for which reports covering that year give different values.
SELECT p.region, p.year, p.indicator_code, p.value_options, p.value AS chosen_value, f.source_path AS chosen_file,
       p.doc_id AS chosen_doc_id
FROM indicator_panel AS p
LEFT JOIN document_texts AS f ON f.doc_id = p.doc_id
WHERE p.conflict
ORDER BY p.region, p.year, p.indicator_code
