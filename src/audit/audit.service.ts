import type { Db } from "../platform/db/database.js";
import { pageWindow, type Listed } from "../platform/pagination.js";
import type { AuditEntry } from "./audit-log.table.js";
import { listAudit, type AuditFilters } from "./audit.queries.js";

export interface AuditService {
  /** Audit entries, newest first. */
  list(filters: AuditFilters & { page?: number | undefined }): Promise<Listed<AuditEntry>>;
}

export function createAuditService(deps: { db: Db }): AuditService {
  return {
    async list(filters) {
      const { limit, offset, page } = pageWindow(filters.page);
      const { count, rows } = await listAudit(deps.db, { ...filters, limit, offset });
      return { page, count, rows };
    },
  };
}
