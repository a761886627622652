import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { extractClaims } from '@/core/extract/pipeline';
import type { Extraction } from '@/core/extract/types';
import { findBoilerplate } from '@/core/text/clean';
import { readFile } from '@/features/import/import-article';

// Saved news pages (fixtures/NN-*.html) and, beside each, the article's text written by hand
// (NN-*.txt): headline first, one paragraph per block. A block starting "? " may come through or not
// (a byline, a date, a post's timestamp: its own line, never glued to the story) and is not counted.
// A standfirst is story: like the headline it can hold a claim, and a text import of the article has it.
// Each page goes through the app's file import (size, type, bytes, decoding, articleText, htmlToText);
// its paragraphs and the claims the extractor finds in it are compared with the hand-written text's.

const dir = join(import.meta.dirname, 'fixtures');
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .sort();

type Expected = Readonly<{
  story: readonly string[];
  optional: ReadonlySet<string>;
  /** The hand-written text with the optional blocks that came through: what the import's claims are compared with. */
  reference: (lines: readonly string[]) => string;
}>;

function expectedOf(page: string): Expected {
  const blocks = readFileSync(join(dir, page.replace(/\.html$/, '.txt')), 'utf8')
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean);
  return {
    story: blocks.filter((b) => !b.startsWith('? ')),
    optional: new Set(blocks.filter((b) => b.startsWith('? ')).map((b) => b.slice(2))),
    reference: (lines) =>
      blocks
        .filter((b) => !b.startsWith('? ') || lines.includes(b.slice(2)))
        .map((b) => b.replace(/^\? /, ''))
        .join('\n\n'),
  };
}

/** The extractor reads each line as a paragraph (core/text/lines.ts), so lines are what is compared. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A claim as a reader sees it: who, and the words. */
function claimsOf(extraction: Extraction): string[] {
  const names = new Map(extraction.speakers.map((s) => [s.id, s.name]));
  return extraction.claims.map((c) => `${(c.speakerId && names.get(c.speakerId)) ?? '?'}: ${c.text}`);
}

/** Items of `a` not matched one-for-one in `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    return n === 0;
  });
}

type Figures = Readonly<{
  page: string;
  story: number;
  kept: number;
  lost: string[];
  extra: string[];
  /** Extra lines the extractor does not already mark as boilerplate (a credit line, "© …"): read as prose. */
  extraProse: string[];
  inOrder: boolean;
  /** The article's title is its headline (the hand-written text's first line), without the site's name. */
  title: string | null;
  claims: number;
  sameClaims: number;
  extraClaims: string[];
  lostClaims: string[];
}>;

async function measure(page: string): Promise<Figures> {
  const { story, optional, reference } = expectedOf(page);
  const bytes = readFileSync(join(dir, page));
  const file = new File([bytes], page, { type: 'text/html' });
  let text = '';
  let title: string | null = null;
  try {
    ({ text, title } = await readFile(file));
  } catch {
    // refused: every paragraph lost
  }
  const lines = linesOf(text);
  const marked = new Set(findBoilerplate(text).map((r) => text.slice(r.start, r.end)));
  const wanted = new Set(story);
  const kept = story.filter((p) => lines.includes(p));
  const positions = kept.map((p) => lines.indexOf(p));
  const expectedClaims = claimsOf(extractClaims(reference(lines)));
  const gotClaims = claimsOf(extractClaims(text));
  const extraClaims = minus(gotClaims, expectedClaims);
  const extra = lines.filter((l) => !wanted.has(l) && !optional.has(l));
  return {
    page,
    story: story.length,
    kept: kept.length,
    lost: story.filter((p) => !lines.includes(p)),
    extra,
    extraProse: extra.filter((l) => !marked.has(l)),
    title,
    inOrder: positions.every((p, i) => i === 0 || p > positions[i - 1]!),
    claims: expectedClaims.length,
    sameClaims: gotClaims.length - extraClaims.length,
    extraClaims,
    lostClaims: minus(expectedClaims, gotClaims),
  };
}

const results: Figures[] = [];

describe('saved news pages import as their article text', () => {
  test.each(pages)('%s', async (page) => {
    const f = await measure(page);
    results.push(f);
    expect({ lost: f.lost, extra: f.extraProse, inOrder: f.inOrder }).toEqual({
      lost: [],
      extra: [],
      inOrder: true,
    });
    expect({ extraClaims: f.extraClaims, lostClaims: f.lostClaims }).toEqual({
      extraClaims: [],
      lostClaims: [],
    });
    expect(f.title).toBe(expectedOf(page).story[0]);
  });

  // HTML_CORPUS_REPORT=1 npx vitest run src/features/import/html-corpus.test.ts: the corpus figures
  afterAll(() => {
    if (!process.env.HTML_CORPUS_REPORT) return;
    const sum = (k: 'story' | 'kept' | 'claims' | 'sameClaims') => results.reduce((n, r) => n + r[k], 0);
    const count = (k: 'lost' | 'extra' | 'extraProse' | 'extraClaims' | 'lostClaims') =>
      results.reduce((n, r) => n + r[k].length, 0);
    const rows = results.map(
      (r) =>
        `${r.page.padEnd(34)} paragraphs ${r.kept}/${r.story} lost ${r.lost.length} extra ${r.extra.length} (prose ${r.extraProse.length})${r.inOrder ? '' : ' (order!)'}` +
        ` | claims same ${r.sameClaims}/${r.claims} extra ${r.extraClaims.length} lost ${r.lostClaims.length}`,
    );
    const detail = results.flatMap((r) => [
      ...(r.title === expectedOf(r.page).story[0] ? [] : [`${r.page} TITLE ${r.title}`]),
      ...r.lost.map((l) => `${r.page} LOST  ${l.slice(0, 110)}`),
      ...r.extra.map(
        (l) => `${r.page} ${r.extraProse.includes(l) ? 'EXTRA' : 'extra (marked)'} ${l.slice(0, 110)}`,
      ),
      ...r.extraClaims.map((l) => `${r.page} +CLAIM ${l.slice(0, 110)}`),
      ...r.lostClaims.map((l) => `${r.page} -CLAIM ${l.slice(0, 110)}`),
    ]);
    console.log(
      [
        ...rows,
        `TOTAL paragraphs kept ${sum('kept')}/${sum('story')} lost ${count('lost')} extra ${count('extra')} (prose ${count('extraProse')})` +
          ` | claims same ${sum('sameClaims')}/${sum('claims')} extra ${count('extraClaims')} lost ${count('lostClaims')}`,
        ...detail,
      ].join('\n'),
    );
  });
});
