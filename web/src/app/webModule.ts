// The shape of a web module: the pages it brings (path, who may open them, the lazily loaded
// component), where they appear in the navigation and on the home page, and its messages.
// Each module declares one in its folder (`modules/<name>/module.ts`); app/modules.ts lists
// them, and the routes, the navigation, the guards, the home page and the message catalogue
// are all built from that list. Pure types: no React here, so node:test can load the modules.
import type { ComponentType } from 'react';
import type { OkBody, Role } from '../api/types.ts';
import type { Messages } from '../i18n/messages.ts';

/** Where a page sits in the navigation and on the home page. */
export interface NavEntry<K extends string> {
  label: K;
  /** What the home page says the page is for; a function when some roles may do less there. */
  description: K | ((roles: readonly Role[]) => K);
  /** Position in the navigation, lowest first. */
  order: number;
  /** Listed on the home page as something to do now. */
  onHome: boolean;
  /** Who sees the entry, when fewer than may open the page (a supervisor's queue others reach by a link). */
  roles?: readonly Role[];
}

export interface PageRoute<K extends string> {
  /** The address: `/staff`, `/patients/:id`; `/` is the home page. */
  path: string;
  /**
   * Who may reach it: anyone (`public`: setup, sign-in, links from emails), a session that
   * must still enrol a second factor (`mfa-enrolment`), or a signed-in user inside the app's
   * frame (`signed-in`, the default).
   */
  access?: 'public' | 'mfa-enrolment' | 'signed-in';
  /** Roles that may open it; undefined means every signed-in user. */
  roles?: readonly Role[];
  /** The page component, loaded when the page is first opened (a phone on a slow connection downloads less). */
  load: () => Promise<ComponentType>;
  /** Start loading with the app instead (sign-in and home, which nearly every visit needs). */
  preload?: boolean;
  /**
   * What to start when the app is opened on this page (a bookmark, a link, a reload), so that
   * it travels alongside the session check instead of after it. The app matches the opened
   * address once (app/prefetch.ts) and starts the page's code (`load`) and `code` at once, for
   * anyone; `data` only once the session has answered and says the person's roles may open the
   * page: a read of patient data is audited, and so would be the refusal of one the page would
   * never have made.
   */
  prefetch?: PagePrefetch;
  nav?: NavEntry<K>;
}

/** See PageRoute.prefetch. */
interface PagePrefetch {
  /** Code the page needs beyond its own (the patient overview's sections). */
  code?: () => void;
  /** The page's first read (api/earlyRead.ts), given the address's parameters (`:id`). */
  data?: (params: Readonly<Record<string, string | undefined>>) => void;
}

/** The patient overview and the episode screen as the API answers them (every module's part included). */
export type PatientView = OkBody<'/api/patients/{id}', 'get'>;
export type EpisodeView = OkBody<'/api/episodes/{id}', 'get'>;

/**
 * A module's part of a screen another module owns (the patient overview, the episode screen),
 * shown from the data that screen has already read: the server's `overview` and `episode`
 * sections (src/lib/modules.ts) are what it reads. Loaded with the screen, lowest order first.
 */
export interface ScreenSection<P> {
  key: string;
  /** Lowest first; a negative order places it at the top (the patient overview: above the care; the episode screen: above its phase). */
  order: number;
  load: () => Promise<ComponentType<P>>;
}

export type PatientSection = ScreenSection<{ patient: PatientView }>;
/** `open`: the episode is open (closed episodes are read-only). */
export type EpisodeSection = ScreenSection<{ episode: EpisodeView; open: boolean }>;

/** The keys of each of a union of message files. */
export type KeysOf<M> = M extends unknown ? keyof M & string : never;

/**
 * A module of the web app. `M` is its message files (a union when it has several); its page
 * records may only name its own keys, so a label without words fails the type check.
 */
export interface WebModule<M extends Messages> {
  name: string;
  messages: readonly M[];
  routes: readonly PageRoute<KeysOf<M>>[];
  /** Its parts of the patient overview and of the episode screen, if any. */
  patientSections?: readonly PatientSection[];
  episodeSections?: readonly EpisodeSection[];
}
