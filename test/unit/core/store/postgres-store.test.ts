/**
 * The Store contract against a real PostgreSQL server on loopback (skipped, with the reason
 * printed, where no PostgreSQL binaries are installed).
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { createPostgresStore } from '../../../../src/core/store/index.js';
import { runStoreContract } from '../../../contract/store.contract.js';
import { postgresUnavailable, startPostgres, type PostgresServer } from '../../../helpers/postgres-server.js';

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`PostgreSQL store tests skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)('PostgresStore', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  // A fresh database for every test: the contract expects an empty store.
  runStoreContract('postgres', async () => createPostgresStore(await server.createDatabase('contract')));
});
