import { samplePng } from "../../src/core/sample-images.js";
import { createApiToken, createVerifiedUser } from "../factories/customers.js";
import type { TestApp } from "./app.js";

/** A new verified customer solves a 2x2 PNG with a new API token; the user and the reply. */
export async function solveAsNewCustomer(t: TestApp) {
  const { user } = await createVerifiedUser(t.services.db);
  const token = await createApiToken(t, user.id);
  const response = await t.app.inject({
    method: "POST",
    url: "/api/core/solve",
    headers: { authorization: `Bearer ${token.token}`, "content-type": "application/octet-stream" },
    payload: samplePng(2, 2),
  });
  return { user, response };
}
