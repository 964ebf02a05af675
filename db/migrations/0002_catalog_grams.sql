-- Search grams for the catalog's Chinese substring search (issue 4).
-- pg_trgm only indexes "word" characters, and whether a CJK character is one depends on the
-- database's LC_CTYPE (C locale on PGlite and on many servers: it is not), so trigram indexes do
-- not help Chinese text everywhere. Instead each row keeps the set of its 1- and 2-character grams
-- (a generated column with a GIN index); a query of 2+ characters asks for all its bigrams
-- (`grams @> catalog_query_grams(q)`) and a LIKE on the text removes false positives.
CREATE OR REPLACE FUNCTION catalog_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
    SELECT substr(t, i, 1) AS g FROM generate_series(1, length(t)) AS i
    UNION ALL
    SELECT substr(t, i, 2) FROM generate_series(1, length(t) - 1) AS i
  ) s WHERE g !~ '\s'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION catalog_query_grams(q text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT CASE WHEN length(q) < 2 THEN ARRAY[q]
    ELSE coalesce((SELECT array_agg(DISTINCT substr(q, i, 2)) FROM generate_series(1, length(q) - 1) AS i
                   WHERE substr(q, i, 2) !~ '\s'), ARRAY[]::text[]) END
$$;
