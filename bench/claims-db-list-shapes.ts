/**
 * The raw reads schema 14's slow list pages are made of, interleaved (`--only listshapes`): the
 * flagged page (verdict false, no source: a hot range of claims, has-source per row) and the tag +
 * kind page in verdict order (a tag's cold facet rows, a claim per row for its verdict), each read
 * in the shapes a page could take. Each round takes every shape once, the first in turn rotating.
 */
import { VERDICTS } from '@/core/model/types';
import { compactId, groupRange, SEP } from '@/db/derived/facets';
import { openRaw } from './lib/raw-idb';

type Timing = { name: string; ms: number[]; median: number; budget: null };

const done = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

export async function listReadShapes(runs: number): Promise<Timing[]> {
  const raw = await openRaw();
  const rank = VERDICTS.indexOf('false');
  const falseLo = `*${SEP}v${SEP}${rank}${SEP}`;
  const falseRange = IDBKeyRange.bound(falseLo, `${falseLo}\uffff\uffff`);
  const [tagLo, tagHi] = groupRange('t=crime', 'a');
  const [tagULo, tagUHi] = groupRange('t=crime', 'u');
  const [hLo] = groupRange('h=1', 'a');
  const tx = (stores: string[]) => raw.transaction(stores, 'readonly');
  const claimsHk = (t: IDBTransaction) => t.objectStore('claims').index('hk');
  const facetsF = (t: IDBTransaction) => t.objectStore('claimFacets').index('f');
  type Row = { id: string; articleId: string; start: number; kind: string };
  const tail = (c: Row) => `${compactId(c.articleId)}${SEP}${c.start.toString(36).padStart(7, '0')}`;
  const shapes: [string, () => Promise<unknown>][] = [
    ['flagged: 470 claim rows off hk (getAll)', () => done(claimsHk(tx(['claims'])).getAll(falseRange, 470))],
    [
      'flagged: 470 primary keys off hk (getAllKeys)',
      () => done(claimsHk(tx(['claims'])).getAllKeys(falseRange, 470)),
    ],
    [
      'flagged: 470 claim rows + a claimSourced getKey each (hk28-base)',
      async () => {
        const t = tx(['claims', 'claimSourced']);
        const rows = (await done(claimsHk(t).getAll(falseRange, 470))) as Row[];
        const s = t.objectStore('claimSourced');
        return Promise.all(rows.map((r) => done(s.getKey(r.id))));
      },
    ],
    [
      'flagged: 470 keys + a claimSourced getKey each + 101 claim gets',
      async () => {
        const t = tx(['claims', 'claimSourced']);
        const ids = (await done(claimsHk(t).getAllKeys(falseRange, 470))) as string[];
        const s = t.objectStore('claimSourced');
        const keys = await Promise.all(ids.map((id) => done(s.getKey(id))));
        const c = t.objectStore('claims');
        const wanted = ids.filter((_, i) => keys[i] === undefined).slice(0, 101);
        return Promise.all(wanted.map((id) => done(c.get(id))));
      },
    ],
    [
      'flagged: 470 claim rows, then h=1 keys over their article span (getAllKeys)',
      async () => {
        const t = tx(['claims', 'claimFacets']);
        const rows = (await done(claimsHk(t).getAll(falseRange, 470))) as Row[];
        const last = rows.at(-1)!;
        const hi = `${hLo}${tail(last)}${SEP}\uffff`;
        return done(facetsF(t).getAllKeys(IDBKeyRange.bound(hLo, hi)));
      },
    ],
    [
      'flagged: 470 keys, then a facet row get each',
      async () => {
        const t = tx(['claims', 'claimFacets']);
        const ids = (await done(claimsHk(t).getAllKeys(falseRange, 470))) as string[];
        const f = t.objectStore('claimFacets');
        return Promise.all(ids.map((id) => done(f.get(id))));
      },
    ],
    [
      'tag+kind: 613 facet rows of t=crime in article order (getAll)',
      () => done(facetsF(tx(['claimFacets'])).getAll(IDBKeyRange.bound(tagLo, tagHi), 613)),
    ],
    [
      'tag+kind: 613 facet rows + a claim get each direct one (hk28-base)',
      async () => {
        const t = tx(['claimFacets', 'claims']);
        const rows = (await done(facetsF(t).getAll(IDBKeyRange.bound(tagLo, tagHi), 613))) as {
          id: string;
          k: string;
        }[];
        const c = t.objectStore('claims');
        return Promise.all(rows.filter((r) => r.k === 'direct').map((r) => done(c.get(r.id))));
      },
    ],
    [
      'tag+kind: 430 claim rows of a hot range (what t=crime in verdict order would read)',
      () => done(claimsHk(tx(['claims'])).getAll(IDBKeyRange.bound(tagULo, tagUHi), 430)),
    ],
    [
      'tag+kind: every claim row of t=crime in update order (getAll)',
      () => done(claimsHk(tx(['claims'])).getAll(IDBKeyRange.bound(tagULo, tagUHi))),
    ],
  ];
  const ms = new Map<string, number[]>();
  for (let r = 0; r < runs; r++)
    for (let k = 0; k < shapes.length; k++) {
      const [name, run] = shapes[(k + r) % shapes.length]!;
      const t = performance.now();
      await run();
      ms.set(name, [...(ms.get(name) ?? []), Math.round((performance.now() - t) * 10) / 10]);
    }
  raw.close();
  return [...ms].map(([name, xs]) => {
    console.log(`${name}: ${xs.join(', ')} ms`);
    return {
      name: `list read shapes (raw): ${name}`,
      ms: xs,
      median: [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!,
      budget: null,
    };
  });
}
