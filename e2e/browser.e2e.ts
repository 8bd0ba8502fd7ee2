import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { UserPoolEmail } from 'aws-cdk-lib/aws-cognito';
import jsQR from 'jsqr';
import { authenticator } from 'otplib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { provision, resolveOutput } from './adapter';
import { createUser, motoTotpCode, PASSWORD } from './fixtures';
import { clientFor, Emulator, startCognitoLocal, startMoto } from './harness';
import { RecoveryHandlers, startRecoveryHandlers } from './recovery-harness';
import { PageServer, ProxyHandler, servePage } from '../example/web/serve';
import { DeviceRemembering, MfaEnforcement, MfaRecovery, MfaUserPool, MfaUserPoolProps } from '../src';

/**
 * The MFA flows of the example page (example/web/) in headless Chromium, driven the way a person
 * uses it: by the labels of its inputs and the text of its buttons. The page is configured from the
 * amplify_outputs.json the library writes for a synthesized pool, provisioned in an emulator. Every
 * request that is not to the loopback address is aborted.
 *
 * Chromium comes from Debian (scripts/install-chromium.sh, which .ci/run calls): without it the
 * suite fails under CI=true and is skipped, with the reason, elsewhere.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = fs.existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') {
  throw new Error(`the browser suite needs Chromium at ${CHROMIUM}: run scripts/install-chromium.sh`);
}
const describeWithBrowser = available ? describe : describe.skip;
if (!available) {
  // eslint-disable-next-line no-console
  console.warn(`browser suite skipped: no Chromium at ${CHROMIUM} (scripts/install-chromium.sh installs it)`);
}
jest.setTimeout(90_000);
const SES = UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'us-east-1', sesVerifiedDomain: 'example.com' });

let browser: Browser;
beforeAll(async () => {
  if (!available) {
    return;
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/**
 * A pool synthesized by the library, provisioned in the emulator; the page served with its
 * amplify_outputs.json. With `recovery`, the pool sends email with SES and has MfaRecovery, whose
 * handlers run against moto behind the page's own /recovery/ paths (API Gateway is not emulated).
 */
async function pageFor(emulator: Emulator, props: MfaUserPoolProps, local: object, recovery = false): Promise<{
  server: PageServer; page: Page; userPoolId: string; handlers?: RecoveryHandlers;
}> {
  const stack = new Stack(new App(), 'Web', { env: { account: '123456789012', region: 'us-east-1' } });
  const pool = new MfaUserPool(stack, 'Users', {
    deviceRemembering: DeviceRemembering.OFF, ...props, userPoolProps: { selfSignUpEnabled: true, ...(recovery ? { email: SES } : {}) },
  });
  const client = pool.addAppClient('Web', { authFlows: { userPassword: true, userSrp: true } });
  pool.addAmplifyOutputs('AmplifyOutputs', client, recovery ? { recovery: new MfaRecovery(stack, 'Recovery', { pool, appName: 'MyApp' }) } : {});
  const template = Template.fromStack(stack).toJSON();
  const cognito = clientFor(emulator);
  const provisioned = await provision(cognito, template);
  cognito.destroy();
  const handlers = recovery ? await startRecoveryHandlers(emulator.endpoint, template, provisioned, []) : undefined;
  // The recovery URL the template names is API Gateway's; the page is told the local one in local.json.
  const values: Record<string, string> = Object.fromEntries(Object.entries<any>(template.Resources)
    .filter(([, r]) => ['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Stage'].includes(r.Type)).map(([id]) => [id, id]));
  values['AWS::URLSuffix'] = 'amazonaws.com';
  const outputs = JSON.parse(resolveOutput(template, Object.keys(template.Outputs).find(id => id.startsWith('UsersAmplifyOutputs'))!, provisioned, values));
  const api: Record<string, ProxyHandler> = handlers ? { '/recovery/codes': handlers.codes, '/recovery/recover': handlers.recover } : {};
  const server = await servePage(outputs, { ...local, ...(recovery ? { recoveryUrl: 'recovery/' } : {}) }, 0, api);
  const page = await browser.newPage();
  // Nothing leaves the machine: the page, the emulator and nothing else.
  await page.route('**/*', route => (/^https?:\/\/127\.0\.0\.1[:/]/.test(route.request().url()) ? route.continue() : route.abort()));
  page.on('pageerror', error => { throw error; });
  await page.goto(server.url);
  await page.getByRole('status').filter({ hasText: 'Ready' }).waitFor();
  return { server, page, userPoolId: provisioned.userPoolId, handlers };
}

/** Reads the QR code the page shows back to its otpauth URI. */
async function qrUri(page: Page): Promise<string> {
  const src = await page.getByRole('img', { name: 'QR code for your authenticator app' }).getAttribute('src');
  const png = PNG.sync.read(Buffer.from(src!.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded).not.toBeNull();
  return decoded!.data;
}

const status = (page: Page) => page.getByRole('status');

/**
 * A user invited with a permanent password (moto checks no sign-up codes) signs in to a REQUIRED
 * pool and enrols the authenticator app on the way; returns the app's secret.
 */
async function enrolDuringSignIn(moto: Emulator, page: Page, userPoolId: string, email: string): Promise<string> {
  const cognito = clientFor(moto);
  await createUser(cognito, userPoolId, email);
  cognito.destroy();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await status(page).filter({ hasText: 'set one up to finish signing in' }).waitFor();
  const secret = new URL(await qrUri(page)).searchParams.get('secret')!;
  // moto's one fixed secret is not strict base32: its code is computed the lenient way moto reads it.
  await page.getByLabel('Code from your authenticator app').fill(motoTotpCode(secret));
  await page.getByRole('button', { name: 'Verify and turn on' }).click();
  await status(page).filter({ hasText: `Signed in as ${email}` }).waitFor();
  return secret;
}

/** Signs out, then in again with the password, as a person does. */
async function signOutAndIn(page: Page, email: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await status(page).filter({ hasText: 'Signed out.' }).waitFor();
  // Nothing of the last sign-in is left in the form.
  expect(await page.getByLabel('Password').inputValue()).toBe('');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}
const alert = (page: Page) => page.getByRole('alert');

describeWithBrowser('the example page in Chromium', () => {
  test('cognito-local, MFA OPTIONAL: sign-up, TOTP enrolment from the QR image, an MFA sign-in, a wrong code refused, TOTP turned off', async () => {
    const emulator = await startCognitoLocal();
    // cognito-local has no SRP: the page signs in with USER_PASSWORD_AUTH, as local.json says.
    const { server, page } = await pageFor(emulator, { mfa: MfaEnforcement.OPTIONAL }, { userPoolEndpoint: emulator.endpoint, authFlowType: 'USER_PASSWORD_AUTH' });
    try {
      const email = 'browser@example.com';
      // One step at a time: each label is found once on the page; sign-up takes the same fields as sign-in.
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign up' }).click();
      await status(page).filter({ hasText: `We sent a confirmation code to ${email}` }).waitFor();
      // cognito-local writes the code it would email to its log.
      const code = [...emulator.output().matchAll(/"?(?:code|ConfirmationCode)"?\W+(\d{6})/gi)].pop()?.[1];
      expect(code).toMatch(/^\d{6}$/);
      await page.getByLabel('Confirmation code from the email').fill(code!);
      await page.getByRole('button', { name: 'Confirm email' }).click();
      await status(page).filter({ hasText: 'Email confirmed' }).waitFor();

      // The email is filled in; the password was never kept in the form.
      expect(await page.getByLabel('Email').inputValue()).toBe(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await status(page).filter({ hasText: `Signed in as ${email}` }).waitFor();
      await page.getByText('Two-step verification is off.').waitFor();
      // The pool does not remember devices: the page does not offer it.
      expect(await page.getByRole('button', { name: 'Remember this device' }).count()).toBe(0);

      // Enrolment: the QR image decodes to the otpauth URI of the key shown for typing.
      await page.getByRole('button', { name: 'Set up authenticator app' }).click();
      const uri = await qrUri(page);
      const secret = new URL(uri).searchParams.get('secret')!;
      // Amplify's getSetupUri leaves the @ of the label unencoded; authenticator apps read it either way.
      expect(uri).toMatch(/^otpauth:\/\/totp\//);
      expect(decodeURIComponent(new URL(uri).pathname)).toBe(`/MyApp:${email}`);
      expect(new URL(uri).searchParams.get('issuer')).toBe('MyApp');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect((await page.locator('#totp-key').textContent())!.replace(/ /g, '')).toBe(secret);
      if (process.env.UPDATE_SCREENSHOT === '1') {
        await page.getByRole('region', { name: 'Set up your authenticator app' }).screenshot({ path: path.join(__dirname, '..', 'docs', 'web-totp-enrolment.png') });
      }
      await page.getByLabel('Code from your authenticator app').fill(authenticator.generate(secret));
      await page.getByRole('button', { name: 'Verify and turn on' }).click();
      await page.getByText('Two-step verification is on: your authenticator app.').waitFor();
      // A reload keeps the session: the user is still signed in, with the same state.
      await page.reload();
      await status(page).filter({ hasText: `Signed in as ${email}` }).waitFor();
      await page.getByText('Two-step verification is on: your authenticator app.').waitFor();

      // The next sign-in asks for the code: a wrong one is refused in words, the right one signs in.
      await signOutAndIn(page, email);
      const mfa = page.getByRole('region', { name: 'Two-step verification' });
      const wrong = String((Number(authenticator.generate(secret)) + 1) % 1_000_000).padStart(6, '0');
      await mfa.getByLabel('Code from your authenticator app').fill(wrong);
      await mfa.getByRole('button', { name: 'Verify code' }).click();
      await alert(page).filter({ hasText: 'Something went wrong' }).waitFor();
      await mfa.getByLabel('Code from your authenticator app').fill(authenticator.generate(secret));
      await mfa.getByRole('button', { name: 'Verify code' }).click();
      await status(page).filter({ hasText: `Signed in as ${email}` }).waitFor();

      await page.getByRole('button', { name: 'Turn off authenticator app' }).click();
      await page.getByText('Two-step verification is off.').waitFor();
    } finally {
      await page.close();
      await server.close();
      await emulator.stop();
    }
  });

  test('moto, MFA REQUIRED with SRP: enrolment during the first sign-in, then a TOTP sign-in', async () => {
    const moto = await startMoto();
    // moto returns MFAS_CAN_SETUP as Python's list text (['SOFTWARE_TOKEN_MFA']), which Amplify's
    // JSON.parse rejects: a proxy in the harness rewrites that one field to JSON, and logs it.
    const proxy = await jsonListProxy(moto.endpoint);
    const { server, page, userPoolId } = await pageFor(moto, { mfa: MfaEnforcement.REQUIRED }, { userPoolEndpoint: proxy.endpoint });
    try {
      const email = 'required@example.com';
      const secret = await enrolDuringSignIn(moto, page, userPoolId, email);
      expect(proxy.rewritten()).toBeGreaterThan(0);

      // moto has no RevokeToken: the page clears its session all the same.
      await signOutAndIn(page, email);
      const mfa = page.getByRole('region', { name: 'Two-step verification' });
      await mfa.getByLabel('Code from your authenticator app').fill(motoTotpCode(secret));
      await mfa.getByRole('button', { name: 'Verify code' }).click();
      await status(page).filter({ hasText: `Signed in as ${email}` }).waitFor();
    } finally {
      await page.close();
      await server.close();
      await proxy.stop();
      await moto.stop();
    }
  });

  test('moto, recovery codes: saved once in a fresh MFA session, then used with the password after the authenticator is lost', async () => {
    const moto = await startMoto();
    const proxy = await jsonListProxy(moto.endpoint);
    const { server, page, userPoolId, handlers } = await pageFor(moto, { mfa: MfaEnforcement.REQUIRED }, { userPoolEndpoint: proxy.endpoint }, true);
    try {
      const email = 'lost-phone@example.com';
      await enrolDuringSignIn(moto, page, userPoolId, email);

      // Ten codes, shown once; leaving the list clears it from the page.
      await page.getByRole('button', { name: 'Get recovery codes' }).click();
      const list = page.getByRole('region', { name: 'Your recovery codes' }).getByRole('listitem');
      await list.first().waitFor();
      const codes = await list.allTextContents();
      expect(codes).toHaveLength(10);
      codes.forEach(code => expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/));
      await page.getByRole('button', { name: 'I have saved my codes' }).click();
      await status(page).filter({ hasText: `Signed in as ${email}` }).waitFor();
      expect(await page.getByText(codes[0]).count()).toBe(0);

      // The phone is lost: the password and one code; a wrong code first gets the one generic answer.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Lost your authenticator app?' }).click();
      const recover = page.getByRole('region', { name: 'Lost your authenticator app?' });
      await recover.getByLabel('Email').fill(email);
      await recover.getByLabel('Password').fill(PASSWORD);
      await recover.getByLabel('Recovery code').fill('AAAA-AAAA-AAAA-AAAA');
      await recover.getByRole('button', { name: 'Recover my account' }).click();
      await alert(page).filter({ hasText: 'recovery code are not right' }).waitFor();
      await recover.getByLabel('Recovery code').fill(codes[3]);
      await recover.getByRole('button', { name: 'Recover my account' }).click();
      await status(page).filter({ hasText: 'Recovered. Sign in with your password and set up a new authenticator app' }).waitFor();
      // moto lacks AdminDeleteSoftwareToken: the stand-in took the call, for this pool.
      expect(handlers!.standIn.answered.filter(a => a.operation === 'AdminDeleteSoftwareToken').map(a => a.body.UserPoolId)).toEqual([userPoolId]);
    } finally {
      await page.close();
      await server.close();
      await handlers?.stop();
      await proxy.stop();
      await moto.stop();
    }
  });
});

/**
 * A proxy in front of moto that rewrites MFAS_CAN_SETUP from Python's list text to the JSON list
 * Cognito sends, and nothing else; it answers the browser's CORS preflight as moto does.
 */
async function jsonListProxy(moto: string): Promise<{ endpoint: string; rewritten: () => number; stop: () => Promise<void> }> {
  let rewritten = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const upstream = http.request(`${moto}${req.url}`, { method: req.method, headers: req.headers }, answer => {
        const parts: Buffer[] = [];
        answer.on('data', chunk => parts.push(chunk));
        answer.on('end', () => {
          let body = Buffer.concat(parts).toString('utf-8');
          const fixed = body.replace(/"MFAS_CAN_SETUP": ?"\[([^\]]*)\]"/, (_m, list: string) =>
            `"MFAS_CAN_SETUP": ${JSON.stringify(JSON.stringify(list.split(',').map(s => s.trim().replace(/^'|'$/g, ''))))}`);
          if (fixed !== body) {
            rewritten++;
            // eslint-disable-next-line no-console
            console.log('harness: rewrote moto\'s MFAS_CAN_SETUP (Python list text) to JSON');
            body = fixed;
          }
          const headers = { ...answer.headers };
          delete headers['content-length'];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      });
      upstream.on('error', error => { res.writeHead(502); res.end(String(error)); });
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    rewritten: () => rewritten,
    stop: () => new Promise<void>(resolve => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
