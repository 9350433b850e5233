import { randomUUID } from "node:crypto";
import type { CreditKind } from "../../src/credits/credit-grants.table.js";
import { insertGrant, lockAccounts } from "../../src/credits/ledger.queries.js";
import type { Services } from "../../src/services.js";

/** Grants `credits` to the user through the ledger itself (journal entry and all): a payg grant unless told. */
export async function grantCredits(
  services: Pick<Services, "db" | "credits">,
  userId: string,
  credits: number,
  options: { kind?: CreditKind; expiresAt?: Date | null } = {},
): Promise<string> {
  const accountId = await services.credits.accountIdOf(userId);
  return services.db.transaction(async (tx) => {
    await lockAccounts(tx, [accountId]);
    const granted = await insertGrant(tx, {
      accountId,
      kind: options.kind ?? "payg",
      amount: Math.round(credits * 1000),
      expiresAt: options.expiresAt ?? null,
      sourceType: "test",
      sourceId: randomUUID(),
      entryType: "grant",
    });
    return granted!.grantId;
  });
}

/** The user's live credits in total, as the API shows them. */
export async function availableCredits(
  services: Pick<Services, "credits">,
  userId: string,
): Promise<number> {
  const { byKind } = await services.credits.balance(userId);
  return (byKind.trial + byKind.subscription + byKind.payg + byKind.adjustment) / 1000;
}
