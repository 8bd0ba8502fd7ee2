import { Lazy } from 'aws-cdk-lib';
import { advised, advisoryIds, refusal, resolve } from './helpers';
import {
  AdaptiveAuthentication, AdaptiveAuthenticationProps, CompromisedCredentialsEvent, MfaEnforcement, MfaUserPoolProps, RiskAction,
  RiskNotificationSender, ThreatProtection,
} from '../../../src';

const SENDER = RiskNotificationSender.fromArn('arn:aws:ses:us-east-1:123456789012:identity/example.com');
/** The sender and a from address of its domain. */
const FROM = { sender: SENDER, fromAddress: 'security@example.com' };
const ENFORCED: MfaUserPoolProps = { mfa: MfaEnforcement.OPTIONAL, threatProtection: ThreatProtection.ENFORCED };
const custom = (props: AdaptiveAuthenticationProps, base: MfaUserPoolProps = ENFORCED): MfaUserPoolProps =>
  ({ ...base, adaptiveAuthentication: AdaptiveAuthentication.custom(props) });
const BLOCK = { action: RiskAction.BLOCK };
const ALL_EVENTS = [CompromisedCredentialsEvent.SIGN_IN, CompromisedCredentialsEvent.PASSWORD_CHANGE, CompromisedCredentialsEvent.SIGN_UP];
const NOTIFY_HIGH = { high: { action: RiskAction.BLOCK, notify: true } };

describe('phase: adaptive authentication', () => {
  test('none without the prop', () => {
    expect(resolve(ENFORCED).risk).toBeUndefined();
  });

  test('the recommended responses, all events checked', () => {
    expect(resolve({ ...ENFORCED, adaptiveAuthentication: AdaptiveAuthentication.recommended() }).risk).toEqual({
      accountTakeover: {
        low: { action: RiskAction.ALLOW, notify: false },
        medium: { action: RiskAction.MFA_IF_CONFIGURED, notify: false },
        high: { action: RiskAction.BLOCK, notify: false },
      },
      compromisedCredentials: { block: true, events: ALL_EVENTS },
      ipExceptions: undefined,
      notification: undefined,
    });
  });

  test('the recommended responses notify at medium and high risk when a notification is given', () => {
    const risk = resolve({ ...ENFORCED, adaptiveAuthentication: AdaptiveAuthentication.recommended({ notification: FROM }) }).risk!;
    const at = risk.accountTakeover!;
    expect([at.low?.notify, at.medium?.notify, at.high?.notify]).toEqual([false, true, true]);
  });

  test('events left unset are all of them; given ones are kept', () => {
    expect(resolve(custom({ compromisedCredentials: { block: false } })).risk?.compromisedCredentials)
      .toEqual({ block: false, events: ALL_EVENTS });
    expect(resolve(custom({ compromisedCredentials: { block: true, events: [CompromisedCredentialsEvent.SIGN_UP] } })).risk?.compromisedCredentials)
      .toEqual({ block: true, events: [CompromisedCredentialsEvent.SIGN_UP] });
  });

  test('threat protection OFF is refused, AUDIT advised about', () => {
    expect(() => resolve(custom({ accountTakeover: { high: BLOCK } }, { threatProtection: ThreatProtection.OFF }))).toThrow(
      '[MfaUserPool P] adaptiveAuthentication needs threat protection, which scores the risk it responds to (Cognito: UserPoolAddOnNotEnabledException) '
      + '(received: "threatProtection: OFF"). Set threatProtection: ThreatProtection.ENFORCED (or AUDIT while you watch the risk metrics first), or remove adaptiveAuthentication.');
    expect(advised(custom({ accountTakeover: { high: BLOCK } }, { threatProtection: ThreatProtection.AUDIT }))).toEqual([
      'adaptiveAuthenticationInAudit: adaptiveAuthentication is configured while threatProtection is AUDIT: Cognito scores and logs risk but takes none of these actions '
      + 'until threatProtection is ENFORCED. Run AUDIT for two weeks or more, read the risk metrics, then switch to ENFORCED.',
    ]);
  });

  test.each([
    [{}, true], [{ accountTakeover: {} }, true], [{ accountTakeover: { low: BLOCK } }, false], [{ compromisedCredentials: { block: true } }, false],
    [{ ipExceptions: { alwaysBlock: [] } }, true], [{ ipExceptions: { alwaysBlock: ['10.0.0.0/8'] } }, false], [{ ipExceptions: { neverScore: ['10.0.0.0/8'] } }, false],
    [{ ipExceptions: { neverScore: [] } }, true],
  ])('%j configures no action: %s', (props, none) => {
    expect(advisoryIds(custom(props as AdaptiveAuthenticationProps)).includes('adaptiveWithoutAction')).toBe(none);
  });

  test('the no-action advisory says what to give', () => {
    expect(advised(custom({}))).toEqual(['adaptiveWithoutAction: adaptiveAuthentication configures no action: no risk level response, no compromised-credentials response '
      + 'and no IP exception, so the risk configuration changes nothing. Use AdaptiveAuthentication.recommended(), or give accountTakeover levels, compromisedCredentials or ipExceptions.']);
  });

  test('an unknown risk action is refused, naming the level', () => {
    expect(() => resolve(custom({ accountTakeover: { medium: { action: 'ALLOW' as RiskAction } } }))).toThrow(
      '[MfaUserPool P] adaptiveAuthentication.accountTakeover.medium.action is not a RiskAction (received: "ALLOW"). Use RiskAction.ALLOW, MFA_IF_CONFIGURED, MFA_REQUIRED or BLOCK.');
  });

  test.each(['low', 'medium', 'high'])('notify at %s without the notification configuration is advised against', (level) => {
    expect(advised(custom({ accountTakeover: { [level]: { action: RiskAction.BLOCK, notify: true } } }))).toEqual([
      `riskNotifyWithoutNotification: adaptiveAuthentication.accountTakeover.${level}.notify is true without a notification configuration: Cognito has no SES identity `
      + 'to send the email from. Set notification: { sender: RiskNotificationSender.fromIdentity(identity) }, or remove notify.',
    ]);
    const notifying = { accountTakeover: { [level]: { action: RiskAction.BLOCK, notify: true } }, notification: FROM };
    expect(refusal(custom(notifying))).toBeUndefined();
    expect(refusal(custom({ accountTakeover: { [level]: { action: RiskAction.BLOCK, notify: false } } }))).toBeUndefined();
  });

  test.each([[RiskAction.MFA_IF_CONFIGURED, 'low'], [RiskAction.MFA_REQUIRED, 'high']])('%s at %s: advised with mfa OFF and REQUIRED, silent with OPTIONAL', (action, level) => {
    const props = { accountTakeover: { [level]: { action } } };
    expect(advised(custom(props, { ...ENFORCED, mfa: MfaEnforcement.OFF }))).toEqual([
      `riskMfaWithoutMfa: adaptiveAuthentication.accountTakeover.${level}.action asks for MFA, but mfa is OFF, so the pool has no MFA factor to ask for: `
      + 'MFA_IF_CONFIGURED lets the sign-in through, and MFA_REQUIRED blocks it. Set mfa to MfaEnforcement.OPTIONAL with a factor, or use RiskAction.ALLOW or BLOCK.',
    ]);
    expect(advised(custom(props, { ...ENFORCED, mfa: MfaEnforcement.REQUIRED }))).toEqual([
      `riskMfaWithRequiredMfa: adaptiveAuthentication.accountTakeover.${level}.action asks for MFA, which every sign-in already completes while mfa is REQUIRED: `
      + 'risk-based MFA changes nothing there, while BLOCK still does. Risk-based MFA is meant for mfa OPTIONAL.',
    ]);
    expect(advised(custom(props))).toEqual([]);
  });

  test('the first level that asks for MFA is the one named', () => {
    const props = { accountTakeover: { low: { action: RiskAction.MFA_IF_CONFIGURED }, high: { action: RiskAction.MFA_REQUIRED } } };
    expect(advised(custom(props, { ...ENFORCED, mfa: MfaEnforcement.OFF }))[0]).toContain('accountTakeover.low.action asks for MFA');
    const noMfaAction = { accountTakeover: { low: BLOCK, medium: { action: RiskAction.ALLOW } } };
    expect(advisoryIds(custom(noMfaAction, { ...ENFORCED, mfa: MfaEnforcement.OFF }))).toEqual([]);
  });

  test('an event listed twice, or one that is no CompromisedCredentialsEvent, is refused', () => {
    const { SIGN_IN, SIGN_UP } = CompromisedCredentialsEvent;
    expect(() => resolve(custom({ compromisedCredentials: { block: true, events: [SIGN_IN, SIGN_UP, SIGN_IN] } }))).toThrow(
      '[MfaUserPool P] adaptiveAuthentication.compromisedCredentials.events lists an event twice, and CloudFormation\'s schema requires unique items (received: "SIGN_IN"). '
      + 'List each event once.');
    expect(refusal(custom({ compromisedCredentials: { block: true, events: ['LOGIN' as CompromisedCredentialsEvent] } }))).toBe('notAMember');
  });

  test('an empty event list is written as given, with an advisory; a token list is not judged', () => {
    expect(resolve(custom({ compromisedCredentials: { block: true, events: [] } })).risk?.compromisedCredentials)
      .toEqual({ block: true, events: [] });
    expect(advised(custom({ compromisedCredentials: { block: true, events: [] } }))).toEqual(['compromisedCredentialsWithoutEvents: '
      + 'adaptiveAuthentication.compromisedCredentials.events is empty and is written as given; Cognito documents the event filter as defaulting to all events when it is left out. '
      + 'Name the events to check, or leave events unset for all of them.']);
    expect(advisoryIds(custom({ compromisedCredentials: { block: true, events: Lazy.list({ produce: () => [] }) as any } }))).toEqual([]);
  });

  test.each([
    ['203.0.113.0/24', true], ['0.0.0.0/0', true], ['10.0.0.0/32', true], ['10.0.0.0/33', false], ['2001:db8::/32', true], ['2001:db8::/128', true],
    ['2001:db8::/129', false], ['10.0.0.0', false], ['x/8', false], ['10.0.0.0/8/8', false], ['10.0.0.256/8', false],
  ])('IP range %s is a CIDR block: %s', (range, ok) => {
    expect(refusal(custom({ ipExceptions: { alwaysBlock: [range] } }))).toBe(ok ? undefined : 'riskIpRanges');
    expect(refusal(custom({ ipExceptions: { neverScore: [range] } }))).toBe(ok ? undefined : 'riskIpRanges');
  });

  test('a range listed twice is refused, as CloudFormation\'s schema requires unique items', () => {
    expect(() => resolve(custom({ ipExceptions: { neverScore: ['10.0.0.0/8', '192.0.2.0/24', '10.0.0.0/8'] } }))).toThrow(
      '[MfaUserPool P] adaptiveAuthentication.ipExceptions.neverScore lists a range twice, and CloudFormation\'s schema requires unique items (received: "10.0.0.0/8"). List each range once.');
    expect(refusal(custom({ ipExceptions: { neverScore: ['10.0.0.0/8'], alwaysBlock: ['10.0.0.0/8'] } }))).toBeUndefined();
  });

  test('200 ranges pass, 201 are refused; the refusal shows the range or the count', () => {
    const ranges = (n: number) => Array.from({ length: n }, (_, i) => `10.${Math.floor(i / 250)}.${i % 250}.0/24`);
    expect(refusal(custom({ ipExceptions: { alwaysBlock: ranges(200) } }))).toBeUndefined();
    expect(() => resolve(custom({ ipExceptions: { neverScore: ranges(201) } }))).toThrow(
      '[MfaUserPool P] adaptiveAuthentication.ipExceptions.neverScore has 201 ranges; Cognito takes at most 200 (received: "201 ranges"). Merge ranges into wider CIDR blocks.');
    expect(() => resolve(custom({ ipExceptions: { alwaysBlock: ['x'] } }))).toThrow(
      '[MfaUserPool P] adaptiveAuthentication.ipExceptions.alwaysBlock has a range that is not an IPv4 or IPv6 CIDR block (received: "x"). Use the form 203.0.113.0/24 or 2001:db8::/32.');
    expect(refusal(custom({ ipExceptions: { alwaysBlock: Lazy.list({ produce: () => ['x'] }) } }))).toBeUndefined();
    expect(refusal(custom({ ipExceptions: { alwaysBlock: [Lazy.string({ produce: () => 'x' })] } }))).toBeUndefined();
  });

  test('a domain identity without a from address is advised about; an address identity, a from address or a token is not', () => {
    expect(advised(custom({ accountTakeover: NOTIFY_HIGH, notification: { sender: SENDER } }))).toEqual([
      'riskNotificationWithoutFrom: adaptiveAuthentication.notification.sender is the SES domain identity example.com, and fromAddress is not set: '
      + 'a domain has no address to send from. Set fromAddress to an address of that domain, for example security@example.com.',
    ]);
    const address = RiskNotificationSender.fromArn('arn:aws:ses:us-east-1:123456789012:identity/security@example.com');
    expect(advised(custom({ accountTakeover: NOTIFY_HIGH, notification: { sender: address } }))).toEqual([]);
    expect(advised(custom({ accountTakeover: NOTIFY_HIGH, notification: FROM }))).toEqual([]);
    const token = RiskNotificationSender.fromArn(Lazy.string({ produce: () => 'arn:aws:ses:us-east-1:123456789012:identity/example.com' }));
    expect(advised(custom({ accountTakeover: NOTIFY_HIGH, notification: { sender: token } }))).toEqual([]);
  });

  test('custom-auth threat protection alone: adaptive authentication and auth events are accepted with an advisory', () => {
    const customOnly = { mfa: MfaEnforcement.OPTIONAL, customAuthThreatProtection: ThreatProtection.ENFORCED };
    expect(advised(custom({ accountTakeover: { high: BLOCK } }, customOnly))).toEqual([
      'threatProtectionForCustomAuthOnly: adaptiveAuthentication is configured while only customAuthThreatProtection is on: Cognito scores custom authentication '
      + '(Lambda challenge) sign-ins, and password and SRP sign-ins get none of these responses. Set threatProtection too to act on them.',
    ]);
    expect(advised({ ...customOnly, logDelivery: { userAuthEvents: true } })[0]).toMatch(
      /^threatProtectionForCustomAuthOnly: logDelivery\.userAuthEvents is on while only customAuthThreatProtection is on/);
    expect(resolve({ ...customOnly, logDelivery: { userAuthEvents: true } }).logs.userAuthEvents).toBe(true);
    const both = { threatProtection: ThreatProtection.AUDIT, customAuthThreatProtection: ThreatProtection.AUDIT };
    expect(advisoryIds({ ...both, logDelivery: { userAuthEvents: true } })).toEqual([]);
  });

  test('a notification no level uses is advised about', () => {
    expect(advised(custom({ accountTakeover: { high: BLOCK }, notification: FROM }))).toEqual([
      'unusedRiskNotification: adaptiveAuthentication.notification is set, but no risk level notifies users (notify: true), so no email is sent.',
    ]);
    expect(advisoryIds(custom({ compromisedCredentials: { block: true }, notification: FROM }))).toEqual(['unusedRiskNotification']);
    expect(advisoryIds(custom({ accountTakeover: NOTIFY_HIGH, notification: FROM }))).toEqual([]);
  });

  test.each([
    ['blockEmail', { subject: '' }, 'subject', 'must be 1 to 140 characters, not 0'],
    ['mfaEmail', { subject: 's'.repeat(141), textBody: 'A body.' }, 'subject', 'must be 1 to 140 characters, not 141'],
    ['noActionEmail', { subject: 'S', htmlBody: 'short' }, 'htmlBody', 'must be 6 to 20,000 characters, not 5'],
    ['blockEmail', { subject: 'S', textBody: 't'.repeat(20001) }, 'textBody', 'must be 6 to 20,000 characters, not 20001'],
  ])('%s with %j is refused on its %s', (name, email, field, problem) => {
    expect(() => resolve(custom({ accountTakeover: NOTIFY_HIGH, notification: { ...FROM, [name]: email } })))
      .toThrow(`[MfaUserPool P] adaptiveAuthentication.notification.${name}.${field} ${problem} (received: `);
  });

  test('the limits themselves pass; bodies are optional, and an email with neither is advised against', () => {
    const ok = { subject: 's'.repeat(140), htmlBody: 'h'.repeat(20000), textBody: 'sixsix' };
    expect(advised(custom({ accountTakeover: NOTIFY_HIGH, notification: { ...FROM, blockEmail: ok, mfaEmail: { subject: 'x', textBody: 'Blocked.' } } }))).toEqual([]);
    expect(advised(custom({ accountTakeover: NOTIFY_HIGH, notification: { ...FROM, mfaEmail: { subject: 'Check' } } }))).toEqual([
      'riskEmailWithoutBody: adaptiveAuthentication.notification.mfaEmail has neither htmlBody nor textBody: Cognito takes the template, and the email has nothing to say. '
      + 'Give an htmlBody, a textBody or both.',
    ]);
    expect(refusal(custom({ accountTakeover: NOTIFY_HIGH, notification: { ...FROM, blockEmail: { subject: Lazy.string({ produce: () => '' }) } } }))).toBeUndefined();
  });

  test('placeholders Cognito does not fill in are advised about, listing the ones it does', () => {
    const notification = { ...FROM, blockEmail: { subject: 'Hi {username} {name}', textBody: 'At {login-time} from {city}, {country}; {device}.' } };
    expect(advised(custom({ accountTakeover: NOTIFY_HIGH, notification }))).toEqual([
      'unknownRiskTemplatePlaceholder: adaptiveAuthentication.notification.blockEmail.subject has placeholders Cognito does not fill in: {name}. They are sent as typed; '
      + 'Cognito fills in {username}, {ip-address}, {city}, {country}, {login-time}, {device-name}, {one-click-link-valid}, {one-click-link-invalid}, {event-id}, {feedback-token}.',
      'unknownRiskTemplatePlaceholder: adaptiveAuthentication.notification.blockEmail.textBody has placeholders Cognito does not fill in: {device}. They are sent as typed; '
      + 'Cognito fills in {username}, {ip-address}, {city}, {country}, {login-time}, {device-name}, {one-click-link-valid}, {one-click-link-invalid}, {event-id}, {feedback-token}.',
    ]);
  });

  test('the decisions keep the IP exceptions and the notification as given', () => {
    const notification = { sender: SENDER, fromAddress: 'a@example.com' };
    const risk = resolve(custom({ accountTakeover: NOTIFY_HIGH, ipExceptions: { neverScore: ['10.0.0.0/8'] }, notification })).risk!;
    expect(risk.ipExceptions).toEqual({ neverScore: ['10.0.0.0/8'] });
    expect(risk.notification).toBe(notification);
    expect(risk.compromisedCredentials).toBeUndefined();
  });
});
