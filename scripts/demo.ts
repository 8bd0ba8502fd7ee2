/**
 * The MFA flows on your machine, without an AWS account: `npx projen demo`.
 *
 * Synthesizes the example app (example/app.ts), provisions its pool and client in cognito-local
 * (through e2e/adapter.ts, as the e2e suites do), serves the example page (example/web/) with the
 * amplify_outputs.json the library wrote, resolved with the emulator's IDs, and prints the
 * confirmation codes cognito-local would have emailed. Ctrl-C stops everything.
 *
 * What the emulator cannot run is left out and said: device remembering, the web ACL, the alarms.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { provision, resolveOutput } from '../e2e/adapter';
import { clientFor, startCognitoLocal } from '../e2e/harness';
import { servePage } from '../example/web/serve';

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.DEMO_PORT ?? 3000);

async function main(): Promise<void> {
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'ts-node'), ['--project', 'tsconfig.dev.json', 'example/app.ts'], { cwd: ROOT, stdio: 'inherit' });
  const template = JSON.parse(fs.readFileSync(path.join(ROOT, 'example', 'cdk.out', 'MfaUserPoolExample.template.json'), 'utf-8'));
  const pool = Object.values<any>(template.Resources).find(r => r.Type === 'AWS::Cognito::UserPool');
  // The emulators have no device tracking: the example pool's device remembering is left out here.
  delete pool.Properties.DeviceConfiguration;

  const emulator = await startCognitoLocal();
  const cognito = clientFor(emulator);
  const provisioned = await provision(cognito, template);
  cognito.destroy();
  const outputId = Object.keys(template.Outputs).find(id => id.startsWith('UsersAmplifyOutputs'))!;
  const outputs = JSON.parse(resolveOutput(template, outputId, provisioned));
  // The emulator does not track devices: the page is not told to offer "Remember this device".
  delete outputs.custom?.device_remembering;
  // cognito-local has no SRP: the page signs in with USER_PASSWORD_AUTH there.
  const server = await servePage(outputs, { userPoolEndpoint: emulator.endpoint, authFlowType: 'USER_PASSWORD_AUTH' }, PORT).catch(async error => {
    await emulator.stop();
    throw new Error(`cannot serve the page on 127.0.0.1:${PORT} (${error.code ?? error.message}): choose another port, DEMO_PORT=3001 npx projen demo`);
  });

  console.log(`
The example pool (MFA OPTIONAL: an authenticator app or SMS) runs in cognito-local at ${emulator.endpoint}.
Open ${server.url} and:
  1. Type any email address and a password, and choose "Create account (sign up)"; the
     confirmation code appears below.
  2. Sign in, choose "Set up authenticator app", scan the QR code (or type the key) into your
     authenticator app, and enter its code.
  3. Sign out and sign in again: the page asks for the app's code.
Left out, because the emulator cannot run them: device remembering, the web ACL, alarms and logs;
SMS codes are not sent (cognito-local writes them to its log). Press Ctrl-C to stop.
`);
  // cognito-local logs each message it would send (a code appears on several of its lines).
  const printed = new Set<string>();
  const codes = setInterval(() => {
    for (const [, code] of emulator.output().matchAll(/"?(?:code|ConfirmationCode)"?\W+(\d{6})/gi)) {
      if (!printed.has(code)) {
        printed.add(code);
        console.log(`cognito-local would have sent the code ${code} (the newest code is the one to type)`);
      }
    }
  }, 500);
  const stop = async () => {
    clearInterval(codes);
    await server.close();
    await emulator.stop();
    console.log('demo stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => { void stop(); });
  process.once('SIGTERM', () => { void stop(); });
}

main().catch(error => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
