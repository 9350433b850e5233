CREATE TYPE "public"."credit_entry_type" AS ENUM('grant', 'reserve', 'settle', 'release', 'refund', 'expire', 'adjust');--> statement-breakpoint
CREATE TYPE "public"."credit_kind" AS ENUM('trial', 'subscription', 'payg', 'adjustment');--> statement-breakpoint
CREATE TYPE "public"."credit_hold_status" AS ENUM('held', 'settled', 'released');--> statement-breakpoint
CREATE TYPE "public"."idempotency_status" AS ENUM('in_flight', 'completed');--> statement-breakpoint
CREATE TABLE "ai_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"credit_cost_milli" bigint NOT NULL,
	"price_cents" bigint DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_services_credit_cost_check" CHECK ("ai_services"."credit_cost_milli" >= 0),
	CONSTRAINT "ai_services_price_cents_check" CHECK ("ai_services"."price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_id" uuid
);
--> statement-breakpoint
CREATE TABLE "billing_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_entries" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credit_entries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"grant_id" uuid,
	"hold_id" uuid,
	"type" "credit_entry_type" NOT NULL,
	"amount" bigint NOT NULL,
	"balance_after" bigint NOT NULL,
	"service" text,
	"request_id" uuid,
	"reason" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "credit_kind" NOT NULL,
	"amount" bigint NOT NULL,
	"remaining" bigint NOT NULL,
	"held" bigint DEFAULT 0 NOT NULL,
	"consumed" bigint DEFAULT 0 NOT NULL,
	"expired" bigint DEFAULT 0 NOT NULL,
	"debited" bigint DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_grants_amount_check" CHECK ("credit_grants"."amount" > 0),
	CONSTRAINT "credit_grants_counters_check" CHECK ("credit_grants"."remaining" >= 0 and "credit_grants"."held" >= 0 and "credit_grants"."consumed" >= 0 and "credit_grants"."expired" >= 0 and "credit_grants"."debited" >= 0),
	CONSTRAINT "credit_grants_conservation_check" CHECK ("credit_grants"."amount" = "credit_grants"."remaining" + "credit_grants"."held" + "credit_grants"."consumed" + "credit_grants"."expired" + "credit_grants"."debited")
);
--> statement-breakpoint
CREATE TABLE "credit_hold_allocations" (
	"hold_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"ord" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"captured" bigint DEFAULT 0 NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "credit_hold_allocations_hold_id_grant_id_pk" PRIMARY KEY("hold_id","grant_id"),
	CONSTRAINT "credit_hold_allocations_amount_check" CHECK ("credit_hold_allocations"."amount" > 0),
	CONSTRAINT "credit_hold_allocations_captured_check" CHECK ("credit_hold_allocations"."captured" between 0 and "credit_hold_allocations"."amount" and "credit_hold_allocations"."refunded" between 0 and "credit_hold_allocations"."captured")
);
--> statement-breakpoint
CREATE TABLE "credit_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"service" text NOT NULL,
	"amount" bigint NOT NULL,
	"captured" bigint DEFAULT 0 NOT NULL,
	"refunded" bigint DEFAULT 0 NOT NULL,
	"status" "credit_hold_status" DEFAULT 'held' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	CONSTRAINT "credit_holds_amount_check" CHECK ("credit_holds"."amount" > 0),
	CONSTRAINT "credit_holds_captured_check" CHECK ("credit_holds"."captured" between 0 and "credit_holds"."amount"),
	CONSTRAINT "credit_holds_refunded_check" CHECK ("credit_holds"."refunded" = 0 or ("credit_holds"."status" = 'settled' and "credit_holds"."refunded" = "credit_holds"."captured")),
	CONSTRAINT "credit_holds_capture_status_check" CHECK ("credit_holds"."status" = 'settled' or "credit_holds"."captured" = 0)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" "idempotency_status" DEFAULT 'in_flight' NOT NULL,
	"request_id" uuid NOT NULL,
	"locked_until" timestamp with time zone NOT NULL,
	"response_status" integer,
	"response_headers" jsonb,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key"),
	CONSTRAINT "idempotency_keys_completed_check" CHECK ("idempotency_keys"."status" = 'in_flight' or ("idempotency_keys"."response_status" is not null and "idempotency_keys"."response_body" is not null))
);
--> statement-breakpoint
ALTER TABLE "request_logs" ADD COLUMN "credits_charged_milli" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_accounts" ADD CONSTRAINT "billing_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD CONSTRAINT "credit_entries_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD CONSTRAINT "credit_entries_grant_id_credit_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."credit_grants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD CONSTRAINT "credit_entries_hold_id_credit_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."credit_holds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_entries" ADD CONSTRAINT "credit_entries_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_grants" ADD CONSTRAINT "credit_grants_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_hold_allocations" ADD CONSTRAINT "credit_hold_allocations_hold_id_credit_holds_id_fk" FOREIGN KEY ("hold_id") REFERENCES "public"."credit_holds"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_hold_allocations" ADD CONSTRAINT "credit_hold_allocations_grant_id_credit_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."credit_grants"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_holds" ADD CONSTRAINT "credit_holds_account_id_billing_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."billing_accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ai_services_name_key" ON "ai_services" USING btree ("name");--> statement-breakpoint
CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_accounts_user_id_key" ON "billing_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "credit_entries_account_seq_idx" ON "credit_entries" USING btree ("account_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_entries_hold_once_key" ON "credit_entries" USING btree ("hold_id","type") WHERE "credit_entries"."hold_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_grants_source_key" ON "credit_grants" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "credit_grants_spendable_idx" ON "credit_grants" USING btree ("account_id") WHERE "credit_grants"."remaining" > 0;--> statement-breakpoint
CREATE INDEX "credit_grants_expiring_idx" ON "credit_grants" USING btree ("expires_at") WHERE "credit_grants"."remaining" > 0 and "credit_grants"."expires_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_holds_request_id_key" ON "credit_holds" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "credit_holds_open_idx" ON "credit_holds" USING btree ("expires_at") WHERE "credit_holds"."status" = 'held';--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "request_logs" ADD CONSTRAINT "request_logs_credits_charged_check" CHECK ("request_logs"."credits_charged_milli" >= 0);--> statement-breakpoint
ALTER TABLE "request_logs" ADD CONSTRAINT "request_logs_error_credits_check" CHECK ("request_logs"."status" <> 'error' or "request_logs"."credits_charged_milli" = 0);