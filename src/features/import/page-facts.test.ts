import { describe, expect, test } from 'vitest';
import { htmlToText } from '@/features/import/html-to-text';
import { readFile } from '@/features/import/import-article';

const STORY = `<article><h1>Ferry fares to rise 9%</h1>
  <p>Islanders face a 9% rise in ferry fares from January, after the operator said its fuel and staff costs had risen by £6.8m this year.</p>
  <p>“We have held fares for two years while our costs have gone up every month,” said the chief executive, Renée Dubois, on Thursday.</p></article>`;

const page = (head: string, body = STORY, before = '') =>
  `<!DOCTYPE html>${before}<html><head><meta charset="utf-8"><title>Ferry fares to rise 9% | Wessex Gazette</title>${head}</head><body>${body}</body></html>`;

const facts = (html: string) => {
  const { url, outlet, publishedAt } = htmlToText(html);
  return { url, outlet, publishedAt };
};

describe('a saved page says where it came from', () => {
  test('from its canonical link, Open Graph site name and article meta', () => {
    expect(
      facts(
        page(`<link rel="canonical" href="https://www.wessexgazette.example/news/ferry-fares-9931">
          <meta property="og:site_name" content="Wessex Gazette">
          <meta property="article:published_time" content="2026-12-03T06:00:00+00:00">`),
      ),
    ).toEqual({
      url: 'https://www.wessexgazette.example/news/ferry-fares-9931',
      outlet: 'Wessex Gazette',
      publishedAt: '2026-12-03T06:00:00+00:00',
    });
  });

  test("from schema.org JSON-LD (an AMP page's way), in a @graph, and the comment a browser writes when saving", () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Lakeland Today' },
        {
          '@type': ['NewsArticle'],
          datePublished: '2026-11-28T14:00:00Z',
          publisher: { '@type': 'Organization', name: 'Lakeland Today' },
        },
      ],
    });
    expect(
      facts(
        page(
          `<script type="application/ld+json">${ld}</script>`,
          STORY,
          '\n<!-- saved from url=(0055)https://www.lakelandtoday.example/news/fined-4821 -->\n',
        ),
      ),
    ).toEqual({
      url: 'https://www.lakelandtoday.example/news/fined-4821',
      outlet: 'Lakeland Today',
      publishedAt: '2026-11-28T14:00:00Z',
    });
  });

  test("from the story's own <time itemprop=datePublished> when the head has no date", () => {
    const body = STORY.replace(
      '<h1>',
      '<p class="byline">By Siân O’Donnell <time itemprop="datePublished" datetime="2026-12-03">3 December</time></p><h1>',
    );
    expect(facts(page('', body)).publishedAt).toBe('2026-12-03');
  });

  test('what is not an http(s) address, a date or a short name is not kept; broken JSON-LD says nothing', () => {
    expect(
      facts(
        page(`<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="/news/relative">
          <meta property="og:site_name" content="${'x'.repeat(300)}">
          <meta property="article:published_time" content="last Thursday">
          <script type="application/ld+json">{"@type":"NewsArticle",</script>`),
      ),
    ).toEqual({ url: null, outlet: null, publishedAt: null });
  });

  test('a pasted fragment, with no head, says nothing of its page', () => {
    expect(facts('<p>One paragraph.</p><p>“Two,” she said.</p>')).toEqual({
      url: null,
      outlet: null,
      publishedAt: null,
    });
  });

  test("the app's file import keeps them for the article (its CSV and ClaimReview columns)", async () => {
    const html =
      page(`<meta property="og:url" content="https://www.wessexgazette.example/news/ferry-fares-9931">
      <meta name="application-name" content="Wessex Gazette"><meta name="pubdate" content="2026-12-03">`);
    const read = await readFile(new File([html], 'Ferry fares.html', { type: 'text/html' }));
    expect(read).toMatchObject({
      title: 'Ferry fares to rise 9%',
      url: 'https://www.wessexgazette.example/news/ferry-fares-9931',
      outlet: 'Wessex Gazette',
      publishedAt: '2026-12-03',
    });
  });
});
