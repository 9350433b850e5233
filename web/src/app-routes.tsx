import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { PageLoader } from "./components/PageLoader";

// The staff admin and the customer portal are chunks of their own: a customer never downloads
// the admin, and staff opening /admin/ do not load the portal's pages.
const AdminApp = lazy(() => import("./admin/AdminApp"));
const PortalApp = lazy(() => import("./portal/PortalApp"));

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/admin/*" element={<AdminApp />} />
        <Route path="*" element={<PortalApp />} />
      </Routes>
    </Suspense>
  );
}
