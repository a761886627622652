/**
 * The compare benchmark, run inside a real browser page (bench/compare.ts drives it in Chromium).
 * Seeds N claims across M articles into the app's own Dexie database, with a comparison of 20
 * speakers × 30 questions over 200 articles and one speaker with 5,000 claims, then times the reads
 * (and the pure work) the compare screen and the speaker profile do when they open.
 */
import './lib/app-start';
import { buildMatrix } from '@/core/compare/matrix';
import { detectPositionChanges } from '@/core/compare/position-change';
import { suggestQuestions } from '@/core/compare/suggest';
import type {
  ArticleId,
  Claim,
  ClaimId,
  Question,
  QuestionId,
  SpeakerId,
  Stance,
  Verdict,
} from '@/core/model/types';
import { readComparison } from '@/db/compare-read';
import { db } from '@/db/db';
import { newId } from '@/db/ids';
import { recordReadSteps } from '@/db/read-steps';
import { readProfileHead } from '@/db/speaker-profile-read';
import { COLD_SHAPES, runColdShape } from './compare-cold-shapes';
import { timeReadShapes } from './compare-reads';
import {
  medianTimeline,
  type Opened,
  openCompareScreen,
  openProfileScreen,
  timelines,
} from './compare-screens';
import { seedLibrary, WORDS } from './lib/seed-library';

type Options = { claims: number; articles: number; runs: number; shapes?: boolean; screensOnly?: boolean };
type Timing = { name: string; ms: number[]; median: number };

const VERDICTS: Verdict[] = [
  'unchecked',
  'unchecked',
  'unchecked',
  'true',
  'mostly true',
  'half true',
  'false',
];
const STANCES: Stance[] = ['for', 'against', 'neutral', 'mixed'];

let seed = 7;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const sentence = (i: number) =>
  `${Array.from({ length: 6 + Math.floor(rand() * 8) }, () => pick(WORDS)).join(' ')} rose by ${10 + (i % 90)} per cent.`;

type Seeded = {
  compareArticles: ArticleId[];
  heavySpeaker: SpeakerId;
  seedMs: number;
};

async function seedDb(opts: Options, log: (s: string) => void): Promise<Seeded> {
  const t0 = performance.now();
  const now = Date.now();
  const perArticle = Math.ceil(opts.claims / opts.articles);
  const heavyPerArticle = Math.round((5_000 / opts.claims) * perArticle);
  const compareArticles: ArticleId[] = [];
  const comparedClaims: Claim[] = [];
  // speakers[0] is in every article (5,000 claims at 100,000); speakers 1–20 are the 20 columns,
  // quoted in the 200 compared articles
  const seeded = await seedLibrary(
    {
      claims: opts.claims,
      articles: opts.articles,
      sources: 50,
      verdicts: VERDICTS,
      kinds: ['direct'],
      tagRate: 0,
      linked: (_v, r) => r.rand() < 0.2,
      cast: (a, speakers, r) =>
        a < 200 ? speakers.slice(1, 21) : Array.from({ length: 8 }, () => r.pick(speakers.slice(21))),
      speakerOf: (i, _a, cast, r, everyone) => (i < heavyPerArticle ? everyone[0]! : r.pick(cast)),
      sentence,
      published: (a) => `20${10 + (a % 15)}-0${1 + (a % 9)}-1${a % 10}`,
      updatedAt: (t) => t,
      seed: 7,
      log,
    },
    ({ article, claims }, a) => {
      if (a >= 200) return;
      compareArticles.push(article.id);
      comparedClaims.push(...claims.slice(heavyPerArticle));
    },
  );
  const heavy = seeded.speakers[0]!;
  const compared = seeded.speakers.slice(1, 21);
  // 30 questions across the 200 articles; each of the 20 speakers has about 2 claims placed on each
  const bySpeaker = new Map<string, Claim[]>();
  for (const c of comparedClaims) bySpeaker.set(c.speakerId!, [...(bySpeaker.get(c.speakerId!) ?? []), c]);
  const questions: Question[] = Array.from({ length: 30 }, (_, q) => {
    const stances: Record<string, Stance> = {};
    for (const s of compared)
      for (let k = 0; k < 2; k++) stances[pick(bySpeaker.get(s.id) ?? []).id] = pick(STANCES);
    return {
      id: newId<QuestionId>(),
      text: `Question ${q}: is ${pick(WORDS)} rising?`,
      articleIds: compareArticles,
      stances,
      placedClaimIds: Object.keys(stances) as ClaimId[],
      updatedAt: now,
      deletedAt: null,
    };
  });
  // and the heavy speaker's claims are placed under 10 of them, at different dates
  const heavyClaims = await db.claims.where('speakerId').equals(heavy.id).limit(40).toArray();
  heavyClaims.forEach((c, i) => {
    const q = questions[i % 10]!;
    (q.stances as Record<string, Stance>)[c.id] = pick(STANCES);
    (q.placedClaimIds as ClaimId[]).push(c.id);
  });
  await db.questions.bulkAdd(questions);
  return { compareArticles, heavySpeaker: heavy.id, seedMs: performance.now() - t0 };
}

async function time(name: string, runs: number, fn: () => Promise<unknown> | unknown): Promise<Timing> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(Math.round((performance.now() - t) * 10) / 10);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(`${name}: ${ms.join(', ')} ms`);
  return { name, ms, median: sorted[Math.floor(sorted.length / 2)]! };
}

export async function runCompareBench(opts: Options) {
  const out = document.getElementById('out')!;
  const log = (s: string) => {
    out.textContent = s;
    console.log(s);
  };
  const seedKey = `compare-bench-seed:${opts.claims}:${opts.articles}`;
  const reused = localStorage.getItem(seedKey);
  const seeded: Seeded = reused ? { ...(JSON.parse(reused) as Seeded), seedMs: 0 } : await seedDb(opts, log);
  localStorage.setItem(seedKey, JSON.stringify(seeded));
  const { runs } = opts;
  const results: Timing[] = [];
  const total = await freshConnection();

  if (opts.shapes) {
    const shapes = await timeReadShapes(seeded.compareArticles, seeded.heavySpeaker, Math.max(5, runs));
    console.log(`read shapes: ${JSON.stringify(shapes, null, 1)}`);
    return { shapes, results };
  }
  // the first open of the page, before any read of the comparison: what a person opening the view
  // first after the app starts waits for (the screen's code never run, the tables never read yet
  // by this browser, unless this run has just seeded them)
  // BENCH_COMPARE_CPU: the cold open under Chromium's CPU profiler too (compare-cold.*; times it less fairly)
  const cpu = (window as unknown as { benchCpu?: (what: string) => Promise<void> }).benchCpu;
  await cpu?.('start');
  const cold = await openCompareScreen(seeded.compareArticles);
  await cpu?.('stop:compare-cold');
  let comparison = await readComparison({ articleIds: seeded.compareArticles });
  if (opts.screensOnly) return { results: await timeScreens(seeded, cold, runs) };
  const shape = {
    claims: total,
    questions: comparison.questions.length,
    speakers: comparison.speakers.length,
    placed: comparison.claims.length,
    articles: comparison.articles.length,
  };
  results.push(
    await time('compare.read', runs, async () => {
      comparison = await readComparison({ articleIds: seeded.compareArticles });
    }),
  );
  const claims = new Map(comparison.claims.map((c) => [c.id, c]));
  const speakers = comparison.speakers.map((s) => ({ id: s.id, name: s.name }));
  results.push(await time('compare.matrix', runs, () => buildMatrix(comparison.questions, claims, speakers)));
  // what the profile's first screen waits for: the head (counts, articles, placed claims), which
  // reads the first page of its "by article" section with it
  const openProfile = async () => {
    const head = await readProfileHead(seeded.heavySpeaker);
    return { head, page: head.firstPage.articles };
  };
  let profile = await openProfile();
  results.push(
    await time('profile.read', runs, async () => {
      profile = await openProfile();
    }),
  );
  const profileShape = {
    claims: profile.head.counts.claimCount,
    articles: profile.head.articles.length,
    questions: profile.head.questions.length,
    placed: profile.head.placed.length,
    firstPageClaims: profile.page.reduce((n, a) => n + a.claims.length, 0),
  };
  results.push(
    await time('profile.changes', runs, () => {
      const dates = new Map(profile.head.placed.map((c) => [c.id, c.date]));
      return detectPositionChanges(
        profile.head.questions.flatMap((q) =>
          Object.entries(q.stances).flatMap(([claimId, stance]) =>
            dates.has(claimId)
              ? [
                  {
                    questionId: q.id,
                    speakerId: seeded.heavySpeaker,
                    claimId,
                    stance,
                    date: dates.get(claimId)!,
                  },
                ]
              : [],
          ),
        ),
      );
    }),
  );
  const articleClaims = await db.claims.where('articleId').equals(seeded.compareArticles[0]!).toArray();
  const suggestInput = [
    ...articleClaims,
    ...(await db.claims.where('articleId').equals(seeded.compareArticles[1]!).toArray()),
  ]
    .slice(0, 200)
    .map((c) => ({ id: c.id, speakerId: c.speakerId, text: c.text }));
  results.push(await time('suggest.200-claims', runs, () => suggestQuestions(suggestInput)));

  // where each read's time goes: every step's duration (steps in Promise.all overlap) and rows
  const steps = new Map<string, { ms: number[]; rows: number }>();
  recordReadSteps((name, ms, rows) => {
    const s = steps.get(name) ?? { ms: [], rows };
    s.ms.push(Math.round(ms * 10) / 10);
    steps.set(name, s);
  });
  for (let i = 0; i < runs; i++) {
    await readComparison({ articleIds: seeded.compareArticles });
    await openProfile();
  }
  recordReadSteps(null);
  const breakdown = Object.fromEntries(
    [...steps].map(([name, s]) => [
      name,
      { median: [...s.ms].sort((a, b) => a - b)[s.ms.length >> 1], rows: s.rows },
    ]),
  );
  console.log(`steps: ${JSON.stringify(breakdown)}`);

  const screens = await timeScreens(seeded, cold, runs);
  return {
    seedMs: Math.round(seeded.seedMs),
    shape,
    profileShape,
    breakdown,
    timelines: screens.timelines,
    results: [...results, ...screens],
  };
}

/** Seeds only, and notes it where runCompareBench looks (bench/compare.ts seeds its cached library so). */
async function seedCompareBench(opts: Options): Promise<Seeded> {
  const seeded = await seedDb(opts, (s) => console.log(s));
  localStorage.setItem(`compare-bench-seed:${opts.claims}:${opts.articles}`, JSON.stringify(seeded));
  return seeded;
}

/**
 * What the screens wait for: mounted as in the app, until their first useful paint and (compare)
 * until every row of the matrix is painted. `cold`: the page's first open, made before any read.
 */
async function timeScreens(seeded: Seeded, cold: Opened, runs: number) {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const round = (xs: number[]) => xs.map((x) => Math.round(x * 10) / 10);
  const timing = (name: string, xs: number[]): Timing => ({ name, ms: round(xs), median: median(round(xs)) });
  // Each open gives three times: until its first matrix row is painted, until every row is painted
  // (the view as a person sees it open: the figure the budget is judged by), and until everything
  // it started has settled (the reads that wait for the matrix's paint, the suggestions) and it is
  // taken down: `.settled`, no budget. On a shared machine times swing several-fold from one open to
  // the next, so each compare open comes right after a read alone (its floor), and the ratio of each
  // pair is kept too.
  const painted: number[] = [];
  const allRows: number[] = [];
  const settled: number[] = [];
  const floors: number[] = [];
  const ratios: number[] = [];
  const first = timelines.length;
  for (let i = 0; i < runs; i++) {
    const r0 = performance.now();
    await readComparison({ articleIds: seeded.compareArticles });
    floors.push(performance.now() - r0);
    const s0 = performance.now();
    const opened = await openCompareScreen(seeded.compareArticles);
    settled.push(performance.now() - s0);
    painted.push(opened.first);
    allRows.push(opened.all!);
    ratios.push(opened.all! / floors.at(-1)!);
  }
  const compareTimeline = medianTimeline(first);
  const compare = [
    timing('compare.screen', painted),
    timing('compare.screen.all-rows', allRows),
    timing('compare.screen.cold', [cold.first]),
    timing('compare.screen.cold.all-rows', [cold.all!]),
    timing('compare.screen.settled', settled),
    timing('compare.screen.read-floor', floors),
    {
      name: 'compare.screen.ratio',
      ms: ratios.map((x) => Math.round(x * 100) / 100),
      median: Math.round(median(ratios) * 100) / 100,
    },
  ];
  const profilePainted: number[] = [];
  const profileSettled: number[] = [];
  const next = timelines.length;
  for (let i = 0; i < runs; i++) {
    const s0 = performance.now();
    profilePainted.push(await openProfileScreen(seeded.heavySpeaker));
    profileSettled.push(performance.now() - s0);
  }
  const profileTimeline = medianTimeline(next);
  const profile = [
    timing('profile.screen', profilePainted),
    timing('profile.screen.settled', profileSettled),
  ];
  for (const t of [...compare, ...profile]) console.log(`${t.name}: ${t.ms.join(', ')} (median ${t.median})`);
  console.log(
    `timelines: ${JSON.stringify({ coldCompare: timelines[0], compare: compareTimeline, profile: profileTimeline })}`,
  );
  // BENCH_COMPARE_CPU: one more open of each screen under Chromium's CPU profiler (not timed)
  const cpu = (window as unknown as { benchCpu?: (what: string) => Promise<void> }).benchCpu;
  if (cpu) {
    await cpu('start');
    await openCompareScreen(seeded.compareArticles);
    await cpu('stop:compare-screen');
    await cpu('start');
    await openProfileScreen(seeded.heavySpeaker);
    await cpu('stop:profile-screen');
  }
  return Object.assign([...compare, ...profile], {
    timelines: { coldCompare: timelines[0], compare: compareTimeline, profile: profileTimeline },
  });
}

/**
 * One more cold first open, in a browser just started on the same profile (bench/compare.ts runs it
 * `--cold-runs` − 1 times after the main run): the page's first open, with nothing of the comparison
 * read before it, after the same fresh connection as the main run's cold open.
 */
export async function runCompareCold(opts: Options): Promise<Opened> {
  const reused = localStorage.getItem(`compare-bench-seed:${opts.claims}:${opts.articles}`);
  if (!reused) throw new Error('compare bench: no seeded comparison in this profile');
  const seeded = JSON.parse(reused) as Seeded;
  await freshConnection();
  return openCompareScreen(seeded.compareArticles);
}

/**
 * The database opened (as the app has it open before any screen) and then a fresh connection, so
 * nothing is warm from the seeding; returns how many claims it holds.
 */
async function freshConnection(): Promise<number> {
  const total = await db.claims.count();
  db.close();
  await db.open();
  return total;
}

Object.assign(window, {
  runCompareBench,
  runCompareCold,
  seedCompareBench,
  runColdShape,
  coldShapeNames: Object.keys(COLD_SHAPES),
});
document.getElementById('out')!.textContent = 'ready';
