import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { api, call } from "../api/client";
import { notifyError, notifySuccess } from "../components/notify";

/** "Send a new verification link": always answered the same, whether or not the email exists. */
export function ResendVerification({ email }: { email: string }) {
  const form = useForm({
    initialValues: { email },
    validate: { email: (value) => (value.includes("@") ? null : "Enter your email address.") },
  });
  const resend = useMutation({
    mutationFn: (address: string) =>
      call(api.POST("/api/customers/resend-verification", { body: { email: address } })),
    onSuccess: () =>
      notifySuccess("If that account is waiting for verification, a new link is on its way."),
    onError: (error) => notifyError(error, "Could not send a new link"),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => resend.mutate(values.email.trim()))}
      noValidate
      aria-label="Send a new verification link"
    >
      <Stack gap="xs">
        <Text size="sm">
          No email after a few minutes? Check your spam folder, or send a new link.
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            style={{ flex: "1 1 200px" }}
            {...form.getInputProps("email")}
          />
          <Button type="submit" variant="default" loading={resend.isPending}>
            Send a new link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
