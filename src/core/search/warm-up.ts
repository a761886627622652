/**
 * Work that brings a fresh thread's query code up to speed before its first real query: a small
 * made-up index, made, packed and loaded as a saved index is, then asked queries of every shape (a
 * word, a typed prefix, a typo, several words; hits kept by filter values or not). A fresh worker
 * runs its first queries in V8's unoptimised tiers: at 100,000 claims the first and second searches
 * after a start took 50–60 ms where the same queries take 10–20 once the code is optimised
 * (docs/PERFORMANCE.md, search15 and search16).
 *
 * `warmUpSteps` yields after each step (about a millisecond each once warm, a few the first times),
 * so a caller runs them only while it has nothing else to do (the search worker: while IndexedDB
 * reads its saved index) and stops the moment real work comes.
 */
import { type ClaimIndex, claimSearchDoc, createClaimIndex, rankClaimIndex } from './claim-index';
import { packClaimIndex, unpackClaimIndex } from './packed-index';

const WORDS = [
  'police',
  'hospital',
  'crime',
  'wages',
  'prices',
  'report',
  'council',
  'minister',
  'budget',
  'officers',
  'schools',
  'housing',
  'water',
  'energy',
  'transport',
  'rates',
  'growth',
  'health',
  'trust',
  'victims',
  'inflation',
  'unemployment',
  'millions',
  'percent',
  'figures',
] as const;

/** Queries of each shape the screens ask (the last word a prefix; typos forgiven from five letters). */
export const WARM_UP_QUERIES = [
  'hospital',
  'hospital crime',
  'polic',
  'hospitl',
  'wages prices',
  'offic crime',
  'budgt report',
  'health trust victims',
  'inflat',
  'millions percent',
] as const;

/** A made-up claim text: the same words in a fixed pseudo-random order. */
function textOf(i: number): string {
  let x = (i + 1) * 2654435761;
  const words: string[] = [];
  for (let w = 0; w < 14; w++) {
    x = Math.imul(x ^ (x >>> 15), 2246822507) >>> 0;
    words.push(WORDS[x % WORDS.length]!);
  }
  return `${words.join(' ')} ${i}`;
}

/** The made-up index, 50 documents a step, then loaded as a saved index is (its terms read packed). */
function* madeUpIndex(documents: number): Generator<void, ClaimIndex, void> {
  const index = createClaimIndex();
  for (let i = 0; i < documents; i++) {
    index.add(
      claimSearchDoc(
        {
          id: `warm-${i}`,
          text: textOf(i),
          notes: i % 11 === 0 ? 'Checked against the annual figures' : '',
          ratingNote: '',
          tags: i % 7 === 0 ? ['budget'] : [],
        },
        { name: `Spokesperson ${WORDS[i % WORDS.length]}`, aliases: i % 3 === 0 ? ['the minister'] : [] },
        i % 5 === 0 ? [{ title: 'Annual report', publisher: 'Office for Statistics' }] : [],
      ),
    );
    if (i % 50 === 49) yield;
  }
  const packed = packClaimIndex(index);
  yield;
  return unpackClaimIndex(packed);
}

/**
 * The warm-up, one small step per `next()`: the made-up index, then `rounds` rounds of every query
 * (on a fresh load of it every few rounds, so the loading and packed reading paths warm up too).
 */
export function* warmUpSteps(rounds = 12, documents = 400): Generator<void, void, void> {
  let index = yield* madeUpIndex(documents);
  yield;
  for (let r = 0; r < rounds; r++) {
    if (r > 0 && r % 4 === 0) index = yield* madeUpIndex(documents);
    for (const q of WARM_UP_QUERIES) {
      rankClaimIndex(index, q, r % 2 === 0 ? 100 : 2_000);
      yield;
    }
  }
}

/** The made-up index at once (tests). */
export function madeUpWarmIndex(documents: number): ClaimIndex {
  const steps = madeUpIndex(documents);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
