import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as fc from 'fast-check';
import {
  DeviceRemembering, EmailMfaOptions, MfaEnforcement, MfaUserPool, MfaUserPoolProps, SmsMfa, ThreatProtection,
} from '../../src';
import { ACCOUNT, newStack } from '../util';

/**
 * Property-based proof over the whole props space: every input either is refused with this
 * library's MfaConfigurationError naming a prop, or synthesizes a template that passes the
 * CloudFormation validation built into aws-cdk-lib (strict mode, through newStack) and the
 * invariants of the Cognito rules. Seeded, so a failure reproduces; PBT_RUNS overrides the count.
 */
const SEED = 20261129;
const RUNS = Number(process.env.PBT_RUNS ?? 1000);

/** The props this library names in its errors (the owned userPoolProps fields included). */
const PROP_NAMES = /^\[MfaUserPool TestStack\/Users\] (mfa|totp|sms(\.\w+)?|email(\.\w+)?|deviceRemembering|passwordPolicy(\.\w+)?|accountRecovery|featurePlan|threatProtection|customAuthThreatProtection|removalPolicy|deletionProtection|userPoolProps\.[\w.]+( \/ userPoolProps\.\w+)?) /;

/** Unset three times in four: most props are left to their defaults, as users do. */
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
/** A valid value four times in five, an invalid one otherwise. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: invalid });

const message = mostly(
  fc.constantFrom('Your sign-in code is {####}', '{####}', 'Code: {####}. Do not share it.'),
  fc.oneof(fc.constantFrom('Your code', ''), fc.integer({ min: 130, max: 150 }).map(n => `{####}${'x'.repeat(n - 6)}`)),
);
const snsRegion = mostly(fc.constantFrom('us-east-1', 'us-east-2', 'eu-west-1', 'ap-northeast-1'), fc.constantFrom('ap-northeast-2', 'not-a-region'));
const externalId = mostly(fc.stringMatching(/^[\w+=,.@:/-]{2,40}$/), fc.constantFrom('a', 'has spaces'));

type SmsChoice = { kind: 'new'; message?: string; snsRegion?: string; externalId?: string }
| { kind: 'imported'; message?: string; snsRegion?: string; externalId: string };
const sms: fc.Arbitrary<SmsChoice> = fc.oneof(
  fc.record({ kind: fc.constant('new' as const), message: maybe(message), snsRegion: maybe(snsRegion), externalId: maybe(externalId) }),
  fc.record({ kind: fc.constant('imported' as const), message: maybe(message), snsRegion: maybe(snsRegion), externalId }),
);
const email: fc.Arbitrary<EmailMfaOptions> = fc.record({
  subject: maybe(mostly(fc.constant('Your code'), fc.constantFrom('', 's'.repeat(141)))),
  body: maybe(mostly(fc.constantFrom('Your code is {####}', '{####}'), fc.constant('no placeholder'))),
});

const input = fc.record({
  region: fc.constantFrom('us-east-1', 'us-east-2', 'eu-central-1', 'ap-northeast-2', null),
  mfa: maybe(fc.constantFrom(MfaEnforcement.OFF, MfaEnforcement.OPTIONAL, MfaEnforcement.REQUIRED)),
  totp: maybe(fc.boolean()),
  sms: maybe(sms),
  email: maybe(email),
  ses: fc.boolean(),
  deviceRemembering: maybe(fc.constantFrom(DeviceRemembering.OFF, DeviceRemembering.ALWAYS, DeviceRemembering.USER_OPT_IN)),
  accountRecovery: maybe(fc.constantFrom(
    cognito.AccountRecovery.EMAIL_ONLY, cognito.AccountRecovery.PHONE_ONLY_WITHOUT_MFA, cognito.AccountRecovery.NONE,
    cognito.AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA, cognito.AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
    cognito.AccountRecovery.PHONE_AND_EMAIL)),
  featurePlan: maybe(fc.constantFrom(cognito.FeaturePlan.LITE, cognito.FeaturePlan.ESSENTIALS, cognito.FeaturePlan.PLUS)),
  threatProtection: maybe(fc.constantFrom(ThreatProtection.OFF, ThreatProtection.AUDIT, ThreatProtection.ENFORCED)),
  customAuthThreatProtection: maybe(fc.constantFrom(ThreatProtection.OFF, ThreatProtection.AUDIT, ThreatProtection.ENFORCED)),
  signInAliases: maybe(fc.constantFrom<cognito.SignInAliases>(
    { email: true }, { phone: true }, { email: true, phone: true }, { username: true, email: true })),
  firstFactors: maybe(fc.constantFrom<cognito.AllowedFirstAuthFactors>(
    { password: true }, { password: true, emailOtp: true }, { password: true, smsOtp: true })),
  passwordPolicy: maybe(fc.record({
    minLength: maybe(mostly(fc.integer({ min: 6, max: 99 }), fc.constantFrom(4, 5, 100))),
    requireSymbols: maybe(fc.boolean()),
    passwordHistorySize: maybe(mostly(fc.integer({ min: 0, max: 24 }), fc.constantFrom(-1, 25))),
    tempPasswordValidityDays: maybe(mostly(fc.integer({ min: 1, max: 365 }), fc.constantFrom(366, 400))),
  })),
});
type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

function toProps(stack: any, i: Input): MfaUserPoolProps {
  const smsFactor = i.sms === undefined ? undefined
    : i.sms.kind === 'new'
      ? SmsMfa.withNewRole({ message: i.sms.message, snsRegion: i.sms.snsRegion, externalId: i.sms.externalId })
      : SmsMfa.withRole(iam.Role.fromRoleArn(stack, 'Brought', `arn:aws:iam::${ACCOUNT}:role/cognito-sms`), i.sms.externalId,
        { message: i.sms.message, snsRegion: i.sms.snsRegion });
  return {
    mfa: i.mfa,
    totp: i.totp,
    sms: smsFactor,
    email: i.email,
    deviceRemembering: i.deviceRemembering,
    accountRecovery: i.accountRecovery,
    featurePlan: i.featurePlan,
    threatProtection: i.threatProtection,
    customAuthThreatProtection: i.customAuthThreatProtection,
    passwordPolicy: i.passwordPolicy && {
      minLength: i.passwordPolicy.minLength,
      requireSymbols: i.passwordPolicy.requireSymbols,
      passwordHistorySize: i.passwordPolicy.passwordHistorySize,
      tempPasswordValidity: i.passwordPolicy.tempPasswordValidityDays === undefined
        ? undefined : Duration.days(i.passwordPolicy.tempPasswordValidityDays),
    },
    userPoolProps: {
      signInAliases: i.signInAliases,
      signInPolicy: i.firstFactors && { allowedFirstAuthFactors: i.firstFactors },
      email: i.ses ? cognito.UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'us-east-1' }) : undefined,
    },
  };
}

/** The invariants of the Cognito rules page, checked on a synthesized template. */
function checkInvariants(template: Template, i: Input): void {
  const json = JSON.stringify(template.toJSON());
  expect(json).not.toMatch(/undefined/);
  const pools = Object.values(template.findResources('AWS::Cognito::UserPool')) as any[];
  expect(pools).toHaveLength(1);
  const pool = pools[0];
  const p = pool.Properties;
  const mode = i.mfa ?? MfaEnforcement.REQUIRED;
  const enabled: string[] = p.EnabledMfas ?? [];

  expect(p.MfaConfiguration).toBe({ OFF: 'OFF', OPTIONAL: 'OPTIONAL', REQUIRED: 'ON' }[mode]);
  if (mode !== MfaEnforcement.OFF) {
    expect(enabled.length).toBeGreaterThan(0);
  } else {
    expect(p.EnabledMfas).toBeUndefined();
  }
  expect(['LITE', 'ESSENTIALS', 'PLUS']).toContain(p.UserPoolTier);
  expect(pool.DeletionPolicy).toBe('Retain');
  expect(p.DeletionProtection).toBe('ACTIVE');

  if (enabled.includes('SMS_MFA')) {
    expect(p.SmsConfiguration?.ExternalId).toBeDefined();
    expect(p.SmsConfiguration?.SnsCallerArn).toBeDefined();
    const roles = template.findResources('AWS::IAM::Role') as Record<string, any>;
    for (const role of Object.values(roles)) {
      const condition = role.Properties.AssumeRolePolicyDocument.Statement[0].Condition;
      expect(condition.StringEquals['sts:ExternalId']).toEqual(p.SmsConfiguration.ExternalId);
      expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'cognito-idp.amazonaws.com' });
    }
  }
  if (enabled.includes('EMAIL_OTP')) {
    expect(p.EmailConfiguration?.EmailSendingAccount).toBe('DEVELOPER');
    expect(['ESSENTIALS', 'PLUS']).toContain(p.UserPoolTier);
  }
  if (p.UserPoolAddOns?.AdvancedSecurityMode && p.UserPoolAddOns.AdvancedSecurityMode !== 'OFF') {
    expect(p.UserPoolTier).toBe('PLUS');
  }

  const remembering = i.deviceRemembering ?? DeviceRemembering.USER_OPT_IN;
  expect(p.DeviceConfiguration).toEqual({
    [DeviceRemembering.OFF]: undefined,
    [DeviceRemembering.ALWAYS]: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false },
    [DeviceRemembering.USER_OPT_IN]: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
  }[remembering]);

  const mechanisms: string[] | undefined = p.AccountRecoverySetting?.RecoveryMechanisms?.map((m: any) => m.Name);
  // No AccountRecoverySetting means Cognito's legacy phone-and-email recovery.
  const effective = mechanisms ?? ['verified_phone_number', 'verified_email'];
  if (enabled.includes('SMS_MFA')) {
    expect(effective).not.toContain('verified_phone_number');
  }
  if (enabled.includes('EMAIL_OTP')) {
    expect(effective).not.toContain('verified_email');
  }
  if (effective.includes('verified_phone_number')) {
    expect(p.SmsConfiguration).toBeDefined();
  }
}

describe('property-based: the whole props space', () => {
  test(`${RUNS} seeded inputs: refused by name, or a valid template that keeps the invariants`, () => {
    let refused = 0;
    let synthesized = 0;
    fc.assert(fc.property(input, (i) => {
      const stack = newStack(i.region);
      let template: Template;
      try {
        new MfaUserPool(stack, 'Users', toProps(stack, i));
        template = Template.fromStack(stack);
      } catch (e: any) {
        expect(e?.name).toBe('MfaConfigurationError');
        expect(e.message).toMatch(PROP_NAMES);
        expect(e.message).toMatch(/\(received: .*\)\. \S/);
        refused++;
        return;
      }
      checkInvariants(template, i);
      synthesized++;
    }), { seed: SEED, numRuns: RUNS });

    // Both outcomes must actually occur, or the generator is not exploring the space.
    expect(refused).toBeGreaterThan(RUNS / 10);
    expect(synthesized).toBeGreaterThan(RUNS / 10);
    // eslint-disable-next-line no-console
    console.log(`property-based: ${RUNS} inputs, ${synthesized} synthesized and valid, ${refused} refused by name`);
  });
});
