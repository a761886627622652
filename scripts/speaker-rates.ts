// How many speakers an import creates: claims, speakers named and speakers new to the library per
// article, imported in order, for the PolNeAR corpus in ../shared/corpora (read at run time; none of
// its text is stored here) and for the bulk import bench's made-up corpus (bench/bulk-import-corpus.ts).
//   npx tsx scripts/speaker-rates.ts [bench articles, default 200]
import { existsSync, readFileSync } from 'node:fs';
import { corpusArticle } from '../bench/bulk-import-corpus';
import { extractClaims } from '../src/core/extract/pipeline';
import { speakerKey } from '../src/core/model/speaker-key';

function rates(name: string, texts: Iterable<string>) {
  const known = new Set<string>();
  let articles = 0;
  let claims = 0;
  let named = 0;
  let created = 0;
  for (const text of texts) {
    const extraction = extractClaims(text);
    const attributed = extraction.claims.filter((c) => c.kind !== 'unattributed');
    const used = new Set(attributed.map((c) => c.speakerId));
    const keys = new Set(
      extraction.speakers.filter((s) => used.has(s.id)).map((s) => speakerKey(s.name.trim())),
    );
    articles++;
    claims += attributed.length;
    named += keys.size;
    for (const k of keys) {
      if (known.has(k)) continue;
      created++;
      known.add(k);
    }
  }
  const per = (n: number, d: number) => (n / d).toFixed(2);
  console.log(
    `${name}: ${articles} articles, claims ${per(claims, articles)} an article, speakers named ${per(named, articles)} and new ${per(created, articles)} an article, new speakers ${per(created, claims)} a claim`,
  );
}

const polnear = new URL('../../shared/corpora/polnear-train.json', import.meta.url);
if (existsSync(polnear)) {
  const docs = JSON.parse(readFileSync(polnear, 'utf8')) as { text: string }[];
  rates(
    'PolNeAR (train)',
    (function* () {
      for (const d of docs) yield d.text;
    })(),
  );
} else console.log(`no ${polnear.pathname}: PolNeAR not measured`);

const benchArticles = Number(process.argv[2] ?? 200);
rates(
  'bulk import bench',
  (function* () {
    for (let i = 0; i < benchArticles; i++) yield corpusArticle(i, 25).text;
  })(),
);
