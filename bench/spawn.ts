/** A server for a benchmark in a process of its own, so that the load generator does not share its event loop. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface BenchServer {
  url: string;
  /** Seconds of CPU (user + system) the server process has used so far; NaN where /proc is missing. */
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
    cpuSeconds() {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses): user and system ticks.
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return NaN;
      }
    },
    errors: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
