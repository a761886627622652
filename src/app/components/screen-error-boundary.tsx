import { Component, type ReactNode } from 'react';
import { ReloadButton } from '@/ui/reload-button';

type Props = Readonly<{
  children: ReactNode;
  /** A part the app works without (the footer's Undo, the `?` list): nothing shown when it fails. */
  quiet?: boolean;
}>;
type State = Readonly<{ error: unknown }>;

const chunkFailed = (error: unknown) =>
  error instanceof Error &&
  /dynamically imported module|importing a module script failed|unable to preload/i.test(error.message);

/**
 * A screen that throws while it renders (most often its code chunk, lost with the network) shows what
 * happened and a Reload, instead of React taking the whole app off the page. Keyed by the route, so
 * another screen renders afresh.
 */
export class ScreenErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (this.props.quiet) return null;
    return (
      <div className="status status-error screen-error" role="alert">
        {chunkFailed(error)
          ? 'Part of Claimdesk did not load (the connection may have dropped), so this screen cannot be shown.'
          : `This screen could not be shown: ${error instanceof Error ? error.message : String(error)}.`}{' '}
        Nothing saved was touched. <ReloadButton />
      </div>
    );
  }
}
