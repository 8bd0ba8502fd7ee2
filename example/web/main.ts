/**
 * The MFA flows in a web page, as an app built on this library would have them: Amplify v6,
 * configured from the amplify_outputs.json the library writes (served next to this page).
 *
 * One local addition, for the emulators only: `local.json`, written next to the page by the demo
 * or the browser tests, may give the endpoint of an emulator and the sign-in flow it supports.
 * The page never takes an endpoint from its URL: a link could otherwise point the sign-in form, and
 * the password, at another host.
 */
import { Amplify } from 'aws-amplify';
import {
  AuthError, confirmSignIn, confirmSignUp, fetchAuthSession, fetchMFAPreference, getCurrentUser, rememberDevice, setUpTOTP, signIn, signOut, signUp,
  updateMFAPreference, verifyTOTPSetup, type SignInOutput,
} from 'aws-amplify/auth';
import { parseAmplifyConfig } from 'aws-amplify/utils';
import QRCode from 'qrcode';

/** The emulator settings of local.json. */
interface LocalSettings {
  readonly userPoolEndpoint?: string;
  readonly authFlowType?: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';
  /** Where the recovery endpoints run locally (relative to the page), instead of custom.mfa_recovery_url. */
  readonly recoveryUrl?: string;
}

const APP_NAME = 'MyApp';
/** Every element with an id, found even while its section is out of the document. */
const BY_ID = new Map([...document.querySelectorAll<HTMLElement>('[id]')].map(element => [element.id, element]));
const $ = <T extends HTMLElement>(id: string) => BY_ID.get(id) as T;
let settings: LocalSettings = {};
/** The MfaRecovery endpoints (custom.mfa_recovery_url of amplify_outputs.json), when the app has them. */
let recoveryUrl: string | undefined;
/** The pool lets the user choose to remember a device (custom.device_remembering of amplify_outputs.json). */
let askToRememberDevice = false;
let signedInEmail = '';

/**
 * Every step of the page, in document order. Only the steps shown are in the document: a person,
 * a screen reader or a test finds one "Code from your authenticator app", the one that counts.
 */
const SECTIONS = [...document.querySelectorAll('section')];
const main = document.querySelector('main')!;
SECTIONS.forEach(section => { section.remove(); section.hidden = false; });

/** Shows the sections named, in the page's order; the others leave the document. */
function show(...ids: string[]): void {
  main.replaceChildren(...SECTIONS.filter(section => ids.includes(section.id)));
  // Keyboard and screen-reader users land on the step's first field (or button).
  main.querySelector<HTMLElement>('input, button:not([hidden])')?.focus();
}

function status(text: string): void {
  $('status').textContent = text;
  $('error').textContent = '';
}

function fail(error: unknown): void {
  const text = error instanceof AuthError || error instanceof Error ? error.message : String(error);
  $('error').textContent = `Something went wrong: ${text}`;
}

/** Runs a form's action with the errors shown in words. */
function onSubmit(formId: string, action: () => Promise<void>): void {
  $(formId).addEventListener('submit', event => {
    event.preventDefault();
    action().catch(fail);
  });
}

function onClick(id: string, action: () => Promise<void>): void {
  $(id).addEventListener('click', () => { action().catch(fail); });
}

async function load(): Promise<void> {
  const outputs = await (await fetch('amplify_outputs.json')).json();
  // local.json exists only next to the demo and the tests; a host that answers every path with the
  // page gives no JSON, which counts as no local settings.
  const local = await fetch('local.json');
  settings = local.ok ? await local.json().catch(() => ({})) : {};
  const config = parseAmplifyConfig(outputs);
  if (settings.userPoolEndpoint) {
    // The emulator's endpoint, which amplify_outputs.json has no field for.
    (config.Auth!.Cognito as { userPoolEndpoint?: string }).userPoolEndpoint = settings.userPoolEndpoint;
  }
  Amplify.configure(config);
  recoveryUrl = settings.recoveryUrl ?? outputs.custom?.mfa_recovery_url;
  askToRememberDevice = outputs.custom?.device_remembering === 'USER_OPT_IN';
  status(settings.userPoolEndpoint ? `Ready (local emulator at ${settings.userPoolEndpoint}).` : 'Ready.');
  // A reload keeps the session: a signed-in user goes on where they were.
  const user = await getCurrentUser().catch(() => undefined);
  if (user) {
    signedInEmail = user.signInDetails?.loginId ?? user.username;
    return signedIn();
  }
  signedOut();
}

/** The signed-out page: sign in, with the ways to create an account or recover with a code. */
function signedOut(): void {
  for (const id of ['sign-in-password', 'recover-password']) {
    ($(id) as HTMLInputElement).value = '';
  }
  $('to-recover').hidden = recoveryUrl === undefined;
  show('sign-in');
}

/** Calls an MfaRecovery endpoint; its answer, or its message as an error. */
async function callRecovery(endpoint: string, init: RequestInit): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(endpoint, new URL(recoveryUrl!, window.location.href)), { method: 'POST', ...init });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(String(body.message ?? `the recovery endpoint answered ${response.status}`));
  }
  return body;
}

/** Where a sign-in step leads. */
async function next(output: SignInOutput): Promise<void> {
  const step = output.nextStep;
  switch (step.signInStep) {
    case 'DONE':
      return signedIn();
    case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
      $('mfa-code-label').textContent = 'Code from your authenticator app';
      status('Enter the code from your authenticator app.');
      return show('mfa-code');
    case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
      $('mfa-code-label').textContent = 'Code from the text message';
      status(`Enter the code we sent to ${step.codeDeliveryDetails?.destination ?? 'your phone'}.`);
      return show('mfa-code');
    case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP':
      await showTotpSetup(step.totpSetupDetails.sharedSecret);
      status('Your account needs an authenticator app: set one up to finish signing in.');
      return show('totp-setup');
    case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
      status('Choose how to verify.');
      $('choose-sms').hidden = !step.allowedMFATypes?.includes('SMS');
      $('choose-totp').hidden = !step.allowedMFATypes?.includes('TOTP');
      return show('mfa-choice');
    case 'CONFIRM_SIGN_UP':
      status('Confirm your email first.');
      return show('confirm-sign-up');
    default:
      throw new Error(`this page does not handle the sign-in step ${step.signInStep}`);
  }
}

/**
 * During sign-in (enrolment) or afterwards: the QR code of the otpauth URI, and the key to type.
 * The URI is written here, with its label encoded (an address with # or ? would otherwise end the
 * label early and lose the secret).
 */
async function showTotpSetup(key: string): Promise<void> {
  const label = `${encodeURIComponent(APP_NAME)}:${encodeURIComponent(signedInEmail)}`;
  const uri = `otpauth://totp/${label}?secret=${encodeURIComponent(key)}&issuer=${encodeURIComponent(APP_NAME)}`;
  ($('totp-qr') as HTMLImageElement).src = await QRCode.toDataURL(uri, { width: 200, margin: 2 });
  $('totp-key').textContent = key.replace(/(.{4})/g, '$1 ').trim();
}

async function signedIn(): Promise<void> {
  const preference = await fetchMFAPreference();
  const on = preference.enabled?.includes('TOTP') ?? false;
  $('mfa-state').textContent = on ? 'Two-step verification is on: your authenticator app.' : 'Two-step verification is off.';
  $('start-totp').hidden = on;
  $('disable-totp').hidden = !on;
  $('get-codes').hidden = !on || recoveryUrl === undefined;
  $('remember-device').hidden = !askToRememberDevice;
  ($('sign-in-password') as HTMLInputElement).value = '';
  status(`Signed in as ${signedInEmail}.`);
  show('account');
}

let enrolling = false;

/** Sign-up from the same fields as sign-in: the email and the password the person typed. */
onClick('sign-up', async () => {
  const form = $('sign-in-form') as HTMLFormElement;
  if (!form.reportValidity()) {
    return;
  }
  const email = ($('sign-in-email') as HTMLInputElement).value;
  const result = await signUp({ username: email, password: ($('sign-in-password') as HTMLInputElement).value, options: { userAttributes: { email } } });
  signedInEmail = email;
  if (result.nextStep.signUpStep === 'CONFIRM_SIGN_UP') {
    status(`We sent a confirmation code to ${email}.`);
    show('confirm-sign-up');
  } else {
    status('Account created: sign in.');
    signedOut();
    ($('sign-in-email') as HTMLInputElement).value = email;
  }
});

onClick('to-recover', async () => { status('Recover with your password and a recovery code.'); show('recover'); });
onClick('recover-back', async () => { signedOut(); });
onClick('remember-device', async () => {
  await rememberDevice();
  status('This device is remembered: it will not ask for a code next time.');
});

onSubmit('confirm-sign-up-form', async () => {
  await confirmSignUp({ username: signedInEmail, confirmationCode: ($('confirmation-code') as HTMLInputElement).value.trim() });
  status('Email confirmed: sign in.');
  signedOut();
  ($('sign-in-email') as HTMLInputElement).value = signedInEmail;
});

onSubmit('sign-in-form', async () => {
  signedInEmail = ($('sign-in-email') as HTMLInputElement).value;
  const password = ($('sign-in-password') as HTMLInputElement).value;
  enrolling = false;
  await next(await signIn({ username: signedInEmail, password, options: { authFlowType: settings.authFlowType ?? 'USER_SRP_AUTH' } }));
});

onSubmit('mfa-code-form', async () => {
  const input = $('mfa-code-input') as HTMLInputElement;
  const code = input.value.trim();
  input.value = '';
  await next(await confirmSignIn({ challengeResponse: code }));
});

onSubmit('totp-setup-form', async () => {
  const input = $('totp-setup-code') as HTMLInputElement;
  const code = input.value.trim();
  input.value = '';
  if (enrolling) {
    // Enrolment from the account page: verify, then prefer TOTP.
    await verifyTOTPSetup({ code });
    await updateMFAPreference({ totp: 'PREFERRED' });
    enrolling = false;
    await signedIn();
    status('Your authenticator app is on: the next sign-in asks for its code.');
  } else {
    // Enrolment during sign-in (MFA REQUIRED): the code answers the setup step; once signed in,
    // the app becomes the preferred factor, as after enrolment from the account page.
    const output = await confirmSignIn({ challengeResponse: code });
    if (output.nextStep.signInStep === 'DONE') {
      await updateMFAPreference({ totp: 'PREFERRED' });
    }
    await next(output);
  }
});

onClick('choose-totp', async () => next(await confirmSignIn({ challengeResponse: 'TOTP' })));
onClick('choose-sms', async () => next(await confirmSignIn({ challengeResponse: 'SMS' })));

onClick('start-totp', async () => {
  const setup = await setUpTOTP();
  enrolling = true;
  await showTotpSetup(setup.sharedSecret);
  status('Scan the QR code, then enter the code your app shows.');
  show('totp-setup');
});

onClick('disable-totp', async () => {
  await updateMFAPreference({ totp: 'DISABLED' });
  await signedIn();
  status('Your authenticator app is off.');
});

onClick('sign-out', async () => {
  await signOut();
  status('Signed out.');
  signedOut();
});

onClick('get-codes', async () => {
  const { tokens } = await fetchAuthSession();
  const { codes } = await callRecovery('codes', { headers: { Authorization: `Bearer ${tokens!.accessToken.toString()}` } }) as { codes: string[] };
  $('codes-list').replaceChildren(...codes.map(code => Object.assign(document.createElement('li'), { textContent: code })));
  status('New recovery codes: save them now. Any earlier codes no longer work.');
  show('codes');
});

onClick('codes-saved', async () => {
  $('codes-list').replaceChildren();
  await signedIn();
});

onSubmit('recover-form', async () => {
  const username = ($('recover-email') as HTMLInputElement).value;
  const password = ($('recover-password') as HTMLInputElement).value;
  const code = ($('recover-code') as HTMLInputElement).value;
  ($('recover-code') as HTMLInputElement).value = '';
  const answer = await callRecovery('recover', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password, code }) });
  ($('sign-in-email') as HTMLInputElement).value = username;
  status(String(answer.message));
  signedOut();
});

load().catch(fail);
