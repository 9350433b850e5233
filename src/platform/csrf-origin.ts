import type { FastifyRequest } from "fastify";
import type { Config } from "../config.js";

/** Why an unsafe session request failed the origin check, or undefined when it passed. */
export type OriginCheck = (request: FastifyRequest) => string | undefined;

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** `https://*.example.com[:port]` matches example.com and its subdomains, as in Django. */
function matchesWildcard(url: URL, domain: URL): boolean {
  return (
    url.protocol === domain.protocol &&
    url.port === domain.port &&
    (url.hostname === domain.hostname || url.hostname.endsWith(`.${domain.hostname}`))
  );
}

/**
 * Django's CSRF origin check, which the token alone does not give: an unsafe request whose cookie
 * session was sent by a page of another origin is refused even when that page got hold of the
 * token. The site's own origins are PUBLIC_BASE_URL's and the request's Host; others must be in
 * CSRF_TRUSTED_ORIGINS (CORS_ALLOWED_ORIGINS does not imply it). Current browsers send Origin on
 * every unsafe request; without one (older browsers), an https request must carry a Referer of a
 * trusted origin, as Django asks (on plain http proxies strip Referer too often to require it, so
 * there the token alone decides).
 */
export function createOriginCheck(
  config: Pick<Config, "publicBaseUrl" | "csrfTrustedOrigins">,
): OriginCheck {
  const publicOrigin = new URL(config.publicBaseUrl).origin;
  const exact = new Set(config.csrfTrustedOrigins.filter((origin) => !origin.includes("//*.")));
  const wildcards = config.csrfTrustedOrigins
    .filter((origin) => origin.includes("//*."))
    .map((origin) => parsedUrl(origin.replace("//*.", "//")))
    .filter((domain) => domain !== undefined);
  // The session cookie is Secure under an https PUBLIC_BASE_URL, so a browser sent this request
  // over https even when a proxy that TRUST_PROXY does not name forwarded it as plain http.
  const publicIsHttps = publicOrigin.startsWith("https:");

  function trusted(url: URL, request: FastifyRequest, secure: boolean): boolean {
    if (url.origin === publicOrigin || exact.has(url.origin)) return true;
    const own = parsedUrl(`${secure ? "https" : "http"}://${request.host}`);
    if (url.origin === own?.origin) return true;
    return wildcards.some((domain) => matchesWildcard(url, domain));
  }

  return (request) => {
    const secure = publicIsHttps || request.protocol === "https";
    const origin = request.headers.origin;
    if (origin !== undefined) {
      const url = parsedUrl(origin);
      // "null" (a sandboxed frame, a redirect across origins, a file: page) is never trusted.
      if (url === undefined || url.origin === "null") {
        return "Origin checking failed: the Origin header is not a web origin.";
      }
      if (trusted(url, request, secure)) return undefined;
      return `Origin checking failed: ${url.origin} is not this site's origin nor in CSRF_TRUSTED_ORIGINS.`;
    }
    if (!secure) return undefined;
    const referer = request.headers.referer;
    if (referer === undefined) return "Referer checking failed: no Referer on an https request.";
    const url = parsedUrl(referer);
    if (url === undefined) return "Referer checking failed: the Referer is malformed.";
    if (url.protocol !== "https:") {
      return "Referer checking failed: the Referer is insecure while the site is https.";
    }
    if (trusted(url, request, secure)) return undefined;
    return `Referer checking failed: ${url.origin} is not this site's origin nor in CSRF_TRUSTED_ORIGINS.`;
  };
}
