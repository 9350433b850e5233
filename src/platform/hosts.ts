// A Host header is a host name or IPv4 address, or an [IPv6] literal, and an optional numeric
// port (Django's host_validation_re). Splitting at the first ':' instead would read
// "localhost:1@evil.com" as "localhost". Underscores are allowed, as ALLOWED_HOSTS allows them:
// Docker and Compose service names (web_1) have them.
const HOST_HEADER = /^([a-z0-9_.-]+|\[[a-f0-9]*:[a-f0-9.:]+\])(?::[0-9]{1,5})?$/;

/** A Host header's host name (lower case, no port or trailing dot); undefined when malformed. */
export function hostnameOf(header: string): string | undefined {
  const match = HOST_HEADER.exec(header.toLowerCase());
  const hostname = match?.[1];
  if (hostname === undefined) return undefined;
  return hostname.endsWith(".") ? hostname.slice(0, -1) : hostname;
}

/**
 * ALLOWED_HOSTS semantics: `*` allows any host, `.example.com` allows example.com and every
 * subdomain of it, anything else is an exact (lower-case) host name.
 */
export function hostAllowed(hostname: string, allowed: readonly string[]): boolean {
  return allowed.some(
    (pattern) =>
      pattern === "*" ||
      pattern === hostname ||
      (pattern.startsWith(".") && (hostname.endsWith(pattern) || hostname === pattern.slice(1))),
  );
}

/**
 * RFC 9112 §3.2: a request with more than one Host line, or an HTTP/1.1 request with none, is a
 * 400. Node keeps only the first of repeated Host headers, so the raw lines are counted.
 */
export function hostHeaderProblem(httpVersion: string, rawHeaders: readonly string[]) {
  let lines = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === "host") lines += 1;
  }
  if (lines > 1) return "The request carries more than one Host header.";
  if (lines === 0 && httpVersion === "1.1") return "An HTTP/1.1 request must carry a Host header.";
  return undefined;
}
