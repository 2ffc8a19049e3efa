import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { HomePage } from '../modules/home/HomePage.tsx';
import { SignInPage } from '../modules/session/SignInPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { FullPageLoader, RequireRole, RequireSession } from './guards.tsx';
import { regions } from './navigation.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

// Sign-in and home load with the app; every other page loads when first opened, so a phone
// on a slow rural connection downloads less before it can sign in.
const SetupPage = lazy(() => import('../modules/setup/SetupPage.tsx').then((m) => ({ default: m.SetupPage })));
const InvitationPage = lazy(() => import('../modules/invitations/InvitationPage.tsx').then((m) => ({ default: m.InvitationPage })));
const RequiredMfaEnrolmentPage = lazy(() =>
  import('../modules/session/MfaEnrolmentPage.tsx').then((m) => ({ default: m.RequiredMfaEnrolmentPage })),
);
const MfaEnrolmentPage = lazy(() => import('../modules/session/MfaEnrolmentPage.tsx').then((m) => ({ default: m.MfaEnrolmentPage })));
const StaffPage = lazy(() => import('../modules/staff/StaffPage.tsx').then((m) => ({ default: m.StaffPage })));
const ProgramsPage = lazy(() => import('../modules/programs/ProgramsPage.tsx').then((m) => ({ default: m.ProgramsPage })));
const OrganizationPage = lazy(() => import('../modules/organization/OrganizationPage.tsx').then((m) => ({ default: m.OrganizationPage })));
const ApiKeysPage = lazy(() => import('../modules/api-keys/ApiKeysPage.tsx').then((m) => ({ default: m.ApiKeysPage })));
const AuditPage = lazy(() => import('../modules/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const PatientsPage = lazy(() => import('../modules/patients/PatientsPage.tsx').then((m) => ({ default: m.PatientsPage })));
const PatientOverviewPage = lazy(() =>
  import('../modules/patients/PatientOverviewPage.tsx').then((m) => ({ default: m.PatientOverviewPage })),
);
const EpisodePage = lazy(() => import('../modules/patients/EpisodePage.tsx').then((m) => ({ default: m.EpisodePage })));
const CaseloadPage = lazy(() => import('../modules/caseload/CaseloadPage.tsx').then((m) => ({ default: m.CaseloadPage })));
const AccountPage = lazy(() => import('../modules/account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageLoader />}>{children}</Suspense>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/setup"
        element={
          <Loading>
            <SetupPage />
          </Loading>
        }
      />
      <Route path="/sign-in" element={<SignInPage />} />
      <Route
        path="/invitations/:token"
        element={
          <Loading>
            <InvitationPage />
          </Loading>
        }
      />
      <Route
        path="/mfa-enrolment"
        element={
          <RequireSession stage="mfa-enrolment">
            <Loading>
              <RequiredMfaEnrolmentPage />
            </Loading>
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession stage="active">
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="caseload"
          element={
            <RequireRole anyOf={regions.caseload.roles}>
              <Loading>
                <CaseloadPage />
              </Loading>
            </RequireRole>
          }
        />
        <Route
          path="patients"
          element={
            <RequireRole anyOf={regions.patients.roles}>
              <Loading>
                <PatientsPage />
              </Loading>
            </RequireRole>
          }
        />
        <Route
          path="patients/:id"
          element={
            <RequireRole anyOf={regions.patients.roles}>
              <Loading>
                <PatientOverviewPage />
              </Loading>
            </RequireRole>
          }
        />
        <Route
          path="episodes/:id"
          element={
            <RequireRole anyOf={regions.patients.roles}>
              <Loading>
                <EpisodePage />
              </Loading>
            </RequireRole>
          }
        />
        <Route
          path="staff"
          element={
            <RequireRole anyOf={regions.staff.roles}>
              <Loading>
                <StaffPage />
              </Loading>
            </RequireRole>
          }
        />
        <Route
          path="programs"
          element={
            <RequireRole anyOf={regions.programs.roles}>
              <Loading>
                <ProgramsPage />
              </Loading>
            </RequireRole>
          }
        />
        <Route
          path="organization"
          element={
            <RequireRole anyOf={regions.organization.roles}>
              <Loading>
                <OrganizationPage />
              </Loading>
            </RequireRole>
          }
        />
        <Route
          path="api-keys"
          element={
            <RequireRole anyOf={regions.apiKeys.roles}>
              <Loading>
                <ApiKeysPage />
              </Loading>
            </RequireRole>
          }
        />
        <Route
          path="audit"
          element={
            <RequireRole anyOf={regions.audit.roles}>
              <Loading>
                <AuditPage />
              </Loading>
            </RequireRole>
          }
        />
        <Route
          path="account"
          element={
            <Loading>
              <AccountPage />
            </Loading>
          }
        />
        <Route
          path="account/second-factor"
          element={
            <Loading>
              <MfaEnrolmentPage />
            </Loading>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
