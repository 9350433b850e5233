import { Alert, Anchor, Button, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, call, forgetCsrfToken } from "../../api/client";
import { ApiError } from "../../api/errors";
import { errorMessage } from "../../components/QueryState";
import { AuthCard } from "../AuthCard";
import { fieldErrorsOf, formLevelError } from "../form-errors";
import { usePageTitle } from "../site";

/** Where the emailed reset link lands (PUBLIC_BASE_URL/reset-password?token=…). */
export function ResetPasswordPage() {
  usePageTitle("Choose a new password");
  const [search] = useSearchParams();
  const token = search.get("token") ?? "";
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useForm({
    initialValues: { new_password: "", repeat: "" },
    validate: {
      new_password: (value) => (value.length < 8 ? "Use at least 8 characters." : null),
      repeat: (value, values) =>
        value === values.new_password ? null : "The two passwords differ.",
    },
  });
  const reset = useMutation({
    mutationFn: (newPassword: string) =>
      call(
        api.POST("/api/customers/password/reset/confirm", {
          body: { token, new_password: newPassword },
        }),
      ),
    onSuccess: () => {
      // Every session of the account ended, this browser's too.
      forgetCsrfToken();
      client.removeQueries({ queryKey: ["session"] });
      void navigate("/login?reset=1", { replace: true });
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });
  const badLink =
    token === "" || (reset.error instanceof ApiError && reset.error.code === "invalid_reset_token");
  const failure = badLink ? null : formLevelError(reset.error);
  return (
    <AuthCard title="Choose a new password">
      {badLink ? (
        <Stack>
          <Alert color="red" role="alert" title="This link does not work">
            The reset link is incomplete, already used, replaced by a newer one, or expired.
          </Alert>
          <Button component={Link} to="/forgot-password">
            Send a new link
          </Button>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((values) => reset.mutate(values.new_password))} noValidate>
          <Stack>
            <Text size="sm">Setting it logs you out everywhere. Your API tokens keep working.</Text>
            {failure === null ? null : (
              <Alert color="red" role="alert" title="Could not set the password">
                {errorMessage(failure)}
              </Alert>
            )}
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              required
              {...form.getInputProps("new_password")}
            />
            <PasswordInput
              label="Repeat the new password"
              autoComplete="new-password"
              required
              {...form.getInputProps("repeat")}
            />
            <Button type="submit" loading={reset.isPending} fullWidth>
              Set the new password
            </Button>
            <Anchor component={Link} to="/login" size="sm" ta="center">
              Back to log in
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
