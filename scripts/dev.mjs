// `npm run dev`: the Tollgate server with reload on change (tsx watch, :8000) and Vite's dev
// server with hot module replacement (:5173), which passes /api, /healthz and /checkout to the
// server (web/vite.config.ts). Open http://localhost:5173/admin/. Ctrl-C stops both.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "vite";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const server = spawn(process.execPath, [tsx, "watch", "src/server.ts"], {
  stdio: "inherit",
  env: process.env,
});

const vite = await createServer({ root: "web" });
await vite.listen();
vite.printUrls();
console.log("Admin with hot reload: http://localhost:5173/admin/ (API from the server on :8000)");

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await vite.close();
  process.exit(code);
}
server.on("exit", (code) => void stop(code ?? 0));
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
