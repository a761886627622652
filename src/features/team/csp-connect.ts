/**
 * Whether this page's Content Security Policy lets it connect to `url` (its `connect-src`, falling
 * back to `default-src`). The built app allows only its own origin, so a team's CouchDB is served
 * under the app's address (a reverse proxy, e.g. `/couchdb`, see docs/SYNC.md); the form says so
 * up front instead of failing with a network error. Understands 'self', '*', schemes and origins.
 */
export function cspAllowsConnect(url: string, policy: string | null, pageOrigin: string): boolean {
  if (!policy) return true;
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  const sources = directives.get('connect-src') ?? directives.get('default-src');
  if (!sources) return true;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return sources.some((source) => {
    const s = source.toLowerCase();
    if (s === "'self'") return target.origin === pageOrigin;
    if (s === '*') return target.protocol === 'http:' || target.protocol === 'https:';
    if (/^[a-z][a-z0-9+.-]*:$/.test(s)) return target.protocol === s;
    try {
      return new URL(s).origin === target.origin;
    } catch {
      return false;
    }
  });
}

/** The policy of the page's `<meta http-equiv="Content-Security-Policy">`, if any. */
export function pagePolicy(doc: Document = document): string | null {
  return doc.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content') ?? null;
}
