import { Button, Group } from "@mantine/core";
import { Link, Navigate, Route, Routes, useLocation } from "react-router";
import { BookingsPage } from "./pages/BookingsPage";
import { DownloadsPage } from "./pages/DownloadsPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { PurchasesPage } from "./pages/PurchasesPage";
import { ReceiptPage } from "./pages/ReceiptPage";

// One entry a line: several branches add their account pages here.
const SECTIONS = [
  { to: "/account/purchases", label: "Purchases" },
  { to: "/account/downloads", label: "Downloads" },
  { to: "/account/bookings", label: "Bookings" },
] as const;

/** The signed-in customer's account pages under /account (a lazy chunk, as /app's). */
export default function AccountRoutes() {
  const { pathname } = useLocation();
  const current = SECTIONS.find((section) => pathname.startsWith(section.to))?.to;
  return (
    <>
      <Group component="nav" aria-label="Account" gap="xs" mb="lg">
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
        <Route index element={<Navigate to={SECTIONS[0].to} replace />} />
        <Route path="purchases" element={<PurchasesPage />} />
        <Route path="purchases/receipts/:receiptId" element={<ReceiptPage />} />
        <Route path="downloads" element={<DownloadsPage />} />
        <Route path="bookings" element={<BookingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
