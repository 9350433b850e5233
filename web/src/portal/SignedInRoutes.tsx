import { Route, Routes, useLocation } from "react-router";
import { BillingPage } from "./pages/BillingPage";
import { CreditsPage } from "./pages/CreditsPage";
import { DashboardPage } from "./pages/DashboardPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { PaymentPage } from "./pages/PaymentPage";
import { PlaygroundPage } from "./pages/PlaygroundPage";
import { TokensPage } from "./pages/TokensPage";
import { UsagePage } from "./pages/UsagePage";
import { SectionNav } from "./SectionNav";

const SECTIONS = [
  { to: "/app", label: "Dashboard" },
  { to: "/app/tokens", label: "API tokens" },
  { to: "/app/usage", label: "Usage" },
  { to: "/app/credits", label: "Credits" },
  { to: "/app/billing", label: "Billing" },
  { to: "/app/playground", label: "Playground" },
] as const;

/** The signed-in customer's pages under /app (a lazy chunk: visitors never load it). */
export default function SignedInRoutes() {
  const { pathname } = useLocation();
  const current =
    SECTIONS.find((section) => section.to !== "/app" && pathname.startsWith(section.to))?.to ??
    "/app";
  return (
    <>
      <SectionNav label="Your account" sections={SECTIONS} current={current} />
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="tokens" element={<TokensPage />} />
        <Route path="usage" element={<UsagePage />} />
        <Route path="credits" element={<CreditsPage />} />
        <Route path="billing" element={<BillingPage />} />
        <Route path="playground" element={<PlaygroundPage />} />
        <Route path="payments/:orderId" element={<PaymentPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
