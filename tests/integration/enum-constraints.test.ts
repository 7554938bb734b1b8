/**
 * The enumerations in lib/ (row statuses, witness roles, user roles) are CHECK constraints in the
 * database too, so a value outside them is refused however it is written (issue 13).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROW_STATUSES, WITNESS_ROLES } from '@/lib/alignment/statuses';
import { USER_ROLES } from '@/lib/auth/roles';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases';
import { seedWithEditors } from '../support/edit-fixtures';

describe.each(testDatabaseKinds)('enumeration CHECK constraints on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedWithEditors(database.db);
  });
  afterAll(async () => database?.dispose());

  const refused = (statement: ReturnType<typeof sql>) => expect(database.db.execute(statement)).rejects.toThrow();

  it('refuses a row status, witness role or user role that lib/ does not list', async () => {
    await refused(sql`update alignment_rows set status = 'approved' where id = (select min(id) from alignment_rows)`);
    await refused(sql`update witnesses set role = 'gloss' where id = (select min(id) from witnesses)`);
    await refused(sql`update users set role = 'owner' where id = (select min(id) from users)`);
  });

  it('accepts every value lib/ lists', async () => {
    for (const status of ROW_STATUSES)
      await database.db.execute(sql`update alignment_rows set status = ${status} where id = (select min(id) from alignment_rows)`);
    for (const role of WITNESS_ROLES)
      await database.db.execute(sql`update witnesses set role = ${role} where id = (select min(id) from witnesses)`);
    for (const role of USER_ROLES)
      await database.db.execute(sql`update users set role = ${role} where id = (select max(id) from users)`);
  });
});
