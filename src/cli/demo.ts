import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Role } from '../lib/access.ts';
import { writeAudit } from '../lib/audit/audit.ts';
import { hashPassword } from '../lib/auth/passwords.ts';
import type { Database } from '../lib/db/database.ts';
import { newId } from '../lib/ids.ts';
import type { CaseManagementModel } from '../modules/programs/models.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { modules } from '../modules/index.ts';
import { seeded, type DemoWorld, type SeedDemo } from './demo-world.ts';

/**
 * `bridgeway demo` (or `npm run demo`): a separate demonstration organization with synthetic
 * staff and programs, so a visitor can look around. Every person here is invented. Later
 * regions (patients, episodes…) add their synthetic records in this same command.
 */
const DEMO_ORGANIZATION = 'Blue Ridge Recovery Network (demo)';

const PROGRAMS: { name: string; model: CaseManagementModel; description: string }[] = [
  {
    name: 'Outpatient Case Management',
    model: 'broker-generalist',
    description: 'Links adults in outpatient SUD treatment to housing, benefits and medical care.',
  },
  {
    name: 'Office-Based Opioid Treatment',
    model: 'nurse-care-manager',
    description: 'Nurse care managers support buprenorphine induction, stabilization and maintenance.',
  },
  {
    name: 'Community Health Workers – Rural Counties',
    model: 'community-health-worker',
    description: 'CHWs meet patients where they live across three rural counties.',
  },
  {
    name: 'Recovery Strengths Program',
    model: 'strengths-perspective',
    description: 'Strengths-based planning for people in continuing care.',
  },
  {
    name: 'Assertive Community Treatment Team',
    model: 'assertive-community-treatment',
    description: 'A team caseload for people with co-occurring disorders and frequent crises.',
  },
];

const STAFF: { name: string; email: string; roles: Role[]; programs: number[] }[] = [
  { name: 'Dana Whitfield', email: 'admin@demo.bridgeway.invalid', roles: ['admin'], programs: [] },
  { name: 'Marcus Oyelaran', email: 'supervisor@demo.bridgeway.invalid', roles: ['supervisor'], programs: [0, 1, 2] },
  { name: 'Rosa Delgado', email: 'casemanager@demo.bridgeway.invalid', roles: ['case-manager'], programs: [0] },
  { name: 'Tyler Brandt', email: 'tyler.brandt@demo.bridgeway.invalid', roles: ['case-manager'], programs: [0, 3] },
  { name: 'Priya Raman', email: 'nurse@demo.bridgeway.invalid', roles: ['nurse-care-manager'], programs: [1] },
  { name: 'Helen Achterberg', email: 'helen.achterberg@demo.bridgeway.invalid', roles: ['nurse-care-manager'], programs: [1] },
  { name: 'Luis Ibarra', email: 'chw@demo.bridgeway.invalid', roles: ['community-health-worker'], programs: [2] },
  { name: 'Shawna Redcloud', email: 'shawna.redcloud@demo.bridgeway.invalid', roles: ['community-health-worker'], programs: [2] },
  { name: 'Earl Jessup', email: 'peer@demo.bridgeway.invalid', roles: ['peer-recovery-specialist'], programs: [2, 3] },
  { name: 'Dr. Amina Farouk', email: 'prescriber@demo.bridgeway.invalid', roles: ['prescriber'], programs: [1] },
  { name: 'Grace Lindqvist', email: 'counselor@demo.bridgeway.invalid', roles: ['counselor'], programs: [0, 4] },
  { name: 'Omar Haddad', email: 'act.lead@demo.bridgeway.invalid', roles: ['case-manager', 'supervisor'], programs: [4] },
  { name: 'Beth Kowalczyk', email: 'privacy@demo.bridgeway.invalid', roles: ['privacy-officer'], programs: [] },
];

export async function demoCommand(db: Database, argv: string[] = []): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { force: { type: 'boolean' } } });
  // Synthetic people and a published password do not belong beside real patients by accident.
  const real = await db.selectFrom('organizations').select('name').where('isDemo', '=', false).executeTakeFirst();
  if (real && !values.force) {
    console.error(
      `This database holds a real organization ("${real.name}"): the demo (synthetic staff sharing one printed password) was not added. ` +
        'Use a separate BRIDGEWAY_DATA_DIR or DATABASE_URL for a demo, or add --force if you really mean to.',
    );
    return 1;
  }
  const existing = await db.selectFrom('organizations').select('id').where('name', '=', DEMO_ORGANIZATION).executeTakeFirst();
  if (existing) {
    console.error(`The demo organization "${DEMO_ORGANIZATION}" already exists; nothing was changed.`);
    return 1;
  }
  // One password for the whole demo, made up now and shown once: never a fixed default.
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const passwordHash = await hashPassword(password);
  const meta = { requestId: `demo-${newId()}`, ip: null, userAgent: 'bridgeway demo' };
  const made: string[] = [];
  await db.transaction().execute(async (tx) => {
    const organization = await tx
      .insertInto('organizations')
      .values({ id: newId(), name: DEMO_ORGANIZATION, timeZone: 'America/New_York', isDemo: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const auditMeta = { ...meta, organizationId: organization.id };
    await writeAudit(tx, auditMeta, { action: 'create', recordType: 'organization', recordId: organization.id, details: { via: 'demo' } });
    const programIds: string[] = [];
    for (const program of PROGRAMS) {
      const id = newId();
      programIds.push(id);
      await tx
        .insertInto('programs')
        .values({
          id,
          organizationId: organization.id,
          name: program.name,
          caseManagementModel: program.model,
          description: program.description,
        })
        .execute();
      await writeAudit(tx, auditMeta, { action: 'create', recordType: 'program', recordId: id, details: { via: 'demo' } });
    }
    const staffByProgram = programIds.map((id, index) => ({ id, name: PROGRAMS[index]?.name ?? '', staffIds: [] as string[] }));
    const staff: DemoWorld['staff'] = [];
    for (const person of STAFF) {
      const id = newId();
      staff.push({ id, name: person.name, roles: person.roles });
      const clinical = person.roles.some((role) => role !== 'admin' && role !== 'privacy-officer' && role !== 'prescriber');
      if (clinical) for (const index of person.programs) staffByProgram[index]?.staffIds.push(id);
      await tx
        .insertInto('users')
        .values({
          id,
          organizationId: organization.id,
          email: person.email,
          displayName: person.name,
          roles: person.roles,
          status: 'active',
          passwordHash,
          passwordChangedAt: new Date(),
        })
        .execute();
      const memberships = person.programs.map((index) => ({
        organizationId: organization.id,
        userId: id,
        programId: programIds[index] ?? '',
      }));
      if (memberships.length > 0) await tx.insertInto('programMemberships').values(memberships).execute();
      await writeAudit(tx, auditMeta, {
        action: 'create',
        recordType: 'user',
        recordId: id,
        details: { via: 'demo', roles: person.roles },
      });
    }
    const random = seeded(20261124);
    const world: DemoWorld = {
      tx,
      organizationId: organization.id,
      programs: staffByProgram,
      staff,
      audit: (entry) => writeAudit(tx, auditMeta, entry),
      random,
      pick: (items) => items[Math.floor(random() * items.length)] as (typeof items)[number],
      today: new Date(),
      patients: [],
    };
    // Each module's synthetic records, in the registry's order (docs/modules.md).
    for (const module of modules) {
      const file = path.join(import.meta.dirname, '../modules', module.name, 'demo.ts');
      if (!existsSync(file)) continue;
      const { seedDemo } = (await import(file)) as { seedDemo: SeedDemo };
      made.push(await seedDemo(world));
    }
  });
  console.log(`Created "${DEMO_ORGANIZATION}": ${PROGRAMS.length} programs, ${STAFF.length} staff, ${made.join(', ')} (all synthetic).`);
  console.log(`Every demo account's password: ${password}`);
  console.log('Try: casemanager@, nurse@, chw@, supervisor@, privacy@ or admin@demo.bridgeway.invalid');
  console.log('(the admin, supervisor and privacy officer are asked to set up an authenticator app at first sign-in).');
  return 0;
}
