import type { AuthContext } from "./contexts.js";
import { curlLine, type Outcome, type Wire } from "./http.js";
import type { Operation } from "./openapi.js";

/** One request sent and what came back. */
export interface Exchange {
  readonly operation: Operation;
  readonly context: AuthContext;
  /** e.g. "mutated #3". */
  readonly example: string;
  /** What was generated or mutated. */
  readonly note: string;
  /** How the request breaks the document; none: the document accepts it. */
  readonly broken: readonly string[];
  readonly wire: Wire;
  readonly outcome: Outcome;
  /** The rules the reply broke (check.ts). */
  readonly failures: readonly string[];
}

export interface FuzzReport {
  readonly operations: number;
  readonly requests: number;
  readonly valid: number;
  readonly invalid: number;
  /** Replies by status class ("2xx", "4xx", "no reply"). */
  readonly statuses: Readonly<Record<string, number>>;
  readonly latenciesMs: readonly number[];
  readonly failures: number;
  /** Failures after grouping by operation and kind: what there is to fix. */
  readonly distinctFailures: number;
  /** Statuses seen per operation, e.g. "listTokens": {"200": 6, "401": 2}: what was reached. */
  readonly coverage: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * 400s for input the document accepts, by operation and field errors: either a rule no schema
   * can state (a password too common, `to` before `from`) or a constraint the document is
   * missing. Not failures; FUZZ_VERBOSE prints one example of each.
   */
  readonly refusedValid: Readonly<Record<string, { count: number; example: string }>>;
}

export interface TallyOptions {
  readonly print: (line: string) => void;
  /** The server's error log lines for a request id, to print beside a failure. */
  readonly serverErrors?: (requestId: string) => readonly string[];
  /** Print every exchange, not only failures. */
  readonly trace?: boolean;
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

const statusOf = (outcome: Outcome) => ("error" in outcome ? "no reply" : String(outcome.status));

/**
 * Counts the exchanges and prints each distinct failure once: the request as a curl line, the
 * server's error lines for it and the start of the reply.
 */
export function createTally(options: TallyOptions) {
  const { print } = options;
  const seen = new Map<string, number>();
  const statuses: Record<string, number> = {};
  const latenciesMs: number[] = [];
  const coverage: Record<string, Record<string, number>> = {};
  const refusedValid: Record<string, { count: number; example: string }> = {};
  let requests = 0;
  let valid = 0;
  let failures = 0;

  const printFailure = (exchange: Exchange, failure: string) => {
    const { operation, context, outcome, broken } = exchange;
    print(
      `\nFAIL ${operation.method} ${operation.path} (${operation.id}) as ${context.name}, ` +
        `${exchange.example}: ${exchange.note} -> ${statusOf(outcome)} in ${String(outcome.ms)} ms`,
    );
    print(`  ${failure}`);
    if (broken.length > 0) print(`  input the document forbids: ${broken.join("; ")}`);
    print(`  ${curlLine(exchange.wire)}`);
    if ("error" in outcome) return;
    const requestId = outcome.headers["x-request-id"];
    if (typeof requestId === "string") {
      for (const line of options.serverErrors?.(requestId) ?? []) print(`  server log: ${line}`);
    }
    if (outcome.body.length > 0) print(`  reply: ${outcome.body.toString("utf8").slice(0, 500)}`);
  };

  return {
    record(exchange: Exchange): void {
      const { operation, outcome, broken } = exchange;
      requests += 1;
      if (broken.length === 0) valid += 1;
      const status = statusOf(outcome);
      const klass = "error" in outcome ? status : `${status.charAt(0)}xx`;
      statuses[klass] = (statuses[klass] ?? 0) + 1;
      latenciesMs.push(outcome.ms);
      const reached = (coverage[operation.id] ??= {});
      reached[status] = (reached[status] ?? 0) + 1;
      if (options.trace === true) {
        print(
          `${operation.id} as ${exchange.context.name}, ${exchange.example}: ${exchange.note} ` +
            `-> ${"error" in outcome ? outcome.error : status}` +
            (broken.length > 0 ? ` (forbidden: ${broken.join("; ")})` : ""),
        );
      }
      if (broken.length === 0 && status === "400" && !("error" in outcome)) {
        const key = `${operation.id}: ${refusalOf(outcome.body)}`;
        const entry = (refusedValid[key] ??= { count: 0, example: curlLine(exchange.wire) });
        entry.count += 1;
      }
      for (const failure of exchange.failures) {
        failures += 1;
        const key = failureKey(operation, failure);
        const count = (seen.get(key) ?? 0) + 1;
        seen.set(key, count);
        if (count === 1) printFailure(exchange, failure);
      }
    },

    report(operations: number): FuzzReport {
      const repeated = [...seen].filter(([, count]) => count > 1);
      if (repeated.length > 0) {
        print("\nrepeated failures (each printed once above):");
        for (const [key, count] of repeated) print(`  ${String(count)} x ${key}`);
      }
      return {
        operations,
        requests,
        valid,
        invalid: requests - valid,
        statuses,
        latenciesMs,
        failures,
        distinctFailures: seen.size,
        coverage,
        refusedValid,
      };
    },
  };
}
