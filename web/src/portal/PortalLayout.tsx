import { Anchor, Box, Burger, Button, Collapse, Container, Group, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { useLogout, useProfile } from "../api/session";
import { notifyError } from "../components/notify";
import { useSite } from "./site";

const PUBLIC_LINKS = [
  { to: "/pricing", label: "Pricing" },
  { to: "/services", label: "Services" },
] as const;

/** The API's own documentation (Swagger UI): not a page of the app, so a plain link. */
export const API_DOCS_URL = "/api/docs/";

function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  return (
    <>
      {PUBLIC_LINKS.map((link) => (
        <Anchor
          key={link.to}
          component={Link}
          to={link.to}
          onClick={onNavigate}
          aria-current={pathname === link.to ? "page" : undefined}
          fw={pathname === link.to ? 700 : 500}
        >
          {link.label}
        </Anchor>
      ))}
      <Anchor href={API_DOCS_URL} fw={500}>
        API docs
      </Anchor>
    </>
  );
}

function AccountButtons({ onNavigate }: { onNavigate: () => void }) {
  const profile = useProfile();
  const logout = useLogout();
  const navigate = useNavigate();
  if (profile.isPending) return null;
  if (profile.data !== null && profile.data !== undefined) {
    const signOut = () => {
      onNavigate();
      logout.mutate(undefined, {
        onSuccess: () => void navigate("/login?signed_out=1", { replace: true }),
        onError: (error) => notifyError(error, "Could not log out"),
      });
    };
    return (
      <>
        <Button component={Link} to="/app" variant="light" size="xs" onClick={onNavigate}>
          Dashboard
        </Button>
        <Button component={Link} to="/account" variant="subtle" size="xs" onClick={onNavigate}>
          Account
        </Button>
        <Button variant="default" size="xs" onClick={signOut} loading={logout.isPending}>
          Log out
        </Button>
      </>
    );
  }
  return (
    <>
      <Button component={Link} to="/login" variant="default" size="xs" onClick={onNavigate}>
        Log in
      </Button>
      <Button component={Link} to="/register" size="xs" onClick={onNavigate}>
        Sign up
      </Button>
    </>
  );
}

/** The portal's header (name, public pages, account buttons) around every page. */
export function PortalLayout({ children }: { children: ReactNode }) {
  const site = useSite();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <>
      <Box
        component="header"
        py="sm"
        style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
      >
        <Container size="lg">
          <Group justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/" fw={800} size="lg" c="inherit" underline="never">
              {site.data?.name ?? "Home"}
            </Anchor>
            <Group component="nav" aria-label="Main" gap="lg" visibleFrom="sm" wrap="nowrap">
              <NavLinks onNavigate={close} />
              <AccountButtons onNavigate={close} />
            </Group>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? "Close menu" : "Open menu"}
              aria-expanded={opened}
            />
          </Group>
          <Collapse expanded={opened} hiddenFrom="sm">
            <Stack component="nav" aria-label="Main (menu)" gap="sm" pt="md" align="flex-start">
              <NavLinks onNavigate={close} />
              <Group gap="sm">
                <AccountButtons onNavigate={close} />
              </Group>
            </Stack>
          </Collapse>
        </Container>
      </Box>
      <Container size="lg" py="lg" component="main">
        {children}
      </Container>
    </>
  );
}
