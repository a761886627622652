import type { Extraction } from '@/core/extract/types';
import { articleText } from '@/core/import/article-text';
import { declaredCharset, isLegacyCharset } from '@/core/import/charset';
import { decodeFile } from '@/core/import/decode-file';
import { looksLikeMarkdown } from '@/core/import/plain-text';
import {
  checkFileBytes,
  checkFileSize,
  checkUrl,
  classifyFile,
  type ImportFormat,
  type ImportProblem,
  looksLikeHtml,
} from '@/core/import/validate';
import type { ArticleId } from '@/core/model/types';
import { type ArticleInput, findArticleByHash, seedArticleOnce, sha256Hex } from '@/db/articles';
import { getMeta } from '@/db/meta';
import { ImportRefused } from '@/features/import/import-refused';
import { yieldToBrowser } from '@/ui/yield-to-browser';
import { saveImportedArticleOffThread } from '@/workers/import-writer';
import { extractClaims } from '@/workers/pipeline';

export { ImportRefused };

export type ImportSource =
  | Readonly<{ kind: 'paste'; text: string; title?: string; url?: string }>
  | Readonly<{ kind: 'file'; file: File }>;

export type ImportStage = 'reading' | 'extracting' | 'saving';

export type ImportOutcome = Readonly<{
  status: 'created' | 'duplicate';
  articleId: ArticleId;
  title: string;
  claimCount: number;
  /** A duplicate of an article that was deleted: it can be restored rather than imported again. */
  deleted?: boolean;
}>;

const must = <T>(r: { ok: true; value: T } | { ok: false; problem: ImportProblem }): T => {
  if (!r.ok) throw new ImportRefused(r.problem);
  return r.value;
};

export type Prepared = Readonly<{
  text: string;
  title: string | null;
  url: string | null;
  /** As a saved page's head says (null for text, Markdown and pages that do not say). */
  outlet: string | null;
  publishedAt: string | null;
}>;

export async function readFile(file: File): Promise<Prepared> {
  must(checkFileSize(file.size)); // before reading a byte
  const format: ImportFormat = must(classifyFile(file.name, file.type));
  const data = new Uint8Array(await file.arrayBuffer());
  // a saved page declares its encoding (<meta charset="windows-1252">); text and Markdown are UTF-8
  const charset = format === 'html' ? declaredCharset(data) : null;
  const bytes = must(checkFileBytes(file.name, data, isLegacyCharset(charset)));
  const raw = must(decodeFile(file.name, bytes, charset));
  return fromRaw(raw, format, null, null);
}

/** Plain text as the extractor needs it: Markdown syntax and HTML character references read as words. */
async function fromRaw(
  raw: string,
  format: ImportFormat,
  title: string | null,
  url: string | null,
): Promise<Prepared> {
  // Readability and DOMPurify load only when HTML arrives (they are most of the import code).
  const html = format === 'html' ? (await import('./html-to-text')).htmlToText : undefined;
  const article = must(articleText(raw, format, html));
  return {
    text: article.text,
    title: title ?? article.title,
    url: url ?? article.url ?? null,
    outlet: article.outlet ?? null,
    publishedAt: article.publishedAt ?? null,
  };
}

export function readPaste(
  text: string,
  title: string | undefined,
  url: string | undefined,
): Promise<Prepared> {
  const link = must(checkUrl(url ?? ''));
  const format: ImportFormat = looksLikeHtml(text) ? 'html' : looksLikeMarkdown(text) ? 'markdown' : 'text';
  return fromRaw(text, format, title?.trim() || null, link);
}

/**
 * The import path every article takes (paste, file, drop, the first-run reference article):
 * validate → hash and dedupe → extract in the worker → one transaction in the import worker. Throws ImportRefused
 * for bad input; database errors pass through for describeDbError.
 */
export async function importArticle(
  source: ImportSource,
  onStage: (stage: ImportStage) => void = () => undefined,
): Promise<ImportOutcome> {
  return runImport(source, onStage, saveImportedArticleOffThread);
}

/**
 * The first-run import of a built-in article: the same path, written with `seedArticleOnce`, so
 * two tabs opened together on a fresh profile seed it once, and a deleted one never comes back.
 * Null when it was seeded before.
 */
export async function importArticleOnce(
  metaKey: string,
  source: ImportSource,
): Promise<ImportOutcome | null> {
  if (await getMeta(metaKey)) return null;
  let seeded = true;
  const outcome = await runImport(
    source,
    () => undefined,
    async (input, extraction) => {
      const result = await seedArticleOnce(metaKey, input, extraction);
      if (result) return result;
      seeded = false;
      return { status: 'duplicate', articleId: '' as ArticleId, title: '', claimCount: 0 };
    },
  );
  return seeded ? outcome : null;
}

async function runImport(
  source: ImportSource,
  onStage: (stage: ImportStage) => void,
  save: (input: ArticleInput, extraction: Extraction) => Promise<ImportOutcome>,
): Promise<ImportOutcome> {
  onStage('reading');
  const prepared = await (source.kind === 'file'
    ? readFile(source.file)
    : readPaste(source.text, source.title, source.url));
  const existing = await findArticleByHash(await sha256Hex(prepared.text));
  if (existing) {
    return {
      status: 'duplicate',
      articleId: existing.id,
      title: existing.title,
      claimCount: 0,
      deleted: existing.deletedAt !== null,
    };
  }
  onStage('extracting');
  await yieldToBrowser();
  const extraction: Extraction = await extractClaims(prepared.text);
  onStage('saving');
  await yieldToBrowser();
  return save(
    {
      text: prepared.text,
      title: prepared.title, // null: the data layer titles it from the first line
      ...(prepared.url ? { url: prepared.url } : {}),
      ...(prepared.outlet ? { outlet: prepared.outlet } : {}),
      ...(prepared.publishedAt ? { publishedAt: prepared.publishedAt } : {}),
    },
    extraction,
  );
}

/**
 * When the browser will not let Claimdesk store anything: the same reading and extraction as an
 * import, kept in memory only, so a person can still read an article's claims.
 */
export async function readWithoutSaving(
  text: string,
): Promise<Readonly<{ text: string; title: string | null; extraction: Extraction }>> {
  const prepared = await readPaste(text, undefined, undefined);
  return { text: prepared.text, title: prepared.title, extraction: await extractClaims(prepared.text) };
}
