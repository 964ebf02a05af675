CREATE TABLE "catalog_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"norm_name" text NOT NULL,
	"field_code" varchar(64),
	"data_type" varchar(16) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"grade" varchar(16) NOT NULL,
	"conflict_item_id" uuid,
	"source_resolution" varchar(8),
	"justification" text
);
--> statement-breakpoint
CREATE TABLE "catalog_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"format" varchar(16) NOT NULL,
	"update_cycle" varchar(16) NOT NULL,
	"share_type" varchar(16) NOT NULL,
	"share_condition" text,
	"open_type" varchar(16) NOT NULL,
	"grade" varchar(16) NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"item_count" integer DEFAULT 0 NOT NULL,
	"last_version_no" integer DEFAULT 0 NOT NULL,
	"published_version_no" integer,
	"reject_reason" text,
	"search_text" text DEFAULT '' NOT NULL,
	"search_grams" text[] GENERATED ALWAYS AS (catalog_grams(search_text)) STORED,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_resource_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" varchar(16) NOT NULL,
	"snapshot" jsonb NOT NULL,
	"restored_from" integer,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "catalog_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"applicant_org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"status" varchar(16) DEFAULT 'submitted' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"asset_owner" text,
	"book_value" numeric(16, 2),
	"not_asset" boolean DEFAULT false NOT NULL,
	"not_asset_basis" text,
	"registration_no" varchar(32),
	"notice_starts_on" date,
	"notice_ends_on" date,
	"effective_on" date,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_resource_id_catalog_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."catalog_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_conflict_item_id_catalog_items_id_fk" FOREIGN KEY ("conflict_item_id") REFERENCES "public"."catalog_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_resources" ADD CONSTRAINT "catalog_resources_owner_org_id_organizations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_resources" ADD CONSTRAINT "catalog_resources_provider_org_id_organizations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_resources" ADD CONSTRAINT "catalog_resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_resource_versions" ADD CONSTRAINT "catalog_resource_versions_resource_id_catalog_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."catalog_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_resource_versions" ADD CONSTRAINT "catalog_resource_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_resource_versions" ADD CONSTRAINT "catalog_resource_versions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_registrations" ADD CONSTRAINT "catalog_registrations_resource_id_catalog_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."catalog_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_registrations" ADD CONSTRAINT "catalog_registrations_applicant_org_id_organizations_id_fk" FOREIGN KEY ("applicant_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_registrations" ADD CONSTRAINT "catalog_registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_registrations" ADD CONSTRAINT "catalog_registrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_items_resource_idx" ON "catalog_items" USING btree ("resource_id","seq");--> statement-breakpoint
CREATE INDEX "catalog_items_field_code_idx" ON "catalog_items" USING btree ("field_code");--> statement-breakpoint
CREATE INDEX "catalog_items_norm_name_idx" ON "catalog_items" USING btree ("norm_name");--> statement-breakpoint
CREATE INDEX "catalog_items_conflict_idx" ON "catalog_items" USING btree ("conflict_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_resources_code_uq" ON "catalog_resources" USING btree ("code");--> statement-breakpoint
CREATE INDEX "catalog_resources_updated_idx" ON "catalog_resources" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "catalog_resources_name_idx" ON "catalog_resources" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "catalog_resources_region_updated_idx" ON "catalog_resources" USING btree ("region_code","updated_at","id");--> statement-breakpoint
CREATE INDEX "catalog_resources_owner_updated_idx" ON "catalog_resources" USING btree ("owner_org_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "catalog_resources_provider_idx" ON "catalog_resources" USING btree ("provider_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "catalog_resources_status_idx" ON "catalog_resources" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "catalog_resources_grams_idx" ON "catalog_resources" USING gin ("search_grams");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_versions_resource_no_uq" ON "catalog_resource_versions" USING btree ("resource_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_registrations_no_uq" ON "catalog_registrations" USING btree ("registration_no");--> statement-breakpoint
CREATE INDEX "catalog_registrations_resource_idx" ON "catalog_registrations" USING btree ("resource_id","status");--> statement-breakpoint
CREATE INDEX "catalog_registrations_region_idx" ON "catalog_registrations" USING btree ("region_code","updated_at");--> statement-breakpoint
CREATE INDEX "catalog_registrations_applicant_idx" ON "catalog_registrations" USING btree ("applicant_org_id","updated_at");