export { PostgresStore, createPostgresStore, type PostgresStoreOptions } from './pg-store.js';
export { migratePostgres } from './pg-database.js';
export { PG_MIGRATIONS } from './migrations.js';
