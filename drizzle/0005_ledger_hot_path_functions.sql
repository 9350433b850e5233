-- The two statements every metered call with a credit cost runs (src/credits/ledger.queries.ts
-- calls them). Functions, so that each is one round trip that locks its accounts and then works on
-- a fresh snapshot (a volatile function's statements each take one), with plans Postgres keeps
-- between calls. Amounts are millicredits. Spend order: trial, subscription, payg, adjustment;
-- then soonest expiry (none last), then oldest.

-- Reserves credits for a batch of requests: per account, in batch order, the longest prefix of
-- requests its live credits cover gets a hold, allocated across its grants in spend order
-- (remaining -> held), with its journal entry. Returns the admitted requests and the account's
-- live credits right after each.
CREATE FUNCTION "credit_reserve"(p_requests jsonb, p_now timestamptz)
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
      request_id uuid, service text, amount bigint, expires_at timestamptz, ord int)
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
$$;--> statement-breakpoint

-- Settles (charges at most the held amount, in allocation order; the rest returns to remaining)
-- or releases (charge null) holds still 'held', each once, with their journal entries. Returns
-- the holds it resolved. With p_expect_all, raises (rolling back the caller's transaction) unless
-- every hold was still held: the caller built its replies from the expected charges.
CREATE FUNCTION "credit_resolve"(p_resolutions jsonb, p_now timestamptz, p_expect_all boolean)
RETURNS TABLE (hold_id uuid, account_id uuid, charged bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  resolved integer;
BEGIN
  PERFORM 1 FROM billing_accounts
  WHERE id IN (
    SELECT h.account_id FROM credit_holds h
    WHERE h.id IN (SELECT (x->>'hold_id')::uuid FROM jsonb_array_elements(p_resolutions) x)
  )
  ORDER BY id FOR UPDATE;

  RETURN QUERY
  WITH input AS (
    SELECT * FROM jsonb_to_recordset(p_resolutions) AS x(hold_id uuid, charge bigint, ord int)
  ),
  open AS (
    SELECT h.id, h.account_id, h.amount, h.service, h.request_id, i.ord,
      i.charge IS NULL AS releasing, least(coalesce(i.charge, 0), h.amount) AS charge
    FROM credit_holds h JOIN input i ON i.hold_id = h.id
    WHERE h.status = 'held'
  ),
  allocated AS (
    SELECT a.hold_id, a.grant_id, a.amount,
      greatest(0, least(a.amount, o.charge - (sum(a.amount) OVER (PARTITION BY a.hold_id
        ORDER BY a.ord ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - a.amount))) AS captured
    FROM credit_hold_allocations a JOIN open o ON o.id = a.hold_id
  ),
  captured_allocations AS (
    UPDATE credit_hold_allocations ca SET captured = al.captured
    FROM allocated al
    WHERE ca.hold_id = al.hold_id AND ca.grant_id = al.grant_id AND al.captured > 0
  ),
  grants_updated AS (
    UPDATE credit_grants g
    SET held = g.held - s.amount, consumed = g.consumed + s.captured,
      remaining = g.remaining + s.amount - s.captured
    FROM (SELECT al.grant_id, sum(al.amount) AS amount, sum(al.captured) AS captured
          FROM allocated al GROUP BY al.grant_id) s
    WHERE g.id = s.grant_id
  ),
  holds_updated AS (
    UPDATE credit_holds h
    SET status = CASE WHEN o.releasing THEN 'released' ELSE 'settled' END::credit_hold_status,
      captured = o.charge, resolved_at = p_now
    FROM open o WHERE h.id = o.id
  ),
  unspent AS (
    SELECT g.account_id, sum(g.remaining) AS total FROM credit_grants g
    WHERE g.account_id IN (SELECT o.account_id FROM open o) GROUP BY g.account_id
  ),
  entries AS (
    INSERT INTO credit_entries (account_id, hold_id, type, amount, balance_after, service, request_id)
    SELECT o.account_id, o.id,
      CASE WHEN o.releasing THEN 'release' ELSE 'settle' END::credit_entry_type,
      o.amount - o.charge,
      u.total + sum(o.amount - o.charge) OVER (PARTITION BY o.account_id ORDER BY o.ord
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
      o.service, o.request_id
    FROM open o JOIN unspent u USING (account_id)
    ORDER BY o.ord
  )
  SELECT o.id, o.account_id, o.charge::bigint FROM open o;

  GET DIAGNOSTICS resolved = ROW_COUNT;
  IF p_expect_all AND resolved <> jsonb_array_length(p_resolutions) THEN
    RAISE EXCEPTION 'a credit hold was resolved by another writer' USING ERRCODE = 'P0001';
  END IF;
END;
$$;
