import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RootLayout } from '@/app/components/root-layout';
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
 * wait; sooner for the article screen when a pointer or the focus reaches a link to an article (the
 * Library's rows), since a click usually follows. Returns the listeners' removal.
 */
export function prefetchRoutes() {
  const load = () => {
    void loadArticle();
    void loadClaims();
  };
  const hasIdle = 'requestIdleCallback' in window;
  const idle = hasIdle ? window.requestIdleCallback(load, { timeout: 5_000 }) : 0;
  const timer = hasIdle ? undefined : setTimeout(load, 2_000);
  const intent = (e: Event) => {
    if (!(e.target instanceof Element) || !e.target.closest('a[href^="/articles/"]')) return;
    void loadArticle();
    stop();
  };
  const stop = () => {
    document.removeEventListener('pointerover', intent);
    document.removeEventListener('focusin', intent);
  };
  document.addEventListener('pointerover', intent, { passive: true });
  document.addEventListener('focusin', intent);
  return () => {
    stop();
    if (hasIdle) window.cancelIdleCallback(idle);
    clearTimeout(timer);
  };
}
