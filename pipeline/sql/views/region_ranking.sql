-- Regions ranked by an indicator within one year, among divisions of the same level only
-- (a county is never ranked against a province), highest value first.
CREATE OR REPLACE VIEW region_ranking AS
SELECT p.year, p.indicator_code, c.name_zh AS indicator, p.unit, r.level, p.region, p.region_code, p.value,
       rank() OVER w AS rank,
       count(*) OVER (PARTITION BY p.year, p.indicator_code, p.unit, r.level) AS regions_ranked
FROM indicator_panel AS p
LEFT JOIN regions AS r ON r.code = p.region_code
LEFT JOIN indicator_catalog AS c ON c.code = p.indicator_code
WINDOW w AS (PARTITION BY p.year, p.indicator_code, p.unit, r.level ORDER BY p.value DESC)
ORDER BY p.year, p.indicator_code, r.level, rank
