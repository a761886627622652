/**
 * The Content Security Policy lives in one place, the `<meta http-equiv>` of `index.html`; the
 * preview server (`npm start`) sends the same policy as a header, plus what only a header can say.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>\s*/i;

/** The policy written in the page's meta tag. */
export function metaPolicy(html: string): string {
  const match = META.exec(html);
  if (!match) throw new Error('index.html has no Content-Security-Policy meta tag');
  return match[1]!;
}

/** The policy as a header: the meta policy plus `frame-ancestors`, which a meta tag cannot set. */
export function headerPolicy(html: string): string {
  return `${metaPolicy(html)}; frame-ancestors 'none'`;
}

export function previewSecurityHeaders(indexHtmlPath: string): Record<string, string> {
  return {
    'Content-Security-Policy': headerPolicy(readFileSync(indexHtmlPath, 'utf8')),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** The dev server injects an inline React Refresh preamble: drop the policy there (the build keeps it). */
export function cspOnlyInBuild(): Plugin {
  return {
    name: 'claimdesk-csp-only-in-build',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(META, ''),
  };
}
