import * as net from 'net';
import { Token } from 'aws-cdk-lib';
import { FactorDecisions, PlanDecisions, RiskDecisions } from './decisions';
import {
  AccountTakeoverResponses, AdaptiveAuthentication, AdaptiveAuthenticationProps, CompromisedCredentialsEvent, RiskAction, RiskNotificationEmail,
} from '../../adaptive-authentication';
import { MfaEnforcement } from '../../mfa';
import { ThreatProtection } from '../../threat-protection';
import { ResolveContext } from '../context';
import { isLiteral } from '../errors';
import { RULES } from '../rules';

/**
 * The placeholders Cognito fills in risk notification emails ("Advanced security template
 * placeholders" and the user name, in the guide's Message templates page). Others are sent as
 * typed, so they are warned about, not refused (the list may have grown since).
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-message-templates.html
 */
const TEMPLATE_PLACEHOLDERS = new Set([
  'username', 'ip-address', 'city', 'country', 'login-time', 'device-name',
  'one-click-link-valid', 'one-click-link-invalid', 'event-id', 'feedback-token',
]);

/**
 * BlockedIPRangeList and SkippedIPRangeList: "Array Members: Maximum number of 200 items."
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RiskExceptionConfigurationType.html
 */
const MAX_IP_RANGES = 200;
const ALL_EVENTS = [CompromisedCredentialsEvent.SIGN_IN, CompromisedCredentialsEvent.PASSWORD_CHANGE, CompromisedCredentialsEvent.SIGN_UP];
const LEVELS = ['low', 'medium', 'high'] as const;
const MFA_ACTIONS = new Set([RiskAction.MFA_IF_CONFIGURED, RiskAction.MFA_REQUIRED]);

/**
 * Adaptive authentication (the pool's risk configuration). Cognito acts on it only in
 * full-function (ENFORCED) threat protection: "The automated response to a risk level for
 * adaptive authentication in full-function, or ENFORCED, mode"; in AUDIT it only scores and logs.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountTakeoverActionType.html
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html
 */
export function resolveAdaptive(
  ctx: ResolveContext, adaptive: AdaptiveAuthentication | undefined, factors: FactorDecisions, plan: PlanDecisions,
): RiskDecisions | undefined {
  if (adaptive === undefined) {
    if (plan.threatProtection === ThreatProtection.ENFORCED) {
      // The guide, the API reference (SetRiskConfiguration, AccountTakeoverActionType) and the
      // CloudFormation reference describe only configured actions, not what full-function threat
      // protection does at each risk level without a risk configuration: make it explicit.
      ctx.advise(RULES.threatProtectionWithoutRiskConfiguration, 'threatProtection is ENFORCED without adaptiveAuthentication: what Cognito does with a low-, medium- or high-risk sign-in or a leaked password is then not in your code (the Cognito documentation does not state a default). Set adaptiveAuthentication: AdaptiveAuthentication.recommended() or your own actions.');
    }
    return undefined;
  }
  const spec = adaptive._spec;
  if (plan.threatProtection === ThreatProtection.OFF && plan.customAuthThreatProtection === ThreatProtection.OFF) {
    throw ctx.refuse(RULES.adaptiveNeedsThreatProtection, 'adaptiveAuthentication', 'needs threat protection, which scores the risk it responds to (Cognito: UserPoolAddOnNotEnabledException)', 'threatProtection: OFF',
      'Set threatProtection: ThreatProtection.ENFORCED (or AUDIT while you watch the risk metrics first), or remove adaptiveAuthentication.');
  }
  if (plan.threatProtection === ThreatProtection.OFF) {
    ctx.advise(RULES.threatProtectionForCustomAuthOnly, 'adaptiveAuthentication is configured while only customAuthThreatProtection is on: Cognito scores custom authentication (Lambda challenge) sign-ins, and password and SRP sign-ins get none of these responses. Set threatProtection too to act on them.');
  } else if (plan.threatProtection === ThreatProtection.AUDIT) {
    ctx.advise(RULES.adaptiveAuthenticationInAudit, 'adaptiveAuthentication is configured while threatProtection is AUDIT: Cognito scores and logs risk but takes none of these actions until threatProtection is ENFORCED. Run AUDIT for two weeks or more, read the risk metrics, then switch to ENFORCED.');
  }
  const levels = spec.accountTakeover ? LEVELS.filter(level => spec.accountTakeover![level] !== undefined) : [];
  if (levels.length === 0 && !spec.compromisedCredentials && !spec.ipExceptions?.alwaysBlock?.length && !spec.ipExceptions?.neverScore?.length) {
    ctx.advise(RULES.adaptiveWithoutAction, 'adaptiveAuthentication configures no action: no risk level response, no compromised-credentials response and no IP exception, so the risk configuration changes nothing. Use AdaptiveAuthentication.recommended(), or give accountTakeover levels, compromisedCredentials or ipExceptions.');
  }
  if (spec.accountTakeover) {
    checkAccountTakeover(ctx, spec.accountTakeover, factors, spec.notification !== undefined);
  }
  const events = spec.compromisedCredentials?.events;
  if (events !== undefined && !Token.isUnresolved(events)) {
    checkEvents(ctx, events);
  }
  for (const [prop, ranges] of [['alwaysBlock', spec.ipExceptions?.alwaysBlock], ['neverScore', spec.ipExceptions?.neverScore]] as const) {
    checkIpRanges(ctx, `adaptiveAuthentication.ipExceptions.${prop}`, ranges);
  }
  checkNotification(ctx, spec);
  return {
    accountTakeover: spec.accountTakeover,
    compromisedCredentials: spec.compromisedCredentials && {
      block: spec.compromisedCredentials.block,
      events: spec.compromisedCredentials.events ?? ALL_EVENTS,
    },
    ipExceptions: spec.ipExceptions,
    notification: spec.notification,
  };
}

function checkAccountTakeover(ctx: ResolveContext, responses: AccountTakeoverResponses, factors: FactorDecisions, canNotify: boolean): void {
  let mfaAction: string | undefined;
  for (const level of LEVELS) {
    const response = responses[level];
    if (response === undefined) {
      continue;
    }
    const prop = `adaptiveAuthentication.accountTakeover.${level}`;
    ctx.member(`${prop}.action`, response.action, RiskAction, 'a RiskAction');
    if (MFA_ACTIONS.has(response.action)) {
      mfaAction = mfaAction ?? `${prop}.action`;
    }
    if (response.notify && !canNotify) {
      ctx.advise(RULES.riskNotifyWithoutNotification, `${prop}.notify is true without a notification configuration: Cognito has no SES identity to send the email from. `
        + 'Set notification: { sender: RiskNotificationSender.fromIdentity(identity) }, or remove notify.');
    }
  }
  if (mfaAction && factors.mfa === MfaEnforcement.OFF) {
    ctx.advise(RULES.riskMfaWithoutMfa, `${mfaAction} asks for MFA, but mfa is OFF, so the pool has no MFA factor to ask for: MFA_IF_CONFIGURED lets the sign-in through, and MFA_REQUIRED blocks it. Set mfa to MfaEnforcement.OPTIONAL with a factor, or use RiskAction.ALLOW or BLOCK.`);
  }
  // "Adaptive Authentication adds MFA based on risk level for users who don't have an MFA type
  // enabled at the user level. When an MFA type is enabled at the user level, those users will
  // always receive the second factor challenge" (the guide, Using adaptive authentication).
  if (mfaAction && factors.mfa === MfaEnforcement.REQUIRED) {
    ctx.advise(RULES.riskMfaWithRequiredMfa, `${mfaAction} asks for MFA, which every sign-in already completes while mfa is REQUIRED: risk-based MFA changes nothing there, while BLOCK still does. Risk-based MFA is meant for mfa OPTIONAL.`);
  }
}

/** Each event a CompromisedCredentialsEvent, listed once (the schema's uniqueItems); an empty list is advised against. */
function checkEvents(ctx: ResolveContext, events: CompromisedCredentialsEvent[]): void {
  const prop = 'adaptiveAuthentication.compromisedCredentials.events';
  if (events.length === 0) {
    ctx.advise(RULES.compromisedCredentialsWithoutEvents, `${prop} is empty and is written as given; Cognito documents the event filter as defaulting to all events when it is left out. Name the events to check, or leave events unset for all of them.`);
  }
  events.forEach(event => ctx.member(prop, event, CompromisedCredentialsEvent, 'a CompromisedCredentialsEvent'));
  const twice = events.find((event, i) => events.indexOf(event) !== i);
  if (twice !== undefined) {
    throw ctx.refuse(RULES.compromisedCredentialsEventsUnique, prop, 'lists an event twice, and CloudFormation\'s schema requires unique items', twice,
      'List each event once.');
  }
}

function checkIpRanges(ctx: ResolveContext, prop: string, ranges: string[] | undefined): void {
  if (ranges === undefined || Token.isUnresolved(ranges)) {
    return;
  }
  if (ranges.length > MAX_IP_RANGES) {
    throw ctx.refuse(RULES.riskIpRanges, prop, `has ${ranges.length} ranges; Cognito takes at most ${MAX_IP_RANGES}`, `${ranges.length} ranges`,
      'Merge ranges into wider CIDR blocks.');
  }
  const seen = new Set<string>();
  for (const range of ranges) {
    if (isLiteral(range) && seen.has(range)) {
      throw ctx.refuse(RULES.riskIpRanges, prop, 'lists a range twice, and CloudFormation\'s schema requires unique items', range, 'List each range once.');
    }
    seen.add(range);
    if (isLiteral(range) && !isCidr(range)) {
      throw ctx.refuse(RULES.riskIpRanges, prop, 'has a range that is not an IPv4 or IPv6 CIDR block', range,
        'Use the form 203.0.113.0/24 or 2001:db8::/32.');
    }
  }
}

/** An IPv4 CIDR block (prefix 0 to 32) or an IPv6 one (prefix 0 to 128). */
function isCidr(range: string): boolean {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(range);
  if (!match) {
    return false;
  }
  const prefix = Number(match[2]);
  return (net.isIPv4(match[1]) && prefix <= 32) || (net.isIPv6(match[1]) && prefix <= 128);
}

function checkNotification(ctx: ResolveContext, spec: AdaptiveAuthenticationProps): void {
  const notification = spec.notification;
  if (!notification) {
    return;
  }
  const sender = notification.sender._arn;
  if (notification.fromAddress === undefined && isLiteral(sender) && /:identity\/[^@/]+$/.test(sender)) {
    ctx.advise(RULES.riskNotificationWithoutFrom, `adaptiveAuthentication.notification.sender is the SES domain identity ${sender.split('/').pop()}, and fromAddress is not set: a domain has no address to send from. Set fromAddress to an address of that domain, for example security@${sender.split('/').pop()}.`);
  }
  const notifies = spec.accountTakeover !== undefined && LEVELS.some(level => spec.accountTakeover![level]?.notify === true);
  if (!notifies) {
    ctx.advise(RULES.unusedRiskNotification, 'adaptiveAuthentication.notification is set, but no risk level notifies users (notify: true), so no email is sent.');
  }
  for (const [name, email] of [['blockEmail', notification.blockEmail], ['mfaEmail', notification.mfaEmail], ['noActionEmail', notification.noActionEmail]] as const) {
    if (email) {
      checkEmailTemplate(ctx, `adaptiveAuthentication.notification.${name}`, email);
    }
  }
}

/** NotifyEmailType: Subject 1 to 140 characters, HtmlBody and TextBody (each optional) 6 to 20,000. */
function checkEmailTemplate(ctx: ResolveContext, prop: string, email: RiskNotificationEmail): void {
  if (email.htmlBody === undefined && email.textBody === undefined) {
    ctx.advise(RULES.riskEmailWithoutBody, `${prop} has neither htmlBody nor textBody: Cognito takes the template, and the email has nothing to say. Give an htmlBody, a textBody or both.`);
  }
  for (const [field, value, min, max] of [['subject', email.subject, 1, 140], ['htmlBody', email.htmlBody, 6, 20000], ['textBody', email.textBody, 6, 20000]] as const) {
    if (!isLiteral(value)) {
      continue;
    }
    if (value.length < min || value.length > max) {
      throw ctx.refuse(RULES.riskEmailForm, `${prop}.${field}`, `must be ${min} to ${max.toLocaleString('en-US')} characters, not ${value.length}`, value,
        'Change its length.');
    }
    const unknown = [...value.matchAll(/\{([\w-]+)\}/g)].map(m => m[1]).filter(name => !TEMPLATE_PLACEHOLDERS.has(name));
    if (unknown.length > 0) {
      ctx.advise(RULES.unknownRiskTemplatePlaceholder, `${prop}.${field} has placeholders Cognito does not fill in: ${unknown.map(n => `{${n}}`).join(', ')}. They are sent as typed; Cognito fills in ${[...TEMPLATE_PLACEHOLDERS].map(n => `{${n}}`).join(', ')}.`);
    }
  }
}
