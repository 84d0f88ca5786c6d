import { afterAll } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from '../../functions/store/postgres.ts';
import { openSqliteStore } from '../../functions/store/sqlite.ts';
import { tempDb } from './fixtures.ts';
import { storeContract } from './store.contract.ts';

export const PG_URL = process.env.LADDER_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

storeContract('SQLite', {
  async open() {
    const path = tempDb();
    return { store: await openSqliteStore(path), reopen: () => openSqliteStore(path) };
  },
});

const schemas: string[] = [];
storeContract('PostgreSQL', {
  async open() {
    const schema = `ladder_test_${process.pid}_${schemas.length}`;
    schemas.push(schema);
    const admin = new pg.Pool({ connectionString: PG_URL });
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    return { store: await openPostgresStore(PG_URL, { schema }), reopen: () => openPostgresStore(PG_URL, { schema }) };
  },
});

afterAll(async () => {
  const admin = new pg.Pool({ connectionString: PG_URL });
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});
