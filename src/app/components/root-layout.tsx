import { Link, Outlet } from 'react-router';
import { StorageUsage } from '@/features/storage/components/storage-usage';
import { paths } from '../paths';
import { AppStatus } from './app-status';
import { FirstRun } from './first-run';
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
    </>
  );
}
