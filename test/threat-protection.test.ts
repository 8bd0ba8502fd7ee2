import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ThreatProtection } from '../src';
import { build, poolProperties } from './util';

describe('feature plan and threat protection', () => {
  test('the feature plan is always explicit: ESSENTIALS by default', () => {
    const { template } = build();

    const props = poolProperties(template);
    expect(props.UserPoolTier).toBe('ESSENTIALS');
    expect(props.UserPoolAddOns).toBeUndefined();
  });

  test.each([
    [ThreatProtection.AUDIT, 'AUDIT'],
    [ThreatProtection.ENFORCED, 'ENFORCED'],
  ])('threatProtection %s sets the mode and defaults the plan to PLUS', (threatProtection, mode) => {
    const { template } = build({ threatProtection });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: mode },
    });
  });

  test('custom-auth threat protection sets the additional flows', () => {
    const { template } = build({ threatProtection: ThreatProtection.ENFORCED, customAuthThreatProtection: ThreatProtection.AUDIT });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED', AdvancedSecurityAdditionalFlows: { CustomAuthMode: 'AUDIT' } },
    });
  });

  test('threat protection OFF emits no add-ons', () => {
    const { template } = build({ threatProtection: ThreatProtection.OFF, featurePlan: cognito.FeaturePlan.PLUS });

    const props = poolProperties(template);
    expect(props.UserPoolTier).toBe('PLUS');
    expect(props.UserPoolAddOns).toBeUndefined();
  });

  test.each([cognito.FeaturePlan.LITE, cognito.FeaturePlan.ESSENTIALS])('threat protection with plan %s is refused', (featurePlan) => {
    expect(() => build({ threatProtection: ThreatProtection.AUDIT, featurePlan }))
      .toThrow(new RegExp(`featurePlan must be PLUS for threat protection \\(received: "${featurePlan}"\\)`));
    expect(() => build({ customAuthThreatProtection: ThreatProtection.ENFORCED, featurePlan }))
      .toThrow(/featurePlan must be PLUS for threat protection/);
  });

  test('an explicit plan is written as given', () => {
    const { template } = build({ featurePlan: cognito.FeaturePlan.LITE });

    template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'LITE' });
  });

  test('unknown values from untyped callers are refused', () => {
    expect(() => build({ threatProtection: 'ON' as any })).toThrow(/threatProtection is not a ThreatProtection \(received: "ON"\)/);
    expect(() => build({ customAuthThreatProtection: 'ON' as any })).toThrow(/customAuthThreatProtection is not a ThreatProtection/);
  });
});
