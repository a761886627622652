/** One article of a JSONL corpus: `{id?, title?, url?, outlet?, date?, text}` a line. */
export type CorpusRecord = Readonly<{
  id: string | null;
  title: string | null;
  url: string | null;
  outlet: string | null;
  date: string | null;
  text: string;
}>;

export type CorpusLine =
  | Readonly<{ ok: true; record: CorpusRecord }>
  | Readonly<{ ok: false; reason: string }>;

const KEYS = new Set(['id', 'title', 'url', 'outlet', 'date', 'text']);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const optionalString = (value: unknown, max: number): string | null | undefined => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? null : t.slice(0, max);
};

/** Reads one line of a corpus; a bad line says why, in words for the failure list. */
export function parseCorpusLine(line: string): CorpusLine {
  let value: unknown;
  try {
    value = JSON.parse(line, (key, v) => {
      if (FORBIDDEN.has(key)) throw new SyntaxError('forbidden key');
      return v;
    });
  } catch (e) {
    return {
      ok: false,
      reason:
        (e as Error).message === 'forbidden key' ? 'holds a forbidden key (__proto__)' : 'not valid JSON',
    };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, reason: 'not a JSON object {"text": …}' };
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string') return { ok: false, reason: 'has no "text" string' };
  if (!o.text.trim()) return { ok: false, reason: 'the text is empty' };
  const unknown = Object.keys(o).find((k) => !KEYS.has(k));
  if (unknown !== undefined) return { ok: false, reason: `has an unknown field "${unknown.slice(0, 40)}"` };
  const fields = {
    id: optionalString(o.id, 200),
    title: optionalString(o.title, 500),
    url: optionalString(o.url, 2_000),
    outlet: optionalString(o.outlet, 200),
    date: optionalString(o.date, 40),
  };
  const bad = Object.entries(fields).find(([, v]) => v === undefined);
  if (bad) return { ok: false, reason: `"${bad[0]}" is not a string` };
  return { ok: true, record: { ...(fields as Omit<CorpusRecord, 'text'>), text: o.text } };
}
