import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, NagPack, PCIDSS321Checks } from 'cdk-nag';
import { ManagedLoginDomain, MfaEnforcement, MfaRecovery, MfaUserPool, MfaUserPoolSecondary, PoolEncryption, SmsMfa, ThreatProtection, TokenIssuer } from '../../src';
import { CANONICAL } from '../canonical';
import { ACCOUNT, SES } from '../util';

const PACKS: Array<(app: App) => NagPack> = [
  app => new AwsSolutionsChecks(app),
  app => new NIST80053R5Checks(app),
  app => new HIPAASecurityChecks(app),
  app => new PCIDSS321Checks(app),
];

interface NagReport {
  /** Every unacknowledged finding of the four packs, as "<rule> <construct path>", sorted. */
  readonly findings: string[];
  /** Every acknowledged finding, as the report lists it. */
  readonly suppressed: Array<{ finding: string; acknowledgedId: string; reason: string }>;
}

/**
 * Runs the four packs the way a user does (`Validations.of(app).addPlugins(...)`), synthesizes,
 * and reads the cloud assembly's `validation-report.json`: what a user's audit trail shows.
 */
function nag(build: (stack: Stack) => void): NagReport {
  return nagApp(app => build(new Stack(app, 'TestStack', { env: { account: ACCOUNT, region: 'us-east-1' } })));
}

/** The same, over every stack of an app (a replicated pool's stacks). */
function nagApp(build: (app: App) => void): NagReport {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'nag-'));
  try {
    const app = new App({ outdir });
    Validations.of(app).addPlugins(...PACKS.map(pack => pack(app)));
    build(app);
    try {
      app.synth();
    } catch (e) {
      // Findings fail the synthesis; the report is written first.
      if (!fs.existsSync(path.join(outdir, 'validation-report.json'))) {
        throw e;
      }
    }
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf-8'));
    const plugins: any[] = report.pluginReports;
    return {
      findings: plugins.flatMap(p => p.violations.flatMap((v: any) =>
        v.violatingConstructs.map((c: any) => `${v.ruleName} ${c.constructPath}`))).sort(),
      suppressed: plugins.flatMap(p => (p.suppressedViolations ?? []).flatMap((v: any) =>
        v.violatingConstructs.map((c: any) => ({ finding: `${v.ruleName} ${c.constructPath}`, acknowledgedId: v.acknowledgedId, reason: v.reason })))),
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function findings(build: (stack: Stack) => void): string[] {
  return nag(build).findings;
}

/** The acknowledged IAM5 findings (wildcard resources), apart from the log groups' encryption. */
const iam5 = (s: { finding: string }) => s.finding.startsWith('AwsSolutions-IAM5');

function canonical(name: string): (stack: Stack) => void {
  return stack => { new MfaUserPool(stack, 'Users', CANONICAL[name]()); };
}

describe('cdk-nag 3: AwsSolutions, NIST 800-53 rev 5, HIPAA Security, PCI DSS 3.2.1', () => {
  test('the default configuration has only AwsSolutions-COG8 (the feature plan, a cost choice)', () => {
    expect(findings(canonical('default'))).toEqual(['AwsSolutions-COG8 TestStack/Users/Default/Resource']);
  });

  test('the app clients of integ.app-clients (SDK only, the code grant, client credentials) add no finding', () => {
    expect(findings(stack => {
      const pool = new MfaUserPool(stack, 'Users', CANONICAL['totp-only']());
      pool.addAppClient('WebClient');
      pool.addAppClient('LoginClient', { oAuth: { callbackUrls: ['https://app.example.com/callback'], scopes: [cognito.OAuthScope.OPENID] } });
      const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read reports' });
      const api = pool.userPool.addResourceServer('Api', { identifier: 'reports', scopes: [read] });
      pool.addAppClient('ServiceClient', { generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.resourceServer(api, read)] } });
    })).toEqual(findings(canonical('totp-only')));
  });

  test('with addAlarms, the SMS spend alarm of abuse protection has an action: no CloudWatchAlarmAction finding', () => {
    const report = nag(stack => {
      const pool = new MfaUserPool(stack, 'Users', { ...CANONICAL['sms-country-rules']() });
      pool.addAlarms();
    });
    expect(report.findings.filter(f => /CloudWatchAlarmAction/.test(f))).toEqual([]);
  });

  test('abuse protection adds only the unencrypted WAF log group, left visible for the user to decide', () => {
    // Encrypting it takes a KMS key (a cost, and a key policy for CloudWatch Logs): not a default.
    const waf = findings(stack => { new MfaUserPool(stack, 'Users', { ...CANONICAL['totp-only'](), abuseProtection: { captcha: true, blockAnonymousIps: true } }); });
    expect(waf).toEqual([...findings(canonical('totp-only')),
      'HIPAA.Security-CloudWatchLogGroupEncrypted TestStack/Users/WebAclLogs/Resource',
      'NIST.800.53.R5-CloudWatchLogGroupEncrypted TestStack/Users/WebAclLogs/Resource',
      'PCI.DSS.321-CloudWatchLogGroupEncrypted TestStack/Users/WebAclLogs/Resource'].sort());
  });

  test('country rules on the direct path add the WAF log group and the SMS spend alarm to what the direct path has; the protect configuration and the set are acknowledged nowhere', () => {
    const report = nag(canonical('sms-country-rules'));
    // The SMS spend alarm that comes with abuse protection has no action until addAlarms() gives it
    // the alarm topic: left visible, as README says.
    expect(report.findings).toEqual([...findings(canonical('sms-end-user-messaging')),
      'HIPAA.Security-CloudWatchAlarmAction TestStack/Users/SmsSpendAlarm/Resource',
      'NIST.800.53.R5-CloudWatchAlarmAction TestStack/Users/SmsSpendAlarm/Resource',
      'HIPAA.Security-CloudWatchLogGroupEncrypted TestStack/Users/WebAclLogs/Resource',
      'NIST.800.53.R5-CloudWatchLogGroupEncrypted TestStack/Users/WebAclLogs/Resource',
      'PCI.DSS.321-CloudWatchLogGroupEncrypted TestStack/Users/WebAclLogs/Resource'].sort());
    expect(report.suppressed.filter(s => /SmsProtectConfiguration|SmsConfigurationSet/.test(s.finding))).toEqual([]);
  });

  test('managed login (the domain, a style and the terms documents per client, the URL outputs) adds no finding', () => {
    const managed = findings(stack => {
      const pool = new MfaUserPool(stack, 'Users', CANONICAL['totp-only']());
      pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('myapp-users'), termsOfUseUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' });
      pool.addAppClient('WebClient', { oAuth: { callbackUrls: ['https://app.example.com/callback'], logoutUrls: ['https://app.example.com/'] } });
    });
    expect(managed).toEqual(findings(stack => {
      const pool = new MfaUserPool(stack, 'Users', CANONICAL['totp-only']());
      pool.addAppClient('WebClient', { oAuth: { callbackUrls: ['https://app.example.com/callback'], logoutUrls: ['https://app.example.com/'] } });
    }));
  });

  test('a customer managed key the library creates (rotation on, the guide\'s statements) and the updated issuer add no finding', () => {
    expect(findings(stack => {
      new MfaUserPool(stack, 'Users', { ...CANONICAL.default(), encryption: PoolEncryption.customerManagedKey(), tokenIssuer: TokenIssuer.UPDATED });
    })).toEqual(findings(canonical('default')));
  });

  test('replication (the multi-Region key, its replica, the replica, the secondary with its web ACL, logs and alarms) adds what the parts add', () => {
    const report = nagApp(app => {
      const primary = new Stack(app, 'TestStack', { env: { account: ACCOUNT, region: 'us-east-1' } });
      const secondary = new Stack(app, 'Secondary', { env: { account: ACCOUNT, region: 'us-west-2' }, crossRegionReferences: true });
      const pool = new MfaUserPool(primary, 'Users', { ...CANONICAL.default(), sms: SmsMfa.withNewRole(), replication: { region: 'us-west-2' }, tokenIssuer: TokenIssuer.UPDATED });
      new MfaUserPoolSecondary(secondary, 'Users', { pool }).addAlarms();
    });
    expect(report.findings).toEqual(findings(canonical('default')));
    // The secondary's delivery-error log group is acknowledged as the primary's is (Cognito refuses an encrypted one).
    expect(report.suppressed.filter(s => s.finding.startsWith('HIPAA.Security-CloudWatchLogGroupEncrypted')).map(s => s.finding).sort()).toEqual([
      'HIPAA.Security-CloudWatchLogGroupEncrypted Secondary/Users/DeliveryErrorLogs/Resource',
      'HIPAA.Security-CloudWatchLogGroupEncrypted TestStack/Users/DeliveryErrorLogs/Resource',
    ]);
  });

  test('MfaRecovery adds no open finding; what it acknowledges is its design, each with its reason', () => {
    const report = nag(stack => {
      const pool = new MfaUserPool(stack, 'Users', { ...CANONICAL.default(), userPoolProps: { email: SES } });
      new MfaRecovery(stack, 'Recovery', { pool });
    });
    expect(report.findings).toEqual(findings(stack => { new MfaUserPool(stack, 'Users', { ...CANONICAL.default(), userPoolProps: { email: SES } }); }));
    const acknowledged = report.suppressed.filter(s => s.finding.includes('/Recovery/'));
    const rules = (where: RegExp) => acknowledged.filter(s => where.test(s.finding)).map(s => s.finding.split(' ')[0].replace(/^[\w.]+-/, '')).sort();
    const packs = (...rules_: string[]) => rules_.flatMap(r => ['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321'].map(p => `${p}-${r}`));
    expect([...new Set(acknowledged.map(s => s.finding.split(' ')[0]))].sort()).toEqual([
      'AwsSolutions-APIG1', 'AwsSolutions-APIG4', 'AwsSolutions-APIG6', 'AwsSolutions-COG4', 'AwsSolutions-L1',
      ...packs('APIGWCacheEnabledAndEncrypted', 'APIGWExecutionLoggingEnabled', 'APIGWSSLEnabled', 'CloudWatchLogGroupEncrypted', 'LambdaInsideVPC', 'WAFv2LoggingEnabled'),
      ...['NIST.800.53.R5', 'HIPAA.Security'].flatMap(p => ['DynamoDBInBackupPlan', 'LambdaConcurrency', 'LambdaDLQ'].map(r => `${p}-${r}`)),
    ].sort());
    // The unauthenticated method is /recover alone; /codes has its authorizer.
    expect(rules(/\/Default\/codes\//)).toEqual([]);
    expect(rules(/\/Default\/recover\/POST\//)).toEqual(['APIG4', 'COG4']);
    for (const s of acknowledged) {
      expect(s.reason.length).toBeGreaterThan(60);
    }
  });

  test('the threat-protection configuration has no finding at all', () => {
    expect(findings(canonical('threat-protection'))).toEqual([]);
  });

  test('adaptive authentication with REQUIRED MFA has no finding at all; with OPTIONAL only COG2', () => {
    expect(findings(stack => {
      new MfaUserPool(stack, 'Users', { ...CANONICAL['adaptive-authentication'](), mfa: MfaEnforcement.REQUIRED });
    })).toEqual([]);
    expect(findings(canonical('adaptive-authentication'))).toEqual(['AwsSolutions-COG2 TestStack/Users/Default/Resource']);
  });

  test('threat protection with SMS has no finding at all (IAM5 acknowledged with evidence)', () => {
    expect(findings(stack => {
      new MfaUserPool(stack, 'Users', { threatProtection: ThreatProtection.ENFORCED, sms: SmsMfa.withNewRole() });
    })).toEqual([]);
  });

  test('SMS through End User Messaging scoped to an origination identity has no finding beyond COG2 and COG8', () => {
    expect(findings(canonical('sms-end-user-messaging'))).toEqual([
      'AwsSolutions-COG2 TestStack/Users/Default/Resource',
      'AwsSolutions-COG8 TestStack/Users/Default/Resource',
    ]);
    const { suppressed } = nag(canonical('sms-end-user-messaging'));
    expect(suppressed.filter(iam5)).toEqual([expect.objectContaining({
      finding: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sms-voice:us-east-1:123456789012:opt-out-list/*] TestStack/Users/SmsEndUserMessagingPolicy/Resource',
      reason: expect.stringMatching(/opt-out list .* only from the one origination identity ARN/),
    })]);
  });

  test('SMS through End User Messaging without an identity ARN acknowledges the wildcard, with the reason', () => {
    const { suppressed } = nag(stack => {
      new MfaUserPool(stack, 'Users', { threatProtection: ThreatProtection.ENFORCED, sms: SmsMfa.withEndUserMessaging() });
    });
    expect(suppressed.filter(iam5)).toEqual([expect.objectContaining({
      finding: 'AwsSolutions-IAM5[Resource::*] TestStack/Users/SmsEndUserMessagingPolicy/Resource',
      reason: expect.stringMatching(/an ARN in a policy cannot match/),
    })]);
  });

  test('operations (log delivery of both sources, the alarms with their topic and key, the dashboard) add no finding', () => {
    const report = nag(stack => {
      const pool = new MfaUserPool(stack, 'Users', {
        ...CANONICAL['reference-setup'](), mfa: MfaEnforcement.REQUIRED, threatProtection: ThreatProtection.ENFORCED, logDelivery: { userAuthEvents: true },
      });
      pool.addAppClient('Web');
      pool.addAlarms({ smsMonthlySpendLimitUsd: 100 });
      pool.addDashboard();
    });
    expect(report.findings).toEqual([]);
    // Only the log groups' encryption (both groups, three packs) and the SMS policy's IAM5 are acknowledged.
    expect(report.suppressed.filter(s => !iam5(s)).map(s => s.finding).sort()).toEqual([
      'HIPAA.Security-CloudWatchLogGroupEncrypted TestStack/Users/AuthEventLogs/Resource',
      'HIPAA.Security-CloudWatchLogGroupEncrypted TestStack/Users/DeliveryErrorLogs/Resource',
      'NIST.800.53.R5-CloudWatchLogGroupEncrypted TestStack/Users/AuthEventLogs/Resource',
      'NIST.800.53.R5-CloudWatchLogGroupEncrypted TestStack/Users/DeliveryErrorLogs/Resource',
      'PCI.DSS.321-CloudWatchLogGroupEncrypted TestStack/Users/AuthEventLogs/Resource',
      'PCI.DSS.321-CloudWatchLogGroupEncrypted TestStack/Users/DeliveryErrorLogs/Resource',
    ]);
  });

  test.each(['totp-only', 'email', 'passkeys-mfa'])('%s has only COG8', (name) => {
    expect(findings(canonical(name))).toEqual(['AwsSolutions-COG8 TestStack/Users/Default/Resource']);
  });

  test.each(['reference-setup', 'sms-and-totp'])('%s (OPTIONAL MFA) adds only COG2, the MFA-not-required warning', (name) => {
    expect(findings(canonical(name))).toEqual([
      'AwsSolutions-COG2 TestStack/Users/Default/Resource',
      'AwsSolutions-COG8 TestStack/Users/Default/Resource',
    ]);
  });

  test('the IAM5 acknowledgement is recorded in validation-report.json with its reason', () => {
    const { suppressed } = nag(canonical('sms-and-totp'));
    expect(suppressed.filter(iam5)).toEqual([{
      finding: 'AwsSolutions-IAM5[Resource::*] TestStack/Users/SmsPolicy/Resource',
      acknowledgedId: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: expect.stringMatching(/has no resource ARN.*explicit Deny/),
    }]);
  });

  test('the delivered logs\' group is unencrypted by necessity: acknowledged in the three packs, with the evidence', () => {
    const { suppressed } = nag(canonical('sms-and-totp'));
    const logs = suppressed.filter(s => !iam5(s));
    expect(logs.map(s => s.acknowledgedId).sort()).toEqual([
      'HIPAA.Security::HIPAA.Security-CloudWatchLogGroupEncrypted',
      'NIST.800.53.R5::NIST.800.53.R5-CloudWatchLogGroupEncrypted',
      'PCI.DSS.321::PCI.DSS.321-CloudWatchLogGroupEncrypted',
    ]);
    for (const s of logs) {
      expect(s.finding).toMatch(/ TestStack\/Users\/DeliveryErrorLogs\/Resource$/);
      expect(s.reason).toMatch(/must not be encrypted with AWS Key Management Service/);
    }
  });

  test('IAM5 on the SMS policy is found without the acknowledgement', () => {
    const report = nag(stack => {
      new MfaUserPool(stack, 'Users', CANONICAL['sms-and-totp']());
      // WHEN the acknowledgement is taken away
      const policy = stack.node.findChild('Users').node.findChild('SmsPolicy');
      const metadata: Array<{ type: string }> = (policy.node as any)._metadata;
      expect(metadata.some(m => m.type === 'aws:cdk:acknowledged-rules')).toBe(true);
      (policy.node as any)._metadata = metadata.filter(m => m.type !== 'aws:cdk:acknowledged-rules');
    });
    // THEN the rule fires on the policy, and no IAM5 finding is listed as suppressed
    expect(report.findings).toContain('AwsSolutions-IAM5[Resource::*] TestStack/Users/SmsPolicy/Resource');
    expect(report.suppressed.filter(iam5)).toEqual([]);
  });

  test('the packs do flag a weak raw L1 pool (the check can fail)', () => {
    expect(findings(stack => {
      new cognito.CfnUserPool(stack, 'Raw', {
        mfaConfiguration: 'OFF',
        policies: { passwordPolicy: { minimumLength: 6 } },
      });
    })).toEqual(expect.arrayContaining([
      'AwsSolutions-COG1 TestStack/Raw',
      'AwsSolutions-COG2 TestStack/Raw',
    ]));
  });
});
