import type { FastifyReply } from "fastify";

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** The small server-rendered pages of payments (no scripts; inline styles only). */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";

/** The reply headers every payments page has: HTML, the page CSP, and a cache rule if given. */
export function htmlReply(reply: FastifyReply, cacheControl?: string): FastifyReply {
  reply.type("text/html; charset=utf-8").header("Content-Security-Policy", PAGE_CSP);
  return cacheControl === undefined ? reply : reply.header("Cache-Control", cacheControl);
}

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}
button{font-size:1rem;padding:.6rem 1.2rem;margin-right:.5rem;cursor:pointer}
.muted{color:#555}@media print{button,.noprint{display:none}}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
