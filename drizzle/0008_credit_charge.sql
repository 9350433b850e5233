-- Optimistic charging (docs/decisions.md#credits): a call admitted on a recent balance that
-- covered it many times over runs before its credits are held, and is charged when it finished,
-- with its log, by credit_charge below: one `charge` journal entry instead of `reserve` + `settle`.
ALTER TYPE "public"."credit_entry_type" ADD VALUE 'charge' BEFORE 'release';--> statement-breakpoint

-- Charges calls that already ran. Each call gets the ledger rows a reserved call ends with (a
-- hold `settled` for its amount, its allocations captured, the grants' remaining -> consumed),
-- written in their final state in one statement, nothing updated twice, and one `charge` entry.
-- Allocation in spend order (trial, subscription, payg, adjustment; soonest expiry, none last;
-- oldest) as credit_reserve. All or nothing: when an account's live credits no longer cover every
-- charge, it raises TGC01 and the caller's transaction (the metering batch) rolls back, so the
-- caller can charge the calls one by one and refuse the one that does not fit.
CREATE FUNCTION "credit_charge"(p_charges jsonb, p_now timestamptz)
RETURNS TABLE (request_id uuid, available_after bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  admitted integer;
BEGIN
  PERFORM 1 FROM billing_accounts
  WHERE id IN (SELECT (x->>'account_id')::uuid FROM jsonb_array_elements(p_charges) x)
  ORDER BY id FOR UPDATE;

  RETURN QUERY
  WITH input AS (
    SELECT * FROM jsonb_to_recordset(p_charges) AS x(hold_id uuid, account_id uuid,
      request_id uuid, service text, amount bigint, ord int)
  ),
  live AS (
    SELECT g.id, g.account_id, g.remaining,
      sum(g.remaining) OVER w - g.remaining AS g_start, sum(g.remaining) OVER w AS g_end
    FROM credit_grants g
    WHERE g.account_id IN (SELECT i.account_id FROM input i)
      AND g.remaining > 0 AND (g.expires_at IS NULL OR g.expires_at > p_now)
    WINDOW w AS (PARTITION BY g.account_id
      ORDER BY CASE g.kind WHEN 'trial' THEN 0 WHEN 'subscription' THEN 1 WHEN 'payg' THEN 2 ELSE 3 END,
        g.expires_at ASC NULLS LAST, g.created_at, g.id
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
  ),
  available AS (SELECT l.account_id, sum(l.remaining) AS total FROM live l GROUP BY l.account_id),
  requested AS (
    SELECT i.*, sum(i.amount) OVER (PARTITION BY i.account_id ORDER BY i.ord
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r_end
    FROM input i
  ),
  admitted AS (
    SELECT r.*, r.r_end - r.amount AS r_start, a.total - r.r_end AS after
    FROM requested r JOIN available a USING (account_id)
    WHERE r.r_end <= a.total
  ),
  allocated AS (
    SELECT a.hold_id, g.id AS grant_id, g.g_start AS ord,
      least(a.r_end, g.g_end) - greatest(a.r_start, g.g_start) AS amount
    FROM admitted a JOIN live g
      ON g.account_id = a.account_id AND g.g_start < a.r_end AND g.g_end > a.r_start
  ),
  consumed_grants AS (
    UPDATE credit_grants g
    SET remaining = g.remaining - s.amount, consumed = g.consumed + s.amount
    FROM (SELECT al.grant_id, sum(al.amount) AS amount FROM allocated al GROUP BY al.grant_id) s
    WHERE g.id = s.grant_id
  ),
  holds AS (
    INSERT INTO credit_holds (id, account_id, request_id, service, amount, captured, status,
      created_at, expires_at, resolved_at)
    SELECT a.hold_id, a.account_id, a.request_id, a.service, a.amount, a.amount, 'settled',
      p_now, p_now, p_now
    FROM admitted a
  ),
  allocations AS (
    INSERT INTO credit_hold_allocations (hold_id, grant_id, ord, amount, captured)
    SELECT al.hold_id, al.grant_id, al.ord, al.amount, al.amount FROM allocated al
  ),
  unspent AS (
    SELECT g.account_id, sum(g.remaining) AS total FROM credit_grants g
    WHERE g.account_id IN (SELECT a.account_id FROM admitted a) GROUP BY g.account_id
  ),
  entries AS (
    INSERT INTO credit_entries (account_id, hold_id, type, amount, balance_after, service, request_id)
    SELECT a.account_id, a.hold_id, 'charge', -a.amount, u.total - a.r_end, a.service, a.request_id
    FROM admitted a JOIN unspent u USING (account_id)
    ORDER BY a.ord
  )
  SELECT a.request_id, a.after::bigint FROM admitted a;

  GET DIAGNOSTICS admitted = ROW_COUNT;
  IF admitted <> jsonb_array_length(p_charges) THEN
    RAISE EXCEPTION 'an account no longer covers a charge' USING ERRCODE = 'TGC01';
  END IF;
END;
$$;
--> statement-breakpoint

-- credit_reserve as in 0005, but a request may say how much of its account's live credits to
-- leave untouched (`keep`): what this instance's calls that are running without a hold will be
-- charged when they finish. A reservation arriving after them must not take the credits they run
-- on. Without `keep` (older callers, one-off reservations) nothing changes.
CREATE OR REPLACE FUNCTION "credit_reserve"(p_requests jsonb, p_now timestamptz)
RETURNS TABLE (request_id uuid, available_after bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
  PERFORM 1 FROM billing_accounts
  WHERE id IN (SELECT (x->>'account_id')::uuid FROM jsonb_array_elements(p_requests) x)
  ORDER BY id FOR UPDATE;

  RETURN QUERY
  WITH input AS (
    SELECT * FROM jsonb_to_recordset(p_requests) AS x(hold_id uuid, account_id uuid,
      request_id uuid, service text, amount bigint, expires_at timestamptz, ord int, keep bigint)
  ),
  live AS (
    SELECT g.id, g.account_id, g.remaining,
      sum(g.remaining) OVER w - g.remaining AS g_start, sum(g.remaining) OVER w AS g_end
    FROM credit_grants g
    WHERE g.account_id IN (SELECT i.account_id FROM input i)
      AND g.remaining > 0 AND (g.expires_at IS NULL OR g.expires_at > p_now)
    WINDOW w AS (PARTITION BY g.account_id
      ORDER BY CASE g.kind WHEN 'trial' THEN 0 WHEN 'subscription' THEN 1 WHEN 'payg' THEN 2 ELSE 3 END,
        g.expires_at ASC NULLS LAST, g.created_at, g.id
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
  ),
  available AS (SELECT l.account_id, sum(l.remaining) AS total FROM live l GROUP BY l.account_id),
  requested AS (
    SELECT i.*, sum(i.amount) OVER (PARTITION BY i.account_id ORDER BY i.ord
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS r_end
    FROM input i
  ),
  admitted AS (
    SELECT r.*, r.r_end - r.amount AS r_start, a.total - r.r_end AS after
    FROM requested r JOIN available a USING (account_id)
    WHERE r.r_end <= a.total - coalesce(r.keep, 0)
  ),
  allocated AS (
    SELECT a.hold_id, g.id AS grant_id, g.g_start AS ord,
      least(a.r_end, g.g_end) - greatest(a.r_start, g.g_start) AS amount
    FROM admitted a JOIN live g
      ON g.account_id = a.account_id AND g.g_start < a.r_end AND g.g_end > a.r_start
  ),
  held_grants AS (
    UPDATE credit_grants g
    SET remaining = g.remaining - s.amount, held = g.held + s.amount
    FROM (SELECT al.grant_id, sum(al.amount) AS amount FROM allocated al GROUP BY al.grant_id) s
    WHERE g.id = s.grant_id
  ),
  holds AS (
    INSERT INTO credit_holds (id, account_id, request_id, service, amount, created_at, expires_at)
    SELECT a.hold_id, a.account_id, a.request_id, a.service, a.amount, p_now, a.expires_at
    FROM admitted a
  ),
  allocations AS (
    INSERT INTO credit_hold_allocations (hold_id, grant_id, ord, amount)
    SELECT al.hold_id, al.grant_id, al.ord, al.amount FROM allocated al
  ),
  unspent AS (
    SELECT g.account_id, sum(g.remaining) AS total FROM credit_grants g
    WHERE g.account_id IN (SELECT a.account_id FROM admitted a) GROUP BY g.account_id
  ),
  entries AS (
    INSERT INTO credit_entries (account_id, hold_id, type, amount, balance_after, service, request_id)
    SELECT a.account_id, a.hold_id, 'reserve', -a.amount, u.total - a.r_end, a.service, a.request_id
    FROM admitted a JOIN unspent u USING (account_id)
    ORDER BY a.ord
  )
  SELECT a.request_id, a.after::bigint FROM admitted a;
END;
$$;
