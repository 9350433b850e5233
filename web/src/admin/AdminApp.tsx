import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from "react-router";
import { forgetCsrfToken, onUnauthenticated } from "../api/client";
import { PageLoader } from "../components/PageLoader";
import { ErrorAlert } from "../components/QueryState";
import { AdminLayout } from "./AdminLayout";
import { LoginPage } from "./LoginPage";
import { NotAuthorized } from "./NotAuthorized";
import { AuditLogPage } from "./pages/AuditLogPage";
import { BillingPeriodsPage } from "./pages/BillingPeriodsPage";
import { CreditsPage } from "./pages/CreditsPage";
import { BookingsPage } from "./pages/BookingsPage";
import { CatalogPage } from "./pages/CatalogPage";
import { DashboardPage } from "./pages/DashboardPage";
import { InvitesPage } from "./pages/InvitesPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OrderPage } from "./pages/OrderPage";
import { OrdersPage } from "./pages/OrdersPage";
import { PreflightPage } from "./pages/PreflightPage";
import { ProductPage } from "./pages/ProductPage";
import { RequestLogDetailPage } from "./pages/RequestLogDetailPage";
import { RequestLogsPage } from "./pages/RequestLogsPage";
import { SecurityLogPage } from "./pages/SecurityLogPage";
import { ServicesPage } from "./pages/ServicesPage";
import { SettingsPage } from "./pages/SettingsPage";
import { SubscriptionPage } from "./pages/SubscriptionPage";
import { SubscriptionsPage } from "./pages/SubscriptionsPage";
import { TokensPage } from "./pages/TokensPage";
import { UserDetailPage } from "./pages/UserDetailPage";
import { UsersPage } from "./pages/UsersPage";
import { loginPath } from "./paths";
import { useProfile } from "../api/session";

/** Staff only: the login form for nobody, "not authorized" for a customer's session. */
function StaffGate() {
  const profile = useProfile();
  const location = useLocation();
  if (profile.isPending) return <PageLoader />;
  if (profile.isError)
    return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  if (profile.data === null) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  if (!profile.data.is_staff) return <NotAuthorized email={profile.data.email} />;
  return (
    <AdminLayout email={profile.data.email}>
      <Outlet />
    </AdminLayout>
  );
}

export default function AdminApp() {
  const navigate = useNavigate();
  const client = useQueryClient();
  useEffect(() => {
    onUnauthenticated(() => {
      // The session ended (expired, revoked, logged out elsewhere): back to the form, and
      // back here after it.
      forgetCsrfToken();
      client.clear();
      void navigate(loginPath(window.location.pathname + window.location.search), {
        replace: true,
      });
    });
  }, [client, navigate]);

  return (
    <Routes>
      <Route path="login" element={<LoginPage />} />
      <Route element={<StaffGate />}>
        <Route index element={<DashboardPage />} />
        <Route path="request-logs" element={<RequestLogsPage />} />
        <Route path="request-logs/:id" element={<RequestLogDetailPage />} />
        <Route path="invites" element={<InvitesPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="users/:id" element={<UserDetailPage />} />
        <Route path="tokens" element={<TokensPage />} />
        <Route path="billing-periods" element={<BillingPeriodsPage />} />
        <Route path="credits" element={<CreditsPage />} />
        <Route path="services" element={<ServicesPage />} />
        <Route path="catalog" element={<CatalogPage />} />
        <Route path="catalog/:id" element={<ProductPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/:id" element={<OrderPage />} />
        <Route path="bookings" element={<BookingsPage />} />
        <Route path="subscriptions" element={<SubscriptionsPage />} />
        <Route path="subscriptions/:id" element={<SubscriptionPage />} />
        <Route path="audit-log" element={<AuditLogPage />} />
        <Route path="security-log" element={<SecurityLogPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="preflight" element={<PreflightPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
