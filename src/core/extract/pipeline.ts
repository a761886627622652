import type { Extraction } from './types';

export const EXTRACTOR_VERSION = '0.0.0';

/**
 * text → clean → segment → quotes → cues → speakers → claims.
 * Pure and deterministic: the same text always gives the same result; offsets index `text` as given.
 */
export function extractClaims(text: string): Extraction {
  void text;
  return { speakers: [], claims: [], boilerplate: [], version: EXTRACTOR_VERSION };
}
