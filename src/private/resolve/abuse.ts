import { Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AbuseProtectionOptions } from '../../abuse-protection';
import type { MfaUserPoolProps } from '../../mfa-user-pool-props';
import { ResolveContext } from '../context';
import { RULES } from '../rules';
import { FactorDecisions } from './decisions';

/** The rules of the web ACL this library creates. */
export interface WebAclDecisions {
  readonly codeRequestsPerIp: number;
  readonly signInRequestsPerIp: number;
  readonly evaluationWindowSec: number;
  readonly ipReputation: boolean;
  readonly blockAnonymousIps: boolean;
  readonly captcha: boolean;
  readonly logRetention: logs.RetentionDays;
}

/** What abuse protection the pool gets. */
export interface AbuseDecisions {
  /** A web ACL the user manages, to associate; undefined when this library creates one. */
  readonly webAclArn?: string;
  /** The created web ACL's rules; undefined with `webAclArn`. */
  readonly webAcl?: WebAclDecisions;
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
  ctx: ResolveContext, props: MfaUserPoolProps, factors: FactorDecisions, region: string | undefined,
): AbuseDecisions | undefined {
  const options = props.abuseProtection;
  if (!options) {
    if (factors.sms && props.userPoolProps?.selfSignUpEnabled) {
      ctx.advise(RULES.smsSignUpWithoutAbuseProtection, 'The pool sends SMS codes and lets anyone sign up, with no abuseProtection: bots can make it send codes to '
        + 'premium numbers at your cost (SMS pumping). Set abuseProtection: {} (a WAF web ACL with per-IP rate limits), and country rules on the direct path.');
    }
    return undefined;
  }
  if (options.webAclArn !== undefined) {
    const ruleOptions = (['codeRequestsPerIp', 'signInRequestsPerIp', 'evaluationWindow', 'ipReputation', 'blockAnonymousIps', 'captcha', 'logRetention'] as const)
      .filter(k => options[k] !== undefined);
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
    return { webAclArn: options.webAclArn };
  }
  return { webAcl: webAclRules(ctx, options) };
}

function webAclRules(ctx: ResolveContext, options: AbuseProtectionOptions): WebAclDecisions {
  const limit = (prop: 'codeRequestsPerIp' | 'signInRequestsPerIp', fallback: number): number => {
    const value = options[prop] ?? fallback;
    if (!Token.isUnresolved(value) && (!Number.isInteger(value) || value < RATE_LIMIT_MIN || value > RATE_LIMIT_MAX)) {
      throw ctx.refuse(RULES.rateLimitRange, `abuseProtection.${prop}`, `must be a whole number from ${RATE_LIMIT_MIN} to ${RATE_LIMIT_MAX.toLocaleString('en-US')}`, value,
        `Give at least ${RATE_LIMIT_MIN} requests per IP address and window.`);
    }
    return value;
  };
  const window = options.evaluationWindow;
  const windowSec = window === undefined ? 300 : window.toSeconds();
  if (!WINDOWS_SEC.includes(windowSec)) {
    throw ctx.refuse(RULES.rateLimitWindow, 'abuseProtection.evaluationWindow', 'must be 1, 2, 5 or 10 minutes', window?.toHumanString(),
      'Use Duration.minutes(1), (2), (5) or (10).');
  }
  return {
    codeRequestsPerIp: limit('codeRequestsPerIp', 20),
    signInRequestsPerIp: limit('signInRequestsPerIp', 100),
    evaluationWindowSec: windowSec,
    ipReputation: options.ipReputation ?? true,
    blockAnonymousIps: options.blockAnonymousIps ?? false,
    captcha: options.captcha ?? false,
    logRetention: options.logRetention ?? logs.RetentionDays.ONE_YEAR,
  };
}
