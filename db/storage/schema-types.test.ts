import { afterAll, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-db';
import { schemaColumns } from './schema-columns';

// The kysely table types cannot drift from the migrations: every table of a freshly migrated file
// has a column list beside its type (which the compiler holds equal to the type's keys), and each
// list names exactly the table's columns, in the file's order.

const env = tempDatabase();
afterAll(() => env.cleanup());

const tables = (env.db.prepare(
  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
).all() as { name: string }[]).map((t) => t.name);
const columnsIn = (table: string) =>
  (env.db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string }[]).map((c) => c.name);

describe('kysely table types', () => {
  it('cover every table of the file, and only tables it has', () => {
    expect(tables.length).toBeGreaterThan(20);
    expect(Object.keys(schemaColumns).sort()).toEqual(tables);
  });

  it.each(tables)('%s: the column list beside its type is the table\'s columns', (table) => {
    expect([...schemaColumns[table as keyof typeof schemaColumns]]).toEqual(columnsIn(table));
  });
});
