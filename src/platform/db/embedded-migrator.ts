/**
 * Entry point of the short-lived child process that creates the embedded database and applies
 * its migrations for the process that holds its lock (see embedded-migration.ts for why). Run
 * only through `migrateEmbeddedInChild`: it takes its job over IPC, answers, and exits.
 */
import { PGlite } from "@electric-sql/pglite";
import { embeddedLockHolderFor } from "./embedded-lock.js";
import type { MigratorJob, MigratorReply } from "./embedded-migration.js";
import { migratePgliteClient } from "./migrate.js";

async function migrate(job: MigratorJob): Promise<void> {
  // PGlite must never be open in two processes: work only under the parent's lock, shared with us.
  if (embeddedLockHolderFor(job.dir, process.pid) !== process.ppid) {
    throw new Error("its lock is not shared with this process by its parent");
  }
  const client = await PGlite.create({ dataDir: job.dir });
  try {
    await migratePgliteClient(client);
  } finally {
    await client.close();
  }
}

function answer(reply: MigratorReply): void {
  process.send?.(reply, () => process.exit(reply.ok ? 0 : 1));
}

if (process.send === undefined) {
  process.stderr.write("embedded-migrator runs only as a child of the Tollgate server or CLI.\n");
  process.exit(2);
}
// The parent is gone: its lock may be taken over any moment, so stop writing to the directory.
process.once("disconnect", () => process.exit(1));
process.once("message", (job: MigratorJob) => {
  migrate(job).then(
    () => {
      answer({ ok: true });
    },
    (error: unknown) => {
      answer({ ok: false, error: error instanceof Error ? error.message : String(error) });
    },
  );
});
