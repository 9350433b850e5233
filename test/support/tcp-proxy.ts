import { connect, createServer, type Socket } from "node:net";

export interface TcpProxy {
  /** The port the proxy listens on (127.0.0.1); the same across close() and open(). */
  readonly port: number;
  /** Connections accepted so far, over every open period. */
  readonly accepted: number;
  /**
   * An outage as a client sees a dead server: every live connection is destroyed (in-flight
   * queries fail, pooled connections die) and new ones are refused (ECONNREFUSED).
   */
  close(): Promise<void>;
  /** Listens again on the same port: the server is back. */
  open(): Promise<void>;
}

/**
 * A TCP proxy in front of a server (PostgreSQL here) that a test can take down and bring back,
 * so an outage is simulated without touching the machine's own server.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((client) => {
    accepted += 1;
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      // Either side failing ends both, as a dropped connection would.
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        const address = server.address();
        if (typeof address === "object" && address !== null) resolve(address.port);
        else reject(new Error("tcp proxy: no port bound"));
      });
    });

  const port = await listen(0);
  return {
    port,
    get accepted() {
      return accepted;
    },
    async close() {
      const closed = new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    async open() {
      await listen(port);
    },
  };
}
