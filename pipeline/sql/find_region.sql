-- Divisions called $1 (full name, short name or code), most general level first.
SELECT code, name, level
FROM regions
WHERE name = $1 OR short_name = $1 OR code = $1
ORDER BY CASE level WHEN 'country' THEN 0 WHEN 'province' THEN 1 WHEN 'prefecture' THEN 2 ELSE 3 END, code
