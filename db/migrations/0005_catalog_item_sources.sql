DROP INDEX "catalog_items_field_code_idx";--> statement-breakpoint
DROP INDEX "catalog_items_norm_name_idx";--> statement-breakpoint
ALTER TABLE "catalog_items" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "catalog_items_field_code_src_idx" ON "catalog_items" USING btree ("field_code","created_at","id") WHERE "catalog_items"."conflict_item_id" is null and "catalog_items"."field_code" is not null;--> statement-breakpoint
CREATE INDEX "catalog_items_norm_name_src_idx" ON "catalog_items" USING btree ("norm_name","created_at","id") WHERE "catalog_items"."conflict_item_id" is null;