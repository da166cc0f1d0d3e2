// The store's public surface: open it, and the types of what it keeps.
export { openStore, type MigrationStore, type OpenStoreOptions } from './store';
export { DB_VERSION, DEFAULT_DB_NAME } from './schema';
export { exportMigrationSettings, importMigrationSettings } from './settings-file';
export { estimateUsage, type StorageUsage } from './usage';
export type { NewMigration } from './migrations';
export type { NewRun, RunChange } from './runs';
export type { MigratedMark, ReasonMark } from './id-map';
export type * from './types';
