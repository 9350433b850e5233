ALTER TABLE "subscriptions" ADD COLUMN "pending_price_id" uuid;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "provider_schedule_id" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_pending_price_id_prices_id_fk" FOREIGN KEY ("pending_price_id") REFERENCES "public"."prices"("id") ON DELETE restrict ON UPDATE no action;