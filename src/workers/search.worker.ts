// The search worker's entry: it starts reading the saved index at once (IndexedDB's own API, no
// library: `src/db/search-early.ts`), then loads the search code (search-worker-main.ts), so the
// read and the code's load overlap. Messages that come before that code listens are held and
// handed to it in order.
import { readSavedRowEarly } from '@/db/search-early';

// the app's database and the index's row (search.ts uses the row only if they are its own)
readSavedRowEarly('claimdesk', 'claims');

const held: MessageEvent[] = [];
const hold = (event: MessageEvent) => held.push(event);
addEventListener('message', hold);
void import('./search-worker-main').then(() => {
  removeEventListener('message', hold);
  for (const event of held)
    dispatchEvent(new MessageEvent('message', { data: event.data, ports: [...event.ports] }));
});
