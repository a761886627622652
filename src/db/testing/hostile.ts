/** Hostile inputs shared by the table-driven tests (each a name and a value). */

/** Addresses that must never become a link: other schemes, disguised schemes, junk. */
export const HOSTILE_URLS: readonly (readonly [string, string])[] = [
  ['javascript: URL', 'javascript:alert(1)'],
  ['javascript: in capitals', 'JAVASCRIPT:alert(1)'],
  ['javascript: after spaces', '   javascript:alert(1)'],
  ['javascript: with a tab inside', 'java\tscript:alert(1)'],
  ['javascript: with a newline inside', 'java\nscript:alert(1)'],
  ['javascript: after a NUL', '\u0000javascript:alert(1)'],
  ['javascript: entity-encoded', 'javascript&#58;alert(1)'],
  ['javascript: percent-encoded colon', 'javascript%3Aalert(1)'],
  ['javascript: with a comment', 'javascript://%0aalert(1)'],
  ['vbscript: URL', 'vbscript:msgbox(1)'],
  ['data: HTML', 'data:text/html,<script>alert(1)</script>'],
  ['data: base64 HTML', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['data: SVG', 'data:image/svg+xml,<svg onload=alert(1)>'],
  ['file: URL', 'file:///etc/passwd'],
  ['blob: URL', 'blob:https://example.org/1234'],
  ['filesystem: URL', 'filesystem:https://example.org/temporary/x'],
  ['about: URL', 'about:blank'],
  ['chrome: URL', 'chrome://settings'],
  ['mailto: URL', 'mailto:someone@example.org'],
  ['ftp: URL', 'ftp://example.org/file'],
  ['ws: URL', 'ws://example.org/socket'],
  ['intent: URL', 'intent://scan/#Intent;scheme=zxing;end'],
  ['protocol-relative URL', '//evil.example/x'],
  ['backslashes', '\\\\evil.example\\x'],
  ['only a scheme', 'https://'],
  ['spaces in the host', 'https://exa mple.org/'],
  ['a 100,000-character address', `https://example.org/${'a'.repeat(100_000)}`],
];

/** Addresses that are fine once normalised (each stored as http(s), never as written if unsafe). */
export const ODD_BUT_SAFE_URLS: readonly (readonly [string, string])[] = [
  ['a bare host', 'example.org/report'],
  ['markup in the path', 'https://example.org/<script>alert(1)</script>'],
  ['quotes in the query', 'https://example.org/?q="><img src=x onerror=alert(1)>'],
  ['an IDN host', 'https://münchen.example/'],
  ['a user and password', 'https://user:pass@example.org/'],
  ['an =formula in the query', 'https://example.org/?a==HYPERLINK("http://evil")'],
];
