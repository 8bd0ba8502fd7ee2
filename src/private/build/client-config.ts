import { Stack, Token, Tokenization } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { DeviceRemembering } from '../../device';
import { MfaEnforcement } from '../../mfa';
import { AdvisoryRule } from '../context';
import { Decisions } from '../resolve';
import { RULES } from '../rules';

/** What the client configuration describes besides the pool's decisions. */
export interface AmplifyOutputsFacts {
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
  /** The client's L1, when this app defines it: its OAuth settings are read from it. */
  readonly cfnClient?: cognito.CfnUserPoolClient;
  /** The managed login domain's host, when the pool has managed login. */
  readonly managedLoginDomain?: string;
  /** The standard attributes the pool requires at sign-up (userPoolProps.standardAttributes). */
  readonly standardAttributes?: cognito.StandardAttributes;
  /** The pool's user groups, read at synthesis (a token). */
  readonly groups?: unknown;
  /** Leaves one of the catalog's advisories on the pool. */
  readonly warn?: (rule: AdvisoryRule, message: string) => void;
}

/**
 * The user groups of a pool in its stack, as amplify_outputs.json lists them: one entry per group,
 * `{ <name>: { precedence } }`, by name. Read at synthesis, so groups added after the call count; a group
 * whose name is a token is left out (the schema keys it by name).
 */
export function userGroupsOf(stack: Stack, userPoolId: string): Array<Record<string, { precedence?: number }>> {
  const poolRef = Tokenization.reverse(userPoolId);
  const groups: Array<Record<string, { precedence?: number }>> = [];
  for (const construct of stack.node.findAll()) {
    if (construct instanceof cognito.CfnUserPoolGroup && Tokenization.reverse(construct.userPoolId) === poolRef) {
      const name = construct.groupName;
      if (typeof name === 'string' && !Tokenization.isResolvable(name) && !name.includes('${Token[')) {
        groups.push({ [name]: construct.precedence === undefined ? {} : { precedence: construct.precedence } });
      }
    }
  }
  // By name, so that the output does not depend on where in the tree each group was defined.
  return groups.sort((a, b) => Object.keys(a)[0].localeCompare(Object.keys(b)[0]));
}

/** The L2's standard attribute keys, by the names Cognito (and amplify_outputs.json) use. */
const STANDARD_ATTRIBUTE_NAMES: Record<keyof cognito.StandardAttributes, string> = {
  address: 'address',
  birthdate: 'birthdate',
  email: 'email',
  familyName: 'family_name',
  gender: 'gender',
  givenName: 'given_name',
  locale: 'locale',
  middleName: 'middle_name',
  fullname: 'name',
  nickname: 'nickname',
  phoneNumber: 'phone_number',
  profilePicture: 'picture',
  preferredUsername: 'preferred_username',
  profilePage: 'profile',
  timezone: 'zoneinfo',
  lastUpdateTime: 'updated_at',
  website: 'website',
};

/** CloudFormation's identity provider names, by the names amplify_outputs.json uses. */
const IDENTITY_PROVIDERS: Record<string, string> = {
  Google: 'GOOGLE', Facebook: 'FACEBOOK', LoginWithAmazon: 'LOGIN_WITH_AMAZON', SignInWithApple: 'SIGN_IN_WITH_APPLE',
};

/**
 * The `amplify_outputs.json` content (schema version 1.5) for the pool and one of its clients,
 * from what the library decided: only fields the schema defines, IDs as tokens.
 * https://github.com/aws-amplify/amplify-backend/tree/main/packages/client-config
 */
export function amplifyOutputsContent(d: Decisions, facts: AmplifyOutputsFacts): Record<string, any> {
  const p = d.passwordPolicy;
  const auth: Record<string, any> = {
    aws_region: facts.region,
    user_pool_id: facts.userPoolId,
    user_pool_client_id: facts.clientId,
    // Unset fields are the L2's defaults: 8 characters, every class required.
    password_policy: {
      min_length: p.minLength ?? 8,
      require_lowercase: p.requireLowercase ?? true,
      require_uppercase: p.requireUppercase ?? true,
      require_numbers: p.requireDigits ?? true,
      require_symbols: p.requireSymbols ?? true,
    },
    mfa_configuration: { [MfaEnforcement.OFF]: 'NONE', [MfaEnforcement.OPTIONAL]: 'OPTIONAL', [MfaEnforcement.REQUIRED]: 'REQUIRED' }[d.factors.mfa],
  };
  if (d.factors.mfa !== MfaEnforcement.OFF) {
    auth.mfa_methods = [d.factors.smsFactor ? 'SMS' : undefined, d.factors.totp ? 'TOTP' : undefined, d.factors.emailFactor ? 'EMAIL' : undefined]
      .filter(m => m !== undefined);
  }
  const aliases = d.signIn.signInAliases;
  auth.username_attributes = [aliases.username || aliases.preferredUsername ? 'username' : undefined, aliases.email ? 'email' : undefined,
    aliases.phone ? 'phone_number' : undefined].filter(a => a !== undefined);
  const verify = d.signIn.autoVerify ?? { email: !!aliases.email, phone: !!aliases.phone };
  auth.user_verification_types = [verify.email ? 'email' : undefined, verify.phone ? 'phone_number' : undefined].filter(v => v !== undefined);
  const required = Object.entries(facts.standardAttributes ?? {})
    .filter(([, attribute]) => (attribute as cognito.StandardAttribute | undefined)?.required === true)
    .map(([key]) => STANDARD_ATTRIBUTE_NAMES[key as keyof cognito.StandardAttributes])
    .filter(name => name !== undefined);
  if (required.length > 0) {
    auth.standard_required_attributes = required;
  }
  const passkey = d.firstFactors.passkey;
  if (passkey || d.firstFactors.emailOtp || d.firstFactors.smsOtp) {
    auth.passwordless = {
      email_otp_enabled: d.firstFactors.emailOtp,
      sms_otp_enabled: d.firstFactors.smsOtp,
      ...(passkey ? { web_authn: { relying_party_id: passkey.relyingPartyId, user_verification: passkey.userVerification } } : {}),
    };
  }
  if (facts.groups !== undefined) {
    auth.groups = facts.groups;
  }
  const domain = facts.managedLoginDomain;
  const oauth = facts.cfnClient && domain !== undefined ? oauthOf(facts.cfnClient, domain, facts.warn) : undefined;
  if (facts.cfnClient && Stack.of(facts.cfnClient).resolve(facts.cfnClient.generateSecret) === true) {
    facts.warn?.(RULES.amplifyOutputsClientSecret, `addAmplifyOutputs: the client ${facts.cfnClient.node.path} has a client secret, which a browser or mobile app `
      + 'cannot keep, and amplify_outputs.json cannot carry: Amplify cannot sign in with it. Give the app a client without a secret (addAppClient makes one).');
  }
  if (oauth) {
    auth.oauth = oauth;
  }
  // The schema has no field for device remembering: `custom` tells a client whether to offer
  // "Remember this device" (USER_OPT_IN) or that Cognito remembers every device (ALWAYS).
  return d.deviceRemembering === DeviceRemembering.OFF
    ? { version: '1.5', auth }
    : { version: '1.5', auth, custom: { device_remembering: d.deviceRemembering } };
}

/**
 * The OAuth section for a client with the authorization code grant, on the managed login domain;
 * none (advised) when its callback or logout URLs are not a literal list of at least one, which
 * schema 1.5 requires of redirect_sign_in_uri and redirect_sign_out_uri.
 */
type Warn = (rule: AdvisoryRule, message: string) => void;
function oauthOf(cfn: cognito.CfnUserPoolClient, domain: string, warn?: Warn): Record<string, any> | undefined {
  const stack = Stack.of(cfn);
  const flows = stack.resolve(cfn.allowedOAuthFlows);
  if (!Array.isArray(flows) || !flows.includes('code')) {
    return undefined;
  }
  const literalList = (urls: unknown) => urls !== undefined && !Tokenization.isResolvable(urls) && !Token.isUnresolved(urls) && Array.isArray(urls)
    && urls.length > 0 && urls.every(u => typeof u === 'string' && !Token.isUnresolved(u));
  const unusable = (['callbackUrLs', 'logoutUrLs'] as const).filter(k => !literalList(cfn[k]));
  if (unusable.length > 0) {
    const names = unusable.map(k => (k === 'callbackUrLs' ? 'callback URLs' : 'logout URLs')).join(' and ');
    warn?.(RULES.amplifyOutputsOAuthOmitted, `addAmplifyOutputs: the client ${cfn.node.path} has no ${names} known at synthesis, and schema 1.5 requires at least one `
      + 'redirect_sign_in_uri and redirect_sign_out_uri: amplify_outputs.json has no oauth section. Give the client literal callbackUrls and logoutUrls.');
    return undefined;
  }
  const list = (value: unknown): unknown[] => {
    if (value === undefined) {
      return [];
    }
    return Tokenization.isResolvable(value) ? [] : (value as unknown[]);
  };
  const providers = list(cfn.supportedIdentityProviders).map(p => IDENTITY_PROVIDERS[String(p)]).filter(p => p !== undefined);
  return {
    identity_providers: providers,
    domain,
    scopes: list(cfn.allowedOAuthScopes),
    redirect_sign_in_uri: list(cfn.callbackUrLs),
    redirect_sign_out_uri: list(cfn.logoutUrLs),
    response_type: 'code',
  };
}
