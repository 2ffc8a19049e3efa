// Every API type the web app uses, derived from the OpenAPI `paths` so that regenerating
// schema.d.ts (`npm run api:types`) is checked by the compiler against the screens.
import type { paths } from './schema';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]> extends { responses: infer R } ? R : never;
type RequestJson<P extends keyof paths, M extends Method> =
  NonNullable<paths[P][M]> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

/** The JSON body of the 200 (or else 201) answer of a route. */
export type OkBody<P extends keyof paths, M extends Method> =
  Responses<P, M> extends { 200: infer R } ? JsonContent<R> : Responses<P, M> extends { 201: infer R } ? JsonContent<R> : never;
export type RequestBody<P extends keyof paths, M extends Method> = RequestJson<P, M>;

export type Session = OkBody<'/api/session', 'get'>;
export type User = Session['user'];
export type Organization = OkBody<'/api/organization', 'get'>;
export type Program = OkBody<'/api/programs', 'get'>['items'][number];
export type ApiKey = OkBody<'/api/api-keys', 'get'>['items'][number];
export type AuditEvent = OkBody<'/api/audit-events', 'get'>['items'][number];
export type SessionSummary = OkBody<'/api/sessions', 'get'>['items'][number];
export type Invitation = OkBody<'/api/invitations/{token}', 'get'>;
export type CreatedUser = OkBody<'/api/users', 'post'>;
export type CreatedApiKey = OkBody<'/api/api-keys', 'post'>;

export type Role = User['roles'][number];
export type UserStatus = User['status'];
export type UserKind = User['kind'];
export type Locale = User['locale'];
export type CaseManagementModel = Program['caseManagementModel'];
export type RegistrationReview = OkBody<'/api/registration-reviews', 'get'>['items'][number];
export type RegistrationReviewDetail = OkBody<'/api/registration-reviews/{id}', 'get'>;
