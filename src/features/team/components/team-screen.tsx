import { useId, useState } from 'react';
import { ConnectForm } from '@/features/team/components/connect-form';
import { SlicePanel } from '@/features/team/components/slice-panel';
import { SyncStatusPanel } from '@/features/team/components/sync-status-panel';
import { ROLE_TEXT } from '@/features/team/status-text';
import { useTeamSnapshot, useTeamSync } from '@/features/team/team-sync-context';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { announce } from '@/ui/toast';
import '@/features/team/team.css';

/**
 * The Team screen: opt-in sync with a team's CouchDB database. Without a connection it is only a
 * form, and nothing about sync runs; once connected it shows the role, the status and the way out.
 */
export function TeamScreen() {
  const sync = useTeamSync();
  const { connection, status, leader } = useTeamSnapshot();
  const [confirming, setConfirming] = useState(false);
  const [sliceFirst, setSliceFirst] = useState(false);
  const sliceId = useId();
  const sessionEnded = status?.state === 'forbidden';

  return (
    <div className="team-screen">
      <title>Team · Claimdesk</title>
      <h1>Team</h1>
      {!connection ? (
        <section aria-labelledby="team-connect-heading" className="team-card">
          <h2 id="team-connect-heading">Work with a team</h2>
          <p>
            Connect to your team’s library on a CouchDB server to share claims, verdicts and sources. Everyone
            keeps working offline; changes are exchanged whenever the server can be reached.
          </p>
          <p className="hint">
            This is optional. Without a team, everything stays in this browser and nothing is sent anywhere.
          </p>
          <div className="slice-start">
            <input
              id={sliceId}
              type="checkbox"
              checked={sliceFirst}
              aria-describedby={`${sliceId}-hint`}
              onChange={(e) => setSliceFirst(e.target.checked)}
            />
            <div>
              <label htmlFor={sliceId}>Choose which articles to sync before any are received</label>
              <p id={`${sliceId}-hint`} className="hint">
                For a team library too large for this browser: only speakers and sources arrive until you pick
                articles.
              </p>
            </div>
          </div>
          <ConnectForm
            onConnect={(request) =>
              sync.connect(
                sliceFirst
                  ? { ...request, slice: { articleIds: [], label: 'no articles chosen yet' } }
                  : request,
              )
            }
          />
        </section>
      ) : (
        <>
          <section aria-labelledby="team-connection-heading" className="team-card">
            <h2 id="team-connection-heading">Connected team</h2>
            <dl className="team-facts">
              <div>
                <dt>Server</dt>
                <dd>{connection.url}</dd>
              </div>
              <div>
                <dt>Database</dt>
                <dd>{connection.database}</dd>
              </div>
              <div>
                <dt>Signed in as</dt>
                <dd>{connection.name}</dd>
              </div>
              <div>
                <dt>Your role</dt>
                <dd data-testid="team-role">
                  {connection.role ? ROLE_TEXT[connection.role].label : 'Checking…'}
                </dd>
              </div>
            </dl>
            {connection.role && <p className="hint">{ROLE_TEXT[connection.role].can}</p>}
          </section>

          <section aria-labelledby="team-status-heading" className="team-card">
            <h2 id="team-status-heading">Sync</h2>
            <SyncStatusPanel status={status} leader={leader} />
            <div className="inline-actions">
              <button
                type="button"
                onClick={() => {
                  sync.syncNow();
                  announce('Syncing now.');
                }}
              >
                Sync now
              </button>
              <button type="button" className="danger" onClick={() => setConfirming(true)}>
                Sign out and disconnect
              </button>
            </div>
          </section>

          <SlicePanel connection={connection} joined={status?.sliceJoined} />

          {sessionEnded && (
            <section aria-labelledby="team-signin-heading" className="team-card">
              <h2 id="team-signin-heading">Sign in again</h2>
              <ConnectForm previous={connection} onConnect={(request) => sync.connect(request)} />
            </section>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title="Disconnect from the team?"
        tone="danger"
        confirmLabel="Sign out and disconnect"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void sync
            .disconnect()
            .then(() => announce('Signed out. This browser no longer syncs with the team.'));
        }}
        description={
          status && status.pending > 0
            ? `Sync stops and you are signed out. The library stays in this browser, but ${status.pending} change${status.pending === 1 ? ' that was' : 's that were'} not sent yet will not reach the team.`
            : 'Sync stops and you are signed out. The library stays in this browser.'
        }
      />
    </div>
  );
}
