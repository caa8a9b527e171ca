/** Runs the program's entry point as `npm start -- ARGS` does (node --import tsx), for the console and JSON mode tests. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** `src/main.ts ARGS` with `stdin`, no Discord token, at `logLevel`; resolves with its exit code and output. */
export function runMain(args: string[], stdin = '', logLevel = 'warn'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: logLevel };
    // One process, as npm start runs it (the tsx launcher would add a second node in front).
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
