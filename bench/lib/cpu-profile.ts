/** CDP CPU profiles and long tasks, as the trace benches read them (claims-trace, bulk-trace, claims-db). */
import type { CDPSession } from '@playwright/test';
import { IDB_LOG } from './idb-log';
import { ensureSeededProfile, launchProfile, servePreview } from './profile';

type CpuNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
export type CpuProfile = { nodes: CpuNode[]; samples: number[]; timeDeltas: number[] };

/** An init script that keeps every long task of the page in `window.__long`, as `[start, duration]` (performance.now() ms). */
const LONG_TASKS = `
window.__long = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
}).observe({ type: 'longtask', buffered: true });
`;

/** A profile's time sampled (idle and busy) and the `top` functions by self time (name, file:line:column), ms. */
export function cpuSummary(p: CpuProfile, top = 40): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    // the column too: a minified build is one line
    const where = f.url ? ` ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '';
    const name = `${f.functionName || '(anonymous)'}${where}`;
    self.set(name, (self.get(name) ?? 0) + ms);
  });
  const idle = self.get('(idle)') ?? 0;
  return [
    `    ${total.toFixed(0)} ms sampled: idle ${idle.toFixed(0)}, busy ${(total - idle).toFixed(0)}`,
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `    ${v.toFixed(1).padStart(7)} ms  ${k}`),
  ].join('\n');
}

/**
 * The trace benches' start: a fresh copy of the bench library (`ensureSeededProfile`), the app's
 * build served, and a page logging its IndexedDB requests (`window.__idb`) and long tasks, with a CDP
 * session sampling every 0.2 ms when `cpu` (Profiler enabled, not started).
 */
export async function tracedPage(cpu: boolean) {
  await ensureSeededProfile();
  const server = await servePreview();
  const context = await launchProfile();
  await context.addInitScript(IDB_LOG);
  await context.addInitScript(LONG_TASKS);
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp: CDPSession | null = cpu ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  }
  return { server, context, page, cdp };
}
