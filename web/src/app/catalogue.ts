// Every message of the app, gathered from the files that declare them: the shell's, the shared
// components', and each registered module's. Pure, so node:test covers it.
import type { Locale } from '../api/types.ts';
import { commonMessages } from '../components/messages.ts';
import { problemMessages } from '../components/problemMessages.ts';
import type { Message } from '../i18n/messages.ts';
import { appMessages } from './messages.ts';
import { webModules, type RegisteredModule } from './registry.ts';
import type { KeysOf, WebModule } from './webModule.ts';

/** Message files that belong to no module: the shell, shared components and problems. */
const sharedMessageFiles = [appMessages, commonMessages, problemMessages] as const;

type ModuleMessageFile<W> = W extends WebModule<infer M> ? M : never;
type MessageFile = (typeof sharedMessageFiles)[number] | ModuleMessageFile<RegisteredModule>;

/** Every key the app may translate: `t()` refuses any other at compile time. */
export type MessageKey = KeysOf<MessageFile>;

/** All message files; no key may appear in two of them (a test checks). */
export const messageFiles: readonly MessageFile[] = [
  ...sharedMessageFiles,
  ...webModules.flatMap((module): readonly MessageFile[] => module.messages),
];

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
