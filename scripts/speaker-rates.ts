// How many speakers an import creates: claims, speakers named and speakers new to the library per
// article, imported in order, for the PolNeAR corpus in ../shared/corpora (read at run time; none of
// its text is stored here) and for the bulk import bench's made-up corpus (bench/bulk-import-corpus.ts).
// Speakers are matched as an import matches them (`matchSpeakers`, against the speakers its keys find).
//   npx tsx scripts/speaker-rates.ts [bench articles, default 200]
import { existsSync, readFileSync } from 'node:fs';
import { corpusArticle } from '../bench/bulk-import-corpus';
import { extractClaims } from '../src/core/extract/pipeline';
import { matchSpeakers, speakerLookupKeys } from '../src/core/model/speaker-match';
import type { Speaker, SpeakerId } from '../src/core/model/types';

function rates(name: string, texts: readonly string[]) {
  const library = new Map<SpeakerId, Speaker>();
  let ids = 0;
  let claims = 0;
  let named = 0;
  let created = 0;
  for (const text of texts) {
    const extraction = extractClaims(text);
    const attributed = extraction.claims.filter((c) => c.kind !== 'unattributed');
    const used = new Set(attributed.map((c) => c.speakerId));
    const speakers = extraction.speakers.filter((s) => used.has(s.id));
    const keys = new Set(speakers.flatMap(speakerLookupKeys));
    const known = [...library.values()].filter((s) => keys.has(s.key));
    const match = matchSpeakers(speakers, known, () => `s${ids++}` as SpeakerId, 0);
    for (const s of match.created) library.set(s.id, s);
    for (const m of match.merged) library.set(m.after.id, m.after);
    claims += attributed.length;
    named += new Set(match.speakerIdOf.values()).size;
    created += match.created.length;
  }
  const per = (n: number, d: number) => (n / d).toFixed(2);
  const articles = texts.length;
  console.log(
    `${name}: ${articles} articles, claims ${per(claims, articles)} an article, speakers named ${per(named, articles)} and new ${per(created, articles)} an article, new speakers ${per(created, claims)} a claim`,
  );
}

const polnear = new URL('../../shared/corpora/polnear-train.json', import.meta.url);
if (existsSync(polnear)) {
  const docs = JSON.parse(readFileSync(polnear, 'utf8')) as { text: string }[];
  rates(
    'PolNeAR (train)',
    docs.map((d) => d.text),
  );
} else console.log(`no ${polnear.pathname}: PolNeAR not measured`);

const benchArticles = Number(process.argv[2] ?? 200);
rates(
  'bulk import bench',
  Array.from({ length: benchArticles }, (_, i) => corpusArticle(i, 25).text),
);
