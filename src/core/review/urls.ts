export type UrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Source links are untrusted input: only absolute http(s) URLs are accepted, so that nothing a user pastes or
 * imports can become a `javascript:` or `data:` link.
 */
export function checkSourceUrl(input: string): UrlCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, reason: 'Enter the source’s address (http:// or https://).' };
  if (raw.length > 2048) return { ok: false, reason: 'That address is longer than 2,048 characters.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw)
    ? raw
    : /^[\w-]+(\.[\w-]+)+([/?#:]|$)/.test(raw)
      ? `https://${raw}`
      : raw;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: 'That is not a web address.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `Only http and https links are allowed, not “${url.protocol}”.` };
  }
  if (!url.hostname) return { ok: false, reason: 'That address has no host name.' };
  return { ok: true, url: url.href };
}

/** The href to render for a stored URL, or null when it must be shown as plain text. */
export function safeHref(stored: string | null | undefined): string | null {
  if (!stored) return null;
  const check = checkSourceUrl(stored);
  return check.ok && /^https?:\/\//i.test(stored.trim()) ? check.url : null;
}
