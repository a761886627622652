/**
 * What a step of a bench run costs on this machine: wall time, and the CPU time of the processes it
 * ran. On a machine shared by others (load 20–40 on two cores) wall time mostly says how busy the
 * machine was; the CPU time of the finished child processes (Chromium, Vite, the bench's own Node)
 * says what the work itself costs, and is the better guess of a quiet run's time.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** Clock ticks a second of /proc's times (USER_HZ: 100 on Linux). */
const TICKS = 100;

/**
 * CPU seconds of this process and of every child it has waited for (and theirs, which each child
 * adds when it waits for them): Linux /proc/self/stat `utime stime cutime cstime`. A child still
 * running, or one left behind to init, is not in it. 0 where /proc is missing.
 */
export function cpuSeconds(): { self: number; children: number } {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the command: state is [0], so utime (14th field of the line) is [11]
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(f[i]) / TICKS);
    return { self: utime! + stime!, children: cutime! + cstime! };
  } catch {
    return { self: 0, children: 0 };
  }
}

export type Cost = Readonly<{
  wallS: number;
  /** CPU seconds of the child processes that finished during the step. */
  cpuS: number;
  /** This process's own CPU seconds during the step. */
  selfCpuS: number;
  loadStart: number;
  loadEnd: number;
}>;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Starts timing a step; the returned function ends it. */
export function startCost(): () => Cost {
  const t0 = Date.now();
  const c0 = cpuSeconds();
  const load0 = loadavg()[0]!;
  return () => {
    const c1 = cpuSeconds();
    return {
      wallS: round1((Date.now() - t0) / 1000),
      cpuS: round1(c1.children - c0.children),
      selfCpuS: round1(c1.self - c0.self),
      loadStart: round1(load0),
      loadEnd: round1(loadavg()[0]!),
    };
  };
}
