import { nameSlots, searchFragments, TOP_SURNAME_SHARE } from '../../../bench/names.ts';
import { caseManagerSql, ORG, patientSql, type ModuleBench } from '../../../bench/world.ts';
import { loadSections, presentPatient } from './presenter.ts';
import { searchPatientsCounted, searchPatientsQuery } from './queries.ts';
import { buildRegistry } from '../../lib/modules.ts';
import { modules } from '../index.ts';

const FRAGMENTS = searchFragments(40);
// More than any organization the bench makes: every match counted and ranked.
const UNCAPPED = 100_000_000;
const hash = (seed: string) => `(hashint4(${seed}) & 2147483647)`;

/** Patients with a phone and an MRN each; search and the overview, timed. */
export const bench: ModuleBench = {
  async generate(client, { patients }) {
    // Names by their real frequency (bench/names.ts): a first name for the sex at birth, a
    // surname among the 1,000 most frequent for 41 % of people, a long-tail one for the rest.
    // Each table of slots is joined by position, not subscripted: `array[i]` on an array of
    // text walks it from the start, and 20,000 slots made that most of a million patients'
    // generation (about 37 µs a name, several names a patient). The same names as subscripting.
    const slot = (param: string) => `SELECT n::int AS i, name FROM unnest(${param}::text[]) WITH ORDINALITY AS t(name, n)`;
    await client.query(
      `WITH female AS (${slot('$1')}), male AS (${slot('$2')}), surname AS (${slot('$3')})
       INSERT INTO patients (id, organization_id, legal_first_name, legal_last_name, sex_at_birth, date_of_birth, created_by)
       SELECT ${patientSql('g')}, '${ORG}'::uuid,
              CASE WHEN x.female THEN f.name ELSE m.name END,
              CASE WHEN ${hash('g * 11')} % 10000 < ${Math.round(TOP_SURNAME_SHARE * 10000)} THEN a.name
                   ELSE left(a.name, greatest(2, length(a.name) / 2)) || lower(right(b.name, greatest(2, length(b.name) - length(b.name) / 2))) END,
              CASE WHEN x.female THEN 'female' ELSE 'male' END,
              DATE '1950-01-01' + ${hash('g * 13')} % 20000, ${caseManagerSql('g')}
         FROM generate_series(1, ${patients}) g
              CROSS JOIN LATERAL (SELECT ${hash('g * 17')} % 2 = 0 AS female) x
              JOIN female f ON f.i = 1 + ${hash('g * 3')} % ${nameSlots.female.length}
              JOIN male m ON m.i = 1 + ${hash('g * 5')} % ${nameSlots.male.length}
              JOIN surname a ON a.i = 1 + ${hash('g * 7')} % ${nameSlots.surnames.length}
              JOIN surname b ON b.i = 1 + ${hash('g * 23')} % ${nameSlots.surnames.length}`,
      [nameSlots.female, nameSlots.male, nameSlots.surnames],
    );
    await client.query(`INSERT INTO patient_phones (id, organization_id, patient_id, position, number, kind, consent_to_text, voicemail_safe)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, 0, '555-' || lpad((g % 10000)::text, 4, '0'), 'mobile', g % 3 = 0, g % 2 = 0
        FROM generate_series(1, ${patients}) g`);
    await client.query(`INSERT INTO patient_identifiers (id, organization_id, patient_id, system, value)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, 'mrn', 'MRN-' || g FROM generate_series(1, ${patients}) g`);
  },
  scenarios: ({ db, caseManager, supervisor, cmActor, supActor, myPatients, raw, expect200, ctxOf }) => {
    const fragment = (i: number) => FRAGMENTS[i % FRAGMENTS.length] ?? 'smith';
    const sections = buildRegistry(modules).overviewSections;
    return [
      {
        name: 'patient search, name fragment (supervisor: a program)',
        app: (i) => expect200(supervisor.get(`/api/patients?q=${encodeURIComponent(fragment(i))}`)),
        sql: (i) => raw(searchPatientsCounted(db, supActor, { q: fragment(i) }, 50)),
        plan: searchPatientsCounted(db, supActor, { q: fragment(0) }, 50),
      },
      {
        name: 'patient search, name fragment (case manager)',
        app: (i) => expect200(caseManager.get(`/api/patients?q=${encodeURIComponent(fragment(i))}`)),
        sql: (i) => raw(searchPatientsCounted(db, cmActor, { q: fragment(i) }, 50)),
        plan: searchPatientsCounted(db, cmActor, { q: fragment(0) }, 50),
      },
      // Ranking every match, as before the cap (SEARCH_MATCH_CAP): what the cap saves.
      {
        name: '  search, supervisor, every match ranked (no cap: before)',
        sql: (i) => raw(searchPatientsQuery(db, supActor, { q: fragment(i) }, 50, undefined, UNCAPPED)),
      },
      {
        name: '  search, case manager, every match ranked (no cap: before)',
        sql: (i) => raw(searchPatientsQuery(db, cmActor, { q: fragment(i) }, 50, undefined, UNCAPPED)),
      },
      // The plan each role does not use, to show why it does not (src/modules/patients/queries.ts).
      {
        name: '  search, supervisor, name-index plan (before)',
        sql: (i) => raw(searchPatientsQuery(db, supActor, { q: fragment(i) }, 50, 'name-index')),
      },
      {
        name: '  the same, case manager, name-index plan (before)',
        sql: (i) => raw(searchPatientsQuery(db, cmActor, { q: fragment(i) }, 50, 'name-index')),
      },
      {
        name: '  the same, supervisor, visible-first plan',
        sql: (i) => raw(searchPatientsQuery(db, supActor, { q: fragment(i) }, 50, 'visible-first')),
      },
      {
        name: 'patient overview (every module’s section)',
        app: (i) => expect200(caseManager.get(`/api/patients/${myPatients[i % myPatients.length] ?? ''}`)),
        sql: async (i) => {
          const id = myPatients[i % myPatients.length] ?? '';
          const row = await db.selectFrom('patients').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
          return Promise.all([presentPatient(db, row), loadSections(db, ctxOf(cmActor), sections, id)]);
        },
      },
    ];
  },
};
