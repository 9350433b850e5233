ALTER TABLE "request_logs" DROP CONSTRAINT "request_logs_billing_period_id_billing_periods_id_fk";
--> statement-breakpoint
ALTER TABLE "billing_periods" ALTER COLUMN "is_current" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "billing_periods" ADD CONSTRAINT "billing_periods_id_user_id_key" UNIQUE("id","user_id");--> statement-breakpoint
ALTER TABLE "request_logs" ADD CONSTRAINT "request_logs_billing_period_user_fk" FOREIGN KEY ("billing_period_id","user_id") REFERENCES "public"."billing_periods"("id","user_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_periods" ADD CONSTRAINT "billing_periods_total_requests_check" CHECK ("billing_periods"."total_requests" >= 0);--> statement-breakpoint
ALTER TABLE "billing_periods" ADD CONSTRAINT "billing_periods_total_cost_cents_check" CHECK ("billing_periods"."total_cost_cents" >= 0);--> statement-breakpoint
ALTER TABLE "billing_periods" ADD CONSTRAINT "billing_periods_period_end_check" CHECK ("billing_periods"."period_end" >= "billing_periods"."period_start");--> statement-breakpoint
ALTER TABLE "billing_periods" ADD CONSTRAINT "billing_periods_paid_amount_cents_check" CHECK ("billing_periods"."paid_amount_cents" is null or "billing_periods"."paid_amount_cents" >= 0);--> statement-breakpoint
ALTER TABLE "request_logs" ADD CONSTRAINT "request_logs_cost_cents_check" CHECK ("request_logs"."cost_cents" >= 0);--> statement-breakpoint
ALTER TABLE "request_logs" ADD CONSTRAINT "request_logs_error_cost_check" CHECK ("request_logs"."status" <> 'error' or "request_logs"."cost_cents" = 0);--> statement-breakpoint
ALTER TABLE "request_logs" ADD CONSTRAINT "request_logs_duration_ms_check" CHECK ("request_logs"."duration_ms" >= 0);--> statement-breakpoint
ALTER TABLE "request_logs" ADD CONSTRAINT "request_logs_request_bytes_check" CHECK ("request_logs"."request_bytes" >= 0);--> statement-breakpoint
ALTER TABLE "request_logs" ADD CONSTRAINT "request_logs_response_bytes_check" CHECK ("request_logs"."response_bytes" >= 0);