import type { Extraction } from '@/core/extract/types';
import { matchSpeakers, speakerLookupKeys } from '@/core/model/speaker-match';
import type { Article, Claim, Speaker } from '@/core/model/types';
import {
  type ArticleInput,
  byKeyThenId,
  duplicateOf,
  type ImportResult,
  type PreparedImport,
  planImportRows,
  prepareImport,
  speakerIdChooser,
  writeImportRows,
} from './articles';
import { db } from './db';
import { allOrNothing } from './derived/middleware';
import { type HistoryChange, newBatchId, recordHistory } from './history';

export type BatchArticle = Readonly<{
  input: ArticleInput;
  extraction: Extraction;
  /** `sha256Hex(input.text)`, when the caller has it already (hashing is then not part of the write). */
  sha256?: string;
}>;

type Planned = {
  article: Article;
  claims: Claim[];
  changes: HistoryChange[];
};

/**
 * Writes a batch of extracted articles in one transaction (one undo step): a reload or a cancel
 * leaves every article of the batch or none. A text already stored (or twice in the batch) comes
 * back as 'duplicate' and writes nothing. Checks and hashing run before the transaction.
 *
 * The rows are the ones `writePreparedImport` makes article by article (speakers matched in order,
 * each article seeing the speakers the ones before it created or merged), but they are written in
 * one bulk request per table: the derived-rows middleware then works out the facets and summary
 * deltas of the whole batch once, instead of reading and rewriting the library's summaries for
 * every article.
 */
export async function saveImportBatch(articles: readonly BatchArticle[]): Promise<ImportResult[]> {
  // the articles' hashes (each a round trip to the browser's crypto) are worked out together
  const prepared: PreparedImport[] = await Promise.all(
    articles.map((a) => prepareImport(a.input, a.extraction, a.sha256)),
  );
  const batchId = newBatchId();
  const wanted = prepared.map((p) => {
    const claims = p.extraction.claims.filter((c) => c.kind !== 'unattributed');
    const used = new Set(claims.map((c) => c.speakerId));
    const speakers = p.extraction.speakers.filter((s) => used.has(s.id));
    return { claims, speakers, keys: [...new Set(speakers.flatMap(speakerLookupKeys))] };
  });
  return db.transaction('rw', [db.articles, db.speakers, db.claims, db.history], async () => {
    // nothing here catches a failed write: the derived rows may go out alongside the claims
    allOrNothing();
    // The reads go out together, one request per key: `anyOf` walks a cursor, a round trip per key.
    const shas = [...new Set(prepared.map((p) => p.sha))];
    const allKeys = [...new Set(wanted.flatMap((w) => w.keys))];
    // a derived speaker id already in use is not reused (as writePreparedImport)
    const derived = [...new Set(prepared.flatMap((p) => [...p.speakerIds.values()]))];
    const [stored, known, derivedRows] = await Promise.all([
      Promise.all(shas.map((sha) => db.articles.where('sha256').equals(sha).first())),
      Promise.all(allKeys.map((key) => db.speakers.where('key').equals(key).toArray())),
      db.speakers.bulkGet(derived),
    ]);
    const storedBySha = new Map(
      stored.filter((a): a is Article => a !== undefined).map((a) => [a.sha256, a]),
    );
    // the speakers any article of the batch may match, kept current as the batch creates and merges
    const speakers = new Map<string, Speaker>();
    for (const s of known.flat()) speakers.set(s.id, s);
    const created = new Set<string>();
    const merged = new Set<string>();
    const taken = new Set(derivedRows.flatMap((s, i) => (s ? [derived[i]!] : [])) as string[]);

    const now = Date.now();
    const results: ImportResult[] = [];
    const planned: Planned[] = [];
    const batchBySha = new Map<string, Planned>();
    for (const [i, p] of prepared.entries()) {
      const existing = storedBySha.get(p.sha);
      if (existing) {
        results.push(await duplicateOf(existing));
        continue;
      }
      const earlier = batchBySha.get(p.sha);
      if (earlier) {
        results.push({
          status: 'duplicate',
          articleId: earlier.article.id,
          title: earlier.article.title,
          claimCount: earlier.claims.length,
          deleted: false,
        });
        continue;
      }
      const w = wanted[i]!;
      const keys = new Set(w.keys);
      const known = [...speakers.values()].filter((s) => keys.has(s.key)).sort(byKeyThenId);
      const match = matchSpeakers(w.speakers, known, speakerIdChooser(p, taken), now);
      for (const s of match.created) {
        speakers.set(s.id, s);
        created.add(s.id);
      }
      for (const m of match.merged) {
        speakers.set(m.after.id, m.after);
        if (!created.has(m.after.id)) merged.add(m.after.id);
      }
      const plan = planImportRows(p, w.claims, match, now);
      planned.push(plan);
      batchBySha.set(p.sha, plan);
      results.push({
        status: 'created',
        articleId: plan.article.id,
        title: plan.article.title,
        claimCount: plan.claims.length,
      });
    }
    if (planned.length === 0) return results;

    await writeImportRows({
      articles: planned.map((p) => p.article),
      created: [...created].map((id) => speakers.get(id)!),
      merged: [...merged].map((id) => speakers.get(id)!),
      claims: planned.flatMap((p) => p.claims),
      history: () =>
        recordHistory(
          planned.flatMap((p) => p.changes),
          now,
          { batchId },
        ),
    });
    return results;
  });
}
