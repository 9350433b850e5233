import { Divider, Stack, Text } from "@mantine/core";
import { useLocation } from "react-router";
import { AuthCard } from "../AuthCard";
import { ResendVerification } from "../ResendVerification";
import { usePageTitle } from "../site";

function emailFromState(state: unknown): string {
  if (typeof state === "object" && state !== null && "email" in state) {
    const { email } = state;
    if (typeof email === "string") return email;
  }
  return "";
}

/** After sign-up (or an unverified login): the link is in the mailbox. */
export function CheckEmailPage() {
  usePageTitle("Check your email");
  const email = emailFromState(useLocation().state);
  return (
    <AuthCard title="Check your email">
      <Stack>
        <Text>
          We sent a confirmation link to{" "}
          {email === "" ? "your email address" : <strong>{email}</strong>}. Open it within 24 hours
          to confirm the address; then you can log in.
        </Text>
        <Divider />
        <ResendVerification email={email} />
      </Stack>
    </AuthCard>
  );
}
