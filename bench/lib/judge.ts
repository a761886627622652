/**
 * Judging one issue budget (bench/lib/budgets.ts) from a bench's result rows: which figures measure
 * it (the issue's unit and size, from the run that wrote them), and whether they meet the issue's
 * own limit. Pure: bench:check gives it the rows and how the result was made.
 */
import type { BenchRun } from './benches';
import type { IssueBudget, SizeCheck } from './budgets';
import type { Metric } from './results';

export type Row = Readonly<{
  bench: string;
  m: Metric;
  spread: string;
  ratio: string;
  verdict: 'PASS' | 'FAIL' | 'INFO';
}>;

export type Provenance = Readonly<{
  /** When the result file was written (ms since the epoch); null: there is none. */
  writtenMs: number | null;
  /** How `npm run bench` last ran the bench; null: never through it. */
  run: BenchRun | null;
}>;

export type BudgetState = 'MET' | 'NOT MET' | 'REPORTED' | 'NOT MEASURED';

export type Judged = Readonly<{
  state: BudgetState;
  /** The rows the budget's pattern names, counted or not (so they are not listed as strays). */
  related: readonly Row[];
  /** One line per figure, and why a figure does not count. */
  lines: readonly string[];
}>;

const number = (s: string) => Number(s.replace(/,/g, ''));
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0$/, ''));

/** The result file belongs to the bench's last run through `npm run bench` (written during it). */
function fromLastRun(p: Provenance): string | null {
  if (p.run === null) return 'not measured through `npm run bench` (its size is not known)';
  if (p.writtenMs === null) return 'no result file';
  const started = Date.parse(p.run.started);
  const finished = Date.parse(p.run.finished);
  // a second of slack: file times and Date.now() are both the machine's clock, rounded differently
  if (p.writtenMs < started - 1_000 || p.writtenMs > finished + 1_000)
    return p.writtenMs < started
      ? `older than the bench's last run (${p.run.started}, exit ${p.run.exit}${p.run.timedOut ? ', overran' : ''}), which wrote no result`
      : 'written after its last run through `npm run bench` (by another command: its size is not known)';
  const set = Object.keys(p.run.sizeEnv);
  if (set.length > 0) return `run with ${set.join(', ')} set`;
  return null;
}

function argValue(run: BenchRun, flag: string): number | null {
  const i = run.args.indexOf(`--${flag}`);
  return i === -1 ? null : Number(run.args[i + 1]);
}

/** Why a figure does not measure the budget at its size (null: it does). */
export function sizeProblem(checks: readonly SizeCheck[], m: Metric, p: Provenance): string | null {
  for (const check of checks) {
    if (check.name) {
      const found = check.name.exec(m.metric)?.[1];
      if (found === undefined) return `its name does not say its ${check.what}`;
      if (number(found) < check.min) return `${found} ${check.what}, not ${check.min.toLocaleString('en')}`;
    }
    if (check.arg || check.defaults) {
      const problem = fromLastRun(p);
      if (problem) return problem;
    }
    if (check.arg && p.run) {
      const value = argValue(p.run, check.arg.flag) ?? check.arg.fallback;
      if (!(value >= check.min))
        return `${value.toLocaleString('en')} ${check.what}, not ${check.min.toLocaleString('en')}`;
    }
  }
  return null;
}

export function judgeBudget(b: IssueBudget, benchRows: readonly Row[], p: Provenance): Judged {
  const related = benchRows.filter((r) => b.metric.test(r.m.metric));
  const lines: string[] = [];
  const counted: Row[] = [];
  for (const r of related) {
    const m = r.m;
    const why =
      m.unit !== b.unit && b.limit !== null
        ? `in ${m.unit}, not ${b.unit}`
        : typeof m.median !== 'number' || Number.isNaN(m.median)
          ? 'no figure'
          : sizeProblem(b.sizes ?? [], m, p);
    const figure = `${m.metric}: ${typeof m.median === 'number' ? fmt(m.median) : m.median} ${m.unit}`;
    if (why) {
      lines.push(`not counted  ${figure}: ${why}`);
      continue;
    }
    counted.push(r);
    if (b.limit === null) {
      lines.push(`reported     ${figure}`);
      continue;
    }
    const better = b.better ?? 'lower';
    const ok = better === 'lower' ? m.median <= b.limit : m.median >= b.limit;
    const own =
      m.budget !== b.limit ? ` (the bench's own budget: ${m.budget === null ? 'none' : fmt(m.budget)})` : '';
    lines.push(
      `${ok ? 'met         ' : 'NOT met     '} ${figure} (${better === 'lower' ? '≤' : '≥'} ${fmt(b.limit)})${own}`,
    );
  }
  if (related.length === 0) lines.push(`no ${b.bench} result names it`);
  const state: BudgetState =
    counted.length === 0
      ? 'NOT MEASURED'
      : b.limit === null
        ? 'REPORTED'
        : counted.every((r) =>
              (b.better ?? 'lower') === 'lower'
                ? r.m.median <= (b.limit as number)
                : r.m.median >= (b.limit as number),
            )
          ? 'MET'
          : 'NOT MET';
  return { state, related, lines };
}
