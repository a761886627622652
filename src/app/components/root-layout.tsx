import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { AppStatus } from '@/app/components/app-status';
import { DatabaseStatus } from '@/app/components/database-status';
import { FirstRun } from '@/app/components/first-run';
import { ScreenErrorBoundary } from '@/app/components/screen-error-boundary';
import { paths } from '@/app/paths';
import { StorageUsage } from '@/features/storage/components/storage-usage';
import { WhereDataLives } from '@/features/team/components/where-data-lives';
import { articleUrlOf } from '@/stores/selected-claim';
import { Toaster } from '@/ui/toast';
import '@/app/components/main-nav.css';
import { useNoFileNavigation } from '@/app/components/use-no-file-navigation';

// Undo / redo and their history code load right after the first paint: the library does not need them to show.
const UndoControls = lazy(() =>
  import('@/features/undo/undo-controls').then((m) => ({ default: m.UndoControls })),
);
// So does the `?` list with the shortcut registry and the dialog it opens in (1.5 kB gzip): no screen
// of the first load has a shortcut of its own.
const ShortcutHelp = lazy(() =>
  import('@/features/shortcuts/shortcut-help').then((m) => ({ default: m.ShortcutHelp })),
);

/**
 * After an in-app navigation, moves the focus to the new screen's heading (or its main region), as a
 * page load would: otherwise it stays on the link that was removed, a screen reader says nothing
 * and the next Tab starts again from the top of the page.
 */
function useFocusOnNavigation() {
  // Selecting a claim changes the URL (/articles/:id/claims/:claimId) but not the screen: focus stays.
  const screen = articleUrlOf(useLocation().pathname);
  const first = useRef(screen);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current && screen === first.current) return; // the page load: focus stays put
    moved.current = true;
    const main = document.getElementById('main');
    if (!main) return;
    const focusHeading = () => {
      const heading = main.querySelector('h1');
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    // The screen's data is still loading: hold the focus on main until its heading appears.
    main.focus({ preventScroll: true });
    const observer = new MutationObserver(() => {
      if (document.activeElement !== main || focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = setTimeout(() => observer.disconnect(), 5_000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [screen]);
}

/** Follows the location in a component of its own, so the layout does not re-render on every URL change (each `j`). */
function FocusOnNavigation() {
  useFocusOnNavigation();
  return null;
}

/** The route's screen; one that fails to render says so (a new screen, not a claim picked in it, starts afresh). */
function ScreenOutlet() {
  return (
    <ScreenErrorBoundary key={articleUrlOf(useLocation().pathname)}>
      <Outlet />
    </ScreenErrorBoundary>
  );
}

export function RootLayout({ onUpdate }: Readonly<{ onUpdate: () => void }>) {
  useNoFileNavigation();
  return (
    <>
      <FocusOnNavigation />
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to={paths.library} className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          Claimdesk
        </Link>
        <nav aria-label="Main" className="main-nav">
          <NavLink to={paths.library} end>
            Library
          </NavLink>
          <NavLink to={paths.claims}>Claims</NavLink>
          <NavLink to={paths.compare}>Compare</NavLink>
          <NavLink to={paths.team}>Team</NavLink>
          <NavLink to={paths.settings}>Settings</NavLink>
        </nav>
        <AppStatus onUpdate={onUpdate} />
      </header>
      <main id="main" tabIndex={-1}>
        <DatabaseStatus />
        <FirstRun />
        <ScreenOutlet />
      </main>
      <footer className="app-footer">
        <ScreenErrorBoundary quiet>
          <Suspense fallback={null}>
            <UndoControls />
          </Suspense>
        </ScreenErrorBoundary>
        <StorageUsage />
        <WhereDataLives />
      </footer>
      <ScreenErrorBoundary quiet>
        <Suspense fallback={null}>
          <ShortcutHelp />
        </Suspense>
      </ScreenErrorBoundary>
      <Toaster />
    </>
  );
}
