import { describe, expect, test } from 'vitest';
import { htmlToText } from '@/features/import/html-to-text';

const page = `<!doctype html><html><head><title>Harbour | Gazette</title></head><body>
  <nav><a href="/">Home</a> · <a href="/news">News</a></nav>
  <article>
    <h1>Harbour plan approved</h1>
    <p>The harbour master said: "The new wall will protect <b>two hundred</b> homes."</p>
    <script>window.__pwned = true</script>
    <img src="x" onerror="window.__pwned = true">
    <p>Councillor Ann Berry said the cost had doubled<br>since 2021.</p>
    <p>The council will publish the full plan next month, after a final round of consultation with residents and businesses on the seafront.</p>
  </article>
  <footer>© Gazette</footer>
</body></html>`;

describe('htmlToText', () => {
  test('keeps the article as paragraphs of plain text, without scripts or page furniture', () => {
    const { text } = htmlToText(page);
    expect(text).toContain('The harbour master said: "The new wall will protect two hundred homes."');
    expect(text).toContain('Councillor Ann Berry said the cost had doubled\nsince 2021.');
    expect(text).toMatch(/homes\."\n\nCouncillor/);
    expect(text).not.toMatch(/__pwned|<|Home · News|© Gazette/);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  test('a fragment too short for Readability still gives its text', () => {
    expect(htmlToText('<p>One.</p><p>Two.</p>').text).toBe('One.\n\nTwo.');
  });

  test('markup with no words gives empty text', () => {
    expect(htmlToText('<script>alert(1)</script><img src=x>').text).toBe('');
  });

  test("the headline Readability takes out as the title's copy is kept as the text's first line", () => {
    const story = `<!doctype html><html><head><title>Police chief says people are 'jumping to conclusions' - BBC News</title></head>
      <body><header><h1>BBC News</h1></header><div class="story"><h1>Police chief says people are 'jumping to conclusions'</h1>
      <p>South Yorkshire's police and crime commissioner has said people concerned about child abuse are jumping to conclusions about what is happening in the town.</p>
      <p>Alan Billings said the force was doing everything it could and that he had seen no evidence of a cover-up at any point this year.</p></div></body></html>`;
    const { text, title } = htmlToText(story);
    expect(title).toBe("Police chief says people are 'jumping to conclusions'");
    expect(text).toMatch(/^Police chief says people are 'jumping to conclusions'\n\nSouth Yorkshire's/);
    expect(text.match(/jumping to conclusions'/g)).toHaveLength(1);
  });

  test("a site's name in a heading is not taken for the headline, and a headline kept in the article is not doubled", () => {
    const { text } =
      htmlToText(`<!doctype html><html><head><title>Millbrook bridge to reopen | Calder Gazette</title></head>
      <body><header><h1>Calder Valley Gazette</h1></header><article><h1>Millbrook bridge to reopen in May, council says</h1>
      <p>The council said on Monday that the bridge would reopen in May after repairs costing two million pounds, and that buses would return the same week.</p>
      <p>"We are confident," said Priya Shah, the council leader, adding that the contractor was ahead of schedule on the repairs.</p></article></body></html>`);
    expect(text).not.toContain('Calder Valley Gazette');
    expect(text.match(/Millbrook bridge to reopen in May/g)).toHaveLength(1);
    expect(text).toMatch(/^Millbrook bridge to reopen in May, council says\n\nThe council said/);
  });
});
