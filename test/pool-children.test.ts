import { App, CfnCondition, CfnParameter, CfnResource, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ManagedLoginDomain, MfaUserPool, MfaUserPoolProps } from '../src';
import { expectRefusalOrNone, newApp } from './util';

/**
 * What the app adds to a pool beyond this construct, in every way a template can say it: the L2,
 * an L1, a raw CfnResource, a property override, another stack, a condition, a token. Each row is
 * one attempt: what it adds, and the refusal's text, or undefined when it synthesizes. A reviewer
 * extends a table in one line.
 */
type Attempt = [string, (pool: MfaUserPool, stack: Stack, other: Stack) => void, RegExp | undefined];

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/0123abcd-0123-abcd-0123-0123456789ab';
const PREFIX = ManagedLoginDomain.cognitoPrefix('myapp-users');
const CALLBACK = ['https://app.example.com/callback'];
const rawDomain = (scope: Stack, id: string, pool: MfaUserPool, properties: object) =>
  new CfnResource(scope, id, { type: 'AWS::Cognito::UserPoolDomain', properties: { UserPoolId: pool.userPoolId, ...properties } });
const rawClient = (scope: Stack, id: string, pool: MfaUserPool, properties: object) =>
  new CfnResource(scope, id, { type: 'AWS::Cognito::UserPoolClient', properties: { UserPoolId: pool.userPoolId, ...properties } });

function attempt(props: MfaUserPoolProps, add: Attempt[1]): () => void {
  return () => {
    const app: App = newApp();
    const stack = new Stack(app, 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
    const other = new Stack(app, 'Other', { env: { account: '123456789012', region: 'us-east-1' } });
    // A stack with no resource fails CloudFormation's validation: the other stack always holds one.
    new CfnResource(other, 'Placeholder', { type: 'AWS::CloudFormation::WaitConditionHandle' });
    const pool = new MfaUserPool(stack, 'Users', props);
    add(pool, stack, other);
    Template.fromStack(stack);
    Template.fromStack(other);
  };
}

describe('domains of the pool, however they are written', () => {
  test.each<Attempt>([
    ['a raw CfnResource prefix domain next to addManagedLogin', (pool, stack) => {
      pool.addManagedLogin({ domain: PREFIX });
      rawDomain(stack, 'Raw', pool, { Domain: 'second-prefix' });
    }, /include 2 prefix domains.*TestStack\/Raw.*\[rule: domainOfEachKindOnce/],
    ['an L1 whose UserPoolId is written by an override', (pool, stack) => {
      pool.addManagedLogin({ domain: PREFIX });
      new cognito.CfnUserPoolDomain(stack, 'D', { userPoolId: 'placeholder', domain: 'second-prefix' }).addPropertyOverride('UserPoolId', pool.userPoolId);
    }, /include 2 prefix domains/],
    ['an L2 prefix domain in another stack', (pool, _stack, other) => {
      pool.addManagedLogin({ domain: PREFIX });
      new cognito.UserPoolDomain(other, 'D', { userPool: pool.userPool, cognitoDomain: { domainPrefix: 'other-prefix' } });
    }, /include 2 prefix domains/],
    ['a prefix domain through fromUserPoolId(the pool\'s ID)', (pool, stack) => {
      pool.addManagedLogin({ domain: PREFIX });
      cognito.UserPool.fromUserPoolId(stack, 'Imported', pool.userPoolId).addDomain('D', { cognitoDomain: { domainPrefix: 'other-prefix' } });
    }, /include 2 prefix domains/],
    ['a custom domain whose CustomDomainConfig is an override (one of each kind)', (pool, stack) => {
      pool.addManagedLogin({ domain: PREFIX });
      new cognito.CfnUserPoolDomain(stack, 'Custom', { userPoolId: pool.userPoolId, domain: 'auth.example.com' })
        .addPropertyOverride('CustomDomainConfig.CertificateArn', CERT);
    }, undefined],
    ['two prefix domains under exclusive conditions (one exists)', (pool, stack) => {
      const prod = new CfnCondition(stack, 'IsProd', { expression: Fn.conditionEquals(Fn.ref('AWS::Region'), 'us-east-1') });
      const dev = new CfnCondition(stack, 'NotProd', { expression: Fn.conditionNot(prod) });
      (pool.userPool.addDomain('Prod', { cognitoDomain: { domainPrefix: 'prod-users' } }).node.defaultChild as CfnResource).cfnOptions.condition = prod;
      (pool.userPool.addDomain('Dev', { cognitoDomain: { domainPrefix: 'dev-users' } }).node.defaultChild as CfnResource).cfnOptions.condition = dev;
    }, undefined],
    ['two L2 prefix domains without managed login: the fix does not name addManagedLogin', pool => {
      pool.userPool.addDomain('One', { cognitoDomain: { domainPrefix: 'one-users' } });
      pool.userPool.addDomain('Two', { cognitoDomain: { domainPrefix: 'two-users' } });
    }, /Keep one prefix domain: remove the second domain, or give it the other kind/],
  ])('%s', (_name, add, refusal) => expectRefusalOrNone(attempt({}, add), refusal));
});

describe('app clients of the pool, however they are written', () => {
  test.each<Attempt>([
    ['a raw CfnResource client credentials client with openid', (pool, stack) => rawClient(stack, 'Raw', pool, {
      GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['openid'],
    }), /with the client credentials grant are allowed the openid scope.*TestStack\/Raw.*\[rule: clientCredentialsScopes/],
    ['openid added to a client credentials client by an override', pool => {
      const client = pool.addAppClient('Service', { generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read')] } });
      (client.node.defaultChild as CfnResource).addPropertyOverride('AllowedOAuthScopes', ['openid']);
    }, /\[rule: clientCredentialsScopes/],
    ['the L2\'s default scopes replaced by an override with a custom scope', pool => {
      const client = pool.userPool.addClient('Machine', { generateSecret: true, oAuth: { flows: { clientCredentials: true } } });
      (client.node.defaultChild as CfnResource).addPropertyOverride('AllowedOAuthScopes', ['api/read']);
    }, undefined],
    ['scopes from a CommaDelimitedList parameter (a list token)', (pool, stack) => {
      const scopes = new CfnParameter(stack, 'Scopes', { type: 'CommaDelimitedList', default: 'openid,email' });
      new cognito.CfnUserPoolClient(stack, 'Raw', {
        userPoolId: pool.userPoolId, allowedOAuthFlowsUserPoolClient: true, allowedOAuthFlows: ['code'], allowedOAuthScopes: scopes.valueAsList, callbackUrLs: CALLBACK,
      });
    }, undefined],
    ['scopes from Fn.split of a parameter', (pool, stack) => {
      new cognito.CfnUserPoolClient(stack, 'Raw', {
        userPoolId: pool.userPoolId,
        allowedOAuthFlows: ['code'],
        allowedOAuthScopes: Fn.split(',', new CfnParameter(stack, 'S', { default: 'openid' }).valueAsString),
        callbackUrLs: CALLBACK,
      });
    }, undefined],
    ['an unknown scope in a raw client in another stack', (pool, _stack, other) => rawClient(other, 'Raw', pool, {
      AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['Cognito'], CallbackURLs: CALLBACK,
    }), /Cognito \(Other\/Raw\).*\[rule: oAuthScopeUnknown/],
  ])('%s', (_name, add, refusal) => expectRefusalOrNone(attempt({}, add), refusal));

  test.each<Attempt>([
    ['ALLOW_USER_AUTH added by an override', pool => {
      const client = pool.userPool.addClient('L2', { authFlows: { userSrp: true } });
      (client.node.defaultChild as CfnResource).addPropertyOverride('ExplicitAuthFlows', ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    }, /\[rule: userAuthFlowNeedsEssentials/],
    ['ALLOW_USER_AUTH removed by an override', pool => {
      const client = pool.userPool.addClient('L2', { authFlows: { user: true } });
      (client.node.defaultChild as CfnResource).addPropertyOverride('ExplicitAuthFlows', ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    }, undefined],
  ])('on a LITE pool: %s', (_name, add, refusal) => expectRefusalOrNone(attempt({ featurePlan: cognito.FeaturePlan.LITE }, add), refusal));

  test('a resource server whose identifier is a token silences the undeclared-scope advisory (it cannot be read)', () => {
    const app = newApp();
    const stack = new Stack(app, 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
    const pool = new MfaUserPool(stack, 'Users');
    pool.userPool.addResourceServer('Api', { identifier: new CfnParameter(stack, 'Id', { default: 'api' }).valueAsString });
    pool.addAppClient('Service', { generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read')] } });
    Annotations.fromStack(stack).hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('oAuthScopeNotInApp'));
  });
});

describe('styles and terms of the clients addManagedLogin serves, however they are written', () => {
  const terms = { termsOfUseUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' };
  test.each<Attempt>([
    ['a raw CfnResource style for a served client', (pool, stack) => {
      const web = pool.addAppClient('Web', { oAuth: { callbackUrls: CALLBACK } });
      new CfnResource(stack, 'RawStyle', { type: 'AWS::Cognito::ManagedLoginBranding', properties: { UserPoolId: pool.userPoolId, ClientId: web.userPoolClientId, UseCognitoProvidedValues: true } });
    }, /\[rule: managedLoginStyleTwice/],
    ['a style whose ClientId is written by an override', (pool, stack) => {
      const web = pool.addAppClient('Web', { oAuth: { callbackUrls: CALLBACK } });
      new cognito.CfnManagedLoginBranding(stack, 'Style', { userPoolId: pool.userPoolId, clientId: 'placeholder', useCognitoProvidedValues: true })
        .addPropertyOverride('ClientId', web.userPoolClientId);
    }, /\[rule: managedLoginStyleTwice/],
    ['a terms document of the same name in another stack', (pool, _stack, other) => {
      const web = pool.addAppClient('Web', { oAuth: { callbackUrls: CALLBACK } });
      new CfnResource(other, 'Terms', {
        type: 'AWS::Cognito::Terms',
        properties: { UserPoolId: pool.userPoolId, ClientId: web.userPoolClientId, TermsName: 'terms-of-use', TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': 'https://e.example/t' } },
      });
    }, /terms-of-use of TestStack\/Users\/Default\/Web.*\[rule: managedLoginTermsTwice/],
    ['a terms document for a client of another pool', (_pool, stack) => {
      const other = new cognito.UserPool(stack, 'OtherPool', { featurePlan: cognito.FeaturePlan.ESSENTIALS });
      const client = other.addClient('C', { oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: CALLBACK } });
      for (const id of ['T1', 'T2']) {
        new CfnResource(stack, id, {
          type: 'AWS::Cognito::Terms',
          properties: { UserPoolId: other.userPoolId, ClientId: client.userPoolClientId, TermsName: 'terms-of-use', TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': 'https://e.example/t' } },
        });
      }
    }, undefined],
  ])('%s', (_name, add, refusal) => expectRefusalOrNone(attempt({}, (pool, stack, other) => {
    pool.addManagedLogin({ domain: PREFIX, ...terms });
    add(pool, stack, other);
  }), refusal));
});

test('a refusal names an L1 by its own path, an L2\'s by the L2', () => {
  expect(attempt({}, (pool, stack) => {
    pool.userPool.addDomain('L2', { cognitoDomain: { domainPrefix: 'one-users' } });
    new cognito.CfnUserPoolDomain(stack, 'L1', { userPoolId: pool.userPoolId, domain: 'two-users' });
    new acm.Certificate(stack, 'Unused', { domainName: 'unused.example.com' });
  })).toThrow('(received: ["TestStack/Users/Default/L2","TestStack/L1"])');
});
