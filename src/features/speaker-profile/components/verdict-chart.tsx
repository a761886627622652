import { VERDICTS, type Verdict } from '@/core/model/types';
import { verdictLabel } from '@/core/review/verdicts';

type Props = Readonly<{ byVerdict: Readonly<Record<Verdict, number>>; total: number }>;

/** The speaker's record: claims by verdict, as a table with bars (a fact-checker's scorecard). */
export function VerdictChart({ byVerdict, total }: Props) {
  const tally = VERDICTS.filter((v) => byVerdict[v] > 0).map((verdict) => ({
    verdict,
    count: byVerdict[verdict],
  }));
  const max = Math.max(1, ...tally.map((t) => t.count));
  return (
    <table className="verdict-chart">
      <caption>Claims by verdict ({total} in all)</caption>
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
