import { Aspects, CfnOutput, CfnResource, IAspect, Stack, Stage, Tokenization } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct, IConstruct } from 'constructs';
import { ManagedLogin } from '../../managed-login';
import { AdvisoryRule } from '../context';
import { refuse } from '../errors';
import { prefixDomainHost } from '../managed-login-spec';
import { refersTo, renderedResources } from '../pool-children';
import { ManagedLoginDecisions } from '../resolve/managed-login';
import { RULES } from '../rules';

/** What the managed login resources need from the pool. */
export interface ManagedLoginHost {
  readonly scope: Construct;
  readonly userPool: cognito.UserPool;
  readonly warn: (rule: AdvisoryRule, message: string) => void;
}

/**
 * The domain (managed login version 2) under the pool's `ManagedLogin` construct, and, through an
 * Aspect on the pool's Stage, for every app client of the pool wherever it is defined (its own stack
 * included): a branding style, the terms documents, and the URLs as stack outputs, as children
 * of the client, so that each lives in its client's stack. Nothing of the pool itself changes.
 */
export function addManagedLoginResources(host: ManagedLoginHost, d: ManagedLoginDecisions): ManagedLogin {
  const scope = new Construct(host.scope, 'ManagedLogin');
  const domain = new cognito.UserPoolDomain(scope, 'Domain', {
    userPool: host.userPool,
    managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    cognitoDomain: d.prefix !== undefined ? { domainPrefix: d.prefix } : undefined,
    customDomain: d.custom && { domainName: d.custom.domainName, certificate: d.custom.certificate },
  });
  if (d.custom) {
    // The L2 has no security policy; managed login needs TLS 1.2 or newer, so it is always written.
    (domain.node.defaultChild as cognito.CfnUserPoolDomain).addPropertyOverride('CustomDomainConfig.SecurityPolicy', d.custom.securityPolicy);
  }
  if (d.failover) {
    // The floor's L1 has no Routing property.
    (domain.node.defaultChild as cognito.CfnUserPoolDomain).addPropertyOverride('Routing', {
      Failover: { PrimaryRoute53HealthCheckId: d.failover.healthCheckId, SecondaryRegion: d.failover.secondaryRegion },
    });
  }
  const domainName = d.custom ? d.custom.domainName : prefixDomainHost(d.prefix!, Stack.of(host.scope).region);
  const login = ManagedLogin._create(domain, domainName, d.passkeyRegistration, d.custom !== undefined);
  const poolRef = Tokenization.reverse(host.userPool.userPoolId);
  const served = new Set<cognito.CfnUserPoolClient>();
  const aspect: IAspect = {
    visit(node: IConstruct): void {
      if (node instanceof cognito.CfnUserPoolClient && !served.has(node) && Tokenization.reverse(node.userPoolId) === poolRef) {
        served.add(node);
        serveClient(host, d, login, node);
      }
    },
  };
  // On the pool's Stage: aspects do not descend into nested Stages (a CDK Pipelines stage), and a
  // client cannot reference a pool of another Stage anyway.
  Aspects.of(Stage.of(host.scope) ?? host.scope.node.root).add(aspect);
  // Once every client has been served: pages nobody can reach are said, with the fix.
  scope.node.addValidation({
    validate: () => {
      refuseSecondStyles(host, served);
      const codeClients = [...served].filter(c => {
        const flows = Stack.of(c).resolve(c.allowedOAuthFlows);
        return Array.isArray(flows) ? flows.includes('code') : flows !== undefined;
      });
      if (codeClients.length === 0) {
        host.warn(RULES.managedLoginWithoutCodeClient, `addManagedLogin: ${served.size === 0 ? 'the pool has no app client' : 'no app client of the pool has the OAuth '
          + 'authorization code grant'}, so nobody can reach the managed login pages. Add one: pool.addAppClient('Web', { oAuth: { callbackUrls: [...], logoutUrls: [...] } }).`);
      }
      return [];
    },
  });
  return login;
}

/**
 * A client this library styles takes no second style (ManagedLoginBrandingExistsException), nor a
 * second terms document of one name (TermsExistsException): one the app adds for a served client,
 * with the L2, an L1 or a raw CfnResource, in any stack of the Stage, is refused. One under a
 * CloudFormation condition may not exist, so it is not counted.
 */
function refuseSecondStyles(host: ManagedLoginHost, served: ReadonlySet<cognito.CfnUserPoolClient>): void {
  const found = renderedResources(host.scope, [BRANDING, TERMS]);
  const of = (type: string, client: cognito.CfnUserPoolClient) => found.get(type)!.filter(r => !r.conditional && refersTo(r, 'ClientId', client.ref));
  const pathOf = (client: cognito.CfnUserPoolClient) => client.node.scope?.node.path ?? client.node.path;
  const styledTwice = [...served].filter(client => of(BRANDING, client).length > 1).map(pathOf);
  if (styledTwice.length > 0) {
    throw refuse(host.scope.node.path, RULES.managedLoginStyleTwice, 'addManagedLogin()', 'styles every app client of the pool, and the app gives these clients a style of its own too',
      styledTwice, 'Give the style through addManagedLogin({ branding: ... }), which every client gets, and remove the other ManagedLoginBranding.');
  }
  const termsTwice = [...served].flatMap(client => ['terms-of-use', 'privacy-policy']
    .filter(name => of(TERMS, client).filter(t => t.properties.TermsName === name).length > 1)
    .map(name => `${name} of ${pathOf(client)}`));
  if (termsTwice.length > 0) {
    throw refuse(host.scope.node.path, RULES.managedLoginTermsTwice, 'addManagedLogin(termsOfUseUrl, privacyPolicyUrl)',
      'writes the terms documents of every app client of the pool, and the app gives a client a document of the same name too', termsTwice,
      'Give the documents through addManagedLogin({ termsOfUseUrl, privacyPolicyUrl }) and remove the other AWS::Cognito::Terms.');
  }
}

const BRANDING = 'AWS::Cognito::ManagedLoginBranding';
const TERMS = 'AWS::Cognito::Terms';

/** One client: its style, its terms documents, its URLs. */
function serveClient(host: ManagedLoginHost, d: ManagedLoginDecisions, login: ManagedLogin, cfn: cognito.CfnUserPoolClient): void {
  const owner = cfn.node.scope ?? cfn;
  new cognito.CfnManagedLoginBranding(owner, 'ManagedLoginBranding', {
    userPoolId: cfn.userPoolId,
    clientId: cfn.ref,
    ...(d.branding.cognitoProvidedValues ? { useCognitoProvidedValues: true } : { settings: d.branding.settings, assets: d.branding.assets }),
  });
  // AWS::Cognito::Terms has no L1 in the floor's aws-cdk-lib (2.181).
  for (const [id, termsName, url] of [['ManagedLoginTermsOfUse', 'terms-of-use', d.termsOfUseUrl], ['ManagedLoginPrivacyPolicy', 'privacy-policy', d.privacyPolicyUrl]] as const) {
    if (url !== undefined) {
      new CfnResource(owner, id, {
        type: 'AWS::Cognito::Terms',
        properties: { UserPoolId: cfn.userPoolId, ClientId: cfn.ref, TermsName: termsName, TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': url } },
      });
    }
  }
  const stack = Stack.of(cfn);
  const flows = stack.resolve(cfn.allowedOAuthFlows);
  if (!Array.isArray(flows) || !flows.includes('code')) {
    return;
  }
  const callback = firstLiteral(stack.resolve(cfn.callbackUrLs));
  const logout = firstLiteral(stack.resolve(cfn.logoutUrLs));
  if (callback !== undefined) {
    new CfnOutput(owner, 'ManagedLoginSignInUrl', {
      value: login._url('signIn', cfn.ref, callback),
      description: `Managed login sign-in for ${owner.node.path} (a public client adds PKCE: code_challenge and code_challenge_method=S256)`,
    });
    if (d.passkeyRegistration) {
      new CfnOutput(owner, 'ManagedLoginPasskeyRegistrationUrl', {
        value: login._url('passkeyRegistration', cfn.ref, callback), description: `Passkey registration for ${owner.node.path}, for a signed-in user`,
      });
    }
  }
  if (logout !== undefined) {
    new CfnOutput(owner, 'ManagedLoginSignOutUrl', { value: login._url('signOut', cfn.ref, logout), description: `Managed login sign-out for ${owner.node.path}` });
    return;
  }
  // Cognito accepts a client without logout URLs; it gets no sign-out URL, whoever made it.
  host.warn(RULES.managedLoginForeignClientWithoutLogout, `addManagedLogin: the app client ${owner.node.path} has no logout URL, so it gets no sign-out URL `
    + 'and users cannot end their managed login session from your app. Give it logoutUrls in its oAuth settings.');
}

/** The first entry of a resolved list, when it is a literal string. */
function firstLiteral(list: unknown): string | undefined {
  return Array.isArray(list) && typeof list[0] === 'string' && !Tokenization.isResolvable(list[0]) && !list[0].includes('${Token[') ? list[0] : undefined;
}
