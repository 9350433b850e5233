import { Agent } from "node:http";
import { check } from "./check.js";
import type { AuthContext, Contexts } from "./contexts.js";
import { generateDraft } from "./drafts.js";
import { send, toWire } from "./http.js";
import { mutate, NOTHING_TO_MUTATE } from "./mutate.js";
import { operationsOf, type Operation, type RawDocument } from "./openapi.js";
import { createPool, type Pool } from "./pool.js";
import { createRandom, seedFor } from "./random.js";
import { createTally, type Exchange, type FuzzReport, type TallyOptions } from "./tally.js";
import { violations } from "./validity.js";

export type { FuzzReport } from "./tally.js";

export interface FuzzOptions extends TallyOptions {
  /** The running server, e.g. http://127.0.0.1:43210. */
  readonly base: string;
  readonly contexts: Contexts;
  readonly seed: number;
  /** Generated and mutated examples, each, per operation and context. */
  readonly runs: number;
  /** A reply slower than this fails the run. */
  readonly slowMs: number;
  /** Only these operations (by operationId); all when empty. */
  readonly only?: readonly string[];
}

/**
 * Safe operations first, so that lists are read (and their ids collected) before the unsafe
 * operations change things; the document's order otherwise.
 */
function inOrder(operations: Operation[]): Operation[] {
  const safe = operations.filter((operation) => operation.method === "GET");
  return [...safe, ...operations.filter((operation) => operation.method !== "GET")];
}

interface Example {
  readonly operation: Operation;
  readonly context: AuthContext;
  readonly kind: "generated" | "mutated";
  readonly index: number;
}

/**
 * Generates (and for a mutated example, mutates) one request, sends it and checks the reply;
 * undefined when there is nothing to send (no inputs to mutate, or a request the client itself
 * refuses to write, such as a CR in a header).
 */
async function exchange(
  { operation, context, kind, index }: Example,
  options: FuzzOptions,
  agent: Agent,
  pool: Pool,
): Promise<Exchange | undefined> {
  const random = createRandom(seedFor(options.seed, operation.id, context.name, index, kind));
  let draft = generateDraft(operation, random, pool);
  let note = "generated";
  if (kind === "mutated") ({ draft, note } = mutate(operation, draft, random));
  if (note === NOTHING_TO_MUTATE) return undefined;
  const broken = violations(operation, draft);
  const wire = toWire(options.base, operation, draft, context.headers);
  // Generous: the check, not the socket, decides what is too slow.
  const outcome = await send(agent, wire, Math.max(30_000, options.slowMs * 2));
  if ("error" in outcome && outcome.error.startsWith("not sendable")) return undefined;
  const { failures } = check({
    operation,
    anonymous: context.anonymous,
    violations: broken,
    outcome,
    slowMs: options.slowMs,
  });
  if (!("error" in outcome) && outcome.status < 300 && outcome.body.length > 0) {
    try {
      pool.harvest(JSON.parse(outcome.body.toString("utf8")), operation.path);
    } catch {
      // not JSON: nothing to learn from it
    }
  }
  const example = `${kind} #${String(index)}`;
  return { operation, context, example, note, broken, wire, outcome, failures };
}

/**
 * Every operation of the served document, in every context, with `runs` generated and `runs`
 * mutated requests each; every reply checked (check.ts). Prints each distinct failure once, with
 * the request as a curl line.
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { base, contexts, runs } = options;
  const response = await fetch(`${base}/api/schema/`);
  if (!response.ok) throw new Error(`GET /api/schema/ answered ${String(response.status)}`);
  const only = new Set(options.only ?? []);
  const operations = inOrder(operationsOf((await response.json()) as RawDocument)).filter(
    (operation) => only.size === 0 || only.has(operation.id),
  );
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const pool = createPool();
  const tally = createTally(options);
  try {
    for (const operation of operations) {
      for (const context of contexts.list()) {
        for (let index = 0; index < runs; index++) {
          for (const kind of ["generated", "mutated"] as const) {
            const done = await exchange({ operation, context, kind, index }, options, agent, pool);
            if (done !== undefined) tally.record(done);
          }
        }
      }
      // Unsafe operations may have spent the credentials (logout, revoke, deactivate).
      if (operation.method !== "GET") await contexts.refresh();
    }
  } finally {
    agent.destroy();
  }
  return tally.report(operations.length);
}
