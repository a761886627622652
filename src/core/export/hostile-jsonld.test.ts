/**
 * Hostile text and addresses in the JSON-LD exports (ClaimReview, Web Annotation): the file stays
 * valid JSON that gives back exactly the text stored, can be pasted into an HTML
 * `<script type="application/ld+json">` without ending or bending it, and links only http(s).
 */
import { describe, expect, test } from 'vitest';
import type { Claim } from '@/core/model/types';
import { article, claim, item, MAYOR, source, speaker, TEXT, UUID_URN } from '@/test/export-rows';
import { claimUrn } from './claim-urn';
import { claimReviewOf, claimReviewProblems } from './claimreview';
import { neutraliseCell } from './csv-cell';
import type { ExportItem } from './export-item';
import { scriptSafeJson } from './json-list';
import { type ExportFormat, renderExport } from './render';
import type { ExportSettings } from './settings';

const SETTINGS: ExportSettings = {
  organizationName: 'Check Desk',
  organizationUrl: 'https://checkdesk.example/',
  reviewUrlPattern: 'https://checkdesk.example/claims/{claimId}',
};

const HOSTILE_TEXT = [
  '</script><script>alert(1)</script>',
  '</SCRIPT ><img src=x onerror=alert(1)>',
  '<!-- <script> --> & &amp; &lt;',
  '<![CDATA[ ]]> </style> </template>',
  'line\u2028separator and paragraph\u2029separator',
  '=HYPERLINK("http://evil.example","Click")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd',
  '@SUM(1+1)',
  '\t=1+1',
  'javascript:alert(1)',
  '"}]},{"@type":"ClaimReview","url":"https://evil.example"',
  '\\u003c/script\\u003e written out',
  'nul \u0000 bell \u0007 escape \u001b del \u007f',
  'lone surrogate \ud800 here',
  'emoji 🧪 and bidi \u202e override \u202c',
  '__proto__',
  '{"constructor":{"prototype":{"polluted":true}}}',
];

/** A rated claim whose text, note, speaker, article title and outlet are all `text`. */
function hostileItem(text: string): ExportItem {
  const c: Claim = { ...claim(MAYOR), text, ratingNote: text, tags: [text] };
  return item(c, {
    article: article({ title: text, outlet: text }),
    speaker: speaker({ name: text, role: text }),
    links: [],
  });
}

async function render(format: ExportFormat, items: readonly ExportItem[], settings = SETTINGS) {
  let out = '';
  for await (const chunk of renderExport(format, [items], { settings, title: 'x' })) out += chunk;
  return out;
}

/** Every string anywhere in a parsed document. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** What the HTML tokenizer looks for inside a script element's text. */
const SCRIPT_BREAKERS = /<\/script|<!--|<script|[\u2028\u2029]/i;

describe('hostile text in the JSON-LD exports', () => {
  for (const format of ['claimreview', 'webannotation'] as const) {
    for (const text of HOSTILE_TEXT) {
      test(`${format}: ${JSON.stringify(text).slice(0, 44)} stays exact, valid and script-safe`, async () => {
        const out = await render(format, [hostileItem(text)]);
        expect(out).not.toMatch(SCRIPT_BREAKERS);
        expect(out).not.toMatch(/[<>&]/);
        const docs = JSON.parse(out) as Record<string, unknown>[];
        expect(docs).toHaveLength(1);
        const values = strings(docs[0]);
        if (format === 'claimreview') {
          const doc = docs[0] as { claimReviewed: string; reviewRating: { ratingExplanation: string } };
          expect(doc.claimReviewed).toBe(text);
          expect(doc.reviewRating.ratingExplanation).toBe(text.trim());
          expect(values).toContain(text); // title, outlet, speaker name: as stored
        } else {
          expect(values).toContain(text); // speaker, tag
        }
        // formula text is data here, not a spreadsheet cell: never changed
        expect(values.some((v) => v.startsWith("'"))).toBe(false);
        expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
      });
    }
  }

  test('the escapes give back the same values, and a pasted <script> element ends only where it should', () => {
    for (const text of HOSTILE_TEXT) {
      const json = scriptSafeJson({ text });
      expect(JSON.parse(json)).toEqual({ text });
      const html = `<script type="application/ld+json">${json}</script>`;
      // the first "</script" is the element's own end tag
      expect(html.toLowerCase().indexOf('</script')).toBe(html.length - '</script>'.length);
    }
  });

  test('a document is one line: no raw line separators, so each stays its own line of the file', async () => {
    const out = await render('claimreview', HOSTILE_TEXT.map(hostileItem));
    const lines = out.split('\n');
    expect(lines).toHaveLength(HOSTILE_TEXT.length + 3); // "[", a line per document, "]", and the final newline
    expect(JSON.parse(out)).toHaveLength(HOSTILE_TEXT.length);
  });
});

describe('addresses in the JSON-LD exports are only ever http(s)', () => {
  const BAD_URLS = [
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    'not a url',
  ];

  for (const bad of BAD_URLS) {
    test(`${JSON.stringify(bad)} as the article, source, organisation and review addresses`, async () => {
      const c = claim(MAYOR);
      const hostile = item(c, {
        article: article({ url: bad }),
        links: [{ evidence: { ...item(c).links[0]!.evidence }, source: source({ url: bad }) }],
      });
      const settings: ExportSettings = {
        organizationName: 'Check Desk',
        organizationUrl: bad,
        reviewUrlPattern: `${bad}{claimId}`,
      };
      for (const format of ['claimreview', 'webannotation'] as const) {
        const out = await render(format, [hostile], settings);
        const values = strings(JSON.parse(out));
        for (const v of values) expect(v, format).not.toMatch(/^\s*(javascript|data|vbscript|file):/i);
        expect(values.some((v) => v.includes('evil.example'))).toBe(false);
      }
      const doc = claimReviewOf(hostile, settings)!;
      expect(doc.url).toMatch(UUID_URN);
      expect(doc.url).toBe(claimUrn(c.id));
      expect(doc.author).toEqual({ '@type': 'Organization', name: 'Check Desk' });
      expect(doc.itemReviewed.appearance?.url).toBeUndefined();
      expect(claimReviewProblems(doc)).toContain(
        'url is not an http(s) address (set a review URL pattern in Settings)',
      );
    });
  }

  test('a web annotation of an article without an http(s) address points at its text hash', async () => {
    const out = await render('webannotation', [
      item(claim(MAYOR), { article: article({ url: 'javascript:x' }) }),
    ]);
    const [doc] = JSON.parse(out) as { target: { source: string } }[];
    expect(doc!.target.source).toBe(`urn:sha256:${'a'.repeat(64)}`);
  });

  test('a published date that is not a date is left out of the review', () => {
    const doc = claimReviewOf(
      item(claim(MAYOR), { article: article({ publishedAt: '<script>alert(1)</script>' }) }),
      SETTINGS,
    )!;
    expect(doc.itemReviewed.datePublished).toBeUndefined();
    expect(doc.itemReviewed.appearance?.datePublished).toBeUndefined();
    const dated = claimReviewOf(item(claim(MAYOR)), SETTINGS)!;
    expect(dated.itemReviewed.datePublished).toBe('2026-01-14');
  });
});

describe('formula prefixes the CSV guard also catches', () => {
  for (const f of [' =1+1', '\u3000=1+1', '\uff1d1+1', '\uff0bcmd', '\uff20SUM(1)', '\n=1+1', '  @x']) {
    test(`${JSON.stringify(f)} stays text`, () => {
      expect(neutraliseCell(f)).toBe(`'${f}`);
    });
  }
  test('ordinary text and numbers are left alone', () => {
    for (const s of ['Hello', ' plain', '-5', '5 - 3', 'a=b', TEXT.split('\n')[0]!])
      expect(neutraliseCell(s)).toBe(s);
  });
});
