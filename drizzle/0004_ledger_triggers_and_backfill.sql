-- Every user has exactly one billing account, made with the user: a trigger, so no code path that
-- inserts a user (registration, createsuperuser, the demo seed, test factories) can forget it.
CREATE FUNCTION "create_billing_account_for_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "billing_accounts" ("user_id") VALUES (NEW."id") ON CONFLICT ("user_id") DO NOTHING;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "users_create_billing_account" AFTER INSERT ON "users"
  FOR EACH ROW EXECUTE FUNCTION "create_billing_account_for_user"();--> statement-breakpoint
-- Existing users get theirs now.
INSERT INTO "billing_accounts" ("user_id") SELECT "id" FROM "users" ON CONFLICT ("user_id") DO NOTHING;--> statement-breakpoint
-- The credit journal and the audit log are append-only: corrections are new entries.
CREATE FUNCTION "refuse_change_of_append_only_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "credit_entries_append_only" BEFORE UPDATE OR DELETE ON "credit_entries"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_append_only_row"();--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_append_only_row"();
