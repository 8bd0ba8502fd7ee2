import { Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, NagPack, PCIDSS321Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { MfaUserPool, SmsMfa, ThreatProtection } from '../../src';
import { CANONICAL } from '../canonical';
import { newStack } from '../util';

const PACKS: Array<() => NagPack> = [
  () => new AwsSolutionsChecks(),
  () => new NIST80053R5Checks(),
  () => new HIPAASecurityChecks(),
  () => new PCIDSS321Checks(),
];

/** Every finding of the four packs on a scope, as "<rule> <construct path>". */
function findings(scope: IConstruct): string[] {
  return PACKS.flatMap(pack => pack().validateScope(scope).violations.flatMap(v =>
    v.violatingResources.map(r => `${v.ruleName} ${r.constructPath}`))).sort();
}

function canonical(name: string): Stack {
  const stack = newStack();
  new MfaUserPool(stack, 'Users', CANONICAL[name]());
  return stack;
}

describe('cdk-nag 3: AwsSolutions, NIST 800-53 rev 5, HIPAA Security, PCI DSS 3.2.1', () => {
  test('the default configuration has only AwsSolutions-COG8 (the feature plan, a cost choice)', () => {
    expect(findings(canonical('default'))).toEqual(['AwsSolutions-COG8 TestStack/Users/Default/Resource']);
  });

  test('the threat-protection configuration has no finding at all', () => {
    expect(findings(canonical('threat-protection'))).toEqual([]);
  });

  test('threat protection with SMS has no finding at all (IAM5 acknowledged with evidence)', () => {
    const stack = newStack();
    new MfaUserPool(stack, 'Users', { threatProtection: ThreatProtection.ENFORCED, sms: SmsMfa.withNewRole() });
    expect(findings(stack)).toEqual([]);
  });

  test.each(['totp-only', 'email'])('%s has only COG8', (name) => {
    expect(findings(canonical(name))).toEqual(['AwsSolutions-COG8 TestStack/Users/Default/Resource']);
  });

  test.each(['article', 'sms-and-totp'])('%s (OPTIONAL MFA) adds only COG2, the MFA-not-required warning', (name) => {
    expect(findings(canonical(name))).toEqual([
      'AwsSolutions-COG2 TestStack/Users/Default/Resource',
      'AwsSolutions-COG8 TestStack/Users/Default/Resource',
    ]);
  });

  test('IAM5 on the SMS policy is found without the acknowledgement, and the reason states the evidence', () => {
    const stack = canonical('sms-and-totp');
    const policy = stack.node.findChild('Users').node.findChild('SmsPolicy');
    const metadata: Array<{ type: string; data: any }> = (policy.node as any)._metadata;
    const acks = metadata.filter(m => m.type === 'aws:cdk:acknowledged-rules');
    expect(JSON.stringify(acks.map(a => a.data))).toMatch(/AwsSolutions-IAM5\[Resource::\*\].*has no resource ARN.*explicit Deny/);

    // WHEN the acknowledgement is taken away
    (policy.node as any)._metadata = metadata.filter(m => m.type !== 'aws:cdk:acknowledged-rules');

    // THEN the rule fires on the policy
    expect(findings(stack)).toContain('AwsSolutions-IAM5[Resource::*] TestStack/Users/SmsPolicy/Resource');
  });

  test('the packs do flag a weak raw L1 pool (the check can fail)', () => {
    const stack = newStack();
    new cognito.CfnUserPool(stack, 'Raw', {
      mfaConfiguration: 'OFF',
      policies: { passwordPolicy: { minimumLength: 6 } },
    });
    expect(findings(stack)).toEqual(expect.arrayContaining([
      'AwsSolutions-COG1 TestStack/Raw',
      'AwsSolutions-COG2 TestStack/Raw',
    ]));
  });
});
