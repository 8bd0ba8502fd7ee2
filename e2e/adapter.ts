import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/** What the adapter created in the emulator for one synthesized template. */
export interface Provisioned {
  readonly userPoolId: string;
  /** Client IDs by the client's logical ID. */
  readonly clients: Record<string, string>;
}

/**
 * Properties of AWS::Cognito::UserPool that decide how MFA behaves. Each is either mapped below
 * or refused: the emulator must never run a configuration other than the one synthesized.
 */
const MFA_RELEVANT = new Set([
  'MfaConfiguration', 'EnabledMfas', 'SmsConfiguration', 'SmsAuthenticationMessage',
  'EmailAuthenticationMessage', 'EmailAuthenticationSubject', 'DeviceConfiguration',
  'UserPoolAddOns', 'Policies', 'AccountRecoverySetting', 'UsernameAttributes', 'AliasAttributes',
  'AutoVerifiedAttributes', 'UserPoolTier',
  'WebAuthnRelyingPartyID', 'WebAuthnUserVerification', 'WebAuthnFactorConfiguration',
]);
/** Resources that change MFA behaviour and that no emulator implements. */
const UNSUPPORTED_RESOURCES = new Set(['AWS::Cognito::UserPoolRiskConfigurationAttachment']);
const MAPPED = new Set([
  'UserPoolName', 'MfaConfiguration', 'EnabledMfas', 'SmsConfiguration', 'SmsAuthenticationMessage',
  'Policies', 'UsernameAttributes', 'AliasAttributes', 'AutoVerifiedAttributes', 'AccountRecoverySetting',
  'AdminCreateUserConfig', 'UserAttributeUpdateSettings', 'DeletionProtection', 'UserPoolTier',
  'EmailVerificationMessage', 'EmailVerificationSubject', 'SmsVerificationMessage', 'VerificationMessageTemplate',
]);

function resolveArn(value: any, template: any): string {
  if (typeof value === 'string') {
    return value;
  }
  const getAtt = value?.['Fn::GetAtt'];
  if (getAtt && template.Resources[getAtt[0]]?.Type === 'AWS::IAM::Role' && getAtt[1] === 'Arn') {
    return `arn:aws:iam::123456789012:role/${getAtt[0]}`;
  }
  throw new Error(`adapter: cannot resolve ${JSON.stringify(value)} to an ARN`);
}

/**
 * Creates the template's user pool and its clients in the emulator: CreateUserPool,
 * SetUserPoolMfaConfig, CreateUserPoolClient. Fails loudly on any MFA-relevant property or resource
 * it does not map (email OTP, threat protection, device remembering, passkeys, passwordless first
 * factors, adaptive authentication: the emulators have none of them).
 */
export async function provision(client: CognitoIdentityProviderClient, template: any): Promise<Provisioned> {
  const pools = Object.entries<any>(template.Resources).filter(([, r]) => r.Type === 'AWS::Cognito::UserPool');
  if (pools.length !== 1) {
    throw new Error(`adapter: expected one AWS::Cognito::UserPool, found ${pools.length}`);
  }
  const [poolLogicalId, pool] = pools[0];
  const p = pool.Properties ?? {};
  const unmapped = Object.keys(p).filter(k => MFA_RELEVANT.has(k) && !MAPPED.has(k));
  if (unmapped.length > 0) {
    throw new Error(`adapter: the emulator cannot run MFA-relevant properties ${unmapped.join(', ')} of ${poolLogicalId}: refusing to provision a different configuration`);
  }
  if (p.Policies?.SignInPolicy) {
    throw new Error(`adapter: the emulator cannot run MFA-relevant properties Policies.SignInPolicy of ${poolLogicalId} (passkeys and passwordless first factors): refusing to provision a different configuration`);
  }
  const unsupported = Object.entries<any>(template.Resources).filter(([, r]) => UNSUPPORTED_RESOURCES.has(r.Type)).map(([id]) => id);
  if (unsupported.length > 0) {
    throw new Error(`adapter: the emulator cannot run ${unsupported.join(', ')} (adaptive authentication): refusing to provision a different configuration`);
  }
  const enabled: string[] = p.EnabledMfas ?? [];
  if (enabled.some(f => !['SMS_MFA', 'SOFTWARE_TOKEN_MFA'].includes(f))) {
    throw new Error(`adapter: the emulator cannot run the MFA factors ${enabled.join(', ')}`);
  }
  const smsConfiguration = p.SmsConfiguration && {
    SnsCallerArn: resolveArn(p.SmsConfiguration.SnsCallerArn, template),
    ExternalId: p.SmsConfiguration.ExternalId,
    SnsRegion: p.SmsConfiguration.SnsRegion,
  };
  const created = await client.send(new CreateUserPoolCommand({
    PoolName: p.UserPoolName ?? poolLogicalId,
    Policies: p.Policies,
    UsernameAttributes: p.UsernameAttributes,
    AliasAttributes: p.AliasAttributes,
    AutoVerifiedAttributes: p.AutoVerifiedAttributes,
    AccountRecoverySetting: p.AccountRecoverySetting,
    AdminCreateUserConfig: p.AdminCreateUserConfig,
    MfaConfiguration: p.MfaConfiguration,
    SmsConfiguration: smsConfiguration,
    SmsAuthenticationMessage: p.SmsAuthenticationMessage,
  }));
  const userPoolId = created.UserPool!.Id!;

  await client.send(new SetUserPoolMfaConfigCommand({
    UserPoolId: userPoolId,
    MfaConfiguration: p.MfaConfiguration ?? 'OFF',
    SoftwareTokenMfaConfiguration: { Enabled: enabled.includes('SOFTWARE_TOKEN_MFA') },
    SmsMfaConfiguration: enabled.includes('SMS_MFA')
      ? { SmsAuthenticationMessage: p.SmsAuthenticationMessage, SmsConfiguration: smsConfiguration }
      : undefined,
  }));

  const clients: Record<string, string> = {};
  for (const [logicalId, resource] of Object.entries<any>(template.Resources)) {
    if (resource.Type !== 'AWS::Cognito::UserPoolClient') {
      continue;
    }
    if (resource.Properties?.UserPoolId?.Ref !== poolLogicalId) {
      throw new Error(`adapter: client ${logicalId} does not belong to ${poolLogicalId}`);
    }
    const c = await client.send(new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: logicalId,
      ExplicitAuthFlows: resource.Properties.ExplicitAuthFlows,
      GenerateSecret: resource.Properties.GenerateSecret,
      PreventUserExistenceErrors: resource.Properties.PreventUserExistenceErrors,
      EnableTokenRevocation: resource.Properties.EnableTokenRevocation,
    }));
    clients[logicalId] = c.UserPoolClient!.ClientId!;
  }
  return { userPoolId, clients };
}

/**
 * A stack output as CloudFormation resolves it at deploy, with the emulator's IDs: the pool's Ref
 * and its clients' Refs are replaced, so are the Refs the caller gives `values` for, `Fn::Join` is
 * joined, and anything else is refused (the adapter must never guess a value).
 */
export function resolveOutput(template: any, outputLogicalId: string, provisioned: Provisioned, values: Record<string, string> = {}): string {
  const [poolLogicalId] = Object.entries<any>(template.Resources).find(([, r]) => r.Type === 'AWS::Cognito::UserPool')!;
  const value = template.Outputs?.[outputLogicalId]?.Value;
  if (value === undefined) {
    throw new Error(`adapter: no output ${outputLogicalId}`);
  }
  const resolve = (v: any): string => {
    if (typeof v === 'string') {
      return v;
    }
    if (v?.Ref === poolLogicalId) {
      return provisioned.userPoolId;
    }
    if (typeof v?.Ref === 'string' && provisioned.clients[v.Ref] !== undefined) {
      return provisioned.clients[v.Ref];
    }
    // Values the caller gives for other references (what the emulator does not create).
    if (typeof v?.Ref === 'string' && values[v.Ref] !== undefined) {
      return values[v.Ref];
    }
    if (Array.isArray(v?.['Fn::Join'])) {
      const [separator, parts] = v['Fn::Join'];
      return (parts as any[]).map(resolve).join(separator);
    }
    throw new Error(`adapter: cannot resolve ${JSON.stringify(v)} in output ${outputLogicalId}`);
  };
  return resolve(value);
}

