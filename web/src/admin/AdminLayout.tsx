import { AppShell, Burger, Button, Group, NavLink, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { notifyError } from "../components/notify";
import { useLogout } from "../api/session";

const NAVIGATION = [
  { to: "/admin/", label: "Dashboard", end: true },
  { to: "/admin/request-logs", label: "Request logs", end: false },
  { to: "/admin/users", label: "Users", end: false },
  { to: "/admin/tokens", label: "API tokens", end: false },
  { to: "/admin/invites", label: "Invites", end: false },
  { to: "/admin/billing-periods", label: "Billing periods", end: false },
  { to: "/admin/credits", label: "Credits", end: false },
  { to: "/admin/services", label: "Services", end: false },
  { to: "/admin/catalog", label: "Catalog", end: false },
  { to: "/admin/orders", label: "Orders", end: false },
  { to: "/admin/bookings", label: "Bookings", end: false },
  { to: "/admin/subscriptions", label: "Subscriptions", end: false },
  { to: "/admin/audit-log", label: "Audit log", end: false },
  { to: "/admin/security-log", label: "Security log", end: false },
  { to: "/admin/settings", label: "Settings", end: false },
  { to: "/admin/preflight", label: "Preflight", end: false },
] as const;

function isActive(item: (typeof NAVIGATION)[number], pathname: string): boolean {
  const path = pathname.replace(/\/$/, "");
  return item.end ? path === "/admin" : path === item.to || path.startsWith(`${item.to}/`);
}

export function AdminLayout({ email, children }: { email: string; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const logout = useLogout();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const signOut = () => {
    logout.mutate(undefined, {
      onSuccess: () => void navigate("/admin/login", { replace: true }),
      onError: (error) => notifyError(error, "Could not log out"),
    });
  };
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? "Close navigation" : "Open navigation"}
            />
            <Title order={2} size="h4">
              Tollgate admin
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {email}
            </Text>
            <Button variant="default" size="xs" onClick={signOut} loading={logout.isPending}>
              Log out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Admin">
        {NAVIGATION.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            active={isActive(item, pathname)}
            aria-current={isActive(item, pathname) ? "page" : undefined}
            label={item.label}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
