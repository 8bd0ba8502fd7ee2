/**
 * The recovery-codes phase: MfaRecovery's props, and the facts of its pool, resolved into what the
 * construct builds. Pure: refusals through the catalog, advisories left on the context.
 */
import { Duration, Fn, Token } from 'aws-cdk-lib';
import { ResolveContext } from '../context';
import { isLiteral } from '../errors';
import { RULES } from '../rules';

/** What the phase reads from the pool. */
export interface RecoveryPoolFacts {
  readonly mfaOn: boolean;
  readonly totp: boolean;
  readonly passwordless: boolean;
  readonly passkeysCountAsMfa: boolean;
  readonly replicated: boolean;
  /** The pool's tokens carry the updated issuer (TokenIssuer.UPDATED), which API Gateway's Cognito authorizers do not take. */
  readonly updatedIssuer: boolean;
  /** The pool's SES sending, when it sends through Amazon SES (EmailSendingAccount DEVELOPER). */
  readonly ses?: { readonly from?: string; readonly sourceArn?: string; readonly configurationSet?: string };
}

/** The sender options as the phase reads them (MfaRecovery's RecoverySenderOptions). */
export interface RecoverySenderInput {
  readonly from: string;
  readonly sesIdentityArn: string;
  readonly configurationSetName?: string;
}

/** MfaRecovery's props as the phase reads them. */
export interface RecoveryInput {
  readonly sender?: RecoverySenderInput;
  readonly freshSession?: Duration;
  readonly rateLimit?: number;
  readonly allowedOrigins?: readonly string[];
}

/** How the notifications are sent. */
export interface RecoverySender {
  readonly from: string;
  readonly identityArn: string;
  /** The identity's Region: a literal when the ARN is one, else read from the ARN at deploy time. */
  readonly region: string;
  readonly configurationSet?: string;
}

/** What the construct builds. */
export interface RecoveryDecisions {
  readonly sender: RecoverySender;
  readonly freshSeconds: number;
  readonly rateLimit: number;
  readonly allowedOrigins: readonly string[];
}

/** The default window of a fresh sign-in: 10 minutes. */
export const DEFAULT_FRESH_SECONDS = 600;
/** The default rate limit per IP address: 10 requests in 5 minutes, WAF's minimum. */
export const DEFAULT_RATE_LIMIT = 10;

const SES_IDENTITY_ARN = /^arn:aws[a-z-]*:ses:[a-z0-9-]+:\d{12}:identity\/\S+$/;
const CONFIGURATION_SET = /^[a-zA-Z0-9_-]{1,64}$/;
const ORIGIN = /^(https?):\/\/(\[[0-9a-fA-F:]+\]|[a-zA-Z0-9.-]+)(:\d{1,5})?$/;

/** The phase. */
export function resolveRecoveryCodes(ctx: ResolveContext, props: RecoveryInput, facts: RecoveryPoolFacts): RecoveryDecisions {
  if (!facts.mfaOn || !facts.totp) {
    throw ctx.refuse(RULES.recoveryNeedsTotp, 'pool', 'has no TOTP (authenticator app) factor, so no user could ever be given recovery codes',
      facts.mfaOn ? 'MFA without TOTP' : 'MFA OFF', 'Set mfa to OPTIONAL or REQUIRED with totp: true on the MfaUserPool (the default), or leave MfaRecovery out.');
  }
  adviseOnPool(ctx, facts);
  return {
    sender: resolveSender(ctx, props.sender, facts),
    freshSeconds: resolveFreshSession(ctx, props.freshSession),
    rateLimit: resolveRateLimit(ctx, props.rateLimit),
    allowedOrigins: resolveOrigins(ctx, props.allowedOrigins),
  };
}

function adviseOnPool(ctx: ResolveContext, facts: RecoveryPoolFacts): void {
  if (facts.passwordless) {
    ctx.advise(RULES.recoveryPasswordless, 'The pool has passwordless first factors: a user who signs in without a password cannot use recovery codes, which need the '
      + 'password too. Give those users the support reset (grantAdminMfa and README\'s "Lost MFA device" runbook).');
  }
  if (facts.passkeysCountAsMfa) {
    ctx.advise(RULES.recoveryPasskeysRemain, 'Passkeys count as MFA in this pool, and no administrator call removes a passkey: recovery removes the authenticator '
      + 'app only, so a user whose lost device also held the passkey is asked for it at the next sign-in. Tell such users to use another device\'s passkey '
      + 'or the support reset.');
  }
  if (facts.replicated) {
    ctx.advise(RULES.recoveryOnePrimaryRegion, 'The pool is replicated, but the recovery endpoints and their table live in the primary Region: during a failover '
      + 'recovery codes cannot be used or issued. Acknowledge this, or send users to the support reset in the secondary Region while it serves.');
  }
}

function resolveSender(ctx: ResolveContext, sender: RecoverySenderInput | undefined, facts: RecoveryPoolFacts): RecoverySender {
  const chosen = sender ?? (facts.ses?.from !== undefined && facts.ses.sourceArn !== undefined
    ? { from: facts.ses.from, sesIdentityArn: facts.ses.sourceArn, configurationSetName: facts.ses.configurationSet }
    : undefined);
  if (chosen === undefined) {
    throw ctx.refuse(RULES.recoveryNeedsSender, 'sender', 'is needed: the pool does not send email through Amazon SES, and every recovery is told to the user by email',
      facts.ses === undefined ? 'Cognito\'s default email' : 'an SES configuration without a sender address',
      'Set sender: { from: \'no-reply@example.com\', sesIdentityArn: \'arn:aws:ses:<region>:<account>:identity/example.com\' }, or give the pool '
      + 'userPoolProps.email: cognito.UserPoolEmail.withSES(...).');
  }
  const prop = sender === undefined ? 'the pool\'s SES email configuration' : 'sender';
  if (isLiteral(chosen.from) && !/^[^@\s<>]+@[^@\s<>]+$|^[^<>]*<[^@\s<>]+@[^@\s<>]+>$/.test(chosen.from.trim())) {
    throw ctx.refuse(RULES.recoverySenderForm, `${prop}.from`, 'is not an email address (name@domain, or Name <name@domain>)', chosen.from,
      'Give an address of the verified SES identity.');
  }
  if (isLiteral(chosen.sesIdentityArn) && !SES_IDENTITY_ARN.test(chosen.sesIdentityArn)) {
    throw ctx.refuse(RULES.recoverySenderForm, `${prop}.sesIdentityArn`, 'is not an SES identity ARN', chosen.sesIdentityArn,
      'Give arn:aws:ses:<region>:<account>:identity/<domain or address>.');
  }
  const set = chosen.configurationSetName;
  if (set !== undefined && isLiteral(set) && !CONFIGURATION_SET.test(set)) {
    throw ctx.refuse(RULES.recoverySenderForm, `${prop}.configurationSetName`, 'is not an SES configuration set name (1 to 64 characters of a-z, A-Z, 0-9, _ and -)', set,
      'Give the name of an existing configuration set, or leave it out.');
  }
  const region = isLiteral(chosen.sesIdentityArn) ? chosen.sesIdentityArn.split(':')[3] : Fn.select(3, Fn.split(':', chosen.sesIdentityArn));
  return { from: chosen.from, identityArn: chosen.sesIdentityArn, region, configurationSet: set };
}

/** An hour: a longer window is advised against (a stolen long-lived session could mint codes), not refused. */
const FRESH_SESSION_ADVISED_MAX = 3600;

function resolveFreshSession(ctx: ResolveContext, fresh: Duration | undefined): number {
  if (fresh === undefined) {
    return DEFAULT_FRESH_SECONDS;
  }
  const seconds = fresh.toSeconds({ integral: false });
  if (Token.isUnresolved(seconds)) {
    // Known at deploy only: passed to the handler as it is.
    return seconds;
  }
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw ctx.refuse(RULES.recoveryFreshSession, 'freshSession', 'must be a whole number of seconds, at least one', fresh.toHumanString(),
      'Give Duration.minutes(10) or another window: how recent the sign-in behind a request for new codes must be. With none, no code could ever be issued.');
  }
  if (seconds > FRESH_SESSION_ADVISED_MAX) {
    ctx.advise(RULES.recoveryFreshSessionLong, `freshSession is ${fresh.toHumanString()}: a session signed in that long ago (a token stolen from a device, `
      + 'a shared computer left signed in) can still get a new set of codes, which replaces the user\'s. NIST SP 800-63B-4 asks for a recent authentication before '
      + 'an authenticator is bound; an hour or less keeps that. Acknowledge this if the longer window is deliberate.');
  }
  return seconds;
}

function resolveRateLimit(ctx: ResolveContext, limit: number | undefined): number {
  if (limit === undefined) {
    return DEFAULT_RATE_LIMIT;
  }
  // Known at deploy only: CloudFormation's schema checks it then.
  if (isLiteral(limit) && (!Number.isInteger(limit) || limit < 10 || limit > 2_000_000_000)) {
    throw ctx.refuse(RULES.recoveryRateLimit, 'rateLimit', 'must be a whole number from 10 to 2,000,000,000 (requests from one IP address in 5 minutes)', limit,
      `Give a whole number of at least 10 (the default, ${DEFAULT_RATE_LIMIT}, is AWS WAF's minimum).`);
  }
  return limit;
}

function resolveOrigins(ctx: ResolveContext, origins: readonly string[] | undefined): readonly string[] {
  const list = origins ?? [];
  for (const origin of list) {
    if (!isLiteral(origin)) {
      // Known at deploy only: written into the CORS answers as it is.
      continue;
    }
    const port = ORIGIN.exec(origin)?.[3];
    if ((origin !== '*' && (!ORIGIN.test(origin) || (port !== undefined && Number(port.slice(1)) > 65535))) || (origin === '*' && list.length > 1)) {
      throw ctx.refuse(RULES.recoveryOrigins, 'allowedOrigins', 'must hold origins (scheme://host[:port], without a path or a trailing slash), or only *', origin,
        'Give origins as a browser sends them: https://app.example.com, http://localhost:3000.');
    }
  }
  return list;
}
