import { Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { api, call, type OkJson } from "../../api/client";
import { formatDateTime } from "../../components/format";
import { notifyError, notifySuccess } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { usePageTitle } from "../usePageTitle";

type CheckStatus = OkJson<"getAdminPreflight">["status"];

const STATUS_COLORS: Record<CheckStatus, string> = { ok: "green", warn: "yellow", fail: "red" };

function StatusBadge({ status }: { status: CheckStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" w={56}>
      {status}
    </Badge>
  );
}

export function PreflightPage() {
  usePageTitle("Preflight");
  const report = useQuery({
    queryKey: ["admin", "preflight"],
    queryFn: () => call(api.GET("/api/admin/preflight")),
    staleTime: 0,
  });
  const testEmail = useMutation({
    mutationFn: () => call(api.POST("/api/admin/preflight/test-email")),
    onSuccess: (sent) => notifySuccess(`Test email sent to ${sent.to} (${sent.transport}).`),
    onError: (error) => notifyError(error, "The test email was not sent"),
  });
  return (
    <>
      <PageHeader title="Preflight">
        <Button variant="default" onClick={() => void report.refetch()} loading={report.isFetching}>
          Check again
        </Button>
        <Button onClick={() => testEmail.mutate()} loading={testEmail.isPending}>
          Send test email
        </Button>
      </PageHeader>
      <QueryState query={report}>
        {(data) => (
          <>
            <Group mb="md" gap="sm">
              <StatusBadge status={data.status} />
              <Text size="sm" c="dimmed">
                Checked {formatDateTime(data.checked_at)}
              </Text>
            </Group>
            <Stack gap="xs">
              {data.checks.map((check) => (
                <Card key={check.name} withBorder padding="sm">
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <StatusBadge status={check.status} />
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600} ff="monospace" size="sm">
                        {check.name}
                      </Text>
                      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                        {check.detail}
                      </Text>
                      {check.fix === null ? null : (
                        <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                          Fix: {check.fix}
                        </Text>
                      )}
                    </div>
                  </Group>
                </Card>
              ))}
            </Stack>
          </>
        )}
      </QueryState>
    </>
  );
}
