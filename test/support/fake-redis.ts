import { createServer, type Server, type Socket } from "node:net";

/**
 * How the fake treats the rate-limit script (EVAL/EVALSHA): `answer` counts like Redis, `stall`
 * never replies (a hung server), `drop` closes every connection on it and stops listening (Redis
 * went away). Everything else (the
 * client's start-up INFO, CLIENT SETINFO, ...) is always answered, so the client gets ready.
 */
export type FakeRedisMode = "answer" | "stall" | "drop";

export interface FakeRedis {
  readonly url: string;
  /** Every rate-limit command received, as its arguments (key first), in arrival order. */
  readonly scriptCalls: string[][];
  /** Connections the client has completed its start-up handshake (INFO) on. */
  readonly handshakes: number;
  mode: FakeRedisMode;
  /** Replies to the stalled commands, in order (as a recovering Redis would), then answers. */
  recover(): void;
  close(): Promise<void>;
}

/** Parses complete RESP arrays of bulk strings off the front of `buffer`. */
function parseCommands(buffer: Buffer): { commands: string[][]; rest: Buffer } {
  const commands: string[][] = [];
  let at = 0;
  for (;;) {
    const start = at;
    const header = buffer.indexOf("\r\n", at);
    if (header === -1 || buffer[at] !== 0x2a) return { commands, rest: buffer.subarray(start) };
    const count = Number(buffer.subarray(at + 1, header).toString());
    at = header + 2;
    const args: string[] = [];
    for (let i = 0; i < count; i++) {
      const lengthEnd = buffer.indexOf("\r\n", at);
      if (lengthEnd === -1) return { commands, rest: buffer.subarray(start) };
      const length = Number(buffer.subarray(at + 1, lengthEnd).toString());
      const end = lengthEnd + 2 + length;
      if (buffer.length < end + 2) return { commands, rest: buffer.subarray(start) };
      args.push(buffer.subarray(lengthEnd + 2, end).toString());
      at = end + 2;
    }
    commands.push(args);
  }
}

/** A Redis stand-in on 127.0.0.1, port chosen by the OS, speaking just enough RESP for ioredis. */
export async function startFakeRedis(mode: FakeRedisMode): Promise<FakeRedis> {
  const counts = new Map<string, number>();
  const scriptCalls: string[][] = [];
  const stalled: { socket: Socket; key: string; windowMs: string }[] = [];
  const sockets = new Set<Socket>();
  let handshakes = 0;

  const count = (key: string, windowMs: string) => {
    const current = (counts.get(key) ?? 0) + 1;
    counts.set(key, current);
    return `*2\r\n:${current}\r\n:${windowMs}\r\n`;
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let pending: Buffer = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      const parsed = parseCommands(Buffer.concat([pending, chunk]));
      pending = parsed.rest;
      for (const [name = "", ...args] of parsed.commands) {
        const command = name.toUpperCase();
        if (command === "INFO") {
          handshakes += 1;
          const info = "# Server\r\nredis_version:7.0.0\r\nloading:0\r\n";
          socket.write(`$${Buffer.byteLength(info)}\r\n${info}\r\n`);
        } else if (command === "EVALSHA" || command === "EVAL") {
          // args: script or sha, number of keys, key, window (ms)
          const [, , key = "", windowMs = "0"] = args;
          scriptCalls.push(args.slice(2));
          if (fake.mode === "drop") goAway();
          else if (fake.mode === "stall") stalled.push({ socket, key, windowMs });
          else socket.write(count(key, windowMs));
        } else {
          socket.write("+OK\r\n");
        }
      }
    });
  });
  const goAway = () => {
    server.close();
    for (const socket of sockets) socket.destroy();
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };

  const fake: FakeRedis = {
    url: `redis://127.0.0.1:${port}`,
    scriptCalls,
    get handshakes() {
      return handshakes;
    },
    mode,
    recover() {
      for (const { socket, key, windowMs } of stalled.splice(0)) socket.write(count(key, windowMs));
      fake.mode = "answer";
    },
    async close() {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
  return fake;
}
