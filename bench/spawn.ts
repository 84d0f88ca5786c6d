/** A server for a benchmark in a process of its own, so that the load generator does not share its event loop. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface BenchServer {
  url: string;
  /**
   * Seconds of CPU (user + system) the server has used so far, its worker processes (`LADDER_WORKERS`) included;
   * NaN where /proc is missing.
   */
  cpuSeconds(): number;
  /** The last few kilobytes it wrote to stderr, to explain a failure. */
  errors(): string;
  stop(): Promise<void>;
}

/**
 * Runs `node ...flags <script> ...args` with the same Node as the benchmark and resolves once its stdout matches
 * `ready`, whose first group is the port it listens on (127.0.0.1).
 */
export async function startServer(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
  ready: RegExp,
  flags: string[] = [],
): Promise<BenchServer> {
  const child = spawn(process.execPath, [...flags, script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk).slice(-4096)));
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      const match = ready.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${stderr}`)));
  });
  child.stdout.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    cpuSeconds: () => treeCpuSeconds(child.pid!),
    errors: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Fields after the command name in /proc/<pid>/stat: [1] the parent's pid, [11] and [12] user and system ticks. */
const stat = (pid: number | string): string[] => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');

/** CPU seconds of a process and of its live children (a cluster's workers). */
function treeCpuSeconds(pid: number): number {
  try {
    let ticks = 0;
    const own = stat(pid);
    ticks += Number(own[11]) + Number(own[12]);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const fields = stat(entry);
        if (Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // Gone meanwhile.
      }
    }
    return ticks / 100;
  } catch {
    return NaN;
  }
}
