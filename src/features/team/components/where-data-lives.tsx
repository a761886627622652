import { useTeamSnapshot } from '@/features/team/team-sync-context';

/** The footer's promise about where the library lives: it changes once a team is connected. */
export function WhereDataLives() {
  const { connection } = useTeamSnapshot();
  if (!connection) return <p>Everything stays in this browser. Nothing is sent anywhere.</p>;
  let host = connection.url;
  try {
    host = new URL(connection.url).host;
  } catch {
    // keep the address as stored
  }
  return (
    <p>
      Shared with your team: synced with {connection.database} on {host}.
    </p>
  );
}
