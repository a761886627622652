/**
 * npx tsx bench/search-query.ts [--claims 100000] [--rounds 7] [--vocab 5000]
 *
 * The search worker's query alone, in Node: the bench library's claims (`makeLibrary`, as seeded)
 * indexed, packed and loaded as the worker loads its saved row, then each query asked on a freshly
 * loaded index (its terms' postings unpacked by that query, as the first search after a reload) and
 * again (the terms already unpacked), with the Claims screen's limit (2,000) and a page's (100).
 * Prints medians (ms) and the packed row's parts (bytes). No browser: compare code, not the platform.
 */
import { performance } from 'node:perf_hooks';
import { claimSearchDoc, createClaimIndex, searchClaimIndex } from '../src/core/search/claim-index';
import { packClaimIndex, unpackClaimIndex } from '../src/core/search/packed-index';
import { makeLibrary } from './lib/seed-library';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const claims = arg('claims', 100_000);
const rounds = arg('rounds', 7);
const lib = makeLibrary({ claims, articles: claims / 100, vocab: arg('vocab', 5_000) });
const speakers = new Map(lib.speakers.map((s) => [s.id, s]));
const sources = new Map(lib.sources.map((s) => [s.id, s]));
const docs = [];
for (const { claims: cs, evidence } of lib.articles()) {
  for (const c of cs) {
    const linked = evidence.filter((e) => e.claimId === c.id).map((e) => sources.get(e.sourceId)!);
    docs.push(claimSearchDoc(c, c.speakerId ? (speakers.get(c.speakerId) ?? null) : null, linked));
  }
}
const packed = packClaimIndex(createClaimIndex(docs));
const size = (v: unknown): number =>
  typeof v === 'string' ? v.length : ArrayBuffer.isView(v) ? v.byteLength : 0;
console.log(
  'packed parts (bytes):',
  Object.fromEntries(
    Object.entries(packed)
      .map(([k, v]) => [k, size(v)])
      .filter(([, n]) => n),
  ),
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const queries = ['hospital', 'hospital crime', 'police crime', 'offic crime', 'hospitl', 'wages prices'];
for (const limit of [100, 2_000]) {
  for (const q of queries) {
    const first: number[] = [];
    const second: number[] = [];
    const unpack: number[] = [];
    let hits = 0;
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      const index = unpackClaimIndex(packed);
      const t1 = performance.now();
      hits = searchClaimIndex(index, q, limit).length;
      const t2 = performance.now();
      searchClaimIndex(index, q, limit);
      const t3 = performance.now();
      unpack.push(t1 - t0);
      first.push(t2 - t1);
      second.push(t3 - t2);
    }
    const f = (n: number) => n.toFixed(1);
    console.log(
      `limit ${limit} ${JSON.stringify(q)}: ${hits} hits; unpack ${f(median(unpack))}, first ${f(median(first))}, second ${f(median(second))} ms`,
    );
  }
}
