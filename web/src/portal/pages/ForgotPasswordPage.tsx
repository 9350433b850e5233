import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, call } from "../../api/client";
import { errorMessage } from "../../components/QueryState";
import { AuthCard } from "../AuthCard";
import { fieldErrorsOf, formLevelError } from "../form-errors";
import { usePageTitle } from "../site";

export function ForgotPasswordPage() {
  usePageTitle("Forgot password");
  const form = useForm({
    initialValues: { email: "" },
    validate: { email: (value) => (value.includes("@") ? null : "Enter your email address.") },
  });
  const request = useMutation({
    mutationFn: (email: string) =>
      call(api.POST("/api/customers/password/reset", { body: { email } })),
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });
  if (request.isSuccess) {
    return (
      <AuthCard title="Check your email">
        <Stack>
          <Text>
            If an account with <strong>{request.variables}</strong> exists, we sent it a link to
            choose a new password. The link works once and expires soon.
          </Text>
          <Anchor component={Link} to="/login">
            Back to log in
          </Anchor>
        </Stack>
      </AuthCard>
    );
  }
  const failure = formLevelError(request.error);
  return (
    <AuthCard title="Forgot your password?">
      <form onSubmit={form.onSubmit((values) => request.mutate(values.email.trim()))} noValidate>
        <Stack>
          <Text size="sm">
            Enter your account's email address: we send you a link to set a new password.
          </Text>
          {failure === null ? null : (
            <Alert color="red" role="alert" title="Could not send the link">
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
          <Button type="submit" loading={request.isPending} fullWidth>
            Send the link
          </Button>
          <Anchor component={Link} to="/login" size="sm" ta="center">
            Back to log in
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
