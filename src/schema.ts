// Every table, for Drizzle's typed queries and drizzle-kit; each feature folder owns its own.
export * from "./customers/users.table.js";
export * from "./customers/invite-codes.table.js";
export * from "./customers/api-tokens.table.js";
export * from "./customers/sessions.table.js";
export * from "./customers/auth-throttle.table.js";
export * from "./usage/billing-periods.table.js";
export * from "./usage/request-logs.table.js";
export * from "./core/core-settings.table.js";
export * from "./credits/billing-accounts.table.js";
export * from "./credits/credit-grants.table.js";
export * from "./credits/credit-holds.table.js";
export * from "./credits/credit-entries.table.js";
export * from "./ai-services/ai-services.table.js";
export * from "./audit/audit-log.table.js";
export * from "./platform/idempotency/idempotency-keys.table.js";
