import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { api, call } from "../../api/client";
import { useProfile, type Profile } from "../../api/session";
import { formatDateTime } from "../../components/format";
import { notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { errorMessage, QueryState } from "../../components/QueryState";
import { fieldErrorsOf, formLevelError } from "../form-errors";
import { usePageTitle } from "../site";

const FULL_NAME_MAX = 150;
const BIO_MAX = 2000;

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text component="div" style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </div>
  );
}

function ProfileForm({ profile }: { profile: Profile }) {
  const client = useQueryClient();
  const form = useForm({
    initialValues: { full_name: profile.full_name, bio: profile.bio },
    validate: {
      full_name: (value) =>
        value.length > FULL_NAME_MAX ? `Use at most ${FULL_NAME_MAX} characters.` : null,
      bio: (value) => (value.length > BIO_MAX ? `Use at most ${BIO_MAX} characters.` : null),
    },
  });
  const save = useMutation({
    mutationFn: (changes: { full_name?: string; bio?: string }) =>
      call(api.PATCH("/api/v1/auth/profile", { body: changes })),
    onSuccess: (saved) => {
      client.setQueryData(["session", "profile"], saved);
      form.setInitialValues({ full_name: saved.full_name, bio: saved.bio });
      form.setValues({ full_name: saved.full_name, bio: saved.bio });
      notifySuccess("Your profile is saved.");
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });
  const failure = formLevelError(save.error);
  const submit = form.onSubmit((values) => {
    // Only what changed: a field left alone is not rewritten.
    const changes = {
      ...(values.full_name === profile.full_name ? {} : { full_name: values.full_name.trim() }),
      ...(values.bio === profile.bio ? {} : { bio: values.bio }),
    };
    save.mutate(changes);
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Edit your profile">
      <Stack gap="md" maw={560}>
        {failure === null ? null : (
          <Alert color="red" role="alert" title="Could not save the profile">
            {errorMessage(failure)}
          </Alert>
        )}
        <TextInput
          label="Full name"
          autoComplete="name"
          maxLength={FULL_NAME_MAX}
          {...form.getInputProps("full_name")}
        />
        <Textarea
          label="About you"
          description={`Optional, up to ${BIO_MAX} characters.`}
          rows={4}
          maxLength={BIO_MAX}
          {...form.getInputProps("bio")}
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The signed-in customer's profile: the account's facts, and the name and bio to edit. */
export function ProfilePage() {
  usePageTitle("Profile");
  const profile = useProfile();
  return (
    <>
      <PageHeader title="Profile" />
      <QueryState query={profile}>
        {(data) =>
          data === null ? null : (
            <Stack gap="xl">
              <Card withBorder padding="md">
                <Stack gap="sm">
                  <Detail label="Email">
                    <Group gap="xs" wrap="wrap">
                      <span>{data.email}</span>
                      {data.email_verified_at === null ? (
                        <Badge color="yellow" variant="light">
                          not confirmed
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light">
                          confirmed
                        </Badge>
                      )}
                    </Group>
                  </Detail>
                  {data.email_verified_at === null ? null : (
                    <Detail label="Confirmed">{formatDateTime(data.email_verified_at)}</Detail>
                  )}
                  <Detail label="Member since">{formatDateTime(data.date_joined)}</Detail>
                  <Detail label="Name">
                    {data.full_name === "" ? (
                      <Text c="dimmed" span>
                        Not given yet: add it below.
                      </Text>
                    ) : (
                      data.full_name
                    )}
                  </Detail>
                  <Text size="xs" c="dimmed">
                    The email address is your login and cannot be changed here.
                  </Text>
                </Stack>
              </Card>
              <ProfileForm profile={data} />
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
