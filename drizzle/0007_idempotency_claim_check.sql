-- Stores the replies of keyed requests that still hold their Idempotency-Key claims, in the
-- transaction that logs and charges them. Raises (rolling back that transaction: no log, no
-- charge) when a claim is no longer the request's: its process stalled past the claim's lease
-- and a retry took the key over, so the retry's run is the one that counts.
CREATE FUNCTION "idempotency_complete"(p_rows jsonb)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  completed integer;
BEGIN
  UPDATE idempotency_keys k
  SET status = 'completed', response_status = x.status, response_headers = x.headers,
    response_body = x.body
  FROM jsonb_to_recordset(p_rows) AS x(user_id uuid, key text, request_id uuid, status int,
    headers jsonb, body text)
  WHERE k.user_id = x.user_id AND k.key = x.key AND k.request_id = x.request_id
    AND k.status = 'in_flight';
  GET DIAGNOSTICS completed = ROW_COUNT;
  IF completed <> jsonb_array_length(p_rows) THEN
    RAISE EXCEPTION 'an Idempotency-Key claim was taken over by a retry' USING ERRCODE = 'TGK01';
  END IF;
END;
$$;
