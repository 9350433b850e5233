import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, call } from "../../api/client";
import { PageLoader } from "../../components/PageLoader";
import { ErrorAlert, errorMessage } from "../../components/QueryState";
import { AuthCard } from "../AuthCard";
import { fieldErrorsOf, formLevelError } from "../form-errors";
import { usePageTitle, useSite } from "../site";

const CODE_FIELDS = {
  invalid_invite: "invite_code",
  invite_used: "invite_code",
  email_exists: "email",
} as const;

export function RegisterPage() {
  usePageTitle("Sign up");
  const site = useSite();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const inviteMode = site.data?.registration_mode !== "open";
  const form = useForm({
    initialValues: { email: "", password: "", invite_code: search.get("invite") ?? "" },
    validate: {
      email: (value) => (value.includes("@") ? null : "Enter your email address."),
      password: (value) => (value.length < 8 ? "Use at least 8 characters." : null),
      invite_code: (value) =>
        inviteMode && value.trim() === "" ? "Enter the invite code you were given." : null,
    },
  });
  const register = useMutation({
    mutationFn: (values: typeof form.values) => {
      const inviteCode = values.invite_code.trim();
      // The typed schema is generated in invite mode, where invite_code is required; in open
      // mode it is optional, and an empty one would be refused, so it is left out.
      const body = {
        email: values.email.trim(),
        password: values.password,
        ...(inviteCode === "" ? {} : { invite_code: inviteCode }),
      } as { email: string; password: string; invite_code: string };
      return call(api.POST("/api/customers/register", { body }));
    },
    onSuccess: (_data, values) =>
      void navigate("/check-email", { state: { email: values.email.trim() } }),
    onError: (error) => form.setErrors(fieldErrorsOf(error, CODE_FIELDS)),
  });
  if (site.isPending) return <PageLoader />;
  if (site.isError) return <ErrorAlert error={site.error} onRetry={() => void site.refetch()} />;
  const failure = formLevelError(register.error, CODE_FIELDS);
  return (
    <AuthCard title={`Sign up for ${site.data.name}`}>
      <form onSubmit={form.onSubmit((values) => register.mutate(values))} noValidate>
        <Stack>
          {failure === null ? null : (
            <Alert color="red" role="alert" title="Could not sign you up">
              {errorMessage(failure)}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps("email")}
          />
          <PasswordInput
            label="Password"
            description="At least 8 characters; not a common password or one like your email."
            autoComplete="new-password"
            required
            {...form.getInputProps("password")}
          />
          {inviteMode || search.has("invite") ? (
            <TextInput
              label="Invite code"
              description={
                inviteMode ? "Signing up needs an invite code." : "Optional: if you have one."
              }
              autoComplete="off"
              required={inviteMode}
              {...form.getInputProps("invite_code")}
            />
          ) : null}
          <Button type="submit" loading={register.isPending} fullWidth>
            Create account
          </Button>
          <Text size="sm" ta="center">
            Already have an account?{" "}
            <Anchor component={Link} to="/login" underline="always">
              Log in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
