// The search worker's entry: it starts the read of the saved index (IndexedDB alone, no Dexie), then
// loads the worker's code (`search-worker-main.ts`: Dexie, MiniSearch, the data layer), so the row's
// read and the code's load go on at once instead of one after the other.
import { DB_NAME } from '@/db/db-name';
import { readSavedIndexEarly } from '@/db/search-early';

const early = readSavedIndexEarly(DB_NAME);

// The page may post before the code is in (the app's warm-up, a search): a message with no listener
// yet would be lost, so they are held and handed to the code's listener in order.
const scope = globalThis as unknown as Partial<
  Pick<EventTarget, 'addEventListener' | 'removeEventListener' | 'dispatchEvent'>
>;
const held: MessageEvent[] = [];
const hold = (e: Event) => {
  held.push(e as MessageEvent);
};
scope.addEventListener?.('message', hold);

void import('./search-worker-main').then(({ startSearchWorker }) => {
  startSearchWorker(early);
  scope.removeEventListener?.('message', hold);
  for (const e of held)
    scope.dispatchEvent?.(new MessageEvent('message', { data: e.data, ports: [...e.ports] }));
});
