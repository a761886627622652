import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RootLayout } from '@/app/components/root-layout';
import { prefetchOnIntent } from '@/app/prefetch-on-intent';
import { LibraryRoute } from '@/app/routes/library-route';

// The library is the first screen: it ships with the shell. Every other screen is its own chunk,
// fetched when first visited (or when the browser is idle after the first paint, see prefetchRoutes).
const loadArticle = () => import('@/app/routes/article-route');
const loadClaims = () => import('@/app/routes/claims-route');
const loadNotFound = () => import('@/app/routes/not-found-route');
const loadCompare = () => import('@/app/routes/compare-route');
const loadSpeaker = () => import('@/app/routes/speaker-route');
const loadSettings = () => import('@/app/routes/settings-route');
const loadTeam = () => import('@/app/routes/team-route');

const ArticleRoute = lazy(() => loadArticle().then((m) => ({ default: m.ArticleRoute })));
const ClaimsRoute = lazy(() => loadClaims().then((m) => ({ default: m.ClaimsRoute })));
const CompareRoute = lazy(() => loadCompare().then((m) => ({ default: m.CompareRoute })));
const SpeakerRoute = lazy(() => loadSpeaker().then((m) => ({ default: m.SpeakerRoute })));
const SettingsRoute = lazy(() => loadSettings().then((m) => ({ default: m.SettingsRoute })));
const TeamRoute = lazy(() => loadTeam().then((m) => ({ default: m.TeamRoute })));
const NotFoundRoute = lazy(() => loadNotFound().then((m) => ({ default: m.NotFoundRoute })));

function Screen({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <Suspense
      fallback={
        <p className="route-loading" role="status">
          Loading…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

function lazyScreen(Route: ComponentType) {
  return (
    <Screen>
      <Route />
    </Screen>
  );
}

export function AppRoutes({ onUpdate }: Readonly<{ onUpdate: () => void }>) {
  return (
    <Routes>
      <Route path="/" element={<RootLayout onUpdate={onUpdate} />}>
        <Route index element={<LibraryRoute />} />
        <Route path="articles/:articleId" element={lazyScreen(ArticleRoute)} />
        <Route path="claims" element={lazyScreen(ClaimsRoute)} />
        <Route path="settings" element={lazyScreen(SettingsRoute)} />
        <Route path="team" element={lazyScreen(TeamRoute)} />
        <Route path="compare" element={lazyScreen(CompareRoute)} />
        <Route path="speakers/:speakerId" element={lazyScreen(SpeakerRoute)} />
        <Route path="articles/:articleId/claims/:claimId" element={lazyScreen(ArticleRoute)} />
        <Route path="*" element={lazyScreen(NotFoundRoute)} />
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
