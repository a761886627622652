import type { ClaimKind } from '@/core/extract/types';

export const KIND_LABELS: Readonly<Record<ClaimKind, string>> = {
  direct: 'direct quote',
  indirect: 'reported speech',
  mixed: 'partly quoted',
  headline: 'headline',
  unattributed: 'no speaker',
};
