import { Anchor, Badge, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { api, call, type OkJson } from "../../api/client";
import { formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryState } from "../../components/QueryState";
import { usePageTitle } from "../usePageTitle";

type RequestLog = OkJson<"getRequestLog">;

/** Everything the log holds; payloads are never stored, so never shown. */
function rows(log: RequestLog): [string, React.ReactNode][] {
  return [
    ["Time", formatDateTime(log.request_ts)],
    ["Request id", <code key="rid">{log.request_id}</code>],
    ["User", `${log.user.email} (${log.user.id})`],
    ["Service", log.service],
    [
      "Status",
      <Badge key="status" color={log.status === "success" ? "green" : "red"} variant="light">
        {log.status}
      </Badge>,
    ],
    ["Error code", log.error_code ?? "—"],
    ["Token", log.token_prefix ?? "session or JWT"],
    ["Duration", `${log.duration_ms} ms`],
    ["Request size", `${log.request_bytes} bytes`],
    ["Response size", `${log.response_bytes} bytes`],
    ["Cost", `${log.cost_cents} cents`],
    ["Credits charged", String(log.credits_charged)],
    ["Billing period", log.billing_period_id ?? "—"],
  ];
}

export function RequestLogDetailPage() {
  usePageTitle("Request log");
  const { id = "" } = useParams();
  const log = useQuery({
    queryKey: ["admin", "request-log", id],
    queryFn: () => call(api.GET("/api/admin/request-logs/{id}", { params: { path: { id } } })),
  });
  return (
    <>
      <PageHeader title="Request log">
        <Anchor component={Link} to="/admin/request-logs">
          All request logs
        </Anchor>
      </PageHeader>
      <QueryState query={log}>
        {(data) => (
          <Table variant="vertical" withTableBorder maw={720}>
            <Table.Tbody>
              {rows(data).map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={180}>{label}</Table.Th>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </>
  );
}
