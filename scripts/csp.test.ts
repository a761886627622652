import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { headerPolicy, metaPolicy } from './csp';

const html = readFileSync(join(import.meta.dirname, '..', 'index.html'), 'utf8');
const directives = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

describe('Content Security Policy', () => {
  const policy = directives(metaPolicy(html));

  test('no inline or evaluated script, no remote origin, nothing embedded', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    for (const [name, values] of policy) {
      for (const v of values) {
        expect(v, name).not.toMatch(/unsafe|https?:|\*|wss?:/);
      }
    }
  });

  test('the preview header is the page policy plus frame-ancestors', () => {
    expect(headerPolicy(html)).toBe(`${metaPolicy(html)}; frame-ancestors 'none'`);
  });

  test('index.html has no inline script', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
  });
});
