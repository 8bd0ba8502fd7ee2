// Prints a short human summary of every user pool in a synthesized cloud assembly.
import * as fs from 'fs';
import * as path from 'path';

const outdir = process.argv[2] ?? 'example/cdk.out';
const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf-8'));

for (const [name, artifact] of Object.entries<any>(manifest.artifacts ?? {})) {
  if (artifact.type !== 'aws:cloudformation:stack') {
    continue;
  }
  const templateFile = path.join(outdir, artifact.properties.templateFile);
  const template = JSON.parse(fs.readFileSync(templateFile, 'utf-8'));
  const resources: Record<string, any> = template.Resources ?? {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::Cognito::UserPool') {
      continue;
    }
    const p = resource.Properties ?? {};
    const mfaMode = ({ ON: 'REQUIRED', OPTIONAL: 'OPTIONAL', OFF: 'OFF' } as Record<string, string>)[p.MfaConfiguration ?? 'OFF'];
    const factors = (p.EnabledMfas ?? []).map((f: string) => ({ SMS_MFA: 'SMS', SOFTWARE_TOKEN_MFA: 'TOTP', EMAIL_OTP: 'email' } as Record<string, string>)[f] ?? f);
    const eums = p.SmsConfiguration?.EumsSms;
    const caller = eums ? eums.CallerArn : p.SmsConfiguration?.SnsCallerArn;
    const smsRoleRef = caller?.['Fn::GetAtt']?.[0];
    const smsRole = !p.SmsConfiguration ? 'none'
      : eums ? `${smsRoleRef ?? JSON.stringify(caller)} (external ID ${JSON.stringify(eums.ExternalId)}, through End User Messaging directly)`
        : `${smsRoleRef ?? JSON.stringify(caller)} (external ID ${JSON.stringify(p.SmsConfiguration.ExternalId)}, SNS region ${p.SmsConfiguration.SnsRegion ?? 'the pool\'s'})`;
    const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
    const delivered = ofType('AWS::Cognito::LogDeliveryConfiguration')
      .filter(([, r]) => r.Properties?.UserPoolId?.Ref === logicalId)
      .flatMap(([, r]) => r.Properties.LogConfigurations.map((c: any) => `${c.EventSource} (${c.LogLevel})`));
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([id]) => id.replace(/^.*Alarms/, '').replace(/[0-9A-F]{8}$/, ''));
    const dashboards = ofType('AWS::CloudWatch::Dashboard').map(([, r]) => r.Properties?.DashboardName ?? '(generated name)');
    const device = p.DeviceConfiguration;
    const remembering = !device ? 'OFF'
      : device.DeviceOnlyRememberedOnUserPrompt ? 'USER_OPT_IN (challenge new devices, remember on the user\'s say-so)' : 'ALWAYS';
    const pw = p.Policies?.PasswordPolicy ?? {};
    const clients = Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::Cognito::UserPoolClient' && r.Properties?.UserPoolId?.Ref === logicalId)
      .map(([id, r]) => `${id} (${(r.Properties.ExplicitAuthFlows ?? []).join(', ')})`);
    const lines = [
      `Stack ${name}: user pool ${logicalId}`,
      `  MFA mode            ${mfaMode}`,
      `  factors             ${factors.length ? factors.join(', ') : 'none'}`,
      `  SMS role            ${smsRole}`,
      `  device remembering  ${remembering}`,
      `  password policy     min ${pw.MinimumLength}, lower ${!!pw.RequireLowercase}, upper ${!!pw.RequireUppercase}, digits ${!!pw.RequireNumbers}, symbols ${!!pw.RequireSymbols}`,
      `  feature plan        ${p.UserPoolTier ?? '(service default)'}`,
      `  recovery            ${(p.AccountRecoverySetting?.RecoveryMechanisms ?? []).map((m: any) => m.Name).join(', ') || '(service default)'}`,
      `  retained            ${resource.DeletionPolicy === 'Retain' ? 'yes' : 'NO'}, deletion protection ${p.DeletionProtection}`,
      `  app clients         ${clients.join('; ') || 'none'}`,
      `  log delivery        ${delivered.join(', ') || 'none'}`,
      ...webAclLines(resources, logicalId),
      `  alarms              ${alarms.join(', ') || 'none'}`,
      `  dashboard           ${dashboards.join(', ') || 'none'}`,
      `  template            ${templateFile}`,
    ];
    // The client configuration (addAmplifyOutputs), with the IDs CloudFormation fills in at deploy shown as <Ref>.
    for (const [id, output] of Object.entries<any>(template.Outputs ?? {})) {
      const join = output.Value?.['Fn::Join'];
      if (output.Description?.startsWith('amplify_outputs.json') && Array.isArray(join)) {
        const json = join[1].map((part: any) => (typeof part === 'string' ? part : `<${Object.keys(part)[0]}>`)).join(join[0]);
        lines.push(`  amplify_outputs     ${id}: ${json}`);
      }
    }
    console.log(lines.join('\n'));
  }
}

// What the app-wide MFA policy (MfaPolicy) found, from the validation report.
const reportFile = path.join(outdir, 'validation-report.json');
const policy = fs.existsSync(reportFile)
  ? JSON.parse(fs.readFileSync(reportFile, 'utf-8')).pluginReports?.find((r: any) => r.pluginName === 'MfaPolicy')
  : undefined;
if (policy) {
  const findings = [...policy.violations ?? [], ...(policy.suppressedViolations ?? []).map((v: any) => ({ ...v, severity: `acknowledged (${v.reason})` }))];
  console.log(`MfaPolicy (${reportFile}): ${policy.conclusion}, ${findings.length} finding(s)`);
  for (const v of findings) {
    for (const c of v.violatingConstructs ?? []) {
      console.log(`  ${v.severity} ${v.ruleName} at ${c.constructPath}: ${v.description}`);
    }
  }
}

/** The web ACL associated with the pool: each rule, what it limits and what it counts. */
function webAclLines(resources: Record<string, any>, poolId: string): string[] {
  const association = Object.values(resources).find(r => r.Type === 'AWS::WAFv2::WebACLAssociation'
    && r.Properties?.ResourceArn?.['Fn::GetAtt']?.[0] === poolId);
  if (!association) {
    return ['  web ACL             none'];
  }
  const aclId = association.Properties.WebACLArn?.['Fn::GetAtt']?.[0];
  const acl = resources[aclId];
  if (!acl) {
    return [`  web ACL             ${JSON.stringify(association.Properties.WebACLArn)} (brought)`];
  }
  const lines = [`  web ACL             ${aclId}`];
  for (const rule of acl.Properties.Rules ?? []) {
    const rate = rule.Statement?.RateBasedStatement;
    const what = rate ? `${rate.Limit} per ${rate.EvaluationWindowSec / 60} min per ${rate.AggregateKeyType === 'CUSTOM_KEYS' ? 'ASN' : rate.AggregateKeyType}: ${counted(rate.ScopeDownStatement)}`
      : rule.Statement?.ManagedRuleGroupStatement ? 'AWS managed rule group' : Object.keys(rule.Action ?? {}).join('');
    lines.push(`    ${rule.Name.padEnd(40)} ${what}`);
  }
  return lines;
}

/** What a scope-down statement counts: the API operations it names, and managed login's pages. */
function counted(statement: any): string {
  const operations = new Set<string>();
  const paths = new Set<string>();
  let pages = false;
  const walk = (node: any) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === 'object') {
      const match = node.ByteMatchStatement;
      if (match?.FieldToMatch?.SingleHeader) {
        operations.add(match.SearchString);
      } else if (match?.FieldToMatch?.UriPath && match.PositionalConstraint === 'STARTS_WITH') {
        paths.add(`${match.SearchString}*`);
      } else if (node.NotStatement?.Statement?.AndStatement) {
        pages = true;
      } else {
        Object.values(node).forEach(walk);
      }
    }
  };
  walk(statement);
  const parts = [...operations];
  if (paths.size > 0 && !pages) {
    parts.push(`managed login ${[...paths].join(', ')}`);
  }
  if (pages) {
    parts.push(operations.size > 0 ? 'every other form managed login posts' : 'every managed login request');
  }
  return parts.join(', ');
}
