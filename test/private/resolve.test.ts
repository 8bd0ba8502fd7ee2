import * as cognito from 'aws-cdk-lib/aws-cognito';
import { MfaEnforcement, SmsMfa } from '../../src';
import { ResolveContext, WARNING_IDS } from '../../src/private/context';
import { resolveDecisions } from '../../src/private/resolve';
import { resolveFactors } from '../../src/private/resolve/factors';
import { resolveSignIn } from '../../src/private/resolve/sign-in';

// The phases are pure: they are tested here without a Stack or an App.
describe('resolution phases', () => {
  test('resolveDecisions returns the defaults in the library\'s own terms', () => {
    const d = resolveDecisions('P', {}, 'us-east-1');
    expect(d.factors).toEqual({ mfa: MfaEnforcement.REQUIRED, totp: true, smsFactor: false, emailFactor: false, sms: undefined, email: undefined });
    expect(d.plan.featurePlan).toBe(cognito.FeaturePlan.ESSENTIALS);
    expect(d.accountRecovery).toBe(cognito.AccountRecovery.EMAIL_ONLY);
    expect(d.advisories).toEqual([]);
  });

  test('log delivery follows the codes the pool sends; the SMS path is kept in the decisions', () => {
    expect(resolveDecisions('P', {}, 'us-east-1').logs).toEqual({ messageDeliveryErrors: false, userAuthEvents: false, retention: 365 });
    const sms = resolveDecisions('P', { sms: SmsMfa.withEndUserMessaging({ region: 'us-east-1' }) }, 'us-east-1');
    expect(sms.logs.messageDeliveryErrors).toBe(true);
    expect(sms.factors.sms?.eums).toEqual({
      region: 'us-east-1',
      originationIdentity: undefined,
      configurationSetName: undefined,
      inEntityId: undefined,
      inTemplateId: undefined,
    });
    expect(sms.advisories.map(a => a.id)).toEqual([WARNING_IDS.smsRoleNotScoped]);
  });

  test('a phase refuses through the context, naming the path and the prop', () => {
    const ctx = new ResolveContext('Stack/Pool');
    expect(() => resolveFactors(ctx, { mfa: MfaEnforcement.OPTIONAL, totp: false }, resolveSignIn({})))
      .toThrow(/^\[MfaUserPool Stack\/Pool\] mfa is OPTIONAL but no factor is enabled/);
  });

  test('phone sign-in keeps the SMS configuration while MFA is OFF, without an SMS factor', () => {
    const ctx = new ResolveContext('P');
    const signIn = resolveSignIn({ signInAliases: { phone: true } });
    const factors = resolveFactors(ctx, { mfa: MfaEnforcement.OFF, sms: SmsMfa.withNewRole() }, signIn);
    expect(factors.smsFactor).toBe(false);
    expect(factors.sms).toBeDefined();
  });

  test('advisories are collected in order with their stable ids', () => {
    const d = resolveDecisions('P', { passwordPolicy: { minLength: 8 }, deletionProtection: false }, 'us-east-1');
    expect(d.advisories.map(a => a.id)).toEqual([WARNING_IDS.weakPasswordPolicy, WARNING_IDS.dataLossRisk]);
  });

  test('the enum guard lists the members in its fix', () => {
    const ctx = new ResolveContext('P');
    expect(() => ctx.member('x', 'NOPE' as MfaEnforcement, MfaEnforcement, 'an MfaEnforcement'))
      .toThrow('[MfaUserPool P] x is not an MfaEnforcement (received: "NOPE"). Use MfaEnforcement.OFF, OPTIONAL or REQUIRED.');
  });
});
