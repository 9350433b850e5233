import { Badge, Button, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, call, type OkJson } from "../../api/client";
import { formatBytes, formatDateTime } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { ScrollTable } from "../../components/ScrollTable";
import { useUrlFilters } from "../../components/url-filters";
import { usePageTitle } from "../site";

type Download = OkJson<"listDownloads">["results"][number];

const STATE: Record<Download["state"], { label: string; color: string }> = {
  available: { label: "Available", color: "green" },
  expired: { label: "Expired", color: "gray" },
  exhausted: { label: "Used up", color: "gray" },
  revoked: { label: "Revoked (refunded)", color: "red" },
};

function fileUrl(download: Download): string {
  return `/api/account/downloads/${download.id}/file`;
}

/** /account/downloads: the files bought, with the downloads left and until when. */
export function DownloadsPage() {
  usePageTitle("Downloads");
  const client = useQueryClient();
  const { page, setPage } = useUrlFilters([] as const);
  const downloads = useQuery({
    queryKey: ["portal", "downloads", page],
    queryFn: () => call(api.GET("/api/account/downloads", { params: { query: { page } } })),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  // A download is the browser's own (a link): the counts are asked again once it has begun.
  const counted = () => {
    setTimeout(() => void client.invalidateQueries({ queryKey: ["portal", "downloads"] }), 1000);
  };
  return (
    <>
      <PageHeader title="Downloads" />
      <Text size="sm" mb="md">
        Each file bought can be downloaded a limited number of times until it expires.
      </Text>
      <QueryState
        query={downloads}
        isEmpty={(data) => data.count === 0}
        empty="No downloads yet: files you buy appear here."
      >
        {(data) => (
          <>
            <ScrollTable label="Downloads" minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>File</Table.Th>
                    <Table.Th>Bought</Table.Th>
                    <Table.Th ta="right">Left</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th>State</Table.Th>
                    <Table.Th>Download</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((download) => (
                    <Table.Tr key={download.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {download.filename}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatBytes(download.size_bytes)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{download.description}</Table.Td>
                      <Table.Td ta="right" data-testid="downloads-left">
                        {download.remaining} of {download.max_downloads}
                      </Table.Td>
                      <Table.Td>{formatDateTime(download.expires_at)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATE[download.state].color}>
                          {STATE[download.state].label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {download.state === "available" ? (
                          <Button
                            component="a"
                            href={fileUrl(download)}
                            download={download.filename}
                            size="xs"
                            onClick={counted}
                            aria-label={`Download ${download.filename}`}
                          >
                            Download
                          </Button>
                        ) : (
                          <Text size="xs" c="dimmed">
                            Not available
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Pager page={page} count={data.count} onChange={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
