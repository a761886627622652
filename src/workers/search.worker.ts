// The search worker's script: the saved index's read asked at once (`search-early-read.ts`, with
// IndexedDB's own API), then, once the rows are asked for, the worker's code (`search-worker-main.ts`:
// Dexie, MiniSearch, the index) loaded while the browser reads them. The page's messages that come before that code is
// listening are held here and handed to it in order.
import { readSavedIndexEarly } from '@/db/search-early-read';

// the page names the worker after its database (`searchWorker` in search.ts): importing the name
// from the schema would bring the schema's code (and Dexie) into this first chunk
const asked = self.name ? readSavedIndexEarly(self.name) : Promise.resolve();

const held: MessageEvent[] = [];
const hold = (e: MessageEvent) => {
  held.push(e);
  e.stopImmediatePropagation();
};
self.addEventListener('message', hold);

void asked
  .then(() => import('./search-worker-main'))
  .then(() => {
    self.removeEventListener('message', hold);
    for (const e of held)
      self.dispatchEvent(new MessageEvent('message', { data: e.data, ports: [...e.ports] }));
    held.length = 0;
  });
