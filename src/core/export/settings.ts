/** The organisation that publishes reviews, kept in the `meta` table under EXPORT_SETTINGS_KEY. */
export type ExportSettings = Readonly<{
  organizationName: string;
  organizationUrl: string;
  /** e.g. `https://factcheck.example/claims/{claimId}`; `{claimId}` and `{articleId}` are filled in. */
  reviewUrlPattern: string;
}>;

export const EXPORT_SETTINGS_KEY = 'exportSettings';

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  organizationName: '',
  organizationUrl: '',
  reviewUrlPattern: '',
};

/** Settings as stored, whatever shape the stored value has (missing or wrong fields become empty). */
export function exportSettingsOf(value: unknown): ExportSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string).trim() : '');
  return {
    organizationName: str('organizationName'),
    organizationUrl: str('organizationUrl'),
    reviewUrlPattern: str('reviewUrlPattern'),
  };
}

const isHttp = (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/** What is wrong with settings the user typed, field by field (empty when they can be saved). */
export function checkExportSettings(s: ExportSettings): Partial<Record<keyof ExportSettings, string>> {
  const problems: Partial<Record<keyof ExportSettings, string>> = {};
  if (s.organizationUrl && !isHttp(s.organizationUrl))
    problems.organizationUrl = 'The organisation’s address must start with http:// or https://.';
  if (s.reviewUrlPattern) {
    if (!s.reviewUrlPattern.includes('{claimId}'))
      problems.reviewUrlPattern = 'The pattern must contain {claimId}, so each review has its own address.';
    else if (!isHttp(reviewUrlFrom(s.reviewUrlPattern, 'x', 'y')))
      problems.reviewUrlPattern = 'The pattern must make an http:// or https:// address.';
  }
  return problems;
}

export function reviewUrlFrom(pattern: string, claimId: string, articleId: string): string {
  return pattern
    .replaceAll('{claimId}', encodeURIComponent(claimId))
    .replaceAll('{articleId}', encodeURIComponent(articleId));
}
