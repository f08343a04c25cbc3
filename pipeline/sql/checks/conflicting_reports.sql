-- Region, year and indicator for which reports covering that year give different values.
SELECT region, year, indicator_code, value_options, value AS chosen_value, doc_id AS chosen_doc_id
FROM indicator_panel
WHERE conflict
ORDER BY region, year, indicator_code
