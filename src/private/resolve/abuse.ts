import { Duration, Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AbuseProtectionOptions, SmsCountryAction, SmsCountryRules } from '../../abuse-protection';
import type { MfaUserPoolProps } from '../../mfa-user-pool-props';
import { ResolveContext } from '../context';
import { RULES } from '../rules';
import { ISO_COUNTRY_CODES, WAF_COUNTRY_CODES } from '../sms-countries';
import { FactorDecisions, FirstFactorDecisions } from './decisions';

/** The rules of the web ACL this library creates. */
export interface WebAclDecisions {
  readonly codeRequestsPerIp: number;
  readonly signInRequestsPerIp: number;
  readonly managedLoginRequestsPerIp: number;
  /** The circuit breaker over all addresses; undefined without one. */
  readonly codeRequestsAllIps?: number;
  /** The limit per autonomous system; undefined without one. */
  readonly codeRequestsPerAsn?: number;
  /** The countries whose callers may request codes; undefined for every country. */
  readonly callerCountries?: readonly string[];
  readonly botControl: boolean;
  readonly evaluationWindowSec: number;
  readonly ipReputation: boolean;
  readonly blockAnonymousIps: boolean;
  readonly captcha: boolean;
  readonly logRetention: logs.RetentionDays;
}

/** The options of AbuseProtectionOptions that describe the web ACL this library creates. */
const RULE_OPTIONS = ['codeRequestsPerIp', 'signInRequestsPerIp', 'managedLoginRequestsPerIp', 'codeRequestsAllIps', 'codeRequestsPerAsn',
  'callerCountries', 'botControl', 'evaluationWindow', 'ipReputation', 'blockAnonymousIps', 'captcha', 'logRetention'] as const;

/** The country rules of the SMS codes: a protect configuration on a configuration set. */
export interface CountryDecisions {
  /** The ISO codes allowed, without repeats, in the order given. */
  readonly allow: readonly string[];
  /** What every other ISO code gets. */
  readonly others: SmsCountryAction;
  /** The configuration set's name; undefined when the construct derives one. */
  readonly configurationSetName?: string;
}

/** What abuse protection the pool gets. */
export interface AbuseDecisions {
  /** A web ACL the user manages, to associate; undefined when this library creates one. */
  readonly webAclArn?: string;
  /** The created web ACL's rules; undefined with `webAclArn`. */
  readonly webAcl?: WebAclDecisions;
  /** Country rules for SMS, on the direct End User Messaging path; undefined without them. */
  readonly countries?: CountryDecisions;
  /** The month-to-date SMS spend the spend alarm goes off at; undefined when the pool sends no SMS. */
  readonly smsSpendAlarmUsd?: number;
}

/** WAF's bounds of a rate-based rule's limit, and its evaluation windows, in seconds. */
const RATE_LIMIT_MIN = 10;
const RATE_LIMIT_MAX = 2_000_000_000;
const WINDOWS_SEC = [60, 120, 300, 600];

/** A WAFv2 web ACL ARN: `arn:<partition>:wafv2:<region>:<account>:<regional|global>/webacl/<name>/<id>`. */
const WEB_ACL_ARN = /^arn:aws[a-z-]*:wafv2:([a-z0-9-]*):\d{12}:(regional|global)\/webacl\/.+$/;

/**
 * Decides the pool's abuse protection, or undefined when it has none; advises a pool that sends
 * SMS codes to anyone who signs up, and has none.
 */
export function resolveAbuse(
  ctx: ResolveContext, props: MfaUserPoolProps, factors: FactorDecisions, firstFactors: FirstFactorDecisions, region: string | undefined,
): AbuseDecisions | undefined {
  const options = props.abuseProtection;
  if (!options) {
    if (factors.sms && props.userPoolProps?.selfSignUpEnabled) {
      ctx.advise(RULES.smsSignUpWithoutAbuseProtection, 'The pool sends SMS codes and lets anyone sign up, with no abuseProtection: bots can make it send codes to '
        + 'premium numbers at your cost (SMS pumping). Set abuseProtection: {} (a WAF web ACL with per-IP rate limits), and country rules on the direct path.');
    }
    return undefined;
  }
  const countries = options.smsCountries && resolveCountries(ctx, options.smsCountries, factors);
  const smsSpendAlarmUsd = resolveSpendAlarm(ctx, options.smsSpendAlarmUsd, factors);
  if (options.webAclArn !== undefined) {
    const ruleOptions = RULE_OPTIONS.filter(k => options[k] !== undefined);
    if (ruleOptions.length > 0) {
      throw ctx.refuse(RULES.webAclArnWithRules, `abuseProtection.${ruleOptions[0]}`, 'describes the web ACL this library creates, but webAclArn brings your own',
        options[ruleOptions[0]], 'Set the rules in your web ACL, or leave webAclArn out to have one created.');
    }
    if (!Token.isUnresolved(options.webAclArn)) {
      const arn = WEB_ACL_ARN.exec(options.webAclArn);
      const problem = !arn ? 'is not the ARN of a WAFv2 web ACL'
        : arn[2] === 'global' ? 'is a global (CloudFront) web ACL; a user pool takes a regional one'
          : region !== undefined && arn[1] !== region ? `is a web ACL of ${arn[1]}; a user pool takes one of its own Region (${region})` : undefined;
      if (problem) {
        throw ctx.refuse(RULES.webAclArnForm, 'abuseProtection.webAclArn', problem, options.webAclArn,
          'Use a REGIONAL web ACL of the pool\'s Region: arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>, or leave webAclArn out to have one created.');
      }
    }
    return { webAclArn: options.webAclArn, countries, smsSpendAlarmUsd };
  }
  // SMS MFA and SMS sign-in codes go out at sign-in: a tighter default limit there.
  const smsAtSignIn = factors.smsFactor || firstFactors.smsOtp;
  return { webAcl: webAclRules(ctx, options, smsAtSignIn), countries, smsSpendAlarmUsd };
}

/**
 * The spend alarm's threshold: for a pool that sends SMS (50 USD unless given), more than 0.
 * A token passes unjudged.
 */
function resolveSpendAlarm(ctx: ResolveContext, usd: number | undefined, factors: FactorDecisions): number | undefined {
  const prop = 'abuseProtection.smsSpendAlarmUsd';
  if (!factors.sms) {
    if (usd !== undefined) {
      throw ctx.refuse(RULES.smsSpendAlarmWithoutSms, prop, 'sets the SMS spend alarm, but the pool sends no SMS', usd,
        'Leave smsSpendAlarmUsd out, or configure SMS (sms: SmsMfa.withNewRole()).');
    }
    return undefined;
  }
  if (usd !== undefined && !Token.isUnresolved(usd) && !(usd > 0)) {
    throw ctx.refuse(RULES.smsSpendAlarmOption, prop, 'must be more than 0', usd, 'Give the monthly SMS spend, in US dollars, past which to be told, for example 50.');
  }
  return usd ?? 50;
}

/** A two-letter country code as the protect configuration's schema takes it. */
const COUNTRY_CODE = /^[A-Z]{2}$/;
/** A configuration set name as the AWS::SMSVOICE::ConfigurationSet schema takes it. */
const CONFIGURATION_SET_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_CODES = new Set(ISO_COUNTRY_CODES);
const WAF_CODES = new Set(WAF_COUNTRY_CODES);

/**
 * The country rules: only on the direct End User Messaging path, where Cognito sends with the
 * configuration set it names; on a set this library creates, since CloudFormation links a protect
 * configuration only through the set's own property.
 */
function resolveCountries(ctx: ResolveContext, rules: SmsCountryRules, factors: FactorDecisions): CountryDecisions {
  const prop = 'abuseProtection.smsCountries';
  const sms = factors.sms;
  if (!sms) {
    throw ctx.refuse(RULES.smsCountriesWithoutSms, prop, 'sets country rules for SMS, but the pool sends no SMS', rules.allow,
      'Configure SMS on the direct path (sms: SmsMfa.withEndUserMessaging()), or leave smsCountries out.');
  }
  if (!sms.eums) {
    throw ctx.refuse(RULES.smsCountriesOnSnsPath, prop, 'needs the direct End User Messaging path: on the Amazon SNS path Cognito applies only the account\'s default '
      + 'protect configuration, which CloudFormation cannot set', rules.allow,
    'Send SMS directly through End User Messaging (sms: SmsMfa.withEndUserMessaging()), or leave smsCountries out and set the account default '
      + 'protect configuration in the End User Messaging console or with SetAccountDefaultProtectConfiguration.');
  }
  if (sms.eums.configurationSetName !== undefined) {
    throw ctx.refuse(RULES.smsCountriesOwnConfigurationSet, prop, 'attaches its protect configuration to a configuration set this library creates, but '
      + 'sms.configurationSetName names a set of your own', sms.eums.configurationSetName,
    'Move the name to abuseProtection.smsCountries.configurationSetName to have the set created under it (no set of that name may exist yet), '
      + 'or leave smsCountries out and associate a protect configuration with your set (AssociateProtectConfiguration).');
  }
  const allow = rules.allow;
  if (Token.isUnresolved(allow) || !Array.isArray(allow) || allow.some(code => Token.isUnresolved(code))) {
    throw ctx.refuse(RULES.smsCountriesUnresolved, `${prop}.allow`, 'must be a list of literal country codes: the rules for every other country are written at synthesis',
      allow, 'List the codes in the app, for example allow: [\'US\', \'CA\'].');
  }
  const listed: string[] = [];
  for (const code of allow) {
    if (typeof code !== 'string' || !COUNTRY_CODE.test(code)) {
      throw ctx.refuse(RULES.smsCountryCode, `${prop}.allow`, 'must hold two-letter ISO 3166-1 country codes in capitals', code,
        typeof code === 'string' && COUNTRY_CODE.test(code.toUpperCase()) ? `Write '${code.toUpperCase()}'.` : 'Use the ISO 3166-1 alpha-2 code, for example \'US\'.');
    }
    if (!ISO_CODES.has(code)) {
      ctx.advise(RULES.smsCountryNotIso, `${prop}.allow holds '${code}', which is not an ISO 3166-1 country code${code === 'UK' ? ' (the United Kingdom is GB)' : ''}: `
        + 'the rule set leaves it out, and End User Messaging allows a code it does not list.');
    } else if (!listed.includes(code)) {
      listed.push(code);
    }
  }
  const others = ctx.member(`${prop}.otherCountries`, rules.otherCountries ?? SmsCountryAction.BLOCK, SmsCountryAction, 'an SmsCountryAction');
  if (listed.length === 0 && others === SmsCountryAction.BLOCK) {
    ctx.advise(RULES.smsCountriesAllowNone, `${prop} allows no country and blocks the others: Cognito can send no SMS code (SMS MFA, verification and recovery fail). `
      + 'List the countries your users are in.');
  }
  const name = rules.configurationSetName;
  if (name !== undefined && !Token.isUnresolved(name) && !CONFIGURATION_SET_NAME.test(name)) {
    throw ctx.refuse(RULES.smsCountriesSetName, `${prop}.configurationSetName`, 'must be 1 to 64 letters, digits, _ and -', name,
      'Choose a name of that form, or leave it out for a derived one.');
  }
  return { allow: listed, others, configurationSetName: name };
}

function webAclRules(ctx: ResolveContext, options: AbuseProtectionOptions, smsAtSignIn: boolean): WebAclDecisions {
  const limit = (prop: 'codeRequestsPerIp' | 'signInRequestsPerIp' | 'managedLoginRequestsPerIp' | 'codeRequestsAllIps' | 'codeRequestsPerAsn',
    fallback?: number): number | undefined => {
    const value = options[prop] ?? fallback;
    if (value !== undefined && !Token.isUnresolved(value) && (!Number.isInteger(value) || value < RATE_LIMIT_MIN || value > RATE_LIMIT_MAX)) {
      throw ctx.refuse(RULES.rateLimitRange, `abuseProtection.${prop}`, `must be a whole number from ${RATE_LIMIT_MIN} to ${RATE_LIMIT_MAX.toLocaleString('en-US')}`, value,
        `Give at least ${RATE_LIMIT_MIN} requests per window.`);
    }
    return value;
  };
  const window = options.evaluationWindow;
  const windowSec = window === undefined ? 300 : windowSeconds(ctx, window);
  if (!Token.isUnresolved(windowSec) && !WINDOWS_SEC.includes(windowSec)) {
    throw ctx.refuse(RULES.rateLimitWindow, 'abuseProtection.evaluationWindow', 'must be 1, 2, 5 or 10 minutes', window?.toHumanString(),
      'Use Duration.minutes(1), (2), (5) or (10).');
  }
  return {
    codeRequestsPerIp: limit('codeRequestsPerIp', 20)!,
    signInRequestsPerIp: limit('signInRequestsPerIp', smsAtSignIn ? 50 : 100)!,
    managedLoginRequestsPerIp: limit('managedLoginRequestsPerIp', 200)!,
    codeRequestsAllIps: limit('codeRequestsAllIps'),
    codeRequestsPerAsn: limit('codeRequestsPerAsn'),
    callerCountries: options.callerCountries === undefined ? undefined : callerCountries(ctx, options.callerCountries),
    botControl: options.botControl ?? false,
    evaluationWindowSec: windowSec,
    ipReputation: options.ipReputation ?? true,
    blockAnonymousIps: options.blockAnonymousIps ?? false,
    captcha: options.captcha ?? false,
    logRetention: options.logRetention ?? logs.RetentionDays.ONE_YEAR,
  };
}

/** The window in seconds; a deploy-time window (a token) passes unjudged when it is given in seconds. */
function windowSeconds(ctx: ResolveContext, window: Duration): number {
  try {
    return window.toSeconds();
  } catch {
    throw ctx.refuse(RULES.rateLimitWindow, 'abuseProtection.evaluationWindow', 'comes from a token in another unit than seconds, which cannot be converted at synthesis',
      window.toString(), 'Give a deploy-time window as Duration.seconds(token) (60, 120, 300 or 600), or a literal Duration.minutes(n).');
  }
}

/**
 * The callers' countries: codes of WAF's geo match, at least one. A token list goes to the
 * template as it is.
 */
function callerCountries(ctx: ResolveContext, codes: string[]): readonly string[] {
  const prop = 'abuseProtection.callerCountries';
  if (Token.isUnresolved(codes)) {
    return codes;
  }
  if (!Array.isArray(codes) || codes.length === 0) {
    throw ctx.refuse(RULES.callerCountryCode, prop, 'must list at least one country', codes,
      'List the countries your users sign up from, for example callerCountries: [\'US\', \'CA\'], or leave callerCountries out.');
  }
  const listed: string[] = [];
  for (const code of codes) {
    if (Token.isUnresolved(code)) {
      listed.push(code);
      continue;
    }
    if (typeof code !== 'string' || !WAF_CODES.has(code)) {
      const upper = typeof code === 'string' ? code.toUpperCase() : '';
      throw ctx.refuse(RULES.callerCountryCode, prop, 'must hold country codes of WAF\'s geo match (ISO 3166-1 alpha-2 in capitals, and XK)', code,
        WAF_CODES.has(upper) ? `Write '${upper}'.` : code === 'UK' ? 'The United Kingdom is GB.' : 'Use the ISO 3166-1 alpha-2 code, for example \'US\'.');
    }
    if (!listed.includes(code)) {
      listed.push(code);
    }
  }
  return listed;
}
