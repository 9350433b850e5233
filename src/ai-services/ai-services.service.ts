import type { TSchema } from "typebox";
import { changedFields, recordAudit, type Actor } from "../audit/audit.queries.js";
import { updateCoreSettings } from "../core/core-settings.queries.js";
import type { CoreSettingsService } from "../core/core-settings.service.js";
import { inspectImage } from "../core/image-format.js";
import { IMAGE_SOLVE_SERVICE } from "../core/solve.service.js";
import { unsupportedMediaType } from "../core/upload-limits.js";
import type { Config } from "../config.js";
import { toCredits, type Millicredits } from "../credits/credit-amounts.js";
import type { Clock } from "../platform/clock.js";
import type { Db } from "../platform/db/database.js";
import { validationError, type FieldError } from "../platform/errors.js";
import type { MeteredReply } from "../usage/batched-metering.js";
import { compileJsonValidator } from "../platform/validation.js";
import { aiServicesError } from "./ai-services.errors.js";
import {
  insertMissingServiceRows,
  listServiceRows,
  updateServiceRow,
  type ServiceRowPatch,
} from "./ai-services.queries.js";
import type { AiServiceRow } from "./ai-services.table.js";
import { serviceFailure, type MeteredRunner, type MeteredRunOutcome } from "./metered-run.js";
import type { AiServiceDefinition, ServiceType } from "./service-definition.js";

/** How long the service rows are reused, in ms: every run reads its price. */
export const SERVICE_ROWS_TTL_MS = 5_000;

const DEFAULT_TIMEOUT_MS = 30_000;

/** A service as the API and the CLI see it: its row and its code, either of which may be missing. */
export interface ServiceView {
  readonly name: string;
  /** Null for a row whose code is gone. */
  readonly type: ServiceType | null;
  readonly description: string;
  readonly creditCostMilli: Millicredits;
  readonly priceCents: number;
  readonly isActive: boolean;
  readonly registered: boolean;
  readonly rowPresent: boolean;
  readonly definition: AiServiceDefinition | undefined;
}

/** A service that can run: active, with its row and its code. */
export type RunnableService = ServiceView & { readonly definition: AiServiceDefinition };

/** The input of a run, as the route read it. */
export type RunInput =
  | { readonly kind: "json"; readonly body: unknown }
  | { readonly kind: "upload"; readonly bytes: Buffer };

export interface RunRequest {
  readonly name: string;
  readonly userId: string;
  readonly tokenId: string | null;
  readonly requestId: string;
  readonly requestIdFromCaller: boolean;
  readonly input: RunInput;
  /** The request's Idempotency-Key, when it sent one; the fingerprint is made here. */
  readonly idempotency?: { readonly key: string; readonly fingerprint: string } | undefined;
  readonly elapsedMs: () => number;
  readonly log: Parameters<MeteredRunner>[0]["log"];
}

export interface AiServicesService {
  /** Creates the rows of registered services that have none (idempotent); returns their names. */
  createDefaultRows(): Promise<string[]>;
  /** Every service, by name: rows and registered code, each flagged with what it lacks. */
  listAll(): Promise<ServiceView[]>;
  /** Active services that can run (row and code), by name. */
  listActive(): Promise<ServiceView[]>;
  /** An active, runnable service, or 404 service_not_found. */
  getActive(name: string): Promise<RunnableService>;
  /** The credit cost of a service (0 when it has no row). */
  creditCostOf(name: string): Promise<Millicredits>;
  /** Staff: changes a row with its audit entry; core.image_solve's price is the core settings'. */
  update(name: string, patch: ServiceRowPatch, actor: Actor): Promise<ServiceView>;
  run(request: RunRequest): Promise<MeteredRunOutcome>;
}

export function createAiServicesService(deps: {
  db: Db;
  clock: Clock;
  config: Config;
  definitions: readonly AiServiceDefinition[];
  coreSettings: CoreSettingsService;
  runMetered: MeteredRunner;
  /** 402 plan_limit_exceeded when the caller's plan has no tokens left this period. */
  checkTokens: (userId: string) => Promise<void>;
}): AiServicesService {
  const { db, clock, definitions, coreSettings, runMetered } = deps;
  const byName = new Map(definitions.map((d) => [d.name, d]));
  if (byName.size !== definitions.length) throw new Error("two AI services share a name");
  const validators = new Map(
    definitions.flatMap((d) =>
      d.type === "image_processing" ? [] : [[d.name, compileJsonValidator(d.inputSchema, "input")]],
    ),
  );

  let cached: { rows: Promise<AiServiceRow[]>; expiresAt: number } | undefined;
  const rows = (): Promise<AiServiceRow[]> => {
    if (cached !== undefined && cached.expiresAt > performance.now()) return cached.rows;
    const entry = { rows: listServiceRows(db), expiresAt: performance.now() + SERVICE_ROWS_TTL_MS };
    cached = entry;
    entry.rows.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return entry.rows;
  };

  async function views(): Promise<ServiceView[]> {
    const [all, settings] = await Promise.all([rows(), coreSettings.get()]);
    const names = [...new Set([...all.map((r) => r.name), ...byName.keys()])].sort();
    return names.map((name) => {
      const row = all.find((r) => r.name === name);
      const definition = byName.get(name);
      return {
        name,
        type: definition?.type ?? null,
        description: row?.description ?? definition?.description ?? "",
        creditCostMilli:
          row?.creditCostMilli ?? Math.round((definition?.defaultCreditCost ?? 0) * 1000),
        priceCents:
          name === IMAGE_SOLVE_SERVICE
            ? settings.costPerRequestCents
            : (row?.priceCents ?? definition?.defaultPriceCents ?? 0),
        isActive: row?.isActive ?? false,
        registered: definition !== undefined,
        rowPresent: row !== undefined,
        definition,
      };
    });
  }

  const runnable = (view: ServiceView): view is RunnableService =>
    view.isActive && view.rowPresent && view.definition !== undefined;

  async function getActive(name: string): Promise<RunnableService> {
    const view = (await views()).find((v) => v.name === name);
    if (view === undefined || !runnable(view)) {
      throw aiServicesError("service_not_found", `No active service named "${name}".`);
    }
    return view;
  }

  return {
    async createDefaultRows() {
      const settings = await coreSettings.get();
      const created = await insertMissingServiceRows(
        db,
        definitions.map((d) => ({
          name: d.name,
          description: d.description,
          creditCostMilli: Math.round(d.defaultCreditCost * 1000),
          priceCents:
            d.name === IMAGE_SOLVE_SERVICE
              ? settings.costPerRequestCents
              : (d.defaultPriceCents ?? 0),
        })),
      );
      cached = undefined;
      return created;
    },

    listAll: views,

    async listActive() {
      return (await views()).filter(runnable);
    },

    getActive,

    async creditCostOf(name) {
      return (await rows()).find((r) => r.name === name)?.creditCostMilli ?? 0;
    },

    async update(name, patch, actor) {
      const updated = await db.transaction(async (tx) => {
        const changed = await updateServiceRow(tx, name, patch, clock.now());
        if (changed === undefined) {
          throw aiServicesError("service_not_found", `No service named "${name}".`);
        }
        // Solve's price lives in the core settings (its contract's PATCH /api/admin/settings);
        // the row follows it so the two never disagree.
        if (name === IMAGE_SOLVE_SERVICE && patch.priceCents !== undefined) {
          await updateCoreSettings(
            tx,
            deps.config,
            { costPerRequestCents: patch.priceCents },
            clock.now(),
          );
        }
        await recordAudit(tx, {
          actor,
          action: "service.update",
          targetType: "ai_service",
          targetId: name,
          details: changedFields([
            ["description", changed.before.description, changed.after.description],
            [
              "credit_cost",
              toCredits(changed.before.creditCostMilli),
              toCredits(changed.after.creditCostMilli),
            ],
            ["price_cents", changed.before.priceCents, changed.after.priceCents],
            ["is_active", changed.before.isActive, changed.after.isActive],
          ]),
        });
        return changed.after;
      });
      cached = undefined;
      if (name === IMAGE_SOLVE_SERVICE) coreSettings.forget();
      const view = (await views()).find((v) => v.name === updated.name);
      if (view === undefined) throw new Error("updated service vanished");
      return view;
    },

    async run(request) {
      const view = await getActive(request.name);
      const definition = view.definition;
      const common = {
        userId: request.userId,
        tokenId: request.tokenId,
        requestId: request.requestId,
        requestIdFromCaller: request.requestIdFromCaller,
        requestTs: clock.now(),
        elapsedMs: request.elapsedMs,
        price: {
          service: view.name,
          creditCostMilli: view.creditCostMilli,
          priceCents: view.priceCents,
        },
        speaksCredits: true,
        idempotency: request.idempotency,
        timeoutMs: definition.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        log: request.log,
        admit:
          definition.reportsTokens === true ? () => deps.checkTokens(request.userId) : undefined,
        failure: (outcome: { code: Parameters<typeof serviceFailure>[0]; retryAfterS?: number }) =>
          serviceFailure(outcome.code, outcome.retryAfterS),
        success: (
          result: unknown,
          settled: { credits: Millicredits; balance: Millicredits | null },
        ) =>
          runReply({
            request_id: request.requestId,
            service: view.name,
            result,
            credits_charged: toCredits(settled.credits),
            balance: toCredits(settled.balance ?? 0),
          }),
      };
      if (definition.type === "image_processing") {
        if (request.input.kind !== "upload") {
          throw unsupportedMediaType(
            `${view.name} takes an image: send multipart/form-data (a part named 'file') or application/octet-stream.`,
          );
        }
        const bytes = request.input.bytes;
        if (bytes.length === 0) throw validationError([emptyFile]);
        const image = inspectImage(bytes);
        if (image === null)
          throw unsupportedMediaType("The file is not a PNG, JPEG, GIF or WebP image.");
        return runMetered({
          ...common,
          requestBytes: bytes.length,
          run: (signal) => definition.run({ bytes, image }, { ...context(request), signal }),
        });
      }
      if (request.input.kind !== "json") {
        throw unsupportedMediaType(
          `${view.name} takes JSON: send {"input": {...}} as application/json.`,
        );
      }
      const input = inputOf(request.input.body);
      const errors = validators.get(view.name)?.(input) ?? [];
      if (errors.length > 0) throw validationError(errors);
      return runMetered({
        ...common,
        requestBytes: Buffer.byteLength(JSON.stringify(request.input.body)),
        run: (signal) => definition.run(input as never, { ...context(request), signal }),
      });
    },
  };
}

const emptyFile: FieldError = {
  field: "file",
  code: "empty",
  message: "The uploaded file is empty.",
};

function context(request: RunRequest) {
  return { requestId: request.requestId, userId: request.userId };
}

/** `{"input": {...}}`: the object under `input`, or a validation error naming what is wrong. */
function inputOf(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw validationError([
      { field: "body", code: "invalid_type", message: 'Expected {"input": {...}}.' },
    ]);
  }
  const keys = Object.keys(body);
  const unknown = keys.find((k) => k !== "input");
  if (unknown !== undefined) {
    throw validationError([{ field: unknown, code: "unknown_field", message: "Unknown field." }]);
  }
  if (!("input" in body)) {
    throw validationError([
      { field: "input", code: "required", message: "This field is required." },
    ]);
  }
  return body.input;
}

function runReply(body: Record<string, unknown>): MeteredReply {
  return {
    status: 200,
    contentType: "application/json; charset=utf-8",
    headers: {},
    body: JSON.stringify(body),
  };
}

/** JSON Schema of a service's input, for GET /api/services/{name}. */
export function inputSchemaOf(definition: AiServiceDefinition): TSchema | Record<string, unknown> {
  if (definition.type !== "image_processing") return definition.inputSchema;
  return {
    type: "string",
    format: "binary",
    description:
      "A PNG, JPEG, GIF or WebP image, as multipart/form-data (a part named 'file') or an application/octet-stream body.",
  };
}
