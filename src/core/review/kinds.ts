import type { ClaimKind } from '../extract/types';

/** The one wording of each claim kind, for every screen, export and report. */
const KIND_LABELS: Readonly<Record<ClaimKind, string>> = {
  direct: 'Direct quote',
  indirect: 'Reported speech',
  mixed: 'Partly quoted',
  headline: 'Headline',
  unattributed: 'No speaker',
};

export const CLAIM_KINDS = Object.keys(KIND_LABELS) as readonly ClaimKind[];

export const kindLabel = (kind: ClaimKind): string => KIND_LABELS[kind];

/** A first guess at a hand-made claim's kind, for the person to confirm: quoted words or not. */
export const guessKind = (text: string): ClaimKind =>
  /["“”‘’]|(^|\s)'|'(\s|$)/.test(text) ? 'direct' : 'indirect';
