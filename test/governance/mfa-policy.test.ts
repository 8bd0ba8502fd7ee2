import * as cdk from 'aws-cdk-lib';
import { App, CfnParameter, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { MECHANISMS, Outcome, reported, underPolicy } from './policy-util';
import {
  DeviceRemembering, MfaEnforcement, MfaFactor, MfaPolicy, MfaPolicyMechanism, MfaPolicyProps, MfaPolicyRule, MfaPolicySeverity,
  MfaUserPool, MfaUserPoolSecondary, SmsMfa, ThreatProtection, TokenIssuer,
} from '../../src';
import { applyPolicy, pluginSupported } from '../../src/private/governance/apply';
import { resolvePolicy } from '../../src/private/governance/settings';
import { POLICY_CHECKS } from '../../src/private/rules';
import { ACCOUNT, RATE_RULE, SES, webAclWithRules } from '../util';

const ENV = { env: { account: ACCOUNT, region: 'us-east-1' } };
const stackIn = (app: App, id = 'S') => new Stack(app, id, ENV);
const TOTP_ONLY = { mfaConfiguration: 'ON', enabledMfas: ['SOFTWARE_TOKEN_MFA'] };
const roleFor = (stack: Stack, id: string, principal: iam.IPrincipal) => new iam.Role(stack, id, { assumedBy: principal });

/** A case per rule: pools named Bad* must be reported, pools named Good* must not. */
interface RuleCase {
  readonly policy?: MfaPolicyProps;
  readonly build: (app: App) => void;
  /** The reported pools (construct ids under the stack), sorted. */
  readonly bad: string[];
  /** The pools reported as unchecked (a warning): what the policy cannot read at synthesis. */
  readonly unchecked?: string[];
}

const CASES: Record<MfaPolicyRule, RuleCase> = {
  [MfaPolicyRule.MINIMUM_MFA]: {
    build: app => {
      const s = stackIn(app);
      new cognito.CfnUserPool(s, 'BadL1');
      new cognito.CfnUserPool(s, 'GoodL1', TOTP_ONLY);
      new cognito.UserPool(s, 'BadL2');
      new cognito.UserPool(s, 'GoodL2', { mfa: cognito.Mfa.REQUIRED, mfaSecondFactor: { otp: true, sms: false } });
      new MfaUserPool(s, 'BadMfaUserPool', { mfa: MfaEnforcement.OPTIONAL });
      new MfaUserPool(s, 'GoodMfaUserPool');
      // An escape hatch that weakens MFA after the construct decided it.
      const hatched = new MfaUserPool(s, 'BadOverride');
      (hatched.userPool.node.defaultChild as cognito.CfnUserPool).addPropertyOverride('MfaConfiguration', 'OPTIONAL');
    },
    bad: ['BadL1', 'BadL2', 'BadMfaUserPool', 'BadOverride'],
  },
  [MfaPolicyRule.MFA_FACTORS]: {
    policy: { allowedMfaFactors: [MfaFactor.TOTP] },
    build: app => {
      const s = stackIn(app);
      new cognito.CfnUserPool(s, 'BadL1', { mfaConfiguration: 'OPTIONAL', enabledMfas: ['EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'] });
      new cognito.CfnUserPool(s, 'GoodL1', TOTP_ONLY);
      new cognito.CfnUserPool(s, 'GoodOff', { mfaConfiguration: 'OFF' });
      new MfaUserPool(s, 'BadMfaUserPool', { email: {}, userPoolProps: { email: SES } });
      new MfaUserPool(s, 'GoodMfaUserPool');
    },
    bad: ['BadL1', 'BadMfaUserPool'],
  },
  [MfaPolicyRule.SMS_ONLY_MFA]: {
    build: app => {
      const s = stackIn(app);
      new cognito.UserPool(s, 'BadL2', { mfa: cognito.Mfa.REQUIRED, mfaSecondFactor: { sms: true, otp: false } });
      new cognito.UserPool(s, 'GoodL2', { mfa: cognito.Mfa.REQUIRED, mfaSecondFactor: { sms: true, otp: true } });
      new MfaUserPool(s, 'GoodMfaUserPool', { sms: SmsMfa.withNewRole() });
    },
    bad: ['BadL2'],
  },
  [MfaPolicyRule.PASSKEY_USER_VERIFICATION]: {
    build: app => {
      const s = stackIn(app);
      const passkeyPool = (id: string, passkeyUserVerification?: cognito.PasskeyUserVerification) => new cognito.UserPool(s, id, {
        featurePlan: cognito.FeaturePlan.ESSENTIALS,
        signInPolicy: { allowedFirstAuthFactors: { password: true, passkey: true } },
        passkeyRelyingPartyId: 'auth.example.com',
        passkeyUserVerification,
      });
      passkeyPool('BadL2', cognito.PasskeyUserVerification.PREFERRED);
      passkeyPool('GoodL2', cognito.PasskeyUserVerification.REQUIRED);
      new cognito.CfnUserPool(s, 'BadL1', { policies: { signInPolicy: { allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } } });
      new MfaUserPool(s, 'GoodMfaUserPool', { passkeys: { relyingPartyId: 'auth.example.com' } });
    },
    bad: ['BadL1', 'BadL2'],
  },
  [MfaPolicyRule.SMS_ROLE_TRUST]: {
    build: app => {
      const s = stackIn(app);
      const cognitoIdp = new iam.ServicePrincipal('cognito-idp.amazonaws.com');
      // The L2's own SMS role requires the external ID but names no source.
      new cognito.UserPool(s, 'BadL2', { mfa: cognito.Mfa.REQUIRED, mfaSecondFactor: { sms: true, otp: true } });
      new cognito.UserPool(s, 'BadLooseRole', {
        mfa: cognito.Mfa.REQUIRED, mfaSecondFactor: { sms: true, otp: true }, smsRole: roleFor(s, 'Loose', cognitoIdp), smsRoleExternalId: 'ext-1',
      });
      // A role that is not in the app cannot be read: unchecked, never passed silently.
      new cognito.UserPool(s, 'UncheckedImportedRole', {
        mfa: cognito.Mfa.REQUIRED,
        mfaSecondFactor: { sms: true, otp: true },
        smsRole: iam.Role.fromRoleArn(s, 'Imported', `arn:aws:iam::${ACCOUNT}:role/sms`),
        smsRoleExternalId: 'ext-1',
      });
      new MfaUserPool(s, 'GoodMfaUserPool', { sms: SmsMfa.withNewRole() });
    },
    bad: ['BadL2', 'BadLooseRole'],
    unchecked: ['UncheckedImportedRole'],
  },
  [MfaPolicyRule.SMS_ABUSE_PROTECTION]: {
    build: app => {
      const s = stackIn(app);
      const other = stackIn(app, 'Edge');
      const selfSignUp = { sms: SmsMfa.withNewRole(), userPoolProps: { selfSignUpEnabled: true } };
      new MfaUserPool(s, 'BadMfaUserPool', selfSignUp);
      new MfaUserPool(s, 'GoodMfaUserPool', { ...selfSignUp, abuseProtection: {} });
      new MfaUserPool(s, 'GoodAdminOnly', { sms: SmsMfa.withNewRole() });
      const sms = { snsCallerArn: `arn:aws:iam::${ACCOUNT}:role/sms`, externalId: 'ext-1' };
      new cognito.CfnUserPool(s, 'BadL1', { ...TOTP_ONLY, enabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'], smsConfiguration: sms });
      // Protected by a web ACL with a rate-based rule, associated from another stack (a cross-stack reference).
      const guarded = new cognito.CfnUserPool(s, 'GoodL1', { autoVerifiedAttributes: ['phone_number'], smsConfiguration: sms });
      new wafv2.CfnWebACLAssociation(other, 'Guard', { resourceArn: guarded.attrArn, webAclArn: webAclWithRules(other, [RATE_RULE]).attrArn });
      // A web ACL named by a literal ARN cannot be read: unchecked.
      const literal = new cognito.CfnUserPool(s, 'UncheckedLiteralAcl', { smsConfiguration: sms });
      new wafv2.CfnWebACLAssociation(other, 'Literal', { resourceArn: literal.attrArn, webAclArn: `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/a/b` });
      // WAF is Regional: a replica serves from its own Region, and needs a web ACL there too.
      const west = new Stack(app, 'West', { env: { account: ACCOUNT, region: 'us-west-2' }, crossRegionReferences: true });
      const replicated = { ...selfSignUp, abuseProtection: {}, replication: { region: 'us-west-2' }, tokenIssuer: TokenIssuer.UPDATED };
      new MfaUserPoolSecondary(west, 'Good', { pool: new MfaUserPool(s, 'GoodReplicaProtected', replicated) });
      new MfaUserPool(s, 'BadReplicaUnprotected', replicated);
      // Protected in its own Region, with a replica whose Region is a deploy-time value: its web ACL cannot be matched.
      const somewhere = new cognito.CfnUserPool(s, 'UncheckedReplicaRegion', { autoVerifiedAttributes: ['phone_number'], smsConfiguration: sms });
      new wafv2.CfnWebACLAssociation(other, 'GuardSomewhere', { resourceArn: somewhere.attrArn, webAclArn: webAclWithRules(other, [RATE_RULE], 'Somewhere').attrArn });
      new cdk.CfnResource(s, 'SomewhereReplica', {
        type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: somewhere.ref, RegionName: new CfnParameter(s, 'ReplicaRegion').valueAsString },
      });
    },
    bad: ['BadL1', 'BadMfaUserPool', 'BadReplicaUnprotected'],
    unchecked: ['UncheckedLiteralAcl', 'UncheckedReplicaRegion'],
  },
  [MfaPolicyRule.THREAT_PROTECTION]: {
    policy: { minimumThreatProtection: ThreatProtection.ENFORCED },
    build: app => {
      const s = stackIn(app);
      new MfaUserPool(s, 'BadMfaUserPool', { threatProtection: ThreatProtection.AUDIT });
      new MfaUserPool(s, 'GoodMfaUserPool', { threatProtection: ThreatProtection.ENFORCED });
      new cognito.UserPool(s, 'BadL2');
    },
    bad: ['BadL2', 'BadMfaUserPool'],
  },
  [MfaPolicyRule.FEATURE_PLAN]: {
    build: app => {
      const s = stackIn(app);
      new cognito.UserPool(s, 'BadL2');
      new cognito.UserPool(s, 'GoodL2', { featurePlan: cognito.FeaturePlan.ESSENTIALS });
      new cognito.CfnUserPool(s, 'BadL1', { userPoolTier: 'LITE' });
      new MfaUserPool(s, 'GoodMfaUserPool');
    },
    bad: ['BadL1', 'BadL2'],
  },
  [MfaPolicyRule.DEVICE_REMEMBERING]: {
    build: app => {
      const s = stackIn(app);
      new cognito.UserPool(s, 'BadL2', { deviceTracking: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: false } });
      new cognito.UserPool(s, 'GoodL2', { deviceTracking: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true } });
      new MfaUserPool(s, 'BadMfaUserPool', { deviceRemembering: DeviceRemembering.ALWAYS });
      new MfaUserPool(s, 'GoodMfaUserPool');
    },
    bad: ['BadL2', 'BadMfaUserPool'],
  },
  [MfaPolicyRule.DELETION_PROTECTION]: {
    build: app => {
      const s = stackIn(app);
      new cognito.UserPool(s, 'BadL2');
      new cognito.UserPool(s, 'GoodL2', { deletionProtection: true });
      new cognito.CfnUserPool(s, 'GoodL1', { deletionProtection: 'ACTIVE' });
      new MfaUserPool(s, 'BadMfaUserPool', { deletionProtection: false });
      new MfaUserPool(s, 'GoodMfaUserPool');
    },
    bad: ['BadL2', 'BadMfaUserPool'],
  },
  [MfaPolicyRule.SECONDARY_FACTOR]: {
    build: app => {
      const s = stackIn(app);
      const replication = { region: 'us-west-2' };
      const west = new Stack(app, 'West', { env: { account: ACCOUNT, region: 'us-west-2' }, crossRegionReferences: true });
      new MfaUserPool(s, 'BadMfaUserPool', { replication, tokenIssuer: TokenIssuer.UPDATED });
      const sms = new MfaUserPool(s, 'GoodSms', { replication, tokenIssuer: TokenIssuer.UPDATED, sms: SmsMfa.withNewRole() });
      new MfaUserPoolSecondary(west, 'GoodSms', { pool: sms });
      // SMS through a brought role, which the secondary cannot share: no Regional SMS, so no factor there.
      const brought = iam.Role.fromRoleArn(s, 'Brought', `arn:aws:iam::${ACCOUNT}:role/sms`);
      const noSms = new MfaUserPool(s, 'BadSmsNotInSecondary', { replication, tokenIssuer: TokenIssuer.UPDATED, sms: SmsMfa.withRole(brought, 'ext-1') });
      new MfaUserPoolSecondary(west, 'NoSms', { pool: noSms });
      // No Regional configuration in the app: whether SMS reaches users there cannot be told.
      new MfaUserPool(s, 'UncheckedNoSecondary', { replication, tokenIssuer: TokenIssuer.UPDATED, sms: SmsMfa.withNewRole() });
      new MfaUserPool(s, 'GoodPasskeys', { replication, tokenIssuer: TokenIssuer.UPDATED, passkeys: { relyingPartyId: 'example.com', countsAsMfa: true } });
      new MfaUserPool(s, 'GoodNotReplicated');
      new MfaUserPool(s, 'GoodOff', { replication, tokenIssuer: TokenIssuer.UPDATED, mfa: MfaEnforcement.OFF });
      // A raw replica of an L1 pool in another stack is seen, as replication's is.
      const l1 = new cognito.CfnUserPool(s, 'BadL1', { ...TOTP_ONLY, userPoolTier: 'ESSENTIALS' });
      new cdk.CfnResource(stackIn(app, 'Replicas'), 'Raw', { type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: l1.ref, RegionName: 'eu-west-1' } });
    },
    bad: ['BadL1', 'BadMfaUserPool', 'BadSmsNotInSecondary'],
    unchecked: ['UncheckedNoSecondary'],
  },
};

test('every rule of the policy has a catalog entry and a side-by-side case', () => {
  expect(Object.keys(POLICY_CHECKS).sort()).toEqual(Object.values(MfaPolicyRule).sort());
  expect(Object.keys(CASES).sort()).toEqual(Object.values(MfaPolicyRule).sort());
  for (const check of Object.values(POLICY_CHECKS)) {
    expect(check.evidence.length).toBeGreaterThan(0);
    expect(check.fix).not.toBe('');
  }
});

test('the plugin is used where aws-cdk-lib acknowledges per resource (2.271 and later), the Aspect before', () => {
  expect(pluginSupported([2, 270, 0])).toBe(false);
  expect(pluginSupported([2, 181, 0])).toBe(false);
  expect(pluginSupported([2, 271, 0])).toBe(pluginSupported([2, 276, 0]));
  const mechanism = MfaPolicy.recommended().applyTo(new App());
  expect(mechanism).toBe(MECHANISMS.length === 2 ? MfaPolicyMechanism.VALIDATION_PLUGIN : MfaPolicyMechanism.ASPECT);
});

describe.each(MECHANISMS)('with the %s', mechanism => {
  test.each(Object.keys(CASES) as MfaPolicyRule[])('%s: compliant and non-compliant pools of each kind side by side', rule => {
    const { build, policy, bad, unchecked = [] } = CASES[rule];
    const outcome = underPolicy(mechanism, build, policy);
    expect(reported(outcome, rule)).toEqual([...bad, ...unchecked].sort());
    expect(reported(outcome, rule, 'error')).toEqual(bad);
  });

  test('a plain L2 pool without MFA elsewhere in the app fails synthesis; a default MfaUserPool passes', () => {
    const outcome = underPolicy(mechanism, app => {
      new MfaUserPool(stackIn(app, 'Identity'), 'Users');
      new cognito.UserPool(new Stack(new Stage(app, 'Prod'), 'Legacy', ENV), 'Customers');
    });
    expect(outcome.findings.every(f => f.path.startsWith('Prod/Legacy/Customers'))).toBe(true);
    expect(reported(outcome, 'MinimumMfa', 'error')).toEqual(['Legacy/Customers']);
    if (mechanism === MfaPolicyMechanism.VALIDATION_PLUGIN) {
      expect(outcome.failure).toMatch(/MfaConfiguration is not set \(MFA OFF\)[\s\S]*Acknowledge with 'MfaPolicy::MinimumMfa'/);
    }
  });

  test('a default MfaUserPool leaves no finding, even under strict validation', () => {
    const outcome = underPolicy(mechanism, app => new MfaUserPool(stackIn(app), 'Users'), {}, {
      context: { '@aws-cdk/core:strictCfnValidateErrors': true },
    });
    expect(outcome.findings).toEqual([]);
    expect(outcome.failure).toBeUndefined();
  });

  test('a pool in a nested stack is checked', () => {
    const outcome = underPolicy(mechanism, app => new cognito.UserPool(new NestedStack(stackIn(app), 'Nested'), 'Inner'));
    expect(reported(outcome, 'MinimumMfa')).toEqual(['Nested/Inner']);
  });

  test('an acknowledgement holds for the pool under it only, and keeps its reason', () => {
    const outcome = underPolicy(mechanism, app => {
      const s = stackIn(app);
      const legacy = new cognito.UserPool(s, 'Legacy');
      new cognito.UserPool(s, 'Other');
      MfaPolicy.acknowledge(legacy, MfaPolicyRule.MINIMUM_MFA, 'migrating to MfaUserPool in Q1, ticket SEC-42');
    });
    expect(reported(outcome, 'MinimumMfa', 'error')).toEqual(['Other']);
    expect(outcome.findings.filter(f => f.severity === 'acknowledged' && f.rule === 'MinimumMfa'))
      .toEqual([expect.objectContaining({ path: 'S/Legacy/Resource', reason: 'migrating to MfaUserPool in Q1, ticket SEC-42' })]);
  });

  test('an acknowledgement on a stack holds for every pool in it', () => {
    const outcome = underPolicy(mechanism, app => {
      const s = stackIn(app);
      new cognito.UserPool(s, 'A', { deletionProtection: false });
      new cognito.UserPool(s, 'B', { deletionProtection: false });
      MfaPolicy.acknowledge(s, MfaPolicyRule.DELETION_PROTECTION, 'sandbox account');
    });
    expect(reported(outcome, 'DeletionProtection', 'error')).toEqual([]);
    expect(reported(outcome, 'DeletionProtection', 'acknowledged')).toEqual(['A', 'B']);
  });

  test('severity WARNING and warningRules report without failing synthesis', () => {
    const build = (app: App) => { new cognito.UserPool(stackIn(app), 'Plain'); };
    const all = underPolicy(mechanism, build, { severity: MfaPolicySeverity.WARNING });
    expect(all.failure).toBeUndefined();
    expect(reported(all, 'MinimumMfa', 'warning')).toEqual(['Plain']);
    const some = underPolicy(mechanism, build, { warningRules: [MfaPolicyRule.FEATURE_PLAN, MfaPolicyRule.DELETION_PROTECTION] });
    expect(reported(some, 'FeaturePlan', 'warning')).toEqual(['Plain']);
    expect(reported(some, 'MinimumMfa', 'error')).toEqual(['Plain']);
  });

  test('a value known only at deploy time is reported as unchecked, a warning, never judged', () => {
    const outcome = underPolicy(mechanism, app => {
      const s = stackIn(app);
      const mfa = new CfnParameter(s, 'Mfa');
      new cognito.CfnUserPool(s, 'Param', { mfaConfiguration: mfa.valueAsString, enabledMfas: ['SOFTWARE_TOKEN_MFA'], userPoolTier: 'ESSENTIALS', deletionProtection: 'ACTIVE' });
    });
    expect(outcome.findings.map(f => [f.rule, f.severity])).toEqual([['MinimumMfa', 'warning'], ['SmsOnlyMfa', 'warning']]);
    expect(outcome.findings[0].text).toMatch(/known only at deploy time/);
  });

  test('the policy writes nothing: every template is byte-identical with and without it', () => {
    const synth = (withPolicy: boolean) => {
      const app = new App({ builtinCloudFormationValidation: false } as any);
      if (withPolicy) {
        applyPolicy(app, resolvePolicy('MfaPolicy', { severity: MfaPolicySeverity.WARNING }), mechanism);
      }
      const s = stackIn(app);
      new MfaUserPool(s, 'Users', { sms: SmsMfa.withNewRole(), abuseProtection: {} });
      new cognito.UserPool(s, 'Plain');
      return JSON.stringify(Template.fromStack(s).toJSON());
    };
    expect(synth(true)).toBe(synth(false));
  });

  test('a policy that asks for nothing finds nothing', () => {
    const outcome = underPolicy(mechanism, app => new cognito.CfnUserPool(stackIn(app), 'Bare', { userPoolTier: 'LITE' }), {
      minimumMfa: MfaEnforcement.OFF,
      allowSmsOnlyMfa: true,
      requirePasskeyUserVerification: false,
      requireSmsRoleExternalId: false,
      requireSmsRoleSourceConditions: false,
      requireSmsAbuseProtection: false,
      minimumFeaturePlan: cognito.FeaturePlan.LITE,
      maximumDeviceRemembering: DeviceRemembering.ALWAYS,
      requireDeletionProtection: false,
    });
    expect(outcome.findings).toEqual([]);
  });
});

describe('the validation plugin', () => {
  const onlyWithPlugin = pluginSupported() ? test : test.skip;

  onlyWithPlugin('fails synthesis on an error, with the report in validation-report.json', () => {
    const outcome = underPolicy(MfaPolicyMechanism.VALIDATION_PLUGIN, app => { new cognito.UserPool(stackIn(app), 'Plain'); });
    expect(outcome.failure).toMatch(/ERROR MfaConfiguration is not set \(MFA OFF\)/);
    const ours = outcome.report.pluginReports.find((r: any) => r.pluginName === 'MfaPolicy');
    expect(ours.conclusion).toBe('failure');
    expect(ours.violations[0]).toEqual(expect.objectContaining({
      ruleName: 'MinimumMfa', severity: 'error', suggestedFix: expect.stringMatching(/MfaPolicy\.acknowledge\(pool, MfaPolicyRule\.MINIMUM_MFA, reason\)/),
    }));
    expect(ours.violations[0].violatingConstructs[0].cloudFormationResource).toEqual(expect.objectContaining({
      templatePath: 'S.template.json', propertyPaths: ['Properties/MfaConfiguration'],
    }));
  });

  onlyWithPlugin('takes acknowledgements made with Validations.of(scope).acknowledge', () => {
    const outcome = underPolicy(MfaPolicyMechanism.VALIDATION_PLUGIN, app => {
      const pool = new cognito.UserPool(stackIn(app), 'Plain', { featurePlan: cognito.FeaturePlan.ESSENTIALS, deletionProtection: true });
      const { Validations } = cdk as any;
      Validations.of(pool).acknowledge({ id: MfaPolicy.acknowledgementId(MfaPolicyRule.MINIMUM_MFA), reason: 'internal tool' });
    });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.findings).toEqual([expect.objectContaining({ rule: 'MinimumMfa', severity: 'acknowledged', reason: 'internal tool' })]);
  });
});

describe('the Aspect fallback', () => {
  test('reports an error annotation, which fails cdk synth, and follows nested Stages', () => {
    const outcome: Outcome = underPolicy(MfaPolicyMechanism.ASPECT, app => {
      new cognito.UserPool(new Stack(new Stage(new Stage(app, 'Outer'), 'Inner'), 'Deep', ENV), 'Plain');
    });
    expect(outcome.findings.filter(f => f.rule === 'MinimumMfa'))
      .toEqual([expect.objectContaining({ severity: 'error', path: 'Outer/Inner/Deep/Plain/Resource' })]);
    expect(outcome.findings[0].text).toMatch(/^\[MfaPolicy::MinimumMfa\] MfaConfiguration is not set \(MFA OFF\).* Fix: MfaUserPool: `mfa: MfaEnforcement.REQUIRED`/);
  });
});

describe('applying the policy', () => {
  test('an enum prop from another language is checked', () => {
    expect(() => new MfaPolicy({ minimumMfa: 'ON' as MfaEnforcement })).toThrow(/minimumMfa is not an MfaEnforcement \(received: "ON"\)/);
    expect(() => new MfaPolicy({ allowedMfaFactors: ['TOTP' as MfaFactor] })).toThrow(/allowedMfaFactors\[0\] is not an MfaFactor/);
    expect(() => new MfaPolicy({ warningRules: ['MFA' as MfaPolicyRule] })).toThrow(/warningRules\[0\] is not an MfaPolicyRule/);
    expect(() => MfaPolicy.acknowledge(new App(), 'Mfa' as MfaPolicyRule, 'r')).toThrow(/rule is not an MfaPolicyRule/);
  });

  test('the acknowledgement id is the plugin name and the rule', () => {
    expect(MfaPolicy.acknowledgementId(MfaPolicyRule.SMS_ONLY_MFA)).toBe('MfaPolicy::SmsOnlyMfa');
  });
});
