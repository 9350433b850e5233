import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { api, call, type OkJson } from "../../api/client";
import { ApiError, apiErrorFrom, networkError } from "../../api/errors";
import { formatCredits } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { errorMessage, QueryState } from "../../components/QueryState";
import { Figure } from "../CreditBalance";
import { SchemaFields } from "../playground/SchemaFields";
import {
  buildInput,
  initialValues,
  parseRawInput,
  planForm,
  type FieldValue,
  type FormPlan,
  type FormValues,
} from "../playground/schema-form";
import { usePageTitle } from "../site";

type Service = OkJson<"listServices">["results"][number];
type ServiceDetail = OkJson<"getService">;
type RunResult = OkJson<"runService">;

const IMAGE_TYPES = "image/png,image/jpeg,image/gif,image/webp";
const BALANCE_KEY = ["portal", "balance"] as const;

/** A refused run for want of credits (402), with what the call needs and what the account has. */
class InsufficientCredits extends ApiError {
  constructor(
    base: ApiError,
    readonly required: number,
    readonly available: number,
  ) {
    super(base.status, base.code, base.detail, base.requestId, base.fieldErrors);
  }
}

/** Every active service (the list is paged by 25; a deployment has a handful). */
async function allServices(): Promise<Service[]> {
  const services: Service[] = [];
  for (let page = 1; ; page++) {
    const data = await call(api.GET("/api/services", { params: { query: { page } } }));
    services.push(...data.results);
    if (data.next === null) return services;
  }
}

type RunInput = { kind: "json"; input: Record<string, unknown> } | { kind: "upload"; file: File };

async function runService(name: string, input: RunInput): Promise<RunResult> {
  const path = { params: { path: { name } } };
  let outcome;
  try {
    outcome =
      input.kind === "json"
        ? await api.POST("/api/services/{name}/run", {
            ...path,
            // The schema types `input` as an empty object; each service has its own shape.
            body: { input: input.input as Record<string, never> },
          })
        : await api.POST("/api/services/{name}/run", {
            ...path,
            // The typed body stands for the multipart part; the FormData is what is sent.
            body: { file: "" },
            bodySerializer: () => {
              const form = new FormData();
              form.append("file", input.file);
              return form;
            },
          });
  } catch {
    throw networkError();
  }
  if (outcome.response.status === 402) {
    const body = outcome.error as { required?: unknown; available?: unknown } | undefined;
    const base = apiErrorFrom(outcome.response, body);
    throw new InsufficientCredits(
      base,
      typeof body?.required === "number" ? body.required : 0,
      typeof body?.available === "number" ? body.available : 0,
    );
  }
  return call(Promise.resolve(outcome));
}

function runLabel(cost: number): string {
  if (cost === 0) return "Run (free)";
  return `Run (${formatCredits(cost)} ${cost === 1 ? "credit" : "credits"})`;
}

function RunFailure({ error, unshown }: { error: unknown; unshown: boolean }) {
  if (error instanceof InsufficientCredits) {
    return (
      <Alert color="red" role="alert" title="Not enough credits">
        <Text size="sm">
          This call needs {formatCredits(error.required)} credits and you have{" "}
          {formatCredits(error.available)} available. Nothing was charged.
        </Text>
        <Anchor component={Link} to="/pricing" size="sm" underline="always">
          Buy credits
        </Anchor>
      </Alert>
    );
  }
  // Field errors are shown on their fields; one that no field shows gets this alert.
  if (!unshown) return null;
  return (
    <Alert color="red" role="alert" title="The call failed">
      <Text size="sm">{errorMessage(error)}</Text>
      {error instanceof ApiError && error.fieldErrors.length > 0 ? (
        <ul>
          {error.fieldErrors.map((fieldError) => (
            <li key={`${fieldError.field}-${fieldError.code}`}>
              <Text size="sm">
                <Code>{fieldError.field}</Code>: {fieldError.message}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

function RunOutcome({ result }: { result: RunResult }) {
  return (
    <section aria-labelledby="result-heading">
      <Title order={2} size="h4" id="result-heading" mb="xs">
        Result
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mb="sm">
        <Figure label="Credits charged" value={formatCredits(result.credits_charged)} />
        <Figure label="Balance now" value={formatCredits(result.balance)} />
      </SimpleGrid>
      <Code
        block
        data-testid="run-result"
        style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
      >
        {JSON.stringify(result.result, null, 2)}
      </Code>
      <Text size="xs" c="dimmed" mt="xs">
        Request id <span style={{ overflowWrap: "anywhere" }}>{result.request_id}</span>: it is in
        your usage log.
      </Text>
    </section>
  );
}

/** The form of one service: fields from its input schema, raw JSON, or an image to upload. */
function ServiceRunner({ service }: { service: ServiceDetail }) {
  const client = useQueryClient();
  const isImage = service.type === "image_processing";
  const [plan] = useState<FormPlan>(() => planForm(service.input_schema));
  const [values, setValues] = useState<FormValues>(() =>
    plan.kind === "fields" ? initialValues(plan.fields) : {},
  );
  const [raw, setRaw] = useState("{}");
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = useMutation({
    mutationFn: (input: RunInput) => runService(service.name, input),
    onMutate: () => setErrors({}),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: BALANCE_KEY });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const byField = error.messagesByField;
      if (plan.kind === "raw" && !isImage && Object.keys(byField).length > 0) {
        setErrors({ input: Object.values(byField).join(" ") });
      } else setErrors(byField);
    },
  });
  // Field errors go on their fields; any that no field shows are listed in the alert.
  const shown = (name: string) =>
    isImage ? name === "file" : plan.kind === "raw" || plan.fields.some((f) => f.name === name);
  const unshown =
    !(run.error instanceof ApiError) ||
    run.error.fieldErrors.length === 0 ||
    Object.keys(run.error.messagesByField).some((name) => !shown(name));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (isImage) {
      if (file === null) {
        setErrors({ file: "Choose an image to upload." });
        return;
      }
      run.mutate({ kind: "upload", file });
      return;
    }
    const built = plan.kind === "fields" ? buildInput(plan.fields, values) : parseRawInput(raw);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    run.mutate({ kind: "json", input: built.input });
  };
  const change = (name: string, value: FieldValue) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors(({ [name]: _dropped, ...rest }) => rest);
  };

  return (
    <Stack gap="lg">
      <form onSubmit={submit} noValidate aria-label={`Run ${service.name}`}>
        <Stack gap="md">
          {isImage ? (
            <FileInput
              label="Image"
              description="A PNG, JPEG, GIF or WebP file."
              accept={IMAGE_TYPES}
              value={file}
              onChange={(next) => {
                setFile(next);
                setErrors({});
              }}
              error={errors["file"]}
              required
              clearable
            />
          ) : plan.kind === "fields" ? (
            <SchemaFields fields={plan.fields} values={values} errors={errors} onChange={change} />
          ) : (
            <Textarea
              label="Input (JSON)"
              description="This service's input cannot be shown as a form: type it as a JSON object."
              rows={8}
              ff="monospace"
              value={raw}
              error={errors["input"]}
              onChange={(event) => {
                setRaw(event.currentTarget.value);
                setErrors({});
              }}
            />
          )}
          <Group>
            <Button type="submit" loading={run.isPending}>
              {runLabel(service.credit_cost)}
            </Button>
          </Group>
        </Stack>
      </form>
      {run.isError ? <RunFailure error={run.error} unshown={unshown} /> : null}
      {run.isSuccess ? <RunOutcome result={run.data} /> : null}
    </Stack>
  );
}

function ServicePanel({ name }: { name: string }) {
  const detail = useQuery({
    queryKey: ["services", "detail", name],
    queryFn: () => call(api.GET("/api/services/{name}", { params: { path: { name } } })),
  });
  return (
    <QueryState query={detail}>
      {(service) => (
        <Card withBorder padding="md">
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Title order={2} size="h4" ff="monospace" style={{ overflowWrap: "anywhere" }}>
              {service.name}
            </Title>
            <Badge variant="light">
              {service.credit_cost === 0
                ? "free"
                : `${formatCredits(service.credit_cost)} credits a call`}
            </Badge>
          </Group>
          <Text size="sm" mb="md">
            {service.description}
          </Text>
          {/* A new form per service: the fields and their values belong to one schema. */}
          <ServiceRunner key={service.name} service={service} />
        </Card>
      )}
    </QueryState>
  );
}

/** Try a service with the session: a form from its input schema, the result and the cost. */
export function PlaygroundPage() {
  usePageTitle("Playground");
  const [search, setSearch] = useSearchParams();
  const selected = search.get("service") ?? "";
  const services = useQuery({ queryKey: ["services", "all"], queryFn: allServices });
  const balance = useQuery({
    queryKey: BALANCE_KEY,
    queryFn: () => call(api.GET("/api/credits/balance")),
    staleTime: 0,
  });
  const choose = (name: string) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (name === "") next.delete("service");
        else next.set("service", name);
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <PageHeader title="Playground">
        <Text size="sm" data-testid="playground-balance">
          {balance.data === undefined
            ? "\u00a0"
            : `Balance: ${formatCredits(balance.data.total_available)} credits`}
        </Text>
      </PageHeader>
      <Text size="sm" mb="md">
        Run a service as your account, without a token: the call is charged and logged like any
        other. A failed call costs nothing.
      </Text>
      <QueryState
        query={services}
        isEmpty={(data) => data.length === 0}
        empty="No services are offered yet."
      >
        {(list) => {
          const known = list.some((service) => service.name === selected);
          return (
            <Stack gap="lg">
              <NativeSelect
                label="Service"
                value={known ? selected : ""}
                onChange={(event) => choose(event.currentTarget.value)}
                data={[
                  { value: "", label: "Choose a service…" },
                  ...list.map((service) => ({ value: service.name, label: service.name })),
                ]}
                maw={420}
              />
              {selected !== "" && !known ? (
                <Alert color="yellow" title="No such service">
                  {selected} is not offered (any more): choose another.
                </Alert>
              ) : null}
              {known ? <ServicePanel name={selected} /> : null}
            </Stack>
          );
        }}
      </QueryState>
    </>
  );
}
