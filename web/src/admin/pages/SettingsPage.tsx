import { Button, Card, Group, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, call, type OkJson } from "../../api/client";
import { ApiError } from "../../api/errors";
import { formatDateTime } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { usePageTitle } from "../usePageTitle";

type Settings = OkJson<"getCoreSettings">;
const SETTINGS_KEY = ["admin", "settings"] as const;

function SettingsForm({ settings }: { settings: Settings }) {
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: {
      cost_per_request_cents: settings.cost_per_request_cents as number | string,
      openai_model: settings.openai_model,
      openai_timeout_s: settings.openai_timeout_s as number | string,
    },
    validate: {
      cost_per_request_cents: (value) =>
        typeof value === "number" ? null : "Enter a price in cents.",
      openai_model: (value) => (value.trim() === "" ? "Name the model." : null),
      openai_timeout_s: (value) => (typeof value === "number" ? null : "Enter seconds."),
    },
  });
  const submit = form.onSubmit((values) => {
    setBusy(true);
    call(
      api.PATCH("/api/admin/settings", {
        body: {
          cost_per_request_cents: Number(values.cost_per_request_cents),
          openai_model: values.openai_model.trim(),
          openai_timeout_s: Number(values.openai_timeout_s),
        },
      }),
    )
      .then((saved) => {
        notifySuccess("Settings saved; the next requests use them.");
        client.setQueryData(SETTINGS_KEY, saved);
        form.resetDirty();
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError) form.setErrors(error.messagesByField);
        notifyError(error, "The settings were not saved");
      })
      .finally(() => setBusy(false));
  });
  return (
    <Card withBorder maw={560}>
      <form onSubmit={submit} aria-label="Core settings" noValidate>
        <Stack>
          <NumberInput
            label="Price per request (cents)"
            description="What one successful image solve adds to the monthly bill"
            min={0}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps("cost_per_request_cents")}
          />
          <TextInput label="OpenAI model" maxLength={200} {...form.getInputProps("openai_model")} />
          <NumberInput
            label="Provider timeout (seconds)"
            description="From 1 to 300"
            min={1}
            max={300}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps("openai_timeout_s")}
          />
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              Last changed {formatDateTime(settings.updated_at)}
            </Text>
            <Button type="submit" loading={busy} disabled={!form.isDirty()}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The core settings of the metered image-solve service: price, model and timeout. */
export function SettingsPage() {
  usePageTitle("Settings");
  const settings = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => call(api.GET("/api/admin/settings")),
  });
  return (
    <>
      <PageHeader title="Settings" />
      <QueryState query={settings}>
        {(data) => <SettingsForm key={data.updated_at} settings={data} />}
      </QueryState>
    </>
  );
}
