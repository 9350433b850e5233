import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { PageLoader } from "./components/PageLoader";
import { PortalPlaceholder } from "./portal/PortalPlaceholder";

// The staff admin is its own chunk: a customer's portal never downloads it.
const AdminApp = lazy(() => import("./admin/AdminApp"));

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/admin/*"
        element={
          <Suspense fallback={<PageLoader />}>
            <AdminApp />
          </Suspense>
        }
      />
      <Route path="*" element={<PortalPlaceholder />} />
    </Routes>
  );
}
