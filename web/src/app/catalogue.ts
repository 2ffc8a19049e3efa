// Every message of the app, gathered from the files that declare them (the shell's, the shared
// components', each module's). Pure, so node:test covers it.
import type { Locale } from '../api/types.ts';
import { commonMessages } from '../components/messages.ts';
import { problemMessages } from '../components/problemMessages.ts';
import type { Message } from '../i18n/messages.ts';
import { accountMessages } from '../modules/account/messages.ts';
import { apiKeyMessages } from '../modules/api-keys/messages.ts';
import { auditMessages } from '../modules/audit/messages.ts';
import { caseloadMessages } from '../modules/caseload/messages.ts';
import { homeMessages } from '../modules/home/messages.ts';
import { invitationMessages } from '../modules/invitations/messages.ts';
import { organizationMessages } from '../modules/organization/messages.ts';
import { episodeMessages } from '../modules/patients/episodeMessages.ts';
import { patientMessages } from '../modules/patients/messages.ts';
import { patientFormMessages } from '../modules/patients/patientFormMessages.ts';
import { placementMessages } from '../modules/patients/placementMessages.ts';
import { programMessages } from '../modules/programs/messages.ts';
import { sessionMessages } from '../modules/session/messages.ts';
import { setupMessages } from '../modules/setup/messages.ts';
import { staffMessages } from '../modules/staff/messages.ts';
import { appMessages } from './messages.ts';

/** The message files, each a key → { en, es } table; no key may appear in two of them (a test checks). */
export const messageFiles = [
  appMessages,
  commonMessages,
  problemMessages,
  setupMessages,
  sessionMessages,
  invitationMessages,
  homeMessages,
  staffMessages,
  programMessages,
  organizationMessages,
  apiKeyMessages,
  auditMessages,
  accountMessages,
  caseloadMessages,
  patientMessages,
  patientFormMessages,
  episodeMessages,
  placementMessages,
] as const;

type KeysOf<T> = T extends unknown ? keyof T & string : never;

/** Every key the app may translate: `t()` refuses any other at compile time. */
export type MessageKey = KeysOf<(typeof messageFiles)[number]>;

export const catalogue = messageFiles.reduce<Record<string, Message>>((all, file) => ({ ...all, ...file }), {}) as Readonly<
  Record<MessageKey, Message>
>;

const columns = new Map<Locale, Readonly<Record<MessageKey, string>>>();

/** One language's column of the catalogue, for the translator. */
export function messagesIn(locale: Locale): Readonly<Record<MessageKey, string>> {
  let column = columns.get(locale);
  if (column === undefined) {
    column = Object.fromEntries(Object.entries(catalogue).map(([key, message]) => [key, message[locale]])) as Record<MessageKey, string>;
    columns.set(locale, column);
  }
  return column;
}
