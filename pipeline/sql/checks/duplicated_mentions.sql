-- The same span of the same document extracted more than once.
SELECT d.source_path, i."start", i."end", count(*) AS times
FROM indicators AS i
JOIN documents AS d USING (doc_id)
GROUP BY ALL
HAVING count(*) > 1
ORDER BY d.source_path, i."start"
