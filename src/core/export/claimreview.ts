import { claimReviewRating } from '../review/verdicts';
import { claimUrn } from './claim-urn';
import { type ExportItem, httpUrl, isoTime } from './export-item';
import { type ExportSettings, reviewUrlFrom } from './settings';

/**
 * schema.org ClaimReview for one rated claim, following Google's fact-check markup guidelines
 * (developers.google.com/search/docs/appearance/structured-data/factcheck): required
 * `claimReviewed`, `reviewRating` and `url`; recommended `author`, `datePublished` and
 * `itemReviewed` (a `Claim` with its own `author` and `appearance`). Unrated claims have none.
 */
export type ClaimReviewDoc = Readonly<{
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  datePublished: string;
  reviewRating: Readonly<{
    '@type': 'Rating';
    ratingValue?: number;
    bestRating?: number;
    worstRating?: number;
    alternateName: string;
    ratingExplanation?: string;
  }>;
  author?: Readonly<{ '@type': 'Organization'; name: string; url?: string }>;
  itemReviewed: Readonly<{
    '@type': 'Claim';
    author?: Readonly<{ '@type': 'Person' | 'Organization'; name: string; jobTitle?: string }>;
    datePublished?: string;
    appearance?: Readonly<{
      '@type': 'CreativeWork';
      url?: string;
      headline: string;
      datePublished?: string;
      publisher?: Readonly<{ '@type': 'Organization'; name: string }>;
    }>;
  }>;
}>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date as stored, or undefined for anything else (a date field carries only dates). */
const isoDate = (s: string | null): string | undefined =>
  s && ISO_DATE.test(s.trim()) ? s.trim() : undefined;

/**
 * The review's address from the settings' pattern, only when it makes an http(s) URL: a pattern
 * restored from a backup or typed before the check (`javascript:…{claimId}`) falls back to the
 * claim's `urn:uuid:` (`claimUrn`), which `claimReviewProblems` then reports.
 */
function reviewUrl(pattern: string, claimId: string, articleId: string): string {
  return (pattern && httpUrl(reviewUrlFrom(pattern, claimId, articleId))) || claimUrn(claimId);
}

/** Rating values on the numeric scale sit between the worst (1) and best (5) ratings. */
export function claimReviewOf(item: ExportItem, settings: ExportSettings): ClaimReviewDoc | null {
  const { claim, article, speaker } = item;
  const rating = claimReviewRating(claim.verdict);
  if (!rating) return null;
  const url = reviewUrl(settings.reviewUrlPattern, claim.id, article.id);
  const articleUrl = httpUrl(article.url);
  const orgUrl = httpUrl(settings.organizationUrl);
  const published = isoDate(article.publishedAt);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: claim.text,
    datePublished: isoTime(claim.updatedAt).slice(0, 10),
    reviewRating: {
      '@type': 'Rating',
      ...(rating.ratingValue !== undefined
        ? { ratingValue: rating.ratingValue, bestRating: rating.bestRating, worstRating: rating.worstRating }
        : {}),
      alternateName: rating.alternateName,
      ...(claim.ratingNote.trim() ? { ratingExplanation: claim.ratingNote.trim() } : {}),
    },
    ...(settings.organizationName
      ? {
          author: {
            '@type': 'Organization' as const,
            name: settings.organizationName,
            ...(orgUrl ? { url: orgUrl } : {}),
          },
        }
      : {}),
    itemReviewed: {
      '@type': 'Claim',
      ...(speaker
        ? {
            author: {
              '@type': speaker.type === 'person' ? ('Person' as const) : ('Organization' as const),
              name: speaker.name,
              ...(speaker.role ? { jobTitle: speaker.role } : {}),
            },
          }
        : {}),
      ...(published ? { datePublished: published } : {}),
      appearance: {
        '@type': 'CreativeWork',
        ...(articleUrl ? { url: articleUrl } : {}),
        headline: article.title,
        ...(published ? { datePublished: published } : {}),
        ...(article.outlet ? { publisher: { '@type': 'Organization' as const, name: article.outlet } } : {}),
      },
    },
  };
}

/** What keeps a ClaimReview from Google's fact-check rich results (empty when it qualifies). */
export function claimReviewProblems(doc: ClaimReviewDoc): string[] {
  const problems: string[] = [];
  if (!doc.claimReviewed.trim()) problems.push('claimReviewed is empty');
  if (!httpUrl(doc.url))
    problems.push('url is not an http(s) address (set a review URL pattern in Settings)');
  const r = doc.reviewRating;
  if (!r.alternateName) problems.push('reviewRating.alternateName is missing');
  if (r.ratingValue !== undefined) {
    if (r.bestRating === undefined || r.worstRating === undefined)
      problems.push('reviewRating has a ratingValue without bestRating and worstRating');
    else if (r.ratingValue < r.worstRating || r.ratingValue > r.bestRating)
      problems.push('reviewRating.ratingValue is outside worstRating..bestRating');
  }
  if (!doc.author) problems.push('author (the reviewing organisation) is missing: set it in Settings');
  if (!/^\d{4}-\d{2}-\d{2}/.test(doc.datePublished)) problems.push('datePublished is not an ISO 8601 date');
  return problems;
}
