import { Route, Routes, useParams } from 'react-router';
import { chunkOf, lazyScreen } from '@/app/chunk-screen';
import { RootLayout } from '@/app/components/root-layout';
import { prefetchOnIntent } from '@/app/prefetch-on-intent';
import { LibraryRoute } from '@/app/routes/library-route';
import type { ArticleId } from '@/core/model/types';
import { preloadClaimReadModel } from '@/db/queries';
import { usePrefetchArticle } from '@/features/article/hooks/prefetch-article';

// The library is the first screen: it ships with the shell. Every other screen is its own chunk,
// fetched when first visited (or when the browser is idle after the first paint, see prefetchRoutes).
const loadArticle = chunkOf(() => import('@/app/routes/article-route'));
// The Claims screen's chunk counts as in once the claims read model is ready too (the chunk imports
// it): the screen's count and first page are then asked in its first render, while React renders
// the rest of the navigation, not a task after it (`preloadClaimReadModel`).
const loadClaims = chunkOf(() =>
  Promise.all([import('@/app/routes/claims-route'), preloadClaimReadModel()]).then(([route]) => route),
);
const loadNotFound = chunkOf(() => import('@/app/routes/not-found-route'));
const loadCompare = chunkOf(() => import('@/app/routes/compare-route'));
const loadSpeaker = chunkOf(() => import('@/app/routes/speaker-route'));
const loadSettings = chunkOf(() => import('@/app/routes/settings-route'));
const loadTeam = chunkOf(() => import('@/app/routes/team-route'));

/** The article screen, its reads asked in the navigation's first render: beside its chunk, not after its mount. */
export function ArticleEntry() {
  const { articleId = '' } = useParams();
  usePrefetchArticle(articleId as ArticleId);
  return lazyScreen(loadArticle, (m) => m.ArticleRoute);
}

export function AppRoutes({ onUpdate }: Readonly<{ onUpdate: () => void }>) {
  return (
    <Routes>
      <Route path="/" element={<RootLayout onUpdate={onUpdate} />}>
        <Route index element={<LibraryRoute />} />
        <Route path="articles/:articleId" element={<ArticleEntry />} />
        <Route path="claims" element={lazyScreen(loadClaims, (m) => m.ClaimsRoute)} />
        <Route path="settings" element={lazyScreen(loadSettings, (m) => m.SettingsRoute)} />
        <Route path="team" element={lazyScreen(loadTeam, (m) => m.TeamRoute)} />
        <Route path="compare" element={lazyScreen(loadCompare, (m) => m.CompareRoute)} />
        <Route path="speakers/:speakerId" element={lazyScreen(loadSpeaker, (m) => m.SpeakerRoute)} />
        <Route path="articles/:articleId/claims/:claimId" element={<ArticleEntry />} />
        <Route path="*" element={lazyScreen(loadNotFound, (m) => m.NotFoundRoute)} />
      </Route>
    </Routes>
  );
}

/**
 * Fetches the other screens' chunks once the browser is idle, so the first visit to each does not
 * wait; sooner when a pointer or the focus reaches a link to a screen a click usually follows to:
 * an article (the Library's rows), the compare view (the main navigation) or a speaker's profile.
 * Returns the listeners' removal.
 */
export function prefetchRoutes() {
  const load = () => {
    void loadArticle();
    void loadClaims();
  };
  const hasIdle = 'requestIdleCallback' in window;
  const idle = hasIdle ? window.requestIdleCallback(load, { timeout: 5_000 }) : 0;
  const timer = hasIdle ? undefined : setTimeout(load, 2_000);
  const stop = prefetchOnIntent(
    new Map<string, () => unknown>([
      ['a[href^="/articles/"]', loadArticle],
      ['a[href^="/compare"]', loadCompare],
      ['a[href^="/speakers/"]', loadSpeaker],
    ]),
  );
  return () => {
    stop();
    if (hasIdle) window.cancelIdleCallback(idle);
    clearTimeout(timer);
  };
}
