import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { api, call, type OkJson } from "../api/client";

export type Site = OkJson<"getSite">;

/** The deployment's name, pitch and registration mode (SITE_NAME, SITE_TAGLINE). */
export function useSite() {
  return useQuery({
    queryKey: ["site"],
    queryFn: () => call(api.GET("/api/site")),
    staleTime: Infinity,
  });
}

/** "<page> · <site name>" in the tab; the name alone until the site has loaded. */
export function usePageTitle(title: string): void {
  const site = useSite();
  const name = site.data?.name ?? "";
  useEffect(() => {
    document.title = name === "" ? title : `${title} · ${name}`;
  }, [title, name]);
}
