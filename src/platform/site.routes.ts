import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";

const Site = Type.Object({
  name: Type.String({ description: "SITE_NAME: what the portal calls the product" }),
  tagline: Type.String({ description: "SITE_TAGLINE: the one-line pitch under the name" }),
  registration_mode: Type.Union([Type.Literal("invite"), Type.Literal("open")], {
    description: "invite: registering needs an invite code; open: anyone may register",
  }),
});

/**
 * `GET /api/site`: the deployment's name, pitch and registration mode, which the customer portal
 * shows and its sign-up form follows. Public, and nothing in it is secret.
 */
export const siteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const answer = {
    name: app.config.site.name,
    tagline: app.config.site.tagline,
    registration_mode: app.config.accountSecurity.registrationMode,
  };
  app.get(
    "/api/site",
    {
      config: { access: "public" },
      schema: {
        operationId: "getSite",
        tags: ["site"],
        summary: "The site's name, tagline and registration mode (for the web portal)",
        response: { 200: Site },
      },
    },
    async () => answer,
  );
};
