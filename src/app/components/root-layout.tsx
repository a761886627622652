import { Link, NavLink, Outlet } from 'react-router';
import { UndoShortcuts } from '@/features/claim/components/undo-controls';
import { ShortcutHelp } from '@/features/shortcuts/shortcut-help';
import { StorageUsage } from '@/features/storage/components/storage-usage';
import { Toaster } from '@/ui/toast';
import { paths } from '../paths';
import { AppStatus } from './app-status';
import { FirstRun } from './first-run';
import './main-nav.css';
import { useNoFileNavigation } from './use-no-file-navigation';

export function RootLayout({ onUpdate }: Readonly<{ onUpdate: () => void }>) {
  useNoFileNavigation();
  return (
    <>
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
        </nav>
        <AppStatus onUpdate={onUpdate} />
      </header>
      <main id="main" tabIndex={-1}>
        <FirstRun />
        <Outlet />
      </main>
      <footer className="app-footer">
        <StorageUsage />
        <p>Everything stays in this browser. Nothing is sent anywhere.</p>
      </footer>
      <ShortcutHelp />
      <UndoShortcuts />
      <Toaster />
    </>
  );
}
