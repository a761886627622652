/**
 * Chrome traces of a bench page (CDP Tracing): what the page's main thread did between two user-timing
 * marks, task by task, with the JavaScript sampled in that window (bench/screens-trace.ts `timeline`).
 */
import type { CDPSession } from '@playwright/test';

type CallFrame = { functionName: string; url?: string; lineNumber: number; columnNumber: number };

export type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      functionName?: string;
      url?: string;
      lineNumber?: number;
      type?: string;
      startTime?: number;
      cpuProfile?: {
        nodes?: { id: number; parent?: number; callFrame: CallFrame }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
};

/** A Chrome trace (timeline, user timing, V8 samples) of what `run` makes the page do. */
export async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'blink.user_timing',
        'v8.execute',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-v8.cpu_profiler',
      ],
    },
  });
  await run();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/** The V8 samples of a trace on one thread: [time (trace µs), frame stack, leaf first]. */
function samplesOf(events: TraceEvent[], pid: number, tid: number) {
  const out: { ts: number; stack: string[] }[] = [];
  const profiles = new Map<string, { t: number; nodes: Map<number, { parent?: number; name: string }> }>();
  // The thread's profile starts on the thread itself; its chunks come from the sampler's thread.
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile' && e.id && e.tid === tid) {
      profiles.set(e.id, { t: e.args?.data?.startTime ?? e.ts, nodes: new Map() });
    }
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const p = profiles.get(e.id);
    const data = e.args?.data;
    if (!p || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) {
      const f = n.callFrame;
      const file = (f.url ?? '').split('/').pop() ?? '';
      p.nodes.set(n.id, {
        parent: n.parent,
        name: `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`,
      });
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((id, i) => {
      p.t += deltas[i] ?? 0;
      const stack: string[] = [];
      for (let cur: number | undefined = id; cur !== undefined; cur = p.nodes.get(cur)?.parent) {
        const n = p.nodes.get(cur);
        if (n) stack.push(n.name);
      }
      out.push({ ts: p.t, stack });
    });
  }
  return out;
}

/**
 * The page's main thread between two user-timing marks of the last run: each task over 1 ms (when it
 * started after the first mark, how long, what ran in it), then the JavaScript sampled in the window,
 * by self and total time. For finding what stands between an input and the frame that shows it.
 */
export function timeline(events: TraceEvent[], from: string, to: string, beforeUs = 0) {
  const marks = events.filter((e) => e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b');
  const at = (name: string) => marks.filter((e) => e.name === name).at(-1);
  const start = at(from);
  const end = at(to);
  if (!start || !end) return `no marks ${from} / ${to}`;
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === start.pid,
  );
  const tid = main?.tid ?? start.tid;
  const own = events.filter(
    (e) => e.pid === start.pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined,
  );
  const ms = (us: number) => (us / 1000).toFixed(1).padStart(7);
  const lines = [`${from} → ${to}: ${((end.ts - start.ts) / 1000).toFixed(1)} ms`];
  const tasks = own.filter(
    (e) => e.name === 'RunTask' && e.ts + (e.dur ?? 0) >= start.ts - beforeUs && e.ts <= end.ts + 20_000,
  );
  for (const t of tasks) {
    if ((t.dur ?? 0) < 1000) continue;
    const inside = own.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0));
    const named = inside
      .filter((e) => (e.dur ?? 0) >= 500 && e.name !== 'RunTask')
      .map((e) => {
        const d = e.args?.data;
        const what = d?.functionName
          ? ` ${d.functionName}@${(d.url ?? '').split('/').pop()}:${d.lineNumber}`
          : '';
        return `${e.name}${d?.type ? `(${d.type})` : ''}${what} ${((e.dur ?? 0) / 1000).toFixed(1)}`;
      })
      .slice(0, 8);
    lines.push(`  ${ms(t.ts - start.ts)} +${ms(t.dur ?? 0)}  ${named.join(' · ')}`);
  }
  const window = samplesOf(events, start.pid, tid).filter((s) => s.ts >= start.ts && s.ts <= end.ts);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (let i = 0; i < window.length; i++) {
    const dt = i + 1 < window.length ? window[i + 1]!.ts - window[i]!.ts : 0;
    const s = window[i]!;
    self.set(s.stack[0] ?? '?', (self.get(s.stack[0] ?? '?') ?? 0) + dt);
    for (const f of new Set(s.stack)) total.set(f, (total.get(f) ?? 0) + dt);
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `    ${ms(v)} ms  ${k}`)
      .join('\n');
  lines.push(`  samples, self:\n${top(self)}\n  samples, total:\n${top(total)}`);
  return lines.join('\n');
}
