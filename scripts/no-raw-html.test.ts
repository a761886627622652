/**
 * Untrusted text (articles, claims, notes, sources, imported files) must never reach the DOM as
 * HTML. React escapes text; these are the ways around it. Biome's recommended
 * `security/noDangerouslySetInnerHtml` catches the JSX prop; this test catches the DOM APIs too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const RAW_HTML =
  /\b(dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|srcdoc|createContextualFragment)\b/;
// A file may be listed here only with the reason its HTML is not untrusted text. None today.
const ALLOWED: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function rawHtmlUses(text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => RAW_HTML.test(line) && !/^\s*(\/\/|\*)/.test(line))
    .map(({ line, i }) => `${i + 1}: ${line.trim()}`);
}

describe('no raw HTML from untrusted text', () => {
  test('the detector finds each way of injecting HTML', () => {
    for (const code of [
      'el.innerHTML = claim.text;',
      '<div dangerouslySetInnerHTML={{ __html: note }} />',
      "el.insertAdjacentHTML('beforeend', s)",
      'document.write(s)',
      'iframe.srcdoc = html',
      'range.createContextualFragment(html)',
      'node.outerHTML = x',
    ]) {
      expect(rawHtmlUses(code), code).toHaveLength(1);
    }
    expect(rawHtmlUses('el.textContent = claim.text;')).toEqual([]);
  });

  test('src/ uses none of them', () => {
    const found = sourceFiles(join(ROOT, 'src'))
      .map((file) => ({ file: relative(ROOT, file), uses: rawHtmlUses(readFileSync(file, 'utf8')) }))
      .filter((f) => f.uses.length > 0 && !(f.file in ALLOWED));
    expect(found).toEqual([]);
  });
});
