import { Duration, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { MfaUserPool } from '../src';
import { build, expectRefusalOrNone } from './util';

const CALLBACK = 'https://app.example.com/callback';

describe('addAppClient', () => {
  test('a default client has no OAuth at all: no grant, no callback URL, no scope', () => {
    const { stack, pool } = build();
    pool.addAppClient('WebClient');

    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlowsUserPoolClient: false,
      AllowedOAuthFlows: Match.absent(),
      AllowedOAuthScopes: Match.absent(),
      CallbackURLs: Match.absent(),
      LogoutURLs: Match.absent(),
    });
    expect(JSON.stringify(template.toJSON())).not.toContain('example.com');
  });

  test('oAuth gives the authorization code grant only, with the callback URLs given', () => {
    const { stack, pool } = build();
    pool.addAppClient('WebClient', { oAuth: { callbackUrls: [CALLBACK], logoutUrls: ['https://app.example.com/'], scopes: [cognito.OAuthScope.OPENID] } });

    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: [CALLBACK],
      LogoutURLs: ['https://app.example.com/'],
    });
  });

  test('a service client: client credentials with a secret and a custom scope', () => {
    const { stack, pool } = build();
    pool.addAppClient('Service', { generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read')] } });

    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['api/read'],
      CallbackURLs: Match.absent(),
    });
  });

  test('the implicit grant is refused at the call', () => {
    const { pool } = build();
    expect(() => pool.addAppClient('WebClient', { oAuth: { callbackUrls: [CALLBACK], flows: { implicitCodeGrant: true } } }))
      .toThrow(/\[MfaUserPool TestStack\/Users\] addAppClient\('WebClient'\): oAuth\.flows\.implicitCodeGrant asks for the OAuth implicit grant.*\[rule: implicitGrant/);
  });

  test('callback URLs that are a token pass unvalidated', () => {
    const { stack, pool } = build();
    const urls = Token.asList({ 'Fn::Split': [',', 'https://a.example.com/cb'] });
    pool.addAppClient('WebClient', { oAuth: { callbackUrls: urls } });

    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: { 'Fn::Split': [',', 'https://a.example.com/cb'] } });
  });

  test('token validity, session validity and attributes reach the client', () => {
    const { stack, pool } = build();
    pool.addAppClient('WebClient', {
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.days(1),
      authSessionValidity: Duration.minutes(5),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ givenName: true }),
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      RefreshTokenValidity: 1440,
      AuthSessionValidity: 5,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      WriteAttributes: ['given_name'],
    });
  });
});

describe('addAppClient: refresh token rotation', () => {
  test('rotation is written on the L1 with its grace period, and refresh-token auth leaves the explicit flows', () => {
    const { stack, pool } = build();
    pool.addAppClient('WebClient', { refreshTokenRotationGracePeriod: Duration.seconds(10) });

    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'],
    });
  });

  test('a grace period of 0 is written (the presented token is invalid at once)', () => {
    const { stack, pool } = build();
    pool.addAppClient('WebClient', { refreshTokenRotationGracePeriod: Duration.seconds(0), authFlows: { userSrp: true, user: true } });

    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH'],
    });
  });

  test('without the option there is no rotation and refresh-token auth stays', () => {
    const { stack, pool } = build();
    pool.addAppClient('WebClient');

    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      RefreshTokenRotation: Match.absent(),
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_REFRESH_TOKEN_AUTH']),
    });
  });

  test.each([
    ['61 seconds', Duration.seconds(61)],
    ['two minutes', Duration.minutes(2)],
    ['a fraction of a second', Duration.millis(1500)],
  ])('a grace period of %s is refused, naming the range', (_name, period) => {
    const { pool } = build();
    expect(() => pool.addAppClient('WebClient', { refreshTokenRotationGracePeriod: period }))
      .toThrow(/addAppClient\('WebClient'\): refreshTokenRotationGracePeriod must be a whole number of seconds from 0 to 60.*\[rule: refreshTokenRotationGracePeriod/);
  });
});

describe('addAppClient: scopes of the client credentials grant', () => {
  const service = (scopes?: cognito.OAuthScope[]) => ({ generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes } });

  test.each([
    ['no scopes (the L2 default brings openid)', undefined, /is not given/],
    ['openid', [cognito.OAuthScope.OPENID], /lists openid,/],
    ['email, to which the L2 adds openid', [cognito.OAuthScope.custom('api/read'), cognito.OAuthScope.EMAIL], /lists email \(with which the L2 writes openid\)/],
    ['profile and phone', [cognito.OAuthScope.PROFILE, cognito.OAuthScope.PHONE], /lists profile, phone/],
  ])('%s is refused', (_name, scopes, problem) => {
    const { pool } = build();
    expect(() => pool.addAppClient('Service', service(scopes))).toThrow(problem);
    expect(() => build().pool.addAppClient('Service', service(scopes))).toThrow(/\[rule: clientCredentialsScopes/);
  });

  test('aws.cognito.signin.user.admin is advised, and written', () => {
    const { stack, pool } = build();
    pool.addAppClient('Service', service([cognito.OAuthScope.custom('api/read'), cognito.OAuthScope.COGNITO_ADMIN]));

    Annotations.fromStack(stack).hasWarning('/TestStack/Users', Match.stringLikeRegexp('aws.cognito.signin.user.admin.*clientCredentialsUserScope'));
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', { AllowedOAuthScopes: ['api/read', 'aws.cognito.signin.user.admin'] });
  });

  test('an L2 client with client credentials and the default scopes is refused once the app is complete', () => {
    const { stack, pool } = build();
    pool.userPool.addClient('Machine', { generateSecret: true, oAuth: { flows: { clientCredentials: true } } });

    expect(() => Template.fromStack(stack)).toThrow(/app clients with the client credentials grant are allowed the openid scope.*TestStack\/Users\/Default\/Machine.*\[rule: clientCredentialsScopes/);
  });

  test('the code grant keeps openid: only the client credentials grant is judged', () => {
    const { stack, pool } = build();
    pool.userPool.addClient('Code', { oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: [CALLBACK] } });
    pool.addAppClient('Service', service([cognito.OAuthScope.custom('api/read')]));

    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});

describe('clients of the pool made with the L2', () => {
  test('one that keeps the L2 OAuth defaults is warned about: the implicit grant and the placeholder URL', () => {
    const { stack, pool } = build();
    pool.userPool.addClient('Raw');
    new cognito.UserPoolClient(stack, 'Elsewhere', { userPool: pool.userPool, oAuth: { flows: { implicitCodeGrant: true }, callbackUrls: [CALLBACK] } });

    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp(
      'The app client TestStack/Users/Default/Raw has the OAuth implicit grant and the placeholder callback URL https://example.com \\(the L2\'s defaults\\).*clientKeepsOAuthDefaults'));
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('The app client TestStack/Elsewhere has the OAuth implicit grant \\(the L2.*clientKeepsOAuthDefaults'));
  });

  test('one with the code grant and its own URLs, one with OAuth off, and addAppClient clients get no such warning', () => {
    const { stack, pool } = build();
    pool.userPool.addClient('Code', { oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: [CALLBACK] } });
    pool.userPool.addClient('NoOAuth', { disableOAuth: true });
    pool.addAppClient('Web');
    const other = new cognito.UserPool(stack, 'OtherPool');
    other.addClient('NotOurs');

    Annotations.fromStack(stack).hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('clientKeepsOAuthDefaults'));
  });
});

describe('clients of the pool, judged once the app is complete', () => {
  // [case, what the app adds, the refusal's text, or undefined when it synthesizes]
  test.each<[string, (pool: MfaUserPool) => void, RegExp | undefined]>([
    ['an L2 client with choice-based sign-in on a LITE pool', pool => pool.userPool.addClient('L2', { authFlows: { user: true } }),
      /allow choice-based sign-in \(ALLOW_USER_AUTH\), which the LITE feature plan does not offer.*TestStack\/Users\/Default\/L2.*\[rule: userAuthFlowNeedsEssentials/],
    ['addAppClient with choice-based sign-in on a LITE pool', pool => pool.addAppClient('Web', { authFlows: { user: true } }),
      /addAppClient\('Web'\): authFlows\.user asks for choice-based sign-in.*\[rule: userAuthFlowNeedsEssentials/],
    ['a raw L1 client with ALLOW_USER_AUTH on a LITE pool', pool => new cognito.CfnUserPoolClient(pool, 'Raw', { userPoolId: pool.userPoolId, explicitAuthFlows: ['ALLOW_USER_AUTH'] }),
      /\[rule: userAuthFlowNeedsEssentials/],
    ['an L2 client with SRP only on a LITE pool', pool => pool.userPool.addClient('L2', { authFlows: { userSrp: true } }), undefined],
  ])('%s', (_name, add, refusal) => {
    const { stack, pool } = build({ featurePlan: cognito.FeaturePlan.LITE });
    const run = () => { add(pool); Template.fromStack(stack); };
    expectRefusalOrNone(run, refusal);
  });

  test('choice-based sign-in on an ESSENTIALS pool is accepted', () => {
    const { stack, pool } = build();
    pool.userPool.addClient('L2', { authFlows: { user: true } });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  // [scope as written, the refusal's text, or undefined when it is accepted]
  test.each<[string, RegExp | undefined]>([
    ['Cognito', /lists Cognito, which is neither a built-in scope nor a custom scope/],
    ['openId', /lists openId/],
    ['email ', /lists email /],
    ['aws.cognito.signin.user.admin', undefined],
    ['https://api.example.com/read', undefined],
  ])('addAppClient scope %j', (scope, refusal) => {
    const { pool } = build();
    const add = () => pool.addAppClient('Web', { oAuth: { callbackUrls: [CALLBACK], scopes: [cognito.OAuthScope.custom(scope)] } });
    expectRefusalOrNone(add, refusal);
  });

  test('an L2 client with an unknown scope is refused once the app is complete', () => {
    const { stack, pool } = build();
    pool.userPool.addClient('L2', { oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: [CALLBACK], scopes: [cognito.OAuthScope.custom('Cognito')] } });
    expect(() => Template.fromStack(stack)).toThrow(/list scopes that are neither built-in.*Cognito \(TestStack\/Users\/Default\/L2\).*\[rule: oAuthScopeUnknown/);
  });

  test('a custom scope is advised unless a resource server of the pool in the app declares it', () => {
    const { stack, pool } = build();
    const server = pool.userPool.addResourceServer('Api', { identifier: 'api', scopes: [new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read' })] });
    pool.addAppClient('Declared', { generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.resourceServer(server, new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read' }))] } });
    pool.addAppClient('Undeclared', { generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/write')] } });

    const warnings = Annotations.fromStack(stack).findWarning('/TestStack/Users', Match.stringLikeRegexp('oAuthScopeNotInApp'));
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0].entry.data)).toContain('api/write (TestStack/Users/Default/Undeclared)');
    expect(String(warnings[0].entry.data)).not.toContain('/Declared');
  });
});
