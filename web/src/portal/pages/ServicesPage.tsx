import { Anchor, Badge, Button, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, call } from "../../api/client";
import { useProfile } from "../../api/session";
import { formatCredits } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { ScrollTable } from "../../components/ScrollTable";
import { Pager } from "../../components/Pager";
import { QueryState } from "../../components/QueryState";
import { useUrlFilters } from "../../components/url-filters";
import { API_DOCS_URL } from "../PortalLayout";
import { usePageTitle } from "../site";

const TYPE_LABELS = {
  basic: "Basic",
  text_processing: "Text",
  image_processing: "Image",
  data_validation: "Data validation",
} as const;

export function ServicesPage() {
  usePageTitle("Services");
  const signedIn = useProfile().data?.email !== undefined;
  const { page, setPage } = useUrlFilters([]);
  const services = useQuery({
    queryKey: ["services", page],
    queryFn: () => call(api.GET("/api/services", { params: { query: { page } } })),
  });
  return (
    <>
      <PageHeader title="Services" />
      <Text mb="md">
        Every service is one API call. A successful call costs the credits shown; a failed one costs
        nothing. How to call them: the{" "}
        <Anchor href={API_DOCS_URL} underline="always">
          API documentation
        </Anchor>
        .
      </Text>
      <QueryState
        query={services}
        isEmpty={(data) => data.count === 0}
        empty="No services are offered yet."
      >
        {(data) => (
          <>
            <ScrollTable label="Services" minWidth={520}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Service</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>What it does</Table.Th>
                    <Table.Th ta="right">Credits per call</Table.Th>
                    {signedIn ? <Table.Th>Try it</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((service) => (
                    <Table.Tr key={service.name}>
                      <Table.Td ff="monospace">{service.name}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{TYPE_LABELS[service.type]}</Badge>
                      </Table.Td>
                      <Table.Td>{service.description}</Table.Td>
                      <Table.Td ta="right">{formatCredits(service.credit_cost)}</Table.Td>
                      {signedIn ? (
                        <Table.Td>
                          <Button
                            component={Link}
                            to={`/app/playground?service=${encodeURIComponent(service.name)}`}
                            size="xs"
                            variant="light"
                            aria-label={`Try ${service.name} in the playground`}
                          >
                            Try it
                          </Button>
                        </Table.Td>
                      ) : null}
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
