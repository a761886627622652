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
});
