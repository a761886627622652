/** A library holding every kind of row and edit, built through the repositories (backup round trips). */
import type { ClaimId } from '@/core/model/types';
import { saveImportedArticle, softDeleteArticle } from '@/db/articles';
import {
  addManualClaim,
  addTagToClaims,
  removeTagFromClaims,
  setClaimSpeaker,
  setClaimVerdict,
  softDeleteClaim,
  updateClaim,
} from '@/db/claims';
import { db } from '@/db/db';
import { attachSource, removeEvidence, updateEvidence } from '@/db/evidence';
import { withoutHead } from '@/db/history-heads';
import { META_KEYS, setMeta } from '@/db/meta';
import { createQuestion, setStance } from '@/db/questions';
import { createSource, softDeleteSource, updateSource } from '@/db/sources';
import { createSpeaker, mergeSpeakers, updateSpeaker } from '@/db/speakers';
import { storedHistory } from '@/db/testing/stored-history';
import { undo } from '@/db/undo';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB } from './db';

export async function buildFullLibrary(): Promise<void> {
  const a = await saveImportedArticle(
    {
      text: ARTICLE_A,
      title: 'Police chief pledges more officers',
      url: 'https://news.example/a',
      outlet: 'Post',
      publishedAt: '2026-01-02',
    },
    extractionA(),
  );
  const b = await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  await saveImportedArticle({ text: `${ARTICLE_B}\n\nA third, deleted.` }, extractionB()).then((c) =>
    softDeleteArticle(c.articleId),
  );
  const claims = await db.claims.where('articleId').equals(a.articleId).sortBy('start');
  const [c1, c2, c3] = claims.map((c) => c.id) as [ClaimId, ClaimId, ClaimId];
  await setClaimVerdict(c1, 'mostly true');
  await updateClaim(c1, {
    ratingNote: 'Figures from the force: 198 more.',
    notes: 'Ask for the 2014 baseline.',
  });
  await addTagToClaims([c1, c2], 'policing');
  await addTagToClaims([c2], 'victims');
  await removeTagFromClaims([c2], 'victims');
  await setClaimVerdict(c3, 'false');
  const src = await createSource({
    url: 'https://stats.example/census',
    title: 'Census 2021',
    type: 'official statistics',
  });
  const link = await attachSource(c3, src.id, { relation: 'refutes', passage: 'Population: 265,800' });
  await updateEvidence(link.evidence.id, { note: 'Rounded down.' });
  const other = await attachSource(
    c1,
    { url: 'https://force.example/report', title: 'Annual report' },
    { relation: 'supports' },
  );
  await removeEvidence(other.evidence.id);
  await updateSource(src.id, { publisher: 'ONS' });
  const gone = await createSource({ url: 'https://gone.example', title: 'Withdrawn' });
  await softDeleteSource(gone.id);
  const extra = await createSpeaker({ name: 'A council spokesperson', type: 'organization' });
  await updateSpeaker(extra.id, { role: 'press office' });
  await setClaimSpeaker(c2, extra.id);
  const bClaims = await db.claims.where('articleId').equals(b.articleId).toArray();
  const speakers = await db.speakers.toArray();
  const billings = speakers.filter((s) => /billings/i.test(s.name)).map((s) => s.id);
  if (billings.length > 1) await mergeSpeakers(billings[0]!, billings.slice(1));
  const manual = await addManualClaim({ articleId: a.articleId, start: 0, end: 12, kind: 'headline' });
  await softDeleteClaim(manual.id);
  await undo(); // brings the manual claim back
  const q = await createQuestion('Is policing better?', [a.articleId, b.articleId]);
  await setStance(q.id, c1, 'for');
  if (bClaims[0]) await setStance(q.id, bClaims[0].id, 'neutral');
  await setMeta('exportSettings', {
    organizationName: 'Check Desk',
    organizationUrl: 'https://checkdesk.example',
  });
}

/**
 * Every table of the database, each sorted by its key; history entries without their batch-head
 * marks (derived, src/db/history-heads.ts: which entry of a batch carries one depends on how it was written).
 */
export async function dumpTables(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['articles', 'speakers', 'sources', 'claims', 'evidence', 'questions', 'history', 'meta'])
    out[t] = t === 'history' ? await storedHistory() : await db.table(t).toArray();
  out.history = (out.history as Record<string, unknown>[]).map(withoutHead);
  // the undo floor is what a restore writes about itself (src/db/meta.ts), not a row it brings back
  out.meta = (out.meta as { key: string }[]).filter((m) => m.key !== META_KEYS.undoFloor);
  return out;
}
