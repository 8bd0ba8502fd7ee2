import { Fn } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { resolve } from './helpers';
import { ManagedLoginDomain, ManagedLoginOptions, ManagedLoginSecurityPolicy, MfaEnforcement, MfaUserPoolProps, SmsMfa } from '../../../src';
import { ResolveContext } from '../../../src/private/context';
import { MfaConfigurationError } from '../../../src/private/errors';
import { ManagedLoginDecisions, resolveManagedLogin } from '../../../src/private/resolve/managed-login';
import { WARNING_PREFIX } from '../../../src/private/rules';
import { newStack } from '../../util';

const PREFIX = ManagedLoginDomain.cognitoPrefix('myapp-users');
const HOST = 'myapp-users.auth.us-east-1.amazoncognito.com';

/** The managed login phase alone, on a pool's decisions: the decisions, or the refusal's rule and text, and the advisories. */
function phase(options: ManagedLoginOptions, props: MfaUserPoolProps = {}, region: string | null = 'us-east-1') {
  const ctx = new ResolveContext('P');
  let decided: ManagedLoginDecisions | undefined;
  let refused: { rule: string; message: string } | undefined;
  try {
    decided = resolveManagedLogin(ctx, options, resolve(props, region), region ?? undefined);
  } catch (e) {
    if (!(e instanceof MfaConfigurationError)) {
      throw e;
    }
    refused = { rule: e.ruleId, message: e.message };
  }
  return { decided, refused, advised: ctx.advisories.map(a => a.id.slice(WARNING_PREFIX.length)) };
}

const cert = (arn: string) => acm.Certificate.fromCertificateArn(newStack(), 'Cert', arn);

describe('managed login phase', () => {
  test('a prefix domain: its host in the stack\'s Region, Cognito\'s style, no terms, no passkeys', () => {
    expect(phase({ domain: PREFIX }).decided).toEqual({
      prefix: 'myapp-users',
      custom: undefined,
      host: HOST,
      branding: { cognitoProvidedValues: true },
      termsOfUseUrl: undefined,
      privacyPolicyUrl: undefined,
      passkeyRegistration: false,
    });
    expect(phase({ domain: PREFIX }, {}, null).decided?.host).toBeUndefined();
  });

  test.each([['a', true], ['a'.repeat(63), true], ['my-app-1', true], ['a'.repeat(64), false], ['-app', false], ['app-', false], ['My_App', false], ['', false]])(
    'the prefix %p is accepted: %p', (prefix, ok) => {
      const { refused } = phase({ domain: ManagedLoginDomain.cognitoPrefix(prefix) });
      expect(refused?.rule).toBe(ok ? undefined : 'managedLoginDomainForm');
    });

  test('a malformed prefix is refused with one that would do', () => {
    expect(phase({ domain: ManagedLoginDomain.cognitoPrefix('My_App') }).refused?.message)
      .toMatch(/addManagedLogin\(domain\) is not a domain prefix: .* \(received: "My_App"\)\. Choose a prefix of that form, for example 'my-app'\./);
  });

  test('a token prefix is not judged', () => {
    expect(phase({ domain: ManagedLoginDomain.cognitoPrefix(Fn.importValue('Prefix')) }).refused).toBeUndefined();
  });

  test('the LITE plan is refused', () => {
    expect(phase({ domain: PREFIX }, { featurePlan: cognito.FeaturePlan.LITE }).refused?.rule).toBe('managedLoginNeedsPlan');
    expect(phase({ domain: PREFIX }, { featurePlan: cognito.FeaturePlan.PLUS }).refused).toBeUndefined();
  });

  test('a custom domain: the certificate in us-east-1, TLS 1.2 by default, at most 63 characters', () => {
    const ok = phase({ domain: ManagedLoginDomain.custom('auth.example.com', cert('arn:aws:acm:us-east-1:123456789012:certificate/abc')) }).decided;
    expect(ok?.custom?.securityPolicy).toBe(ManagedLoginSecurityPolicy.TLS_V1_2_2021);
    expect(ok?.host).toBe('auth.example.com');
    expect(phase({ domain: ManagedLoginDomain.custom('auth.example.com', cert('arn:aws:acm:eu-west-1:123456789012:certificate/abc')) }).refused?.rule)
      .toBe('customDomainCertificateRegion');
    expect(phase({ domain: ManagedLoginDomain.custom(`${'a'.repeat(60)}.com`, cert('arn:aws:acm:us-east-1:123456789012:certificate/abc')) }).refused?.rule)
      .toBe('managedLoginDomainForm');
    expect(phase({ domain: ManagedLoginDomain.custom('auth.example.com', cert(Fn.importValue('Cert'))) }).refused).toBeUndefined();
    const tls1 = ManagedLoginDomain.custom('auth.example.com', cert('arn:aws:acm:us-east-1:1:c/x'), 'TLS_V1' as ManagedLoginSecurityPolicy);
    expect(phase({ domain: tls1 }).refused?.rule).toBe('notAMember');
  });

  test('the style: Cognito\'s, or yours, never both, never neither, at most 40 assets', () => {
    const asset = { category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG' };
    expect(phase({ domain: PREFIX, branding: { settings: { a: 1 } } }).decided?.branding)
      .toEqual({ cognitoProvidedValues: false, settings: { a: 1 }, assets: undefined });
    expect(phase({ domain: PREFIX, branding: { cognitoProvidedValues: true } }).decided?.branding).toEqual({ cognitoProvidedValues: true });
    expect(phase({ domain: PREFIX, branding: { cognitoProvidedValues: true, assets: [asset] } }).refused?.rule).toBe('brandingCognitoAndOwn');
    expect(phase({ domain: PREFIX, branding: { cognitoProvidedValues: false } }).refused?.rule).toBe('brandingWithoutStyle');
    expect(phase({ domain: PREFIX, branding: { assets: Array(40).fill(asset) } }).refused).toBeUndefined();
    expect(phase({ domain: PREFIX, branding: { assets: Array(41).fill(asset) } }).refused?.rule).toBe('brandingAssets');
  });

  test('assets without settings are written and advised; with settings, or none at all, they are not', () => {
    const asset = { category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG' };
    const alone = phase({ domain: PREFIX, branding: { assets: [asset] } });
    expect([alone.decided?.branding, alone.advised]).toEqual([{ cognitoProvidedValues: false, settings: undefined, assets: [asset] }, ['brandingAssetsWithoutSettings']]);
    expect(phase({ domain: PREFIX, branding: { assets: [asset], settings: {} } }).advised).not.toContain('brandingAssetsWithoutSettings');
    expect(phase({ domain: PREFIX, branding: { assets: [] } }).advised).not.toContain('brandingAssetsWithoutSettings');
    expect(phase({ domain: PREFIX }).advised).not.toContain('brandingAssetsWithoutSettings');
  });

  test('in AWS GovCloud (US) a prefix domain is served on auth-fips', () => {
    expect(phase({ domain: PREFIX }, {}, 'us-gov-west-1').decided?.host).toBe('myapp-users.auth-fips.us-gov-west-1.amazoncognito.com');
    expect(phase({ domain: PREFIX }, { passkeys: { relyingPartyId: 'myapp-users.auth-fips.us-gov-west-1.amazoncognito.com' } }, 'us-gov-west-1').refused).toBeUndefined();
    expect(phase({ domain: PREFIX }, { passkeys: { relyingPartyId: 'myapp-users.auth.us-gov-west-1.amazoncognito.com' } }, 'us-gov-west-1').refused?.rule)
      .toBe('passkeyRelyingPartyNotServed');
    expect(phase({ domain: PREFIX }, { passkeys: { relyingPartyId: 'myapp-users.auth-fips.us-gov-east-1.amazoncognito.com' } }, null).refused).toBeUndefined();
  });

  test('in a stack of unknown Region, the refusal names the prefix domain\'s shape', () => {
    const { refused } = phase({ domain: PREFIX }, { passkeys: { relyingPartyId: 'auth.example.com' } }, null);
    expect(refused?.message).toContain("passkeys.relyingPartyId is not the domain managed login serves (myapp-users.auth.<the stack's Region>.amazoncognito.com)");
    expect(phase({ domain: PREFIX }, { passkeys: { relyingPartyId: 'myapp-users.auth.eu-west-1.amazoncognito.com' } }, null).refused).toBeUndefined();
    expect(phase({ domain: PREFIX }, { passkeys: { relyingPartyId: 'myapp-users.auth.eu-west-1.amazoncognito.com.x' } }, null).refused?.rule).toBe('passkeyRelyingPartyNotServed');
    expect(phase({ domain: PREFIX }, { passkeys: { relyingPartyId: 'xmyapp-users.auth.eu-west-1.amazoncognito.com' } }, null).refused?.rule).toBe('passkeyRelyingPartyNotServed');
    expect(phase({ domain: PREFIX }, { passkeys: { relyingPartyId: 'myapp-usersXauthXeu-west-1XamazoncognitoXcom' } }, null).refused?.rule).toBe('passkeyRelyingPartyNotServed');
  });

  test('terms links: no white space, at most 1,024 characters; one without the other is advised', () => {
    const both = { termsOfUseUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' };
    expect(phase({ domain: PREFIX, ...both }).advised).not.toContain('termsIncomplete');
    expect(phase({ domain: PREFIX, termsOfUseUrl: both.termsOfUseUrl }).advised).toContain('termsIncomplete');
    expect(phase({ domain: PREFIX, ...both, privacyPolicyUrl: `https://example.com/${'p'.repeat(1010)}` }).refused?.rule).toBe('termsLinkForm');
    expect(phase({ domain: PREFIX, ...both, termsOfUseUrl: `https://e.com/${'t'.repeat(1010)}` }).refused).toBeUndefined();
    expect(phase({ domain: PREFIX, ...both, termsOfUseUrl: 'https://example.com/our terms' }).refused?.rule).toBe('termsLinkForm');
  });

  test('OPTIONAL MFA is advised: nobody is prompted to enrol', () => {
    expect(phase({ domain: PREFIX }, { mfa: MfaEnforcement.OPTIONAL }).advised).toContain('managedLoginOptionalMfa');
    expect(phase({ domain: PREFIX }, { mfa: MfaEnforcement.REQUIRED }).advised).not.toContain('managedLoginOptionalMfa');
  });

  test('passkeys: served when the relying party is the host; refused otherwise, with the way to keep old passkeys', () => {
    expect(phase({ domain: PREFIX }, { passkeys: { relyingPartyId: HOST } }).decided?.passkeyRegistration).toBe(true);
    const refused = phase({ domain: PREFIX }, { passkeys: { relyingPartyId: 'example.com' } }).refused;
    expect(refused?.rule).toBe('passkeyRelyingPartyNotServed');
    expect(refused?.message).toMatch(new RegExp(`Set passkeys.relyingPartyId to '${HOST.replace(/\./g, '\\.')}'; changing it invalidates passkeys registered for 'example.com'`));
    const own = phase({ domain: PREFIX, passkeyRegistration: false }, { passkeys: { relyingPartyId: 'example.com' } });
    expect([own.decided?.passkeyRegistration, own.advised]).toEqual([false, expect.arrayContaining(['passkeysOutsideManagedLogin'])]);
    // In a stack of unknown Region a prefix domain's relying party is checked for its shape only.
    expect(phase({ domain: PREFIX }, { passkeys: { relyingPartyId: 'myapp-users.auth.eu-west-1.amazoncognito.com' } }, null).advised).toContain('passkeyRelyingPartyUnchecked');
    expect(phase({ domain: PREFIX }, { passkeys: { relyingPartyId: 'example.com' } }, null).refused?.rule).toBe('passkeyRelyingPartyNotServed');
    expect(phase({ domain: PREFIX, passkeyRegistration: true }).refused?.rule).toBe('passkeyRegistrationWithoutPasskeys');
  });
});

describe('managed login phase: SMS codes behind the web ACL', () => {
  const ACL = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/users/0123abcd-0123-abcd-0123-0123456789ab';
  test.each<[string, MfaUserPoolProps, boolean]>([
    ['SMS, the created web ACL, no CAPTCHA', { sms: SmsMfa.withNewRole(), abuseProtection: {} }, true],
    ['SMS, the created web ACL with CAPTCHA', { sms: SmsMfa.withNewRole(), abuseProtection: { captcha: true } }, false],
    ['SMS, a web ACL you bring (its rules are yours)', { sms: SmsMfa.withNewRole(), abuseProtection: { webAclArn: ACL } }, false],
    ['SMS, no abuse protection (smsSignUpWithoutAbuseProtection speaks there)', { sms: SmsMfa.withNewRole() }, false],
    ['no SMS, the created web ACL', { abuseProtection: {} }, false],
  ])('%s: advised %p', (_name, props, advised) => {
    expect(phase({ domain: PREFIX }, props).advised.includes('managedLoginSmsWithoutCaptcha')).toBe(advised);
  });
});

describe('managed login phase: reserved words in a prefix', () => {
  test.each<[string, string | undefined]>([
    ['myapp-users', undefined],
    ['my-aws-app', 'managedLoginPrefixReserved'],
    ['newcognito', 'managedLoginPrefixReserved'],
    ['amazonfans', 'managedLoginPrefixReserved'],
    ['laws-firm', 'managedLoginPrefixReserved'],
  ])('prefix %p: %p', (prefix, rule) => {
    expect(phase({ domain: ManagedLoginDomain.cognitoPrefix(prefix) }).refused?.rule).toBe(rule);
  });

  test('the refusal names the word and suggests a prefix without it', () => {
    expect(phase({ domain: ManagedLoginDomain.cognitoPrefix('my-aws-app') }).refused?.message).toMatch(/contains the reserved word "aws".*for example 'my-app-auth'/);
  });
});

describe('managed login phase: a certificate whose ARN is known only at deploy time', () => {
  test('an imported certificate with a deploy-time ARN is not judged by the stack\'s Region; one the app creates is', () => {
    const imported = acm.Certificate.fromCertificateArn(newStack('eu-west-1'), 'Cert', Fn.importValue('AuthCertificateArn'));
    expect(phase({ domain: ManagedLoginDomain.custom('auth.example.com', imported) }, {}, 'eu-west-1').refused).toBeUndefined();
    const created = new acm.Certificate(newStack('eu-west-1'), 'Made', { domainName: 'auth.example.com' });
    expect(phase({ domain: ManagedLoginDomain.custom('auth.example.com', created) }, {}, 'eu-west-1').refused?.rule).toBe('customDomainCertificateRegion');
  });
});

describe('managed login phase: boundaries and exact messages', () => {
  const US_CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/0123abcd-0123-abcd-0123-0123456789ab';

  test('a domain that is not a ManagedLoginDomain is refused, naming the two factories', () => {
    expect(phase({ domain: {} as ManagedLoginDomain }).refused?.message).toBe('[MfaUserPool P] addManagedLogin(domain) is not a ManagedLoginDomain (received: {}). '
      + "Use ManagedLoginDomain.cognitoPrefix('myapp') or ManagedLoginDomain.custom('auth.example.com', certificate). [rule: notAMember, docs/RULES.md#notamember]");
    expect(phase({ domain: undefined as unknown as ManagedLoginDomain }).refused?.rule).toBe('notAMember');
  });

  test.each([
    [`${'a'.repeat(59)}.com`, undefined],
    [`${'a'.repeat(60)}.com`, '[MfaUserPool P] addManagedLogin(domain) must be 1 to 63 characters, not 64'],
    ['a.io', undefined],
  ])('a custom domain name %s', (name, refusal) => {
    const { refused } = phase({ domain: ManagedLoginDomain.custom(name, cert(US_CERT)) });
    if (refusal) {
      expect(refused?.message).toContain(refusal);
      expect(refused?.message).toContain('Use a shorter domain name, such as auth.example.com. [rule: managedLoginDomainForm');
    } else {
      expect(refused).toBeUndefined();
    }
  });

  test.each([
    ['My_App', 'my-app'],
    ['--Users--', 'users'],
    ['___', 'myapp-users'],
    ['-x', 'x'],
  ])('the prefix %s is refused, suggesting %s', (prefix, suggested) => {
    expect(phase({ domain: ManagedLoginDomain.cognitoPrefix(prefix) }).refused?.message).toContain(`Choose a prefix of that form, for example '${suggested}'.`);
  });

  test('the reserved word is named, and the suggestion drops it', () => {
    expect(phase({ domain: ManagedLoginDomain.cognitoPrefix('my-aws-app') }).refused?.message).toBe('[MfaUserPool P] addManagedLogin(domain) contains the reserved '
      + 'word "aws", which Cognito refuses in a domain prefix (received: "my-aws-app"). Choose a prefix without aws, amazon or cognito, for example \'my-app-auth\'. '
      + '[rule: managedLoginPrefixReserved, docs/RULES.md#managedloginprefixreserved]');
  });

  test.each([
    [{ termsOfUseUrl: 'https://example.com/t' }, 'addManagedLogin: termsOfUseUrl is set without privacyPolicyUrl'],
    [{ privacyPolicyUrl: 'https://example.com/p' }, 'addManagedLogin: privacyPolicyUrl is set without termsOfUseUrl'],
  ])('one terms document without the other is advised, naming both: %j', (terms, text) => {
    const ctx = new ResolveContext('P');
    resolveManagedLogin(ctx, { domain: PREFIX, ...terms }, resolve({}), 'us-east-1');
    expect(ctx.advisories.map(a => a.message)).toContainEqual(expect.stringContaining(`${text}: managed login shows the documents at sign-up only once both exist. Set both.`));
  });

  test('no terms, or both, are not advised', () => {
    expect(phase({ domain: PREFIX }).advised).not.toContain('termsIncomplete');
    expect(phase({ domain: PREFIX, termsOfUseUrl: 'https://example.com/t', privacyPolicyUrl: 'https://example.com/p' }).advised).not.toContain('termsIncomplete');
  });

  test('a prefix that is a token, in a stack of unknown Region, leaves the relying party unchecked', () => {
    expect(phase({ domain: ManagedLoginDomain.cognitoPrefix(Fn.ref('Prefix')) }, { passkeys: { relyingPartyId: 'auth.example.com' } }, null).advised)
      .toContain('passkeyRelyingPartyUnchecked');
  });
});
