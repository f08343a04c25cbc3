-- Comparison rows whose value or previous value is not the panel's for that region, indicator and year.
SELECT y.region, y.indicator_code, y.prev_year, y.prev_value, y.year, y.value
FROM yoy_comparison AS y
LEFT JOIN indicator_panel AS now ON now.region_code = y.region_code AND now.indicator_code = y.indicator_code
                                AND now.year = y.year
LEFT JOIN indicator_panel AS before ON before.region_code = y.region_code
                                   AND before.indicator_code = y.indicator_code AND before.year = y.prev_year
WHERE now.value IS DISTINCT FROM y.value OR before.value IS DISTINCT FROM y.prev_value
ORDER BY y.region, y.indicator_code, y.year
