CREATE TABLE "campaign_evaluators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"self_status" varchar(16) DEFAULT 'pending' NOT NULL,
	"self_submitted_at" timestamp with time zone,
	"total" numeric(7, 3),
	"grade" varchar(16),
	"vetoed" boolean,
	"dimension_scores" jsonb,
	"rank" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"target_kind" varchar(16) NOT NULL,
	"name" text NOT NULL,
	"version_id" uuid NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"self_starts_on" date NOT NULL,
	"self_ends_on" date NOT NULL,
	"scoring_ends_on" date NOT NULL,
	"review_ends_on" date NOT NULL,
	"publish_on" date NOT NULL,
	"aggregation" varchar(16) DEFAULT 'trimmed' NOT NULL,
	"trimmed_min" smallint DEFAULT 5 NOT NULL,
	"divergence_pct" smallint DEFAULT 30 NOT NULL,
	"lead_user_id" uuid,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"node_code" varchar(64),
	"body" text NOT NULL,
	"major_risk" boolean DEFAULT false NOT NULL,
	"order_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"evaluator_user_id" uuid NOT NULL,
	"node_code" varchar(64) NOT NULL,
	"score" numeric(6, 2) NOT NULL,
	"comment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"evaluator_user_id" uuid NOT NULL,
	"coi" varchar(16) DEFAULT 'pending' NOT NULL,
	"coi_note" text,
	"declared_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"code" varchar(64) NOT NULL,
	"parent_code" varchar(64),
	"depth" smallint NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"weight" numeric(6, 2) NOT NULL,
	"max_score" numeric(6, 2),
	"rubric" jsonb,
	"evidence" text,
	"article" varchar(32),
	"veto_below" numeric(6, 2),
	"fact_key" varchar(48)
);
--> statement-breakpoint
CREATE TABLE "indicator_systems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_kind" varchar(16) NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"owner_org_id" uuid NOT NULL,
	"published_version_no" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"grade_bands" jsonb NOT NULL,
	"change_note" text,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leaf_resolutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"node_code" varchar(64) NOT NULL,
	"score" numeric(6, 2) NOT NULL,
	"reason" text NOT NULL,
	"resolved_by" uuid NOT NULL,
	"resolved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"node_code" varchar(64) NOT NULL,
	"score" numeric(6, 2),
	"comment" text,
	"facts" jsonb,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criticisms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"order_id" uuid,
	"violation" text NOT NULL,
	"approval_ref" text NOT NULL,
	"approved_on" date NOT NULL,
	"published_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"order_id" uuid,
	"suspension_id" uuid,
	"issuer_org_id" uuid NOT NULL,
	"status" varchar(16) DEFAULT 'scheduled' NOT NULL,
	"scheduled_on" date,
	"held_on" date,
	"attendees" text,
	"minutes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operation_suspensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"order_id" uuid,
	"cause" varchar(16) NOT NULL,
	"basis" varchar(32) NOT NULL,
	"reason" text NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"issued_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"resumed_at" timestamp with time zone,
	"resumed_by" uuid,
	"resume_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"body" text NOT NULL,
	"data" jsonb,
	"author_id" uuid NOT NULL,
	"author_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"requested_due_on" date NOT NULL,
	"reason" text NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"requested_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"no" varchar(48) NOT NULL,
	"source" varchar(16) NOT NULL,
	"source_ref" text,
	"issuer_org_id" uuid NOT NULL,
	"issued_by" uuid NOT NULL,
	"target_org_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"title" text NOT NULL,
	"findings" jsonb NOT NULL,
	"article" varchar(32) NOT NULL,
	"major_risk" boolean DEFAULT false NOT NULL,
	"status" varchar(16) DEFAULT 'plan_pending' NOT NULL,
	"deadline_kind" varchar(16) NOT NULL,
	"deadline_amount" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"overdue_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_evaluators" ADD CONSTRAINT "campaign_evaluators_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_evaluators" ADD CONSTRAINT "campaign_evaluators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_version_id_indicator_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."indicator_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_org_id_organizations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_findings" ADD CONSTRAINT "evaluation_findings_target_id_campaign_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."campaign_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_findings" ADD CONSTRAINT "evaluation_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_target_id_campaign_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."campaign_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_evaluator_user_id_users_id_fk" FOREIGN KEY ("evaluator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_targets" ADD CONSTRAINT "evaluator_targets_target_id_campaign_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."campaign_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_targets" ADD CONSTRAINT "evaluator_targets_evaluator_user_id_users_id_fk" FOREIGN KEY ("evaluator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_nodes" ADD CONSTRAINT "indicator_nodes_version_id_indicator_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."indicator_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_systems" ADD CONSTRAINT "indicator_systems_owner_org_id_organizations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_systems" ADD CONSTRAINT "indicator_systems_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_versions" ADD CONSTRAINT "indicator_versions_system_id_indicator_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."indicator_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_versions" ADD CONSTRAINT "indicator_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_versions" ADD CONSTRAINT "indicator_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaf_resolutions" ADD CONSTRAINT "leaf_resolutions_target_id_campaign_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."campaign_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaf_resolutions" ADD CONSTRAINT "leaf_resolutions_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_target_id_campaign_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."campaign_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_assessments" ADD CONSTRAINT "self_assessments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criticisms" ADD CONSTRAINT "criticisms_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criticisms" ADD CONSTRAINT "criticisms_issuer_org_id_organizations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criticisms" ADD CONSTRAINT "criticisms_order_id_rectification_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."rectification_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criticisms" ADD CONSTRAINT "criticisms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_order_id_rectification_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."rectification_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_suspension_id_operation_suspensions_id_fk" FOREIGN KEY ("suspension_id") REFERENCES "public"."operation_suspensions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_issuer_org_id_organizations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_suspensions" ADD CONSTRAINT "operation_suspensions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_suspensions" ADD CONSTRAINT "operation_suspensions_order_id_rectification_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."rectification_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_suspensions" ADD CONSTRAINT "operation_suspensions_issuer_org_id_organizations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_suspensions" ADD CONSTRAINT "operation_suspensions_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_suspensions" ADD CONSTRAINT "operation_suspensions_resumed_by_users_id_fk" FOREIGN KEY ("resumed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_entries" ADD CONSTRAINT "rectification_entries_order_id_rectification_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."rectification_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_entries" ADD CONSTRAINT "rectification_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_entries" ADD CONSTRAINT "rectification_entries_author_org_id_organizations_id_fk" FOREIGN KEY ("author_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_extensions" ADD CONSTRAINT "rectification_extensions_order_id_rectification_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."rectification_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_extensions" ADD CONSTRAINT "rectification_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_extensions" ADD CONSTRAINT "rectification_extensions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD CONSTRAINT "rectification_orders_issuer_org_id_organizations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD CONSTRAINT "rectification_orders_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD CONSTRAINT "rectification_orders_target_org_id_organizations_id_fk" FOREIGN KEY ("target_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_evaluators_uq" ON "campaign_evaluators" USING btree ("campaign_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_targets_uq" ON "campaign_targets" USING btree ("campaign_id","org_id");--> statement-breakpoint
CREATE INDEX "campaign_targets_org_idx" ON "campaign_targets" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "campaigns_owner_idx" ON "campaigns" USING btree ("owner_org_id","year");--> statement-breakpoint
CREATE INDEX "evaluation_findings_target_idx" ON "evaluation_findings" USING btree ("target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_scores_uq" ON "evaluation_scores" USING btree ("target_id","evaluator_user_id","node_code");--> statement-breakpoint
CREATE INDEX "evaluation_scores_leaf_idx" ON "evaluation_scores" USING btree ("target_id","node_code");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluator_targets_uq" ON "evaluator_targets" USING btree ("target_id","evaluator_user_id");--> statement-breakpoint
CREATE INDEX "evaluator_targets_user_idx" ON "evaluator_targets" USING btree ("evaluator_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_nodes_code_uq" ON "indicator_nodes" USING btree ("version_id","code");--> statement-breakpoint
CREATE INDEX "indicator_nodes_parent_idx" ON "indicator_nodes" USING btree ("version_id","parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_systems_name_uq" ON "indicator_systems" USING btree ("target_kind","name");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_versions_uq" ON "indicator_versions" USING btree ("system_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "leaf_resolutions_uq" ON "leaf_resolutions" USING btree ("target_id","node_code");--> statement-breakpoint
CREATE UNIQUE INDEX "self_assessments_uq" ON "self_assessments" USING btree ("target_id","node_code");--> statement-breakpoint
CREATE INDEX "criticisms_org_idx" ON "criticisms" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "interviews_org_idx" ON "interviews" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "operation_suspensions_org_idx" ON "operation_suspensions" USING btree ("org_id","resumed_at");--> statement-breakpoint
CREATE INDEX "rectification_entries_order_idx" ON "rectification_entries" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "rectification_extensions_order_idx" ON "rectification_extensions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "rectification_orders_target_idx" ON "rectification_orders" USING btree ("target_org_id","status");--> statement-breakpoint
CREATE INDEX "rectification_orders_issuer_idx" ON "rectification_orders" USING btree ("issuer_org_id","status");--> statement-breakpoint
CREATE INDEX "rectification_orders_due_idx" ON "rectification_orders" USING btree ("status","due_at");