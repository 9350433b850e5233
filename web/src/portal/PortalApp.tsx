import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect } from "react";
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from "react-router";
import { forgetCsrfToken, onUnauthenticated } from "../api/client";
import { useProfile } from "../api/session";
import { PageLoader } from "../components/PageLoader";
import { ErrorAlert } from "../components/QueryState";
import { ForgotPasswordPage } from "./pages/ForgotPasswordPage";
import { LandingPage } from "./pages/LandingPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { PricingPage } from "./pages/PricingPage";
import { RegisterPage } from "./pages/RegisterPage";
import { CheckEmailPage } from "./pages/CheckEmailPage";
import { ResetPasswordPage } from "./pages/ResetPasswordPage";
import { ServicesPage } from "./pages/ServicesPage";
import { VerifyEmailPage } from "./pages/VerifyEmailPage";
import { loginPath } from "./paths";
import { PortalLayout } from "./PortalLayout";

// The signed-in pages are a chunk of their own: a visitor of the landing page does not load them.
const loadSignedInRoutes = () => import("./SignedInRoutes");
const loadAccountRoutes = () => import("./AccountRoutes");
const SignedInRoutes = lazy(loadSignedInRoutes);
const AccountRoutes = lazy(loadAccountRoutes);

/** Signed-in customers only: anyone else goes to the login form, and back here after it. */
function SignedInGate() {
  const profile = useProfile();
  const location = useLocation();
  const area = location.pathname.startsWith("/account") ? "account" : "app";
  // The page's chunk loads while the session is checked, not after: one round trip less before
  // a signed-in page shows (a module is fetched once, so the lazy route then finds it loaded).
  // A failed load is the lazy route's to report, when it renders.
  useEffect(() => {
    (area === "account" ? loadAccountRoutes() : loadSignedInRoutes()).catch(() => undefined);
  }, [area]);
  if (profile.isPending) return <PageLoader />;
  if (profile.isError)
    return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  if (profile.data === null) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}

export default function PortalApp() {
  const navigate = useNavigate();
  const client = useQueryClient();
  useEffect(() => {
    onUnauthenticated(() => {
      // The session ended (expired, revoked, password reset): back to the form, then back here.
      forgetCsrfToken();
      client.removeQueries({ queryKey: ["session"] });
      client.removeQueries({ queryKey: ["portal"] });
      void navigate(loginPath(window.location.pathname + window.location.search), {
        replace: true,
      });
    });
  }, [client, navigate]);

  return (
    <PortalLayout>
      <Routes>
        <Route index element={<LandingPage />} />
        <Route path="pricing" element={<PricingPage />} />
        <Route path="services" element={<ServicesPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="check-email" element={<CheckEmailPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route element={<SignedInGate />}>
          <Route
            path="app/*"
            element={
              <Suspense fallback={<PageLoader />}>
                <SignedInRoutes />
              </Suspense>
            }
          />
          <Route
            path="account/*"
            element={
              <Suspense fallback={<PageLoader />}>
                <AccountRoutes />
              </Suspense>
            }
          />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </PortalLayout>
  );
}
