import { indexingNote } from '@/features/team/status-text';
import { useTeamSnapshot } from '@/features/team/team-sync-context';
import './filters-pending-note.css';

/**
 * While a team's first sync builds the filter rows after its claims are in, the Claims screen's
 * lists (read off those rows) may miss claims: said here, politely, with how far it has got. The
 * live region stays mounted (empty, no height) so that its first words are announced.
 */
export function FiltersPendingNote() {
  const indexing = useTeamSnapshot().status?.indexing;
  return (
    <p role="status" className="claims-filters-pending">
      {indexing ? indexingNote(indexing) : null}
    </p>
  );
}
