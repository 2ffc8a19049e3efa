import type pg from 'pg';

/**
 * Where the app runs as a lesser role than the schema's owner (always on the embedded server;
 * with `BRIDGEWAY_APP_ROLE` on DATABASE_URL), that role may read and write the domain tables
 * but only append to the audit trail: no UPDATE, DELETE or TRUNCATE of audit_events, and
 * sealing only through `audit_seal()`, which runs as the owner and computes each row's chain
 * position and hash itself. The triggers refuse the same changes; this makes it a matter of
 * privilege as well as of code, and a role that is not the table's owner cannot switch the
 * triggers off. Run after every migration run, so new tables are granted too.
 */
export async function grantAppRole(pool: pg.Pool, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`BRIDGEWAY_APP_ROLE "${role}" is not a plain role name`);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    // Table-level REVOKE also takes back the column UPDATE on the chain columns that earlier
    // versions granted for sealing.
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${role}`);
    await client.query(`GRANT EXECUTE ON FUNCTION audit_seal(integer) TO ${role}`);
    await client.query(`REVOKE ALL ON schema_migrations FROM ${role}`);
    await client.query(`GRANT SELECT ON schema_migrations TO ${role}`);
    // audit_seal runs with the owner's rights and resolves names through public: a role that
    // can create objects there could shadow an operator or function it calls. PostgreSQL 15+
    // gives PUBLIC no CREATE on public; older servers do until an operator revokes it.
    await client.query(`REVOKE CREATE ON SCHEMA public FROM ${role}`);
    const canCreate = await client.query<{ can: boolean }>(`SELECT has_schema_privilege($1, 'public', 'CREATE') AS can`, [role]);
    if (canCreate.rows[0]?.can) {
      throw new Error(
        `The app role ${role} may create objects in schema public (PostgreSQL before 15 allows every role to). ` +
          'Run `REVOKE CREATE ON SCHEMA public FROM PUBLIC;` as the database owner (docs/security.md) and start again.',
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
