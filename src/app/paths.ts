/** The app's URLs: the open article lives in the path, so it survives reloads and can be shared. */
export const paths = {
  library: '/',
  article: (id: string) => `/articles/${encodeURIComponent(id)}`,
  claim: (articleId: string, claimId: string) =>
    `/articles/${encodeURIComponent(articleId)}/claims/${encodeURIComponent(claimId)}`,
  claims: '/claims',
  settings: '/settings',
} as const;
