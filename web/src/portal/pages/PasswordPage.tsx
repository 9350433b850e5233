import { Alert, Anchor, Button, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, call } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { errorMessage } from "../../components/QueryState";
import { fieldErrorsOf, formLevelError } from "../form-errors";
import { usePageTitle } from "../site";

// A wrong current password is `invalid_credentials` without a field: it belongs to that one.
const CODE_FIELDS = { invalid_credentials: "old_password" } as const;

/** Change the password knowing the current one; every other session of the account ends. */
export function PasswordPage() {
  usePageTitle("Password");
  const form = useForm({
    initialValues: { old_password: "", new_password: "", repeat: "" },
    validate: {
      old_password: (value) => (value === "" ? "Enter your current password." : null),
      new_password: (value) => (value.length < 8 ? "Use at least 8 characters." : null),
      repeat: (value, values) =>
        value === values.new_password ? null : "The two passwords differ.",
    },
  });
  const change = useMutation({
    mutationFn: (body: { old_password: string; new_password: string }) =>
      call(api.POST("/api/customers/password/change", { body })),
    onSuccess: () => form.reset(),
    onError: (error) => form.setErrors(fieldErrorsOf(error, CODE_FIELDS)),
  });
  const failure = formLevelError(change.error, CODE_FIELDS);
  return (
    <>
      <PageHeader title="Password" />
      <form
        onSubmit={form.onSubmit((values) =>
          change.mutate({ old_password: values.old_password, new_password: values.new_password }),
        )}
        noValidate
        aria-label="Change your password"
      >
        <Stack gap="md" maw={480}>
          <Text size="sm">
            Changing the password signs you out on every other browser and device; this one stays
            signed in. Your API tokens keep working, and we email you that the password changed.
          </Text>
          {change.isSuccess ? (
            <Alert color="green" role="status" title="Password changed">
              Your other sessions were signed out. See your{" "}
              <Anchor component={Link} to="/account/sessions" underline="always">
                sessions
              </Anchor>
              .
            </Alert>
          ) : null}
          {failure === null ? null : (
            <Alert color="red" role="alert" title="Could not change the password">
              {errorMessage(failure)}
            </Alert>
          )}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            {...form.getInputProps("old_password")}
          />
          <PasswordInput
            label="New password"
            description="At least 8 characters, not only digits, not a common password, not like your email."
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
          <div>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
