import { Navigate, Route, Routes, useLocation } from "react-router";
import { BookingsPage } from "./pages/BookingsPage";
import { DownloadsPage } from "./pages/DownloadsPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { PasswordPage } from "./pages/PasswordPage";
import { ProfilePage } from "./pages/ProfilePage";
import { PurchasesPage } from "./pages/PurchasesPage";
import { ReceiptPage } from "./pages/ReceiptPage";
import { SecurityLogPage } from "./pages/SecurityLogPage";
import { SessionsPage } from "./pages/SessionsPage";
import { SubscriptionsPage } from "./pages/SubscriptionsPage";
import { SectionNav } from "./SectionNav";

const SECTIONS = [
  { to: "/account/profile", label: "Profile" },
  { to: "/account/subscriptions", label: "Subscriptions" },
  { to: "/account/purchases", label: "Purchases" },
  { to: "/account/downloads", label: "Downloads" },
  { to: "/account/bookings", label: "Bookings" },
  { to: "/account/password", label: "Password" },
  { to: "/account/sessions", label: "Sessions" },
  { to: "/account/security-log", label: "Security log" },
] as const;

/** The signed-in customer's account pages under /account (a lazy chunk: visitors never load it). */
export default function AccountRoutes() {
  const { pathname } = useLocation();
  const current = SECTIONS.find((section) => pathname.startsWith(section.to))?.to;
  return (
    <>
      <SectionNav label="Account" sections={SECTIONS} current={current} />
      <Routes>
        <Route index element={<Navigate to={SECTIONS[0].to} replace />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="subscriptions" element={<SubscriptionsPage />} />
        <Route path="password" element={<PasswordPage />} />
        <Route path="sessions" element={<SessionsPage />} />
        <Route path="security-log" element={<SecurityLogPage />} />
        <Route path="purchases" element={<PurchasesPage />} />
        <Route path="purchases/receipts/:receiptId" element={<ReceiptPage />} />
        <Route path="downloads" element={<DownloadsPage />} />
        <Route path="bookings" element={<BookingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
