import type { Socket } from "node:net";
import type { FastifyInstance } from "fastify";

/** How long a closing connection keeps reading, into nothing, what the client still sends, ms. */
export const LINGER_MS = 2_000;

/**
 * A response that closes the connection before the request body was read to its end (an upload
 * over the limit, a request during shutdown) must not close the socket at once: the kernel would
 * answer the client's next bytes with a reset, and a client still sending its body loses the
 * response with it. So, as web servers do ("lingering close"): after the response, send FIN, keep
 * discarding what arrives until the client closes its side or LINGER_MS pass, then close.
 */
export function registerLingeringClose(app: FastifyInstance, lingerMs = LINGER_MS): void {
  app.addHook("onSend", async (request, reply, payload) => {
    const closes = String(reply.getHeader("connection")).toLowerCase() === "close";
    if (closes && !request.raw.complete) {
      // Whatever was reading the body (a multipart parser) is done with it: drop the rest.
      request.raw.unpipe();
      request.raw.resume();
      lingerBeforeDestroy(request.raw.socket, lingerMs);
    }
    return payload;
  });
}

/** Node's HTTP server ends a `Connection: close` response with socket.destroySoon(). */
function lingerBeforeDestroy(socket: Socket, lingerMs: number): void {
  socket.destroySoon = function lingeringDestroySoon(this: Socket) {
    const timer = setTimeout(() => this.destroy(), lingerMs);
    timer.unref();
    this.once("close", () => {
      clearTimeout(timer);
    });
    this.once("end", () => this.destroy());
    this.end();
    this.resume();
  };
}
