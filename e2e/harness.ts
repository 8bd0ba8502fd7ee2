import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/** An emulator (cognito-local or moto) that this harness started, and only such a server. */
export interface Emulator {
  readonly endpoint: string;
  readonly pid: number;
  readonly dataDir: string;
  /** Captured server output (cognito-local logs the codes it would send). */
  readonly output: () => string;
  stop(): Promise<void>;
}

const started = new Set<string>();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts cognito-local on 127.0.0.1, on a free port, with a fresh data directory, and waits until
 * it listens. Bounded: gives up after 30 seconds.
 */
export async function startCognitoLocal(): Promise<Emulator> {
  const port = await freePort();
  const entry = require.resolve('cognito-local/lib/bin/start.js');
  return startServer('cognito-local', process.execPath, [entry], port,
    { PORT: String(port), HOST: '127.0.0.1', DEBUG: '1', NO_COLOR: '1', FORCE_COLOR: '0' }, /Cognito Local running on/);
}

/**
 * Starts moto's server (from the virtual environment that `npx projen e2e` installs first) on
 * 127.0.0.1 on a free port. It implements the admin MFA operations cognito-local lacks.
 */
export async function startMoto(): Promise<Emulator> {
  const motoServer = path.resolve(__dirname, '..', '.venv', 'bin', 'moto_server');
  if (!fs.existsSync(motoServer)) {
    throw new Error(`${motoServer} is missing: run "npx projen e2e" (scripts/e2e.sh), which installs moto[server] from requirements-dev.txt`);
  }
  const port = await freePort();
  // TOTP verification on: moto then checks SOFTWARE_TOKEN_MFA and VerifySoftwareToken codes
  // against its one fixed secret instead of accepting any code (a test proves it is on).
  return startServer('moto', motoServer, ['-H', '127.0.0.1', '-p', String(port)], port,
    { MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP: 'true' }, /Running on http:\/\/127\.0\.0\.1/);
}

async function startServer(
  name: string, command: string, args: string[], port: number, env: Record<string, string>, ready: RegExp,
): Promise<Emulator> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const child: ChildProcess = spawn(command, args, {
    cwd: dataDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', d => { output += d.toString(); });
  child.stderr!.on('data', d => { output += d.toString(); });

  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (!ready.test(output)) {
    if (child.exitCode !== null) {
      throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start within 30 s:\n${output}`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
  started.add(endpoint);

  return {
    endpoint,
    pid: child.pid!,
    dataDir,
    output: () => output,
    stop: async () => {
      started.delete(endpoint);
      const running = () => child.exitCode === null && child.signalCode === null;
      if (running()) {
        const exited = new Promise(r => child.once('exit', r));
        process.kill(child.pid!, 'SIGTERM');
        // A grace period whose timer is cleared once the server exits: no handle outlives the run.
        let grace: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise(r => { grace = setTimeout(r, 5_000); })]);
        clearTimeout(grace);
        if (running()) {
          process.kill(child.pid!, 'SIGKILL');
        }
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * An SDK client for an emulator this harness started. It refuses any other endpoint, so a test
 * can never talk to a server it did not start (or to AWS).
 */
export function clientFor(emulator: Emulator): CognitoIdentityProviderClient {
  if (!started.has(emulator.endpoint) || !emulator.endpoint.startsWith('http://127.0.0.1:')) {
    throw new Error(`refusing to use ${emulator.endpoint}: not a server this harness started on 127.0.0.1`);
  }
  return new CognitoIdentityProviderClient({
    endpoint: emulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}
