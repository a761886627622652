import type { Dexie } from 'dexie';
import type { HistoryEntry } from '@/core/model/types';
import { eachHistoryPage } from '../history-read';

/** Every history entry, from both of its stores, by id (what `db.history.toArray()` was before version 15). */
export async function storedHistory(source?: Dexie): Promise<HistoryEntry[]> {
  const out: HistoryEntry[] = [];
  await eachHistoryPage(500, (page) => out.push(...page), source);
  return out;
}
