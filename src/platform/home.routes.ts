import type { FastifyPluginAsync } from "fastify";

// A placeholder until the customer portal serves `/`: it only points a first visitor at what exists.
const HOME_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tollgate</title>
</head>
<body>
<h1>Tollgate</h1>
<p>A self-hosted backend for selling AI services through a metered API.</p>
<ul>
<li><a href="/admin/">Staff admin</a> (the web console)</li>
<li><a href="/api/docs/">API documentation</a> (Swagger UI)</li>
<li><a href="/api/schema/">OpenAPI document</a></li>
<li><a href="/healthz">Health check</a></li>
</ul>
</body>
</html>
`;

/** `GET /`: a static page for whoever opens the server in a browser; not part of the API. */
export const homeRoutes: FastifyPluginAsync = async (app) => {
  app.get("/", { config: { access: "public" }, schema: { hide: true } }, async (_request, reply) =>
    reply
      .type("text/html; charset=utf-8")
      // Nothing to load: no scripts, styles or images, so the page may load nothing at all.
      .header("Content-Security-Policy", "default-src 'none'")
      .send(HOME_PAGE),
  );
};
