// The patient overview's sections (every module's part of it), loaded all together, and the
// page waits for them: a section that arrived after the page had painted (each on its own, a
// consent status, a restriction) pushed what was below it down the screen (layout shift).
// No React here: the first script starts them (the patient route's `prefetch.code`) beside the
// page's own code, instead of one round trip later, once the page's sections component arrived.
import type { ComponentType } from 'react';
import { patientSections } from './registry.ts';
import type { PatientView } from './webModule.ts';

/** A module's part of the patient overview, its code loaded. */
export interface LoadedPatientSection {
  key: string;
  order: number;
  Component: ComponentType<{ patient: PatientView }>;
}

let loaded: readonly LoadedPatientSection[] | null = null;
let loading: Promise<readonly LoadedPatientSection[]> | null = null;

/** Starts loading every section's code, once; a chunk that failed to load (a network blip) is asked for again next time. */
export function loadPatientSections(): Promise<readonly LoadedPatientSection[]> {
  loading ??= Promise.all(
    patientSections.map(async (section) => ({ key: section.key, order: section.order, Component: await section.load() })),
  ).then(
    (sections) => (loaded = sections),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The sections, if they have all been loaded. */
export function loadedPatientSections(): readonly LoadedPatientSection[] | null {
  return loaded;
}
