import { caseManagerSql, ORG, patientSql, type ModuleBench } from '../../../bench/world.ts';
import { loadSections, presentPatient } from './presenter.ts';
import { searchPatientsQuery } from './queries.ts';
import { buildRegistry } from '../../lib/modules.ts';
import { modules } from '../index.ts';

const FIRST = `ARRAY['Ana','Marcus','Dolores','Tyrone','Jessica','Ruben','Kayla','Darnell','Guadalupe','Cody','Brianna','Esteban','Tasha','Wyatt','Mei','Joaquin','Shelby','Andre','Rosalind','Travis','Lupita','Dakota','Imani','Hector','Amber','Nathaniel','Yesenia','Cole','Fatima','Brandon','William','Elizabeth','Roberto','Francisca','Jamal','Heather','Luis','Priya','Owen','Carmen','Deshawn','Beatriz','Logan','Aaliyah','Ezequiel','Harper','Rosa','Kenji','Tamika','Santiago']`;
const LAST = `ARRAY['Whitaker','Morales','Jefferson','Castillo','Hensley','Nguyen','Redbird','Okafor','Delacruz','Mullins','Harjo','Pruitt','Villanueva','Stroud','Begay','Salazar','Combs','Ibarra','Tolliver','Quintana','Gentry','Yazzie','Caudill','Ochoa','Riddle','Martinez','Johnson','Sandoval','Fairbanks','Holloway','Arceneaux','Blackwell','Trujillo','Lindqvist','Oyelaran','Kowalczyk','Farouk','Achterberg','Brandt','Delgado','Haddad','Raman','Jessup','Redcloud','Tennyson','Whitfield','Montoya','Escobedo','Pinkerton','Saldana']`;
const FRAGMENTS = ['mar', 'whit', 'del', 'ana', 'rosa', 'ochoa', 'tenn', 'jess', 'brand', 'lupi'];

/** Patients with a phone and an MRN each; search and the overview, timed. */
export const bench: ModuleBench = {
  async generate(client, { patients }) {
    await client.query(`INSERT INTO patients (id, organization_id, legal_first_name, legal_last_name, date_of_birth, created_by)
      SELECT ${patientSql('g')}, '${ORG}'::uuid,
             (${FIRST})[1 + (hashint4(g) & 2147483647) % 50], (${LAST})[1 + (hashint4(g * 7) & 2147483647) % 50],
             DATE '1950-01-01' + ((hashint4(g * 13) & 2147483647) % 20000), ${caseManagerSql('g')}
        FROM generate_series(1, ${patients}) g`);
    await client.query(`INSERT INTO patient_phones (id, organization_id, patient_id, position, number, kind, consent_to_text, voicemail_safe)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, 0, '555-' || lpad((g % 10000)::text, 4, '0'), 'mobile', g % 3 = 0, g % 2 = 0
        FROM generate_series(1, ${patients}) g`);
    await client.query(`INSERT INTO patient_identifiers (id, organization_id, patient_id, system, value)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, 'mrn', 'MRN-' || g FROM generate_series(1, ${patients}) g`);
  },
  scenarios: ({ db, caseManager, supervisor, cmActor, supActor, myPatients, raw, expect200, ctxOf }) => {
    const fragment = (i: number) => FRAGMENTS[i % FRAGMENTS.length] ?? 'mar';
    const sections = buildRegistry(modules).overviewSections;
    return [
      {
        name: 'patient search, name fragment (supervisor: a program)',
        app: (i) => expect200(supervisor.get(`/api/patients?q=${fragment(i)}`)),
        sql: (i) => raw(searchPatientsQuery(db, supActor, { q: fragment(i) }, 50)),
        plan: searchPatientsQuery(db, supActor, { q: 'whit' }, 50),
      },
      {
        name: 'patient search, name fragment (case manager)',
        app: (i) => expect200(caseManager.get(`/api/patients?q=${fragment(i)}`)),
        sql: (i) => raw(searchPatientsQuery(db, cmActor, { q: fragment(i) }, 50)),
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
