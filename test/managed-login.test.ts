import { App, CfnResource, Fn, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ManagedLoginDomain, ManagedLoginSecurityPolicy, MfaEnforcement, MfaUserPool } from '../src';
import { ACCOUNT, build, expectRefusalOrNone, LOGIN_CAPTCHA_WITHOUT_TOTP_EXCLUSION, newStack, STRICT_VALIDATION_CONTEXT, webAclWithRules } from './util';

const PREFIX = ManagedLoginDomain.cognitoPrefix('myapp-users');
const WEB = { callbackUrls: ['https://app.example.com/callback'], logoutUrls: ['https://app.example.com/'] };
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/0123abcd-0123-abcd-0123-0123456789ab';

/** The branding and terms resources of the template, by the logical ID of the client they serve. */
function byClient(template: Template, type: string): Record<string, any[]> {
  const out: Record<string, any[]> = {};
  for (const resource of Object.values<any>(template.findResources(type))) {
    const client = resource.Properties.ClientId.Ref;
    (out[client] ??= []).push(resource.Properties);
  }
  return out;
}

describe('addManagedLogin', () => {
  test('a prefix domain with managed login version 2, under fixed logical IDs', () => {
    const { stack, pool } = build();
    const login = pool.addManagedLogin({ domain: PREFIX });
    const template = Template.fromStack(stack);
    const domains = template.findResources('AWS::Cognito::UserPoolDomain');
    expect(Object.keys(domains)).toEqual([expect.stringMatching(/^UsersManagedLoginDomain[0-9A-F]{8}$/)]);
    expect(Object.values<any>(domains)[0].Properties).toEqual({ Domain: 'myapp-users', ManagedLoginVersion: 2, UserPoolId: { Ref: 'Users0A0EEA89' } });
    expect(login.domainName).toBe('myapp-users.auth.us-east-1.amazoncognito.com');
    expect(login.baseUrl).toBe('https://myapp-users.auth.us-east-1.amazoncognito.com');
    expect(login.cloudFrontDomainName).toBeUndefined();
  });

  test('every client of the pool gets Cognito\'s style: clients added before and after, and clients made with the L2', () => {
    const { stack, pool } = build();
    pool.addAppClient('Before', { oAuth: WEB });
    pool.addManagedLogin({ domain: PREFIX });
    pool.addAppClient('After', { oAuth: WEB });
    pool.addAppClient('Sdk');
    pool.userPool.addClient('L2', { oAuth: { callbackUrls: WEB.callbackUrls, logoutUrls: WEB.logoutUrls, flows: { authorizationCodeGrant: true } } });
    new cognito.UserPoolClient(stack, 'Elsewhere', { userPool: pool.userPool });
    const template = Template.fromStack(stack);
    const clients = Object.keys(template.findResources('AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(5);
    const branding = byClient(template, 'AWS::Cognito::ManagedLoginBranding');
    expect(Object.keys(branding).sort()).toEqual([...clients].sort());
    for (const client of clients) {
      expect(branding[client]).toEqual([{ UserPoolId: { Ref: 'Users0A0EEA89' }, ClientId: { Ref: client }, UseCognitoProvidedValues: true }]);
    }
    // The style hangs off its client: its logical ID follows the client's.
    expect(Object.keys(template.findResources('AWS::Cognito::ManagedLoginBranding')).sort()).toEqual([
      expect.stringMatching(/^ElsewhereManagedLoginBranding/), expect.stringMatching(/^UsersAfterManagedLoginBranding/),
      expect.stringMatching(/^UsersBeforeManagedLoginBranding/), expect.stringMatching(/^UsersL2ManagedLoginBranding/),
      expect.stringMatching(/^UsersSdkManagedLoginBranding/),
    ]);
  });

  test('a client in another stack gets its style in its own stack (no reference back to it)', () => {
    const app = new App({ context: STRICT_VALIDATION_CONTEXT });
    const env = { account: ACCOUNT, region: 'us-east-1' };
    const poolStack = new Stack(app, 'Pools', { env });
    const pool = new MfaUserPool(poolStack, 'Users');
    pool.addManagedLogin({ domain: PREFIX });
    const appStack = new Stack(app, 'Apps', { env });
    new cognito.UserPoolClient(appStack, 'Web', { userPool: pool.userPool });
    const apps = Template.fromStack(appStack);
    apps.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
    Template.fromStack(poolStack).resourceCountIs('AWS::Cognito::ManagedLoginBranding', 0);
    apps.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { UserPoolId: { 'Fn::ImportValue': Match.anyValue() }, UseCognitoProvidedValues: true });
  });

  test('a pool inside a Stage (a CDK Pipelines stage) serves its clients too', () => {
    const app = new App({ context: STRICT_VALIDATION_CONTEXT });
    const stage = new Stage(app, 'Prod');
    const stack = new Stack(stage, 'Auth', { env: { account: ACCOUNT, region: 'us-east-1' } });
    const pool = new MfaUserPool(stack, 'Users');
    pool.addManagedLogin({ domain: PREFIX });
    pool.addAppClient('Web', { oAuth: WEB });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
    expect(Object.keys(template.toJSON().Outputs).filter(id => id.includes('ManagedLogin'))).toHaveLength(2);
  });

  test('your settings and assets make the style instead', () => {
    const { stack, pool } = build();
    const assets = [{ category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: 'iVBORw0KGgo=' }];
    pool.addManagedLogin({ domain: PREFIX, branding: { settings: { components: { pageBackground: { lightMode: { color: 'ffffffff' } } } }, assets } });
    pool.addAppClient('Web', { oAuth: WEB });
    const [style] = Object.values<any>(Template.fromStack(stack).findResources('AWS::Cognito::ManagedLoginBranding'));
    expect(style.Properties).toEqual({
      UserPoolId: { Ref: 'Users0A0EEA89' },
      ClientId: { Ref: expect.stringMatching(/^UsersWeb/) },
      Settings: { components: { pageBackground: { lightMode: { color: 'ffffffff' } } } },
      Assets: [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: 'iVBORw0KGgo=' }],
    });
  });

  test('the terms documents, for every client', () => {
    const { stack, pool } = build();
    pool.addManagedLogin({ domain: PREFIX, termsOfUseUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' });
    pool.addAppClient('Web', { oAuth: WEB });
    const terms = byClient(Template.fromStack(stack), 'AWS::Cognito::Terms');
    const [client] = Object.keys(terms);
    expect(terms[client]).toEqual([
      { UserPoolId: { Ref: 'Users0A0EEA89' }, ClientId: { Ref: client }, TermsName: 'terms-of-use', TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': 'https://example.com/terms' } },
      { UserPoolId: { Ref: 'Users0A0EEA89' }, ClientId: { Ref: client }, TermsName: 'privacy-policy', TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': 'https://example.com/privacy' } },
    ]);
  });

  test('each OAuth client\'s URLs as outputs; passkey registration with passkeys; none for SDK-only or client-credentials clients', () => {
    const { stack, pool } = build({ passkeys: { relyingPartyId: 'myapp-users.auth.us-east-1.amazoncognito.com' } });
    pool.addManagedLogin({ domain: PREFIX });
    pool.addAppClient('Web', { oAuth: WEB });
    pool.addAppClient('Sdk');
    pool.addAppClient('Service', { generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read')] } });
    const outputs = Template.fromStack(stack).toJSON().Outputs;
    const base = 'https://myapp-users.auth.us-east-1.amazoncognito.com';
    const web = (suffix: string) => Object.entries<any>(outputs).find(([id]) => id.startsWith(`UsersWebManagedLogin${suffix}`))?.[1];
    const clientRef = { Ref: expect.stringMatching(/^UsersWeb/) };
    expect(web('SignInUrl').Value).toEqual({ 'Fn::Join': ['', [`${base}/oauth2/authorize?response_type=code&client_id=`, clientRef, '&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback']] });
    expect(web('SignInUrl').Description).toMatch(/PKCE/);
    expect(web('SignOutUrl').Value).toEqual({ 'Fn::Join': ['', [`${base}/logout?client_id=`, clientRef, '&logout_uri=https%3A%2F%2Fapp.example.com%2F']] });
    expect(web('PasskeyRegistrationUrl').Value).toEqual({ 'Fn::Join': ['', [`${base}/passkeys/add?client_id=`, clientRef, '&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback']] });
    expect(Object.keys(outputs).filter(id => /Sdk|Service/.test(id))).toEqual([]);
  });

  test('a custom domain: its certificate, TLS 1.2 or newer always written, the CloudFront target', () => {
    const { stack, pool } = build();
    const cert = acm.Certificate.fromCertificateArn(stack, 'Cert', CERT);
    const login = pool.addManagedLogin({ domain: ManagedLoginDomain.custom('auth.example.com', cert) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'auth.example.com', ManagedLoginVersion: 2, CustomDomainConfig: { CertificateArn: CERT, SecurityPolicy: 'TLS_V1_2_2021' },
    });
    expect(login.baseUrl).toBe('https://auth.example.com');
    expect(stack.resolve(login.cloudFrontDomainName)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^UsersManagedLoginDomain/), 'CloudFrontDistribution'] });

    const other = build();
    other.pool.addManagedLogin({
      domain: ManagedLoginDomain.custom('auth.example.com', acm.Certificate.fromCertificateArn(other.stack, 'Cert', CERT), ManagedLoginSecurityPolicy.TLS_V1_3_2025),
    });
    Template.fromStack(other.stack).hasResourceProperties('AWS::Cognito::UserPoolDomain', { CustomDomainConfig: Match.objectLike({ SecurityPolicy: 'TLS_V1_3_2025' }) });
  });

  test('a certificate made in a stack of another Region is refused; one in us-east-1 passes', () => {
    const app = new App();
    const europe = new Stack(app, 'Eu', { env: { account: ACCOUNT, region: 'eu-west-1' } });
    const euCert = new acm.Certificate(europe, 'Cert', { domainName: 'auth.example.com' });
    const pool = new MfaUserPool(europe, 'Users');
    expect(() => pool.addManagedLogin({ domain: ManagedLoginDomain.custom('auth.example.com', euCert) }))
      .toThrow(/has a certificate of eu-west-1; a custom domain takes one of us-east-1/);
    const virginia = new Stack(app, 'Us', { env: { account: ACCOUNT, region: 'us-east-1' } });
    const usCert = new acm.Certificate(virginia, 'Cert', { domainName: 'auth.example.com' });
    expect(() => new MfaUserPool(virginia, 'Users').addManagedLogin({ domain: ManagedLoginDomain.custom('auth.example.com', usCert) })).not.toThrow();
  });

  test('passkeys whose relying party is the custom domain are served', () => {
    const { stack, pool } = build({ passkeys: { relyingPartyId: 'auth.example.com' } });
    const login = pool.addManagedLogin({ domain: ManagedLoginDomain.custom('auth.example.com', acm.Certificate.fromCertificateArn(stack, 'Cert', CERT)) });
    expect(login.passkeyRegistration).toBe(true);
  });

  test('logical IDs are pinned: the domain under the pool, each client\'s style, terms and outputs under the client', () => {
    const { stack, pool } = build();
    pool.addManagedLogin({ domain: PREFIX, termsOfUseUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' });
    pool.addAppClient('WebClient', { oAuth: WEB });
    const json = Template.fromStack(stack).toJSON();
    const ids = (type: string) => Object.keys(json.Resources).filter(id => json.Resources[id].Type === type);
    expect(ids('AWS::Cognito::UserPoolDomain')).toEqual(['UsersManagedLoginDomain763F5F75']);
    expect(ids('AWS::Cognito::ManagedLoginBranding')).toEqual(['UsersWebClientManagedLoginBranding46486766']);
    expect(ids('AWS::Cognito::Terms')).toEqual(['UsersWebClientManagedLoginTermsOfUseC9541DBD', 'UsersWebClientManagedLoginPrivacyPolicy12C71502']);
    expect(Object.keys(json.Outputs).sort()).toEqual([
      expect.stringMatching(/^UsersWebClientManagedLoginSignInUrl[0-9A-F]{8}$/), expect.stringMatching(/^UsersWebClientManagedLoginSignOutUrl[0-9A-F]{8}$/),
    ]);
  });

  test('the CAPTCHA of abuse protection spares TOTP registration in managed login; a brought one that does not is advised', () => {
    const { stack, pool } = build({ abuseProtection: { captcha: true } });
    pool.addManagedLogin({ domain: PREFIX });
    const acl = Object.values<any>(Template.fromStack(stack).findResources('AWS::WAFv2::WebACL'))[0];
    expect(JSON.stringify(acl.Properties.Rules.find((r: any) => r.Name === 'ManagedLoginCaptcha'))).toMatch(/AssociateSoftwareToken.*VerifySoftwareToken/);

    const own = newStack();
    const brought = webAclWithRules(own, [LOGIN_CAPTCHA_WITHOUT_TOTP_EXCLUSION]);
    new MfaUserPool(own, 'Users', { abuseProtection: { webAclArn: brought.attrArn } }).addManagedLogin({ domain: PREFIX });
    const warnings = Annotations.fromStack(own).findWarning('*', Match.stringLikeRegexp('captchaWithoutTotpExclusion'));
    expect(warnings.map(w => w.entry.data)).toEqual([expect.stringMatching(/the CAPTCHA rule LoginCaptcha of TestStack\/OwnAcl does not exclude TOTP registration/)]);
  });

  test('adding managed login changes nothing of the pool or its clients', () => {
    const before = build();
    before.pool.addAppClient('Web', { oAuth: WEB });
    const after = build();
    after.pool.addAppClient('Web', { oAuth: WEB });
    after.pool.addManagedLogin({ domain: PREFIX });
    for (const type of ['AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolClient']) {
      expect(Template.fromStack(after.stack).findResources(type)).toEqual(Template.fromStack(before.stack).findResources(type));
    }
  });

  test('the URL methods encode literal URIs and keep tokens', () => {
    const stack = newStack();
    const pool = new MfaUserPool(stack, 'Users', { mfa: MfaEnforcement.REQUIRED });
    const login = pool.addManagedLogin({ domain: PREFIX });
    const client = pool.addAppClient('Web', { oAuth: WEB });
    expect(stack.resolve(login.signInUrl(client, 'myapp://cb?x=1'))).toEqual({
      'Fn::Join': ['', ['https://myapp-users.auth.us-east-1.amazoncognito.com/oauth2/authorize?response_type=code&client_id=', { Ref: expect.any(String) }, '&redirect_uri=myapp%3A%2F%2Fcb%3Fx%3D1']],
    });
    expect(stack.resolve(login.signOutUrl(client, Fn.importValue('LogoutUri')))).toEqual({
      'Fn::Join': ['', ['https://myapp-users.auth.us-east-1.amazoncognito.com/logout?client_id=', { Ref: expect.any(String) }, '&logout_uri=', { 'Fn::ImportValue': 'LogoutUri' }]],
    });
  });
});

describe('managed login and clients without logout URLs', () => {
  test('a client made with addAppClient without logout URLs is served, advised, and gets no sign-out URL, like an L2 client', () => {
    const { stack, pool } = build();
    pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('myapp-users') });
    pool.addAppClient('Web', { oAuth: { callbackUrls: ['https://app.example.com/callback'] } });
    const template = Template.fromStack(stack);
    expect(Object.keys(template.findOutputs('*')).filter(k => /SignOutUrl/.test(k))).toEqual([]);
    expect(Object.keys(template.findOutputs('*')).filter(k => /SignInUrl/.test(k))).toHaveLength(1);
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('has no logout URL, so it gets no sign-out URL.*managedLoginForeignClientWithoutLogout'));
  });
});

describe('managed login that nobody can reach', () => {
  const advised = (more: (pool: MfaUserPool) => void) => {
    const { stack, pool } = build();
    pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('myapp-users') });
    more(pool);
    return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('managedLoginWithoutCodeClient')).map(w => String(w.entry.data));
  };
  test.each<[string, (pool: MfaUserPool) => void, RegExp | undefined]>([
    ['no app client', () => {}, /the pool has no app client/],
    ['an SDK client only (no OAuth)', pool => { pool.addAppClient('Mobile'); }, /no app client of the pool has the OAuth authorization code grant/],
    ['a client with the code grant', pool => { pool.addAppClient('Web', { oAuth: WEB }); }, undefined],
    ['an L2 client with the code grant', pool => { pool.userPool.addClient('L2', { oAuth: { ...WEB, flows: { authorizationCodeGrant: true } } }); }, undefined],
  ])('%s', (_name, more, expected) => {
    const found = advised(more);
    if (expected) {
      expect(found).toEqual([expect.stringMatching(expected)]);
    } else {
      expect(found).toEqual([]);
    }
  });
});

describe('a pool holds one domain of each kind', () => {
  const custom = (pool: MfaUserPool) => ({ domainName: 'auth.example.com', certificate: acm.Certificate.fromCertificateArn(pool, 'Cert', CERT) });
  // [case, what the app adds to the pool, the refusal's text, or undefined when it synthesizes]
  test.each<[string, (pool: MfaUserPool, stack: Stack) => void, RegExp | undefined]>([
    ['addManagedLogin with a prefix, and an L2 prefix domain', pool => {
      pool.addManagedLogin({ domain: PREFIX });
      pool.userPool.addDomain('Classic', { cognitoDomain: { domainPrefix: 'myapp-classic' } });
    }, /include 2 prefix domains.*TestStack\/Users\/Default\/Classic.*TestStack\/Users\/ManagedLogin\/Domain/],
    ['two L2 prefix domains, no managed login', pool => {
      pool.userPool.addDomain('One', { cognitoDomain: { domainPrefix: 'myapp-one' } });
      pool.userPool.addDomain('Two', { cognitoDomain: { domainPrefix: 'myapp-two' } });
    }, /include 2 prefix domains/],
    ['a raw L1 prefix domain in another construct', (pool, stack) => {
      pool.addManagedLogin({ domain: PREFIX });
      new cognito.CfnUserPoolDomain(stack, 'Raw', { userPoolId: pool.userPoolId, domain: 'myapp-raw' });
    }, /include 2 prefix domains/],
    ['a custom managed login domain and an L2 custom domain', pool => {
      pool.addManagedLogin({ domain: ManagedLoginDomain.custom('login.example.com', acm.Certificate.fromCertificateArn(pool, 'LoginCert', CERT)) });
      pool.userPool.addDomain('Classic', { customDomain: custom(pool) });
    }, /include 2 custom domains/],
    ['a prefix managed login domain and an L2 custom domain', pool => {
      pool.addManagedLogin({ domain: PREFIX });
      pool.userPool.addDomain('Classic', { customDomain: custom(pool) });
    }, undefined],
    ['a custom managed login domain and an L2 prefix domain', pool => {
      pool.addManagedLogin({ domain: ManagedLoginDomain.custom('login.example.com', acm.Certificate.fromCertificateArn(pool, 'LoginCert', CERT)) });
      pool.userPool.addDomain('Classic', { cognitoDomain: { domainPrefix: 'myapp-classic' } });
    }, undefined],
    ['a prefix domain of another pool', (pool, stack) => {
      pool.addManagedLogin({ domain: PREFIX });
      new cognito.UserPool(stack, 'Other').addDomain('Classic', { cognitoDomain: { domainPrefix: 'other-classic' } });
    }, undefined],
  ])('%s', (_name, add, refusal) => {
    const { stack, pool } = build();
    add(pool, stack);
    expectRefusalOrNone(() => Template.fromStack(stack), refusal);
    expectRefusalOrNone(() => { const again = build(); add(again.pool, again.stack); Template.fromStack(again.stack); }, refusal && /\[rule: domainOfEachKindOnce/);
  });
});

describe('a style with assets', () => {
  const ASSET = { category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: 'AA==' };

  test('without settings is written as given and advised', () => {
    const { stack, pool } = build();
    pool.addManagedLogin({ domain: PREFIX, branding: { assets: [ASSET] } });
    pool.addAppClient('Web', { oAuth: WEB });

    Annotations.fromStack(stack).hasWarning('/TestStack/Users', Match.stringLikeRegexp('assets are given without settings.*brandingAssetsWithoutSettings'));
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::ManagedLoginBranding', { Assets: [Match.objectLike({ Category: 'FORM_LOGO' })], Settings: Match.absent() });
  });

  test('with settings is not advised', () => {
    const { stack, pool } = build();
    pool.addManagedLogin({ domain: PREFIX, branding: { assets: [ASSET], settings: { components: {} } } });

    Annotations.fromStack(stack).hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('brandingAssetsWithoutSettings'));
  });
});

describe('the passkey relying party of a prefix domain in a stack of unknown Region', () => {
  // [relying party ID, the refusal's text, or undefined when it is advised as unchecked]
  test.each<[string, RegExp | undefined]>([
    ['myapp-users.auth.eu-west-1.amazoncognito.com', undefined],
    ['myapp-users.auth.us-east-1.amazoncognito.com', undefined],
    ['auth.eu-west-1.amazoncognito.com', /is not the domain managed login serves \(myapp-users\.auth\.<the stack's Region>\.amazoncognito\.com\)/],
    ['example.com', /\[rule: passkeyRelyingPartyNotServed/],
    ['other.auth.eu-west-1.amazoncognito.com', /\[rule: passkeyRelyingPartyNotServed/],
    ['myapp-users.auth.eu-west-1.amazoncognito.com.evil.example', /\[rule: passkeyRelyingPartyNotServed/],
  ])('%s', (relyingPartyId, refusal) => {
    const stack = newStack(null);
    const pool = new MfaUserPool(stack, 'Users', { passkeys: { relyingPartyId } });
    if (refusal) {
      expect(() => pool.addManagedLogin({ domain: PREFIX })).toThrow(refusal);
    } else {
      pool.addManagedLogin({ domain: PREFIX });
      Annotations.fromStack(stack).hasWarning('/TestStack/Users', Match.stringLikeRegexp('passkeyRelyingPartyUnchecked'));
    }
  });
});

describe('a client styled twice', () => {
  // [case, what the app adds next to addManagedLogin, the refusal's text, or undefined when it synthesizes]
  test.each<[string, (pool: MfaUserPool, stack: Stack) => void, RegExp | undefined]>([
    ['a style of the app for an addAppClient client, under the client', pool => {
      const web = pool.addAppClient('Web', { oAuth: WEB });
      new cognito.CfnManagedLoginBranding(web, 'OwnStyle', { userPoolId: pool.userPoolId, clientId: web.userPoolClientId, settings: { components: {} } });
    }, /styles every app client of the pool, and the app gives these clients a style of its own too.*TestStack\/Users\/Default\/Web.*\[rule: managedLoginStyleTwice/],
    ['a raw L1 style for an L2 client, in another construct', (pool, stack) => {
      const l2 = pool.userPool.addClient('L2', { oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: WEB.callbackUrls } });
      new cognito.CfnManagedLoginBranding(stack, 'Raw', { userPoolId: pool.userPoolId, clientId: l2.userPoolClientId, useCognitoProvidedValues: true });
    }, /\[rule: managedLoginStyleTwice/],
    ['a style for a client of another pool', (pool, stack) => {
      pool.addAppClient('Web', { oAuth: WEB });
      const other = new cognito.UserPool(stack, 'Other', { featurePlan: cognito.FeaturePlan.ESSENTIALS });
      const client = other.addClient('C', { oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: WEB.callbackUrls } });
      new cognito.CfnManagedLoginBranding(stack, 'OtherStyle', { userPoolId: other.userPoolId, clientId: client.userPoolClientId, useCognitoProvidedValues: true });
    }, undefined],
  ])('%s', (_name, add, refusal) => {
    const { stack, pool } = build();
    pool.addManagedLogin({ domain: PREFIX });
    add(pool, stack);
    expectRefusalOrNone(() => Template.fromStack(stack), refusal);
  });
});

describe('a client given terms documents twice', () => {
  const terms = (scope: Construct, id: string, pool: MfaUserPool, clientId: string, name: string) => new CfnResource(scope, id, {
    type: 'AWS::Cognito::Terms',
    properties: { UserPoolId: pool.userPoolId, ClientId: clientId, TermsName: name, TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': 'https://example.com/t' } },
  });
  // [case, what the app adds next to addManagedLogin with both documents, the refusal's text, or undefined when it synthesizes]
  test.each<[string, (pool: MfaUserPool) => void, RegExp | undefined]>([
    ['terms of use of the app for an addAppClient client', pool => {
      const web = pool.addAppClient('Web', { oAuth: WEB });
      terms(pool, 'OwnTerms', pool, web.userPoolClientId, 'terms-of-use');
    }, /a document of the same name too.*terms-of-use.*\[rule: managedLoginTermsTwice/],
    ['a privacy policy of the app for an L2 client, under the client', pool => {
      const l2 = pool.userPool.addClient('L2', { oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: WEB.callbackUrls } });
      terms(l2, 'OwnPrivacy', pool, l2.userPoolClientId, 'privacy-policy');
    }, /\[rule: managedLoginTermsTwice/],
    ['the documents of two different clients', pool => {
      pool.addAppClient('Web', { oAuth: WEB });
      pool.addAppClient('Other', { oAuth: WEB });
    }, undefined],
  ])('%s', (_name, add, refusal) => {
    const { stack, pool } = build();
    pool.addManagedLogin({ domain: PREFIX, termsOfUseUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' });
    add(pool);
    expectRefusalOrNone(() => Template.fromStack(stack), refusal);
  });
});
