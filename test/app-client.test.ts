import { Duration, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { build } from './util';

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
