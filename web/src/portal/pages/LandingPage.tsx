import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useProfile } from "../../api/session";
import { PageLoader } from "../../components/PageLoader";
import { ErrorAlert } from "../../components/QueryState";
import { API_DOCS_URL } from "../PortalLayout";
import { usePageTitle, useSite } from "../site";

const STEPS = [
  {
    title: "1. Create an account",
    text: "Sign up with your email address (and an invite code, if this site asks for one) and confirm it from the email we send.",
  },
  {
    title: "2. Get an API token",
    text: "Create a token in your dashboard. It is shown once: keep it with your application's secrets.",
  },
  {
    title: "3. Call the API",
    text: "Send requests with the token as a Bearer header. Every call is logged, and you see your usage and credits as they happen.",
  },
] as const;

export function LandingPage() {
  const site = useSite();
  const profile = useProfile();
  usePageTitle("Home");
  if (site.isPending) return <PageLoader />;
  if (site.isError) return <ErrorAlert error={site.error} onRetry={() => void site.refetch()} />;
  const signedIn = profile.data !== null && profile.data !== undefined;
  return (
    <Stack gap="xl" py="xl">
      <Stack gap="md" maw={720}>
        <Title order={1} fz={{ base: 32, sm: 44 }}>
          {site.data.name}
        </Title>
        <Text size="xl">{site.data.tagline}</Text>
        <Group gap="sm">
          {signedIn ? (
            <Button component={Link} to="/app" size="md">
              Go to your dashboard
            </Button>
          ) : (
            <Button component={Link} to="/register" size="md">
              Create an account
            </Button>
          )}
          <Button component={Link} to="/pricing" size="md" variant="default">
            See pricing
          </Button>
        </Group>
      </Stack>
      <section aria-labelledby="how-it-works">
        <Title order={2} size="h3" id="how-it-works" mb="sm">
          How it works
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {STEPS.map((step) => (
            <Card key={step.title} withBorder padding="lg">
              <Title order={3} size="h5" mb={6}>
                {step.title}
              </Title>
              <Text size="sm">{step.text}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
      <Group gap="sm">
        <Button component={Link} to="/services" variant="light">
          Browse the services
        </Button>
        <Button component="a" href={API_DOCS_URL} variant="subtle">
          Read the API documentation
        </Button>
      </Group>
    </Stack>
  );
}
