import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call, csrfToken, forgetCsrfToken, type OkJson } from "./client";

export type Profile = OkJson<"getProfile">;

const PROFILE_KEY = ["session", "profile"] as const;

/**
 * Who is signed in. Without a csrftoken cookie there has been no login in this browser, so the
 * app goes straight to the login form instead of asking the server for a certain 401.
 */
export function useProfile() {
  return useQuery({
    queryKey: PROFILE_KEY,
    queryFn: async (): Promise<Profile | null> =>
      csrfToken() === undefined ? null : call(api.GET("/api/v1/auth/profile")),
    staleTime: 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      call(api.POST("/api/customers/login", { body: credentials })),
    onSuccess: async () => {
      client.clear();
      await client.invalidateQueries({ queryKey: PROFILE_KEY });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST("/api/customers/logout")),
    onSettled: () => {
      forgetCsrfToken();
      client.clear();
    },
  });
}
