-- Comparison rows whose values no longer match a mention of the same region, indicator and year.
SELECT y.region, y.indicator_code, y.year, y.value
FROM yoy_comparison AS y
WHERE NOT EXISTS (
    SELECT 1
    FROM indicators AS i
    JOIN documents AS d USING (doc_id)
    WHERE d.region_code = y.region_code
      AND i.indicator_code = y.indicator_code
      AND coalesce(i.period_year, d.report_year) = y.year
      AND i.value = y.value
)
ORDER BY y.region, y.indicator_code, y.year
