-- Mentions whose value cannot be right: negative counts, money or durations; ratios outside
-- 0-1000 %; falls of more than 100 %.
SELECT d.source_path, i.mention_id, i.mention, i.value, i.unit, i.kind
FROM indicators AS i
JOIN documents AS d USING (doc_id)
WHERE (i.kind IN ('count', 'money', 'duration', 'target') AND i.value < 0)
   OR (i.kind = 'ratio' AND (i.value < 0 OR i.value > 1000))
   OR (i.kind = 'change' AND i.unit = '%' AND i.direction = 'down' AND i.value > 100)
ORDER BY d.source_path, i.mention_id
