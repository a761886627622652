import { verdictTally } from '@/core/compare/matrix';
import type { CompareClaim } from '@/core/compare/types';
import { VERDICTS } from '@/core/model/types';
import { verdictLabel } from '@/core/review/verdicts';

/** The speaker's record: claims by verdict, as a table with bars (a fact-checker's scorecard). */
export function VerdictChart({ claims }: Readonly<{ claims: readonly Pick<CompareClaim, 'verdict'>[] }>) {
  const tally = verdictTally(claims, VERDICTS);
  const max = Math.max(1, ...tally.map((t) => t.count));
  return (
    <table className="verdict-chart">
      <caption>Claims by verdict ({claims.length} in all)</caption>
      <thead>
        <tr>
          <th scope="col">Verdict</th>
          <th scope="col">Claims</th>
          <th scope="col">
            <span className="visually-hidden">Share</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tally.map(({ verdict, count }) => (
          <tr key={verdict}>
            <th scope="row">{verdictLabel(verdict)}</th>
            <td className="count">{count}</td>
            <td className="bar-cell" aria-hidden="true">
              <span
                className={`bar verdict-${verdict.replace(' ', '-')}`}
                style={{ width: `${(count / max) * 100}%` }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
