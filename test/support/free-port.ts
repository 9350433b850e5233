import { createServer } from "node:net";

/**
 * A TCP port nothing listens on right now, chosen by the OS (bind to port 0, read it, release
 * it). Unlike a random pick it is never one that another process already holds; only a process
 * binding in the moment between release and use can still take it.
 */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === "object" && address !== null) resolve(address.port);
        else reject(new Error("no port bound"));
      });
    });
  });
}
