CREATE TABLE "compliance_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scenario_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"product_name" text NOT NULL,
	"product_description" text DEFAULT '' NOT NULL,
	"status" varchar(16) DEFAULT 'submitted' NOT NULL,
	"checkpoints" jsonb NOT NULL,
	"reason" text,
	"basis" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scenario_id" uuid NOT NULL,
	"compliance_review_id" uuid NOT NULL,
	"operator_org_id" uuid NOT NULL,
	"agency_org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"product_form" varchar(24) NOT NULL,
	"use_category" varchar(16) NOT NULL,
	"pricing_basis" varchar(16) NOT NULL,
	"price_note" text,
	"status" varchar(16) DEFAULT 'submitted' NOT NULL,
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
CREATE TABLE "developer_selections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_org_id" uuid NOT NULL,
	"developer_org_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"agency_org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"criteria" text NOT NULL,
	"capability" text NOT NULL,
	"need" text NOT NULL,
	"scenario_compliance" text NOT NULL,
	"security_risk" text NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"review_reason" text,
	"agreement" jsonb,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filing_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" varchar(48) NOT NULL,
	"entity_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"recipient_org_id" uuid NOT NULL,
	"recipient_role" varchar(32) NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filing_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_type" varchar(48) NOT NULL,
	"entity_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "implementation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"industry_org_id" uuid,
	"sections" jsonb NOT NULL,
	"resource_ids" uuid[] DEFAULT '{}' NOT NULL,
	"decision_on" date,
	"decision_meeting" text,
	"approval_on" date,
	"approval_ref" text,
	"last_version_no" integer DEFAULT 0 NOT NULL,
	"filed_version_no" integer,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operating_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"operator_org_id" uuid NOT NULL,
	"industry_org_id" uuid,
	"partner_org_ids" uuid[] DEFAULT '{}' NOT NULL,
	"plan_id" uuid,
	"name" text NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"signed_on" date,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"term_exception" text,
	"exception_status" varchar(16) DEFAULT 'none' NOT NULL,
	"exception_decided_by" uuid,
	"exception_decided_at" timestamp with time zone,
	"exception_reason" text,
	"clauses" jsonb NOT NULL,
	"resource_ids" uuid[] DEFAULT '{}' NOT NULL,
	"decision_on" date,
	"decision_meeting" text,
	"exit_path" varchar(16),
	"exit_note" text,
	"last_version_no" integer DEFAULT 0 NOT NULL,
	"filed_version_no" integer,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "periodic_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"operator_org_id" uuid NOT NULL,
	"agency_org_id" uuid NOT NULL,
	"authority_org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"due_on" date NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"last_version_no" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"operator_org_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"subject" varchar(16) NOT NULL,
	"item_name" text,
	"description" text NOT NULL,
	"status" varchar(16) DEFAULT 'open' NOT NULL,
	"deadline_id" uuid,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenario_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"operator_org_id" uuid NOT NULL,
	"agency_org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"product_form" varchar(24) NOT NULL,
	"use_category" varchar(16) NOT NULL,
	"resource_ids" uuid[] DEFAULT '{}' NOT NULL,
	"status" varchar(24) DEFAULT 'draft' NOT NULL,
	"reject_reason" text,
	"reject_basis" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operator_org_id" uuid NOT NULL,
	"period" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_reviews" ADD CONSTRAINT "compliance_reviews_scenario_id_scenario_applications_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenario_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_reviews" ADD CONSTRAINT "compliance_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_reviews" ADD CONSTRAINT "compliance_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_products" ADD CONSTRAINT "data_products_scenario_id_scenario_applications_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenario_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_products" ADD CONSTRAINT "data_products_compliance_review_id_compliance_reviews_id_fk" FOREIGN KEY ("compliance_review_id") REFERENCES "public"."compliance_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_products" ADD CONSTRAINT "data_products_operator_org_id_organizations_id_fk" FOREIGN KEY ("operator_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_products" ADD CONSTRAINT "data_products_agency_org_id_organizations_id_fk" FOREIGN KEY ("agency_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_products" ADD CONSTRAINT "data_products_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_products" ADD CONSTRAINT "data_products_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "developer_selections" ADD CONSTRAINT "developer_selections_operator_org_id_organizations_id_fk" FOREIGN KEY ("operator_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "developer_selections" ADD CONSTRAINT "developer_selections_developer_org_id_organizations_id_fk" FOREIGN KEY ("developer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "developer_selections" ADD CONSTRAINT "developer_selections_product_id_data_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."data_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "developer_selections" ADD CONSTRAINT "developer_selections_agency_org_id_organizations_id_fk" FOREIGN KEY ("agency_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "developer_selections" ADD CONSTRAINT "developer_selections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_receipts" ADD CONSTRAINT "filing_receipts_recipient_org_id_organizations_id_fk" FOREIGN KEY ("recipient_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_receipts" ADD CONSTRAINT "filing_receipts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_versions" ADD CONSTRAINT "filing_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_plans" ADD CONSTRAINT "implementation_plans_owner_org_id_organizations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_plans" ADD CONSTRAINT "implementation_plans_industry_org_id_organizations_id_fk" FOREIGN KEY ("industry_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_plans" ADD CONSTRAINT "implementation_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operating_agreements" ADD CONSTRAINT "operating_agreements_agency_org_id_organizations_id_fk" FOREIGN KEY ("agency_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operating_agreements" ADD CONSTRAINT "operating_agreements_operator_org_id_organizations_id_fk" FOREIGN KEY ("operator_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operating_agreements" ADD CONSTRAINT "operating_agreements_industry_org_id_organizations_id_fk" FOREIGN KEY ("industry_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operating_agreements" ADD CONSTRAINT "operating_agreements_plan_id_implementation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."implementation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operating_agreements" ADD CONSTRAINT "operating_agreements_exception_decided_by_users_id_fk" FOREIGN KEY ("exception_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operating_agreements" ADD CONSTRAINT "operating_agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_agreement_id_operating_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."operating_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_operator_org_id_organizations_id_fk" FOREIGN KEY ("operator_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_agency_org_id_organizations_id_fk" FOREIGN KEY ("agency_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_authority_org_id_organizations_id_fk" FOREIGN KEY ("authority_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periodic_reports" ADD CONSTRAINT "periodic_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_messages" ADD CONSTRAINT "quality_messages_request_id_quality_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."quality_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_messages" ADD CONSTRAINT "quality_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_messages" ADD CONSTRAINT "quality_messages_author_org_id_organizations_id_fk" FOREIGN KEY ("author_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_requests" ADD CONSTRAINT "quality_requests_resource_id_catalog_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."catalog_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_requests" ADD CONSTRAINT "quality_requests_operator_org_id_organizations_id_fk" FOREIGN KEY ("operator_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_requests" ADD CONSTRAINT "quality_requests_provider_org_id_organizations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_requests" ADD CONSTRAINT "quality_requests_owner_org_id_organizations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_requests" ADD CONSTRAINT "quality_requests_deadline_id_deadlines_id_fk" FOREIGN KEY ("deadline_id") REFERENCES "public"."deadlines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_requests" ADD CONSTRAINT "quality_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_requests" ADD CONSTRAINT "quality_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_applications" ADD CONSTRAINT "scenario_applications_agreement_id_operating_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."operating_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_applications" ADD CONSTRAINT "scenario_applications_operator_org_id_organizations_id_fk" FOREIGN KEY ("operator_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_applications" ADD CONSTRAINT "scenario_applications_agency_org_id_organizations_id_fk" FOREIGN KEY ("agency_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_applications" ADD CONSTRAINT "scenario_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_disclosures" ADD CONSTRAINT "usage_disclosures_operator_org_id_organizations_id_fk" FOREIGN KEY ("operator_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_disclosures" ADD CONSTRAINT "usage_disclosures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_reviews_round_uq" ON "compliance_reviews" USING btree ("scenario_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "data_products_registration_no_uq" ON "data_products" USING btree ("registration_no");--> statement-breakpoint
CREATE INDEX "data_products_operator_idx" ON "data_products" USING btree ("operator_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "data_products_region_idx" ON "data_products" USING btree ("region_code","updated_at");--> statement-breakpoint
CREATE INDEX "developer_selections_operator_idx" ON "developer_selections" USING btree ("operator_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "developer_selections_agency_idx" ON "developer_selections" USING btree ("agency_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "developer_selections_developer_idx" ON "developer_selections" USING btree ("developer_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "filing_receipts_uq" ON "filing_receipts" USING btree ("entity_type","entity_id","version_no","recipient_org_id");--> statement-breakpoint
CREATE INDEX "filing_receipts_recipient_idx" ON "filing_receipts" USING btree ("recipient_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "filing_versions_uq" ON "filing_versions" USING btree ("entity_type","entity_id","version_no");--> statement-breakpoint
CREATE INDEX "implementation_plans_owner_idx" ON "implementation_plans" USING btree ("owner_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "implementation_plans_region_idx" ON "implementation_plans" USING btree ("region_code","updated_at");--> statement-breakpoint
CREATE INDEX "operating_agreements_agency_idx" ON "operating_agreements" USING btree ("agency_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "operating_agreements_operator_idx" ON "operating_agreements" USING btree ("operator_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "operating_agreements_region_idx" ON "operating_agreements" USING btree ("region_code","updated_at");--> statement-breakpoint
CREATE INDEX "operating_agreements_ends_idx" ON "operating_agreements" USING btree ("ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "periodic_reports_period_uq" ON "periodic_reports" USING btree ("agreement_id","kind","year","quarter");--> statement-breakpoint
CREATE INDEX "periodic_reports_operator_idx" ON "periodic_reports" USING btree ("operator_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "periodic_reports_agency_idx" ON "periodic_reports" USING btree ("agency_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "periodic_reports_authority_idx" ON "periodic_reports" USING btree ("authority_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "quality_messages_request_idx" ON "quality_messages" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "quality_requests_operator_idx" ON "quality_requests" USING btree ("operator_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "quality_requests_provider_idx" ON "quality_requests" USING btree ("provider_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "quality_requests_region_idx" ON "quality_requests" USING btree ("region_code","updated_at");--> statement-breakpoint
CREATE INDEX "scenario_applications_operator_idx" ON "scenario_applications" USING btree ("operator_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "scenario_applications_agency_idx" ON "scenario_applications" USING btree ("agency_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "scenario_applications_region_idx" ON "scenario_applications" USING btree ("region_code","updated_at");--> statement-breakpoint
CREATE INDEX "usage_disclosures_operator_idx" ON "usage_disclosures" USING btree ("operator_org_id","status");