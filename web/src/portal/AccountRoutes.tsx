import { Button, Group } from "@mantine/core";
import { Link, Route, Routes, useLocation } from "react-router";
import { NotFoundPage } from "./pages/NotFoundPage";
import { SubscriptionsPage } from "./pages/SubscriptionsPage";

const SECTIONS = [{ to: "/account/subscriptions", label: "Subscriptions" }] as const;

/** The signed-in customer's account pages under /account (a lazy chunk: visitors never load it). */
export default function AccountRoutes() {
  const { pathname } = useLocation();
  const current = SECTIONS.find((section) => pathname.startsWith(section.to))?.to;
  return (
    <>
      <Group component="nav" aria-label="Your account" gap="xs" mb="lg">
        {SECTIONS.map((section) => (
          <Button
            key={section.to}
            component={Link}
            to={section.to}
            size="sm"
            variant={current === section.to ? "light" : "subtle"}
            aria-current={current === section.to ? "page" : undefined}
          >
            {section.label}
          </Button>
        ))}
      </Group>
      <Routes>
        <Route path="subscriptions" element={<SubscriptionsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
