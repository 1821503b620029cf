/**
 * `newsbrief store copy` copies the tables the PostgreSQL migrations create; a table that only one
 * of the two schemas had would be left behind, so both must list the same ones.
 */
import { describe, expect, it } from 'vitest';
import { STORE_TABLES, tablesOf } from '../../../../src/core/store/copy/copy-to-postgres.js';
import { MIGRATIONS } from '../../../../src/core/store/sqlite/migrations.js';

describe('store copy tables', () => {
  it('are the same in the SQLite and PostgreSQL schemas, the OAuth installations included', () => {
    expect([...STORE_TABLES].sort()).toEqual([...tablesOf(MIGRATIONS)].sort());
    expect(STORE_TABLES).toContain('installations');
    expect(STORE_TABLES).not.toContain('schema_migrations');
    expect(STORE_TABLES).toHaveLength(11);
  });
});
