import { claimUrl } from '@/stores/selected-claim';

/** The app's URLs: the open article (and claim) live in the path, so they survive reloads and can be shared. */
export const paths = {
  library: '/',
  article: (id: string) => `/articles/${encodeURIComponent(id)}`,
  claim: (articleId: string, claimId: string) => claimUrl(paths.article(articleId), claimId),
  claims: '/claims',
  settings: '/settings',
  team: '/team',
  compare: '/compare',
  speaker: (id: string) => `/speakers/${encodeURIComponent(id)}`,
} as const;
