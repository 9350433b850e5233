import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/** One API request the fake received, its form body parsed into nested objects. */
export interface StripeRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly form: Record<string, unknown>;
}

export type StripeObject = Record<string, unknown> & { id: string };

export interface FakeStripe {
  /** For STRIPE_API_BASE, e.g. http://127.0.0.1:41234. */
  readonly apiBase: string;
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly requests: StripeRequest[];
  /** Objects by id, as the fake created them (and as tests changed them). */
  readonly objects: Map<string, StripeObject>;
  /** The status new refunds get (default succeeded). */
  refundStatus: string;
  /** The next API request is answered with this HTTP status and Stripe error type instead. */
  failNext(status: number, type?: string, times?: number): void;
  /** A webhook delivery of `type` about `object`: the raw body and its Stripe-Signature header. */
  event(
    type: string,
    object: Record<string, unknown>,
    options?: { id?: string; created?: number; signedAt?: number; secret?: string },
  ): { payload: string; signature: string; id: string };
  close(): Promise<void>;
}

const SECRET_KEY = "sk_test_tollgate_fake";
const WEBHOOK_SECRET = "whsec_tollgate_fake_signing_secret";

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

/** `line_items[0][price_data][unit_amount]=500` → nested objects, numeric keys as arrays. */
export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, "").split("[");
    let node: Record<string, unknown> = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        node[segment] = value;
        return;
      }
      const child = node[segment];
      if (typeof child === "object" && child !== null) {
        node = child as Record<string, unknown>;
      } else {
        const created: Record<string, unknown> = {};
        node[segment] = created;
        node = created;
      }
    });
  }
  return arraysOf(root) as Record<string, unknown>;
}

function arraysOf(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const converted = entries.map(([k, v]) => [k, arraysOf(v)] as const);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return converted.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  }
  return Object.fromEntries(converted);
}

const num = (value: unknown) => (typeof value === "string" ? Number(value) : undefined);

/**
 * A local stand-in for the parts of the Stripe API Tollgate calls, over real HTTP, so the
 * official SDK is exercised through its network path (form encoding, headers, retries, typed
 * errors). Objects follow the pinned API version's shapes; webhooks are signed with the
 * SDK's own test helper, exactly as Stripe signs them.
 */
export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: StripeRequest[] = [];
  const objects = new Map<string, StripeObject>();
  let failures: { status: number; type: string; left: number } | undefined;
  const settings = { refundStatus: "succeeded" };

  function checkoutSession(form: Record<string, unknown>): StripeObject {
    const items = (form["line_items"] ?? []) as Record<string, unknown>[];
    let amount = 0;
    let currency = typeof form["currency"] === "string" ? form["currency"] : "usd";
    for (const item of items) {
      const quantity = num(item["quantity"]) ?? 1;
      const priceData = item["price_data"] as Record<string, unknown> | undefined;
      const price =
        typeof item["price"] === "string" ? objects.get(item["price"]) : (priceData ?? undefined);
      if (price === undefined) throw new Error(`No such price: ${String(item["price"])}`);
      amount += (num(price["unit_amount"]) ?? Number(price["unit_amount"])) * quantity;
      currency = String(price["currency"]);
    }
    const sessionId = id("cs_test");
    return {
      id: sessionId,
      object: "checkout.session",
      mode: form["mode"] ?? "payment",
      status: "open",
      payment_status: "unpaid",
      amount_total: amount,
      currency,
      client_reference_id: form["client_reference_id"] ?? null,
      customer_email: form["customer_email"] ?? null,
      metadata: form["metadata"] ?? {},
      success_url: form["success_url"] ?? null,
      cancel_url: form["cancel_url"] ?? null,
      payment_intent: null,
      url: `https://checkout.stripe.test/c/pay/${sessionId}`,
      created: Math.floor(Date.now() / 1000),
    };
  }

  function refund(form: Record<string, unknown>, status: string): StripeObject {
    const paymentIntent = String(form["payment_intent"]);
    return {
      id: id("re"),
      object: "refund",
      amount: num(form["amount"]) ?? 0,
      currency: "usd",
      payment_intent: paymentIntent,
      status,
      metadata: form["metadata"] ?? {},
      created: Math.floor(Date.now() / 1000),
    };
  }

  function setItems(subscription: StripeObject, changes: readonly Record<string, unknown>[]) {
    const data = (subscription["items"] as { data: Record<string, unknown>[] }).data;
    for (const change of changes) {
      const item = data.find((candidate) => candidate["id"] === change["id"]);
      if (item === undefined) throw new Error(`No such subscription item: ${String(change["id"])}`);
      if (typeof change["price"] === "string") {
        item["price"] = { id: change["price"], object: "price" };
      }
    }
  }

  /**
   * Subscription schedules, as far as a downgrade at the period end needs them: made from a
   * subscription (one phase: its item until its period end), phases replaced whole, released.
   */
  function subscriptionSchedule(
    method: string,
    path: string,
    form: Record<string, unknown>,
  ): StripeObject | undefined {
    if (method === "POST" && path === "/v1/subscription_schedules") {
      const subscription = objects.get(String(form["from_subscription"]));
      if (subscription === undefined) throw new Error("No such subscription");
      if (typeof subscription["schedule"] === "string") {
        throw new Error("The subscription is already attached to a schedule");
      }
      const item = (subscription["items"] as { data: Record<string, unknown>[] }).data[0] ?? {};
      const price = item["price"] as { id: string };
      const phase = {
        start_date: item["current_period_start"],
        end_date: item["current_period_end"],
        items: [{ price: price.id, quantity: 1 }],
      };
      const created: StripeObject = {
        id: id("sub_sched"),
        object: "subscription_schedule",
        status: "active",
        subscription: subscription.id,
        end_behavior: "release",
        current_phase: { start_date: phase.start_date, end_date: phase.end_date },
        phases: [phase],
        released_subscription: null,
      };
      objects.set(created.id, created);
      subscription["schedule"] = created.id;
      return created;
    }
    const match = /^\/v1\/subscription_schedules\/([^/]+)(\/release)?$/.exec(path);
    const found = match?.[1] === undefined ? undefined : objects.get(match[1]);
    if (found === undefined) return undefined;
    if (method === "GET") return found;
    if (found["status"] !== "active") throw new Error("The schedule is no longer active");
    if (method === "POST" && match?.[2] === "/release") {
      const subscription = objects.get(String(found["subscription"]));
      if (subscription !== undefined) subscription["schedule"] = null;
      found["status"] = "released";
      found["released_subscription"] = found["subscription"];
      found["subscription"] = null;
      return found;
    }
    if (method === "POST") {
      if (form["phases"] !== undefined) found["phases"] = form["phases"];
      if (form["end_behavior"] !== undefined) found["end_behavior"] = form["end_behavior"];
      return found;
    }
    return undefined;
  }

  function route(method: string, path: string, form: Record<string, unknown>): StripeObject {
    const create = (make: () => StripeObject) => {
      const created = make();
      objects.set(created.id, created);
      return created;
    };
    if (method === "POST" && path === "/v1/checkout/sessions") {
      return create(() => checkoutSession(form));
    }
    if (method === "POST" && path === "/v1/refunds") {
      return create(() => refund(form, settings.refundStatus));
    }
    if (method === "POST" && path === "/v1/products") {
      return create(() => ({
        id: id("prod"),
        object: "product",
        description: null,
        default_price: null,
        metadata: {},
        ...form,
        active: form["active"] !== "false",
      }));
    }
    if (method === "POST" && path === "/v1/prices") {
      return create(() => ({
        id: id("price"),
        object: "price",
        billing_scheme: "per_unit",
        recurring: null,
        ...form,
        active: form["active"] !== "false",
        unit_amount: num(form["unit_amount"]) ?? null,
      }));
    }
    if (method === "POST" && path === "/v1/billing_portal/sessions") {
      return create(() => {
        const sessionId = id("bps");
        return {
          id: sessionId,
          object: "billing_portal.session",
          customer: form["customer"],
          return_url: form["return_url"] ?? null,
          url: `https://billing.stripe.test/p/session/${sessionId}`,
        };
      });
    }
    const schedule = subscriptionSchedule(method, path, form);
    if (schedule !== undefined) return schedule;
    const list = /^\/v1\/(products|prices|checkout\/sessions)$/.exec(path);
    if (method === "GET" && list !== null) {
      const type = { products: "product", prices: "price" }[list[1] ?? ""] ?? "checkout.session";
      return {
        id: "list",
        object: "list",
        url: path,
        has_more: false,
        data: [...objects.values()].filter((o) => o["object"] === type),
      };
    }
    const match =
      /^\/v1\/(?:checkout\/sessions|refunds|products|prices|payment_intents|subscriptions)\/([^/]+)$/.exec(
        path,
      );
    const found = match?.[1] === undefined ? undefined : objects.get(match[1]);
    if (found !== undefined && method === "GET") return found;
    if (found?.["object"] === "subscription" && method === "DELETE") {
      found["status"] = "canceled";
      found["canceled_at"] = Math.floor(Date.now() / 1000);
      return found;
    }
    if (found !== undefined && method === "POST") {
      // As Stripe updates: metadata keys merge (an empty value removes one), booleans are words,
      // a subscription's items are changed by their ids.
      const {
        metadata,
        active,
        cancel_at_period_end: cancel,
        items,
        proration_behavior: _proration,
        ...rest
      } = form;
      Object.assign(found, rest);
      if (Array.isArray(items)) setItems(found, items as Record<string, unknown>[]);
      if (active !== undefined) found["active"] = active === "true";
      if (cancel !== undefined) found["cancel_at_period_end"] = cancel === "true";
      if (typeof metadata === "object" && metadata !== null) {
        const merged = new Map(Object.entries(found["metadata"] as Record<string, string>));
        for (const [key, value] of Object.entries(metadata as Record<string, string>)) {
          if (value === "") merged.delete(key);
          else merged.set(key, value);
        }
        found["metadata"] = Object.fromEntries(merged);
      }
      return found;
    }
    throw new Error(`No such resource: ${method} ${path}`);
  }

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://fake");
      const form = parseStripeForm(
        request.method === "GET" ? url.search.slice(1) : Buffer.concat(chunks).toString("utf8"),
      );
      const method = request.method ?? "";
      requests.push({ method, path: url.pathname, headers: request.headers, form });
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (request.headers.authorization !== `Bearer ${SECRET_KEY}`) {
        reply(401, { error: { type: "invalid_request_error", message: "Invalid API Key" } });
        return;
      }
      if (failures !== undefined && failures.left > 0) {
        failures.left -= 1;
        reply(failures.status, { error: { type: failures.type, message: "Injected failure" } });
        return;
      }
      try {
        reply(200, route(method, url.pathname, form));
      } catch (error) {
        reply(404, {
          error: { type: "invalid_request_error", message: (error as Error).message },
        });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiBase: `http://127.0.0.1:${port}`,
    secretKey: SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    requests,
    objects,
    get refundStatus() {
      return settings.refundStatus;
    },
    set refundStatus(status: string) {
      settings.refundStatus = status;
    },
    failNext(status, type = "api_error", times = 1) {
      failures = { status, type, left: times };
    },
    event(type, object, options = {}) {
      const eventId = options.id ?? id("evt");
      const created = options.created ?? Math.floor(Date.now() / 1000);
      const payload = JSON.stringify({
        id: eventId,
        object: "event",
        api_version: Stripe.API_VERSION,
        created,
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
        data: { object },
      });
      const signature = Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: options.secret ?? WEBHOOK_SECRET,
        ...(options.signedAt === undefined ? {} : { timestamp: options.signedAt }),
      });
      return { payload, signature, id: eventId };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
}
