import type pg from 'pg';

/**
 * Where a deployment migrates as an owner role and runs the app as a lesser one
 * (`BRIDGEWAY_APP_ROLE`), the app role may read and write the domain tables but only append
 * to the audit trail: no UPDATE (except the sealer's chain columns), DELETE or TRUNCATE. The
 * trigger refuses those too; this makes it a matter of privilege as well as of code.
 */
export async function grantAppRole(pool: pg.Pool, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`BRIDGEWAY_APP_ROLE "${role}" is not a plain role name`);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${role}`);
    await client.query(`GRANT UPDATE (chain_position, prev_hash, hash, sealed_at) ON audit_events TO ${role}`);
    await client.query(`REVOKE ALL ON schema_migrations FROM ${role}`);
    await client.query(`GRANT SELECT ON schema_migrations TO ${role}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
