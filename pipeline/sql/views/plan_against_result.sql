-- Work-plan targets next to the reported result of the same region and year, with names.
CREATE OR REPLACE VIEW plan_against_result AS
SELECT v.region, v.year, v.indicator_code, c.name_zh AS indicator, v.target_qualifier, v.target_value,
       v.target_unit, v.actual_value, v.actual_unit, v.actual_source, v.met, v.target_metric
FROM plan_vs_actual AS v
LEFT JOIN indicator_catalog AS c ON c.code = v.indicator_code
ORDER BY v.region, v.year, v.indicator_code
