-- A region's indicators over the years, with the indicator's name and the region's level, how
-- the value was chosen and, where reports gave the year different whole values, all of them;
-- months is '' for a whole year, else the months of a partial period ('01..06').
CREATE OR REPLACE VIEW region_profile AS
SELECT p.region, p.region_code, r.level, p.year, p.indicator_code, c.name_zh AS indicator, p.value, p.unit,
       p.chosen_by, p.conflict, p.doc_id, p.value_options, p.report_values, p.months
FROM indicator_panel AS p
LEFT JOIN regions AS r ON r.code = p.region_code
LEFT JOIN indicator_catalog AS c ON c.code = p.indicator_code
ORDER BY p.region_code, p.indicator_code, p.year
