import { Alert, Button, Divider, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { api, call } from "../../api/client";
import { ApiError } from "../../api/errors";
import { PageLoader } from "../../components/PageLoader";
import { errorMessage } from "../../components/QueryState";
import { AuthCard } from "../AuthCard";
import { ResendVerification } from "../ResendVerification";
import { usePageTitle } from "../site";

/**
 * Where the emailed verification link lands: the server sends a browser opening
 * /api/customers/verify-email?token=… here (303), and this page makes the same call as a script
 * would, then offers to log in.
 */
export function VerifyEmailPage() {
  usePageTitle("Confirm your email");
  const [search] = useSearchParams();
  const token = search.get("token") ?? "";
  const verification = useQuery({
    queryKey: ["verify-email", token],
    queryFn: async () => {
      await call(api.GET("/api/customers/verify-email", { params: { query: { token } } }));
      return true;
    },
    enabled: token !== "",
    retry: false,
    staleTime: Infinity,
  });
  if (token !== "" && verification.isPending) return <PageLoader />;
  if (verification.isSuccess) {
    return (
      <AuthCard title="Email confirmed">
        <Stack>
          <Text>Your email address is confirmed. You can log in now.</Text>
          <Button component={Link} to="/login">
            Log in
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  const invalidLink =
    token === "" ||
    (verification.error instanceof ApiError &&
      verification.error.code === "invalid_verification_token");
  return (
    <AuthCard title="Could not confirm your email">
      <Stack>
        <Alert color="red" role="alert" title={invalidLink ? "This link does not work" : "Refused"}>
          {invalidLink
            ? "The link is incomplete, was changed, or is older than 24 hours. Send yourself a new one below."
            : errorMessage(verification.error)}
        </Alert>
        {verification.isError && !invalidLink && !(verification.error instanceof ApiError) ? (
          <Button variant="light" onClick={() => void verification.refetch()}>
            Try again
          </Button>
        ) : null}
        <Divider />
        <ResendVerification email="" />
      </Stack>
    </AuthCard>
  );
}
