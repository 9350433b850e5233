import { Agent } from "node:http";
import { check } from "./check.js";
import type { Contexts } from "./contexts.js";
import { generateDraft } from "./drafts.js";
import { curlLine, send, toWire, type Outcome } from "./http.js";
import { mutate, NOTHING_TO_MUTATE } from "./mutate.js";
import { operationsOf, type Operation, type RawDocument } from "./openapi.js";
import { createPool } from "./pool.js";
import { createRandom, seedFor } from "./random.js";
import { violations } from "./validity.js";

export interface FuzzOptions {
  /** The running server, e.g. http://127.0.0.1:43210. */
  readonly base: string;
  readonly contexts: Contexts;
  readonly seed: number;
  /** Generated and mutated examples, each, per operation and context. */
  readonly runs: number;
  /** A reply slower than this fails the run. */
  readonly slowMs: number;
  /** The server's error log lines for a request id, to print beside a failure. */
  readonly serverErrors?: (requestId: string) => readonly string[];
  readonly print: (line: string) => void;
  /** Only these operations (by operationId); all when empty. */
  readonly only?: readonly string[];
  /** Print every exchange, not only failures. */
  readonly trace?: boolean;
}

export interface FuzzReport {
  readonly operations: number;
  readonly requests: number;
  /** Requests the client could not send (e.g. a header value Node refuses). */
  readonly unsendable: number;
  readonly valid: number;
  readonly invalid: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly latenciesMs: readonly number[];
  readonly failures: number;
  /** Failures after grouping by operation and kind: what there is to fix. */
  readonly distinctFailures: number;
  /**
   * 400 validation_error for input the document accepts, by operation and field errors: either a
   * rule no schema can state (a password too common, `to` before `from`) or a constraint the
   * document is missing. Not failures; FUZZ_VERBOSE prints one example of each.
   */
  readonly refusedValid: Readonly<Record<string, { count: number; example: string }>>;
  /** Statuses seen per operation, e.g. "listTokens": {"200": 6, "401": 2}: what was reached. */
  readonly coverage: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * Safe operations first, so that lists are read (and their ids collected) before the unsafe
 * operations change things; the document's order otherwise.
 */
function inOrder(operations: Operation[]): Operation[] {
  const safe = operations.filter((operation) => operation.method === "GET");
  return [...safe, ...operations.filter((operation) => operation.method !== "GET")];
}

/** Groups failures: the same rule broken by the same operation is one thing to fix. */
function failureKey(operation: Operation, failure: string): string {
  return `${operation.id}: ${failure.replace(/\d+/g, "N").replace(/\(.*$/, "").slice(0, 80)}`;
}

/** A 400's code and field errors, e.g. "validation_error from:invalid_format". */
function refusalOf(body: Buffer): string {
  try {
    const problem = JSON.parse(body.toString("utf8")) as {
      code?: string;
      errors?: { field: string; code: string }[];
    };
    const fields = (problem.errors ?? []).map((error) => `${error.field}:${error.code}`);
    return [problem.code ?? "?", ...fields].join(" ");
  } catch {
    return "not JSON";
  }
}

function statusClass(outcome: Outcome): string {
  return "error" in outcome ? "no reply" : `${String(outcome.status).charAt(0)}xx`;
}

/**
 * Every operation of the served document, in every context, with `runs` generated and `runs`
 * mutated requests each; every reply checked (check.ts). Prints each distinct failure once, with
 * the request as a curl line.
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { base, contexts, seed, runs, slowMs, print } = options;
  const response = await fetch(`${base}/api/schema/`);
  if (!response.ok) throw new Error(`GET /api/schema/ answered ${String(response.status)}`);
  const only = new Set(options.only ?? []);
  const operations = inOrder(operationsOf((await response.json()) as RawDocument)).filter(
    (operation) => only.size === 0 || only.has(operation.id),
  );
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const pool = createPool();
  const seen = new Map<string, number>();
  const statuses: Record<string, number> = {};
  const latenciesMs: number[] = [];
  const coverage: Record<string, Record<string, number>> = {};
  const refusedValid: Record<string, { count: number; example: string }> = {};
  let requests = 0;
  let unsendable = 0;
  let valid = 0;
  let failures = 0;
  try {
    for (const operation of operations) {
      for (const context of contexts.list()) {
        for (let index = 0; index < runs; index++) {
          for (const kind of ["generated", "mutated"] as const) {
            const random = createRandom(seedFor(seed, operation.id, context.name, index, kind));
            let draft = generateDraft(operation, random, pool);
            let note = "generated";
            if (kind === "mutated") ({ draft, note } = mutate(operation, draft, random));
            // An operation without inputs has no mutated request; the generated one was sent.
            if (note === NOTHING_TO_MUTATE) continue;
            const broken = violations(operation, draft);
            const wire = toWire(base, operation, draft, context.headers);
            // Generous: the check, not the socket, decides what is too slow.
            const outcome = await send(agent, wire, Math.max(30_000, slowMs * 2));
            if ("error" in outcome && outcome.error.startsWith("not sendable")) {
              unsendable += 1;
              continue;
            }
            requests += 1;
            if (broken.length === 0) valid += 1;
            const klass = statusClass(outcome);
            statuses[klass] = (statuses[klass] ?? 0) + 1;
            latenciesMs.push(outcome.ms);
            const seenHere = (coverage[operation.id] ??= {});
            const label = "error" in outcome ? "no reply" : String(outcome.status);
            seenHere[label] = (seenHere[label] ?? 0) + 1;
            if (options.trace === true) {
              print(
                `${operation.id} as ${context.name}, ${kind} #${String(index)}: ${note} -> ` +
                  ("error" in outcome ? outcome.error : String(outcome.status)) +
                  (broken.length > 0 ? ` (forbidden: ${broken.join("; ")})` : ""),
              );
            }
            const verdict = check({
              operation,
              anonymous: context.anonymous,
              violations: broken,
              outcome,
              slowMs,
            });
            if (!("error" in outcome) && outcome.status < 300 && outcome.body.length > 0) {
              try {
                pool.harvest(JSON.parse(outcome.body.toString("utf8")), operation.path);
              } catch {
                // not JSON: nothing to learn from it
              }
            }
            if (broken.length === 0 && !("error" in outcome) && outcome.status === 400) {
              const key = `${operation.id}: ${refusalOf(outcome.body)}`;
              const entry = (refusedValid[key] ??= { count: 0, example: curlLine(wire) });
              entry.count += 1;
            }
            for (const failure of verdict.failures) {
              failures += 1;
              const key = failureKey(operation, failure);
              const count = (seen.get(key) ?? 0) + 1;
              seen.set(key, count);
              if (count > 1) continue;
              const status = "error" in outcome ? "no reply" : String(outcome.status);
              print(
                `\nFAIL ${operation.method} ${operation.path} (${operation.id}) as ${context.name}, ` +
                  `${kind} #${String(index)}: ${note} -> ${status} in ${String(outcome.ms)} ms`,
              );
              print(`  ${failure}`);
              if (broken.length > 0) print(`  input the document forbids: ${broken.join("; ")}`);
              print(`  ${curlLine(wire)}`);
              const requestId = "error" in outcome ? undefined : outcome.headers["x-request-id"];
              if (typeof requestId === "string") {
                for (const line of options.serverErrors?.(requestId) ?? [])
                  print(`  server log: ${line}`);
              }
              if (!("error" in outcome) && outcome.body.length > 0) {
                print(`  reply: ${outcome.body.toString("utf8").slice(0, 500)}`);
              }
            }
          }
        }
      }
      // Unsafe operations may have spent the credentials (logout, revoke, deactivate).
      if (operation.method !== "GET") await contexts.refresh();
    }
  } finally {
    agent.destroy();
  }
  const repeated = [...seen].filter(([, count]) => count > 1);
  if (repeated.length > 0) {
    print("\nrepeated failures (each printed once above):");
    for (const [key, count] of repeated) print(`  ${String(count)} x ${key}`);
  }
  return {
    operations: operations.length,
    requests,
    unsendable,
    valid,
    invalid: requests - valid,
    statuses,
    latenciesMs,
    failures,
    distinctFailures: seen.size,
    coverage,
    refusedValid,
  };
}
