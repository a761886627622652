/**
 * For tests of request order: a DBCore middleware below the derived-rows one (level 10) that wraps
 * each table as `wrap` says, installed on the app's database for the current test only (closing and
 * reopening it, as middleware applies on open; removed again when the test finishes).
 */
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { onTestFinished } from 'vitest';
import { db } from '../db';

export async function belowDerived(
  name: string,
  wrap: (tableName: string, table: DBCoreTable) => DBCoreTable,
): Promise<void> {
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name,
    level: 1,
    create: (down) => ({ ...down, table: (tableName) => wrap(tableName, down.table(tableName)) }),
  };
  db.close();
  db.use(middleware);
  await db.open();
  onTestFinished(async () => {
    db.close();
    db.unuse({ stack: 'dbcore', name });
    await db.open();
  });
}
