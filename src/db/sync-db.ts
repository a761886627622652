/**
 * What the sync layer (src/sync) and the app shell need of the database to replicate it: the
 * Dexie instance type, the app's instance, and a factory for more (tests and benches open one per
 * simulated device). Only the sync engine opens transactions with it outside src/db.
 */
import { type ClaimdeskDb, createClaimdeskDb, db } from './db';

export type SyncDb = ClaimdeskDb;

/** The app's own database, for `createSyncEngine({ db: appDatabase(), … })` in the app shell. */
export const appDatabase = (): SyncDb => db;

/** Another Claimdesk database under `name` (a device in tests and benches). */
export const openDeviceDatabase = (name: string): SyncDb => createClaimdeskDb(name);
