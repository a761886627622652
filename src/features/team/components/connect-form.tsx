import { useId, useRef, useState } from 'react';
import {
  type ConnectionDraft,
  type ConnectionProblems,
  checkConnectionDraft,
} from '@/features/team/connection-form';
import { cspAllowsConnect, pagePolicy } from '@/features/team/csp-connect';
import { TeamSignInError } from '@/features/team/runner/team-sync-controller';
import type { SignInRequest, TeamConnection } from '@/features/team/team-types';
import { StatusMessage } from '@/ui/status-message';

type Field = keyof ConnectionDraft;

const FIELDS: readonly {
  id: Field;
  label: string;
  hint: string;
  type: string;
  autoComplete: string;
  placeholder?: string;
}[] = [
  {
    id: 'url',
    label: 'Server address',
    hint: 'Your team’s CouchDB server, starting with https:// (or http://), often this site’s address followed by /couchdb.',
    type: 'url',
    autoComplete: 'url',
    placeholder: 'https://claimdesk.example.org/couchdb',
  },
  {
    id: 'database',
    label: 'Team database',
    hint: 'One database per team, e.g. newsroom-checks.',
    type: 'text',
    autoComplete: 'off',
    placeholder: 'newsroom-checks',
  },
  {
    id: 'name',
    label: 'User name',
    hint: 'Your name on the team’s server.',
    type: 'text',
    autoComplete: 'username',
  },
  {
    id: 'password',
    label: 'Password',
    hint: 'Sent only to the server. This browser keeps the server’s session, never the password.',
    type: 'password',
    autoComplete: 'current-password',
  },
];

/** The built app connects only to its own origin (CSP): a team server is served under it. */
function reachable(url: string): string | null {
  const origin = window.location.origin;
  if (cspAllowsConnect(url, pagePolicy(), origin)) return null;
  return `This copy of Claimdesk connects only to its own address, ${origin}. Your team’s CouchDB is served under it, e.g. ${origin}/couchdb (ask whoever set up Claimdesk).`;
}

const EMPTY: ConnectionDraft = { url: '', database: '', name: '', password: '' };

/** Server, database, name and password; checked here, then a CouchDB cookie session is opened. */
export function ConnectForm({
  onConnect,
  previous,
}: Readonly<{
  onConnect: (request: SignInRequest) => Promise<void>;
  /** A connection whose session ended: its address, database and name are filled in. */
  previous?: TeamConnection | null;
}>) {
  const [draft, setDraft] = useState<ConnectionDraft>(
    previous ? { url: previous.url, database: previous.database, name: previous.name, password: '' } : EMPTY,
  );
  const [problems, setProblems] = useState<ConnectionProblems>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const base = useId();
  const refs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});

  const submit = async () => {
    const { problems: found, clean } = checkConnectionDraft(draft, reachable);
    setProblems(found);
    setFailure(null);
    const first = FIELDS.find((f) => found[f.id]);
    if (first) {
      refs.current[first.id]?.focus();
      return;
    }
    setBusy(true);
    try {
      await onConnect(clean);
    } catch (e) {
      setFailure(e instanceof TeamSignInError ? e.message : `Connecting failed: ${String(e)}`);
      setDraft((d) => ({ ...d, password: '' }));
      refs.current.password?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="team-connect"
      noValidate
      aria-busy={busy || undefined}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      {FIELDS.map((f) => {
        const id = `${base}-${f.id}`;
        const problem = problems[f.id];
        return (
          <div className="field" key={f.id}>
            <label htmlFor={id}>{f.label}</label>
            <input
              id={id}
              ref={(el) => {
                refs.current[f.id] = el;
              }}
              name={f.id}
              type={f.type}
              autoComplete={f.autoComplete}
              spellCheck={false}
              autoCapitalize="none"
              placeholder={f.placeholder}
              value={draft[f.id]}
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setDraft({ ...draft, [f.id]: e.target.value })}
            />
            <span id={`${id}-hint`} className={problem ? 'field-error' : 'hint'}>
              {problem ?? f.hint}
            </span>
          </div>
        );
      })}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Signing in…' : previous ? 'Sign in again' : 'Sign in and connect'}
      </button>
      {busy && <StatusMessage tone="info">Signing in to {draft.url.trim()}…</StatusMessage>}
      {failure && <StatusMessage tone="error">{failure}</StatusMessage>}
    </form>
  );
}
