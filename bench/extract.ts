// Extraction speed on one core: the fixture articles (reference + every fixture) repeated to at least 2 MB.
// Run with Node's --single-threaded (`npm run bench:extract` and `npm run bench` do): V8's compiler and
// garbage collector then work on this thread, so the process's CPU time is the extractor's whole cost on
// one core; with their helper threads it also counted their work beside it (12.9 against 6.1 ms, session 31).
// Reports articles per second over the fixtures as written, and the median time per 5,000-character article.
// `npm run bench:extract` prints the figures; `npm run bench:extract -- --write` also updates the
// "Extraction" section of docs/PERFORMANCE.md.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { EXTRACTOR_VERSION, extractClaims } from '../src/core/extract/pipeline';
import { metric, writeResults } from './lib/results';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = `${root}src/core/attribution/fixtures/`;
const articles = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`${dir}${d.name}/article.txt`))
  .map((d) => readFileSync(`${dir}${d.name}/article.txt`, 'utf8'));

const TARGET_BYTES = 2 * 1024 * 1024;
const SIZE = 5000;

/** 5,000-character articles cut at paragraph breaks from the fixtures repeated past 2 MB. */
function chunks(): string[] {
  const out: string[] = [];
  let total = 0;
  let buf = '';
  while (total < TARGET_BYTES) {
    for (const a of articles) {
      for (const para of a.split(/\n\n+/)) {
        buf += `${para}\n\n`;
        if (buf.length >= SIZE) {
          out.push(buf.slice(0, SIZE));
          total += Buffer.byteLength(out.at(-1)!);
          buf = buf.slice(SIZE);
        }
      }
    }
  }
  return out;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;

// Warm up the JIT.
for (let i = 0; i < 5; i++) for (const a of articles) extractClaims(a);

const corpus = chunks();
const cpuTimes: number[] = [];
const times = corpus.map((c) => {
  const cpu = process.cpuUsage();
  const t = now();
  extractClaims(c);
  const wall = now() - t;
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  return wall;
});
const bytes = corpus.reduce((n, c) => n + Buffer.byteLength(c), 0);

let fixtureRuns = 0;
const t0 = now();
while (now() - t0 < 3000) {
  for (const a of articles) extractClaims(a);
  fixtureRuns += articles.length;
}
const perSecond = fixtureRuns / ((now() - t0) / 1000);
const totalMs = times.reduce((a, b) => a + b, 0);

const cpuModel = (() => {
  try {
    return (
      /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model
    );
  } catch {
    return cpus()[0]?.model;
  }
})();
const nproc = (() => {
  try {
    return execSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    return String(cpus().length);
  }
})();

const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:extract\` (extractor ${EXTRACTOR_VERSION}), one core (single thread${process.execArgv.includes('--single-threaded') ? ', V8 single-threaded' : ", V8's helper threads counted in the CPU time"}), on ${nproc} × ${cpuModel}, Node ${process.version}. The machine was shared with other work (see the load average): wall-clock figures include time spent waiting for a core, so the CPU-time median is the better estimate of the extractor's own cost.`,
  '',
  '| measure | value |',
  '| --- | --- |',
  `| fixture articles (as written, ${articles.length} distinct, mean ${Math.round(articles.reduce((n, a) => n + a.length, 0) / articles.length)} chars) | ${perSecond.toFixed(0)} articles/s |`,
  `| 5,000-char articles timed | ${corpus.length} (${(bytes / 1024 / 1024).toFixed(2)} MB) |`,
  `| median per 5,000-char article (wall clock) | ${median(times).toFixed(2)} ms |`,
  `| median per 5,000-char article (CPU time of this process) | ${median(cpuTimes).toFixed(2)} ms |`,
  `| p95 per 5,000-char article (wall clock) | ${pct(times, 0.95).toFixed(2)} ms |`,
  `| load average when run (1 min) | ${loadavg()[0]!.toFixed(2)} |`,
  `| throughput | ${(bytes / 1024 / 1024 / (totalMs / 1000)).toFixed(2)} MB/s |`,
  '',
  'Target: a median of at most 10 ms per 5,000-character article.',
];
console.log(lines.join('\n'));

// For bench:check: the corpus in five consecutive parts, the median of each part as one run.
const fifths = (xs: number[]) =>
  Array.from({ length: 5 }, (_, i) => median(xs.slice((i * xs.length) / 5, ((i + 1) * xs.length) / 5)));
writeResults('extract', [
  metric('extraction: median per 5,000-char article (CPU time)', 'ms', fifths(cpuTimes), 10),
  metric('extraction: median per 5,000-char article (wall clock)', 'ms', fifths(times), null),
]);

if (process.argv.includes('--write')) {
  const file = `${root}docs/PERFORMANCE.md`;
  const section = `## Extraction\n\n${lines.join('\n')}\n`;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  const re = /## Extraction\n[\s\S]*?(?=\n## |$)/;
  const next = re.test(old) ? old.replace(re, section) : `${old.trimEnd()}\n\n${section}`;
  writeFileSync(file, next);
  console.log(`\nwrote ${file}`);
}
