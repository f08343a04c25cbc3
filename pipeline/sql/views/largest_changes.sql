-- Year-over-year changes, largest relative change first, with names. A year with the same value
-- as the year before is no change and is left out (yoy_comparison keeps it). abs_change is how a
-- change of a percentage is shown (in percentage points); months is '' for whole years, else the
-- months of the partial period both years are compared over ('01..06').
CREATE OR REPLACE VIEW largest_changes AS
SELECT y.region, y.indicator_code, c.name_zh AS indicator, y.prev_year, y.prev_value, y.year, y.value, y.unit,
       y.pct_change, y.abs_change, y.reported_pct_change, y.stated_change_agrees, y.gap_years, y.months
FROM yoy_comparison AS y
LEFT JOIN indicator_catalog AS c ON c.code = y.indicator_code
WHERE y.value <> y.prev_value
ORDER BY abs(y.pct_change) DESC NULLS LAST
