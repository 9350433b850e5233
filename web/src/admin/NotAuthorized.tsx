import { Alert, Button, Container, Text, Title } from "@mantine/core";
import { useNavigate } from "react-router";
import { notifyError } from "../components/notify";
import { useLogout } from "../api/session";
import { usePageTitle } from "./usePageTitle";

/** A signed-in customer who opened the admin: say so, and offer to switch accounts. */
export function NotAuthorized({ email }: { email: string }) {
  usePageTitle("Not authorized");
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Container size="sm" py={48} component="main">
      <Title order={1} mb="md">
        Not authorized
      </Title>
      <Alert color="yellow" title="Staff only">
        <Text size="sm">
          You are signed in as {email}, which is not a staff account. The admin is for staff.
        </Text>
      </Alert>
      <Button
        mt="lg"
        variant="default"
        loading={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSuccess: () => void navigate("/admin/login", { replace: true }),
            onError: (error) => notifyError(error, "Could not log out"),
          })
        }
      >
        Log in as someone else
      </Button>
    </Container>
  );
}
