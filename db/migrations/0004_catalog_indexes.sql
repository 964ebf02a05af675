-- Catalog at scale (issue 4; README "Catalog at 100k resources / 1M items").
-- updated_at at millisecond precision, so that the list sorts on the column and its (…, updated_at,
-- id) indexes serve the order; the list's other sort orders indexed per region and per owner; and
-- an (owner_org_id, region_code) index for the municipal scope's "own resources outside the region".
ALTER TABLE "catalog_resources" ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "catalog_resources" ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
CREATE INDEX "catalog_resources_item_count_idx" ON "catalog_resources" USING btree ("item_count","id");--> statement-breakpoint
CREATE INDEX "catalog_resources_region_name_idx" ON "catalog_resources" USING btree ("region_code","name","id");--> statement-breakpoint
CREATE INDEX "catalog_resources_region_code_idx" ON "catalog_resources" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "catalog_resources_region_item_count_idx" ON "catalog_resources" USING btree ("region_code","item_count","id");--> statement-breakpoint
CREATE INDEX "catalog_resources_owner_name_idx" ON "catalog_resources" USING btree ("owner_org_id","name","id");--> statement-breakpoint
CREATE INDEX "catalog_resources_owner_code_idx" ON "catalog_resources" USING btree ("owner_org_id","code");--> statement-breakpoint
CREATE INDEX "catalog_resources_owner_item_count_idx" ON "catalog_resources" USING btree ("owner_org_id","item_count","id");--> statement-breakpoint
CREATE INDEX "catalog_resources_owner_region_idx" ON "catalog_resources" USING btree ("owner_org_id","region_code");--> statement-breakpoint
-- The grams a search asks the index for: per whitespace-separated word, non-overlapping bigrams that
-- cover it (信用代码 → 信用, 代码; 信用代 → 信用, 用代), a one-character word itself. Any text containing
-- the query contains them (the LIKE on the text still removes false positives). Fewer grams than
-- every overlapping bigram: the planner multiplies their frequencies as if independent, and with all
-- of a word's overlapping bigrams it underestimated matches of common words and chose the gram index
-- where walking the sort order stops after a few rows.
CREATE OR REPLACE FUNCTION catalog_query_grams(q text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
    SELECT CASE WHEN length(w) = 1 THEN w ELSE substr(w, least(i, length(w) - 1), 2) END AS g
    FROM regexp_split_to_table(q, '\s+') AS w, generate_series(1, length(w), 2) AS i
    WHERE w <> ''
  ) s
$$;
