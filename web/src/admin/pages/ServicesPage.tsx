import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, call, type BodyOf, type OkJson } from "../../api/client";
import { ApiError } from "../../api/errors";
import { formatCents, formatCredits } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { usePageTitle } from "../usePageTitle";

type Service = OkJson<"listAllServices">[number];
type ServiceChanges = BodyOf<"updateService">;

const SERVICES_KEY = ["admin", "services"] as const;

function useUpdateService(service: Service) {
  const client = useQueryClient();
  return async (body: ServiceChanges) => {
    await call(
      api.PATCH("/api/admin/services/{name}", { params: { path: { name: service.name } }, body }),
    );
    await client.invalidateQueries({ queryKey: SERVICES_KEY });
  };
}

/** On at once; off (customers' calls start failing) only after a confirmation. */
function ActiveSwitch({ service }: { service: Service }) {
  const update = useUpdateService(service);
  const [confirming, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const change = async (isActive: boolean) => {
    setBusy(true);
    try {
      await update({ is_active: isActive });
      notifySuccess(`${service.name} is ${isActive ? "active" : "inactive"} now.`);
      close();
    } catch (error) {
      notifyError(error, "The service was not changed");
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Switch
        checked={service.is_active}
        disabled={busy}
        aria-label={`${service.name} active`}
        label={service.is_active ? "Active" : "Off"}
        onChange={(event) => {
          if (event.currentTarget.checked) void change(true);
          else open();
        }}
      />
      <Modal opened={confirming} onClose={close} title="Turn this service off?" centered>
        <Text size="sm">
          Calls to {service.name} are refused from the next request on, for every customer.
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button color="red" onClick={() => void change(false)} loading={busy}>
            Turn off
          </Button>
        </Group>
      </Modal>
    </>
  );
}

function EditButton({ service }: { service: Service }) {
  const update = useUpdateService(service);
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: {
      credit_cost: service.credit_cost as number | string,
      price_cents: service.price_cents as number | string,
      description: service.description,
    },
    validate: {
      credit_cost: (value) => (typeof value === "number" ? null : "Enter a number of credits."),
      price_cents: (value) => (typeof value === "number" ? null : "Enter a price in cents."),
      description: (value) => (value.trim() === "" ? "Describe the service." : null),
    },
  });
  const start = () => {
    form.setValues({
      credit_cost: service.credit_cost,
      price_cents: service.price_cents,
      description: service.description,
    });
    form.clearErrors();
    open();
  };
  const submit = form.onSubmit((values) => {
    setBusy(true);
    update({
      credit_cost: Number(values.credit_cost),
      price_cents: Number(values.price_cents),
      description: values.description.trim(),
    })
      .then(() => {
        notifySuccess(`${service.name} updated.`);
        close();
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError) form.setErrors(error.messagesByField);
        notifyError(error, "The service was not changed");
      })
      .finally(() => setBusy(false));
  });
  return (
    <>
      <Button size="xs" variant="light" onClick={start} aria-label={`Edit ${service.name}`}>
        Edit
      </Button>
      <Modal opened={opened} onClose={close} title={`Edit ${service.name}`} centered>
        <form onSubmit={submit} noValidate>
          <Stack>
            <NumberInput
              label="Credit cost"
              description="Credits a successful call costs (up to 3 decimals)"
              min={0}
              decimalScale={3}
              allowNegative={false}
              {...form.getInputProps("credit_cost")}
            />
            <NumberInput
              label="Price (cents)"
              description="What a successful call adds to the monthly bill"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps("price_cents")}
            />
            <Textarea
              label="Description"
              autosize
              minRows={2}
              {...form.getInputProps("description")}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Every service: what a call costs in credits and money, and whether customers can call it. */
export function ServicesPage() {
  usePageTitle("Services");
  const services = useQuery({
    queryKey: SERVICES_KEY,
    queryFn: () => call(api.GET("/api/admin/services")),
  });
  return (
    <>
      <PageHeader title="Services" />
      <QueryState
        query={services}
        isEmpty={(data) => data.length === 0}
        empty="No services are registered."
      >
        {(data) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Service</Table.Th>
                  <Table.Th ta="right">Credit cost</Table.Th>
                  <Table.Th ta="right">Price</Table.Th>
                  <Table.Th>Active</Table.Th>
                  <Table.Th>Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((service) => (
                  <Table.Tr key={service.name}>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {service.name}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {service.description}
                      </Text>
                      {service.registered ? null : (
                        <Badge color="red" variant="light" mt={4}>
                          code missing
                        </Badge>
                      )}
                      {service.row_present ? null : (
                        <Badge color="yellow" variant="light" mt={4}>
                          not in the database
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {formatCredits(service.credit_cost)}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {formatCents(service.price_cents)}
                    </Table.Td>
                    <Table.Td>
                      <ActiveSwitch service={service} />
                    </Table.Td>
                    <Table.Td>
                      <EditButton service={service} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </>
  );
}
