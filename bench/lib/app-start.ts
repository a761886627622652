// What the app's entry (src/main.tsx) starts before anything else: the load of the database's write
// layer, which the database's first open waits for. Imported by each bench page that opens the app's database.
import { loadWriteLayer } from '@/db/write-layer-load';

loadWriteLayer().catch(() => {});
