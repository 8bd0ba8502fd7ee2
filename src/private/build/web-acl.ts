import { ArnFormat, Names, Reference, RemovalPolicy, Stack, Tokenization } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { AbuseDecisions, WebAclDecisions } from '../resolve/abuse';

/** The operations that make Cognito send an SMS or email code outside sign-in. */
export const CODE_OPERATIONS = ['SignUp', 'ResendConfirmationCode', 'ForgotPassword', 'GetUserAttributeVerificationCode', 'UpdateUserAttributes'];
/** Sign-in: SMS MFA and SMS sign-in codes go out here. */
export const SIGN_IN_OPERATIONS = ['InitiateAuth', 'RespondToAuthChallenge'];
/** The header Cognito adds to API requests for WAF, naming the operation. */
export const OPERATION_HEADER = 'x-amzn-cognito-operation-name';
/**
 * Managed login's forms that send a code outside sign-in (or confirm one), as lowercase path
 * prefixes: sign-up (the confirmation code), the confirmation pages (`/confirm`,
 * `/confirmForgotPassword`), and the password reset request.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/managed-login-endpoints.html
 */
export const MANAGED_LOGIN_CODE_FORMS = ['/signup', '/confirm', '/forgotpassword'];
/** The link on the confirmation page that sends a new code: https://<domain>/resendcode (the same endpoints page). */
export const MANAGED_LOGIN_RESEND = '/resendcode';
/** The pages the CAPTCHA covers: sign-in and the pages that send codes. */
const CAPTCHA_PATHS = ['/signup', '/login', '/forgotpassword', '/confirm', '/resendcode'];
/** The AWS managed Bot Control group. */
export const BOT_CONTROL_GROUP = 'AWSManagedRulesBotControlRuleSet';

/** The account takeover prevention group, which a web ACL associated with a user pool must not use. */
export const ATP_GROUP = 'AWSManagedRulesATPRuleSet';

/**
 * The web ACL a brought ARN refers to, when the ARN is the `attrArn` of a `CfnWebACL` of this app;
 * undefined for a literal ARN or any other token (an imported value, a parameter).
 */
export function webAclOfApp(webAclArn: string): wafv2.CfnWebACL | undefined {
  const token = Tokenization.reverse(webAclArn);
  return token instanceof Reference && token.target instanceof wafv2.CfnWebACL ? token.target : undefined;
}

/**
 * Whether the web ACL's rules, as its `rules` prop gives them, use the account takeover prevention
 * managed group (at any depth of the statements). Property overrides are not read.
 */
export function usesAtpGroup(webAcl: wafv2.CfnWebACL): boolean {
  const seen = (node: unknown): boolean => {
    if (Array.isArray(node)) {
      return node.some(seen);
    }
    if (node === null || typeof node !== 'object') {
      return false;
    }
    const record = node as Record<string, unknown>;
    const group = (record.managedRuleGroupStatement ?? record.ManagedRuleGroupStatement) as Record<string, unknown> | undefined;
    if (group && (group.name ?? group.Name) === ATP_GROUP) {
      return true;
    }
    return Object.values(record).some(seen);
  };
  return seen(Stack.of(webAcl).resolve(webAcl.rules));
}

/**
 * The names of the web ACL's CAPTCHA rules, as its `rules` prop gives them, that do not name both
 * TOTP registration operations (the guide's exclusion): such a rule can break TOTP registration
 * in managed login.
 */
export function captchaRulesWithoutTotpExclusion(webAcl: wafv2.CfnWebACL): string[] {
  const rules = Stack.of(webAcl).resolve(webAcl.rules);
  if (!Array.isArray(rules)) {
    return [];
  }
  return rules.filter((rule: any) => (rule?.action?.captcha ?? rule?.Action?.Captcha) !== undefined)
    .filter((rule: any) => {
      const statement = JSON.stringify(rule.statement ?? rule.Statement ?? {});
      return !TOTP_REGISTRATION_OPERATIONS.every(operation => statement.includes(`"${operation}"`));
    })
    .map((rule: any) => String(rule.name ?? rule.Name));
}

/**
 * Whether the web ACL's rules, as its `rules` prop gives them, hold a rate-based rule that acts
 * (blocks, or asks a CAPTCHA or a challenge; a rule that only counts limits nobody); undefined when
 * that cannot be told at synthesis: the rules are a token, or a rule group holds some of them.
 */
export function hasRateBasedRule(webAcl: wafv2.CfnWebACL): boolean | undefined {
  const rules = Stack.of(webAcl).resolve(webAcl.rules);
  if (rules === undefined) {
    return false;
  }
  if (!Array.isArray(rules)) {
    return undefined;
  }
  const field = (node: any, name: string) => node?.[name] ?? node?.[name.charAt(0).toUpperCase() + name.slice(1)];
  let unknown = false;
  const acts = rules.some((rule: any) => {
    const statement = field(rule, 'statement') ?? {};
    if (field(statement, 'ruleGroupReferenceStatement') !== undefined || (field(statement, 'managedRuleGroupStatement') !== undefined && !isAwsReputationGroup(statement))) {
      unknown = true;
    }
    const action = field(rule, 'action') ?? {};
    return field(statement, 'rateBasedStatement') !== undefined && ['block', 'captcha', 'challenge'].some(a => field(action, a) !== undefined);
  });
  return acts ? true : unknown ? undefined : false;
}

/** The AWS managed IP lists, which hold no rate-based rule. */
function isAwsReputationGroup(statement: any): boolean {
  const group = statement.managedRuleGroupStatement ?? statement.ManagedRuleGroupStatement;
  return ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesAnonymousIpList'].includes(group?.name ?? group?.Name);
}

/** What the abuse protection built. */
export interface WebAclBinding {
  readonly webAclArn: string;
  readonly webAcl?: wafv2.CfnWebACL;
  /** The created web ACL's metric name: the WebACL dimension of its CloudWatch metrics. */
  readonly metricName?: string;
  readonly logGroup?: logs.LogGroup;
}

/** One operation name, exactly, in the operation header. L1 fields typed `any` take CloudFormation's casing. */
function operationIs(operation: string): wafv2.CfnWebACL.StatementProperty {
  return {
    byteMatchStatement: {
      fieldToMatch: { singleHeader: { Name: OPERATION_HEADER } },
      positionalConstraint: 'EXACTLY',
      searchString: operation,
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  };
}

/**
 * A request path that starts with the prefix, however it is spelled: decoded (`/%73ignup`),
 * normalized (`//signup`, `/./signup`) and in lowercase, before it is compared.
 * https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-transformation.html
 */
function pathStartsWith(prefix: string): wafv2.CfnWebACL.StatementProperty {
  return {
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'STARTS_WITH',
      searchString: prefix,
      textTransformations: [{ priority: 0, type: 'URL_DECODE' }, { priority: 1, type: 'NORMALIZE_PATH' }, { priority: 2, type: 'LOWERCASE' }],
    },
  };
}

/** A POST request (a form that sends, not a page that shows). */
const POST: wafv2.CfnWebACL.StatementProperty = {
  byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: 'EXACTLY', searchString: 'post', textTransformations: [{ priority: 0, type: 'LOWERCASE' }] },
};

function anyOf(statements: wafv2.CfnWebACL.StatementProperty[]): wafv2.CfnWebACL.StatementProperty {
  return statements.length === 1 ? statements[0] : { orStatement: { statements } };
}

function anyOperation(operations: string[]): wafv2.CfnWebACL.StatementProperty {
  return anyOf(operations.map(operationIs));
}

/**
 * An API request: it names its operation in the header Cognito adds, and goes to the path `/`
 * (every operation of the Cognito user pools API is a POST to `/`: botocore's cognito-idp model).
 * A managed login page is anything else: it cannot be taken for an API request by adding the header.
 */
const API_REQUEST: wafv2.CfnWebACL.StatementProperty = {
  andStatement: {
    statements: [
      {
        sizeConstraintStatement: {
          fieldToMatch: { singleHeader: { Name: OPERATION_HEADER } }, comparisonOperator: 'GT', size: 0, textTransformations: [{ priority: 0, type: 'NONE' }],
        },
      },
      { byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: 'EXACTLY', searchString: '/', textTransformations: [{ priority: 0, type: 'NONE' }] } },
    ],
  },
};
/** Managed login and the classic hosted UI: every request that is not an API request. */
const PAGE_REQUEST: wafv2.CfnWebACL.StatementProperty = { notStatement: { statement: API_REQUEST } };

/** Managed login's pages whose form sends a code (POST), and the resend link (any method). */
function codePages(): wafv2.CfnWebACL.StatementProperty {
  return anyOf([{ andStatement: { statements: [POST, anyOf(MANAGED_LOGIN_CODE_FORMS.map(pathStartsWith))] } }, pathStartsWith(MANAGED_LOGIN_RESEND)]);
}

/**
 * The requests that can make Cognito send a code outside sign-in: the API operations, by the
 * operation header, and managed login's pages that send codes, by their path.
 */
function codeRequests(): wafv2.CfnWebACL.StatementProperty {
  return anyOf([...CODE_OPERATIONS.map(operationIs), codePages()]);
}

/**
 * Sign-in requests, where SMS MFA and SMS sign-in codes go out: the API operations, and every form
 * managed login posts that is not a code page (the sign-in steps are not all documented, so all
 * of them count).
 */
function signInRequests(): wafv2.CfnWebACL.StatementProperty {
  const notCodePage: wafv2.CfnWebACL.StatementProperty = { notStatement: { statement: codePages() } };
  const otherForms: wafv2.CfnWebACL.StatementProperty = { andStatement: { statements: [POST, PAGE_REQUEST, notCodePage] } };
  return anyOf([...SIGN_IN_OPERATIONS.map(operationIs), otherForms]);
}

function visibility(metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}

function managedGroup(name: string, priority: number): wafv2.CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    visibilityConfig: visibility(name),
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
  };
}

/**
 * Bot Control at the common level, on the requests that can send a code. Its rules against
 * non-browser user agents and HTTP libraries only count: the Cognito SDKs of native mobile apps
 * and of servers are both ("Mobile apps typically have non-browser user agents, which the
 * SignalNonBrowserUserAgent rule blocks by default", the WAF guide's Bot Control example).
 */
function botControl(priority: number): wafv2.CfnWebACL.RuleProperty {
  return {
    name: BOT_CONTROL_GROUP,
    priority,
    overrideAction: { none: {} },
    visibilityConfig: visibility(BOT_CONTROL_GROUP),
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name: BOT_CONTROL_GROUP,
        scopeDownStatement: codeRequests(),
        managedRuleGroupConfigs: [{ awsManagedRulesBotControlRuleSet: { inspectionLevel: 'COMMON' } }],
        ruleActionOverrides: ['SignalNonBrowserUserAgent', 'CategoryHttpLibrary'].map(rule => ({ name: rule, actionToUse: { count: {} } })),
      },
    },
  };
}

/**
 * A rate-based rule that blocks: per IP address, per autonomous system, or over all callers
 * (CONSTANT). The ASN key is written by `withAsnKeys`: the floor's L1 (2.181) knows no such key.
 */
function rateRule(name: string, priority: number, limit: number, windowSec: number, key: 'IP' | 'ASN' | 'CONSTANT',
  scopeDownStatement: wafv2.CfnWebACL.StatementProperty): wafv2.CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    action: { block: {} },
    visibilityConfig: visibility(name),
    statement: { rateBasedStatement: { limit, evaluationWindowSec: windowSec, aggregateKeyType: key === 'ASN' ? 'CUSTOM_KEYS' : key, scopeDownStatement } },
  };
}

/** Writes the ASN custom key of the rules that aggregate per autonomous system, after rendering. */
function withAsnKeys(webAcl: wafv2.CfnWebACL, rules: wafv2.CfnWebACL.RuleProperty[]): void {
  rules.forEach((rule, index) => {
    if (rule.name === 'CodeRequestsPerAsn') {
      webAcl.addPropertyOverride(`Rules.${index}.Statement.RateBasedStatement.CustomKeys`, [{ ASN: {} }]);
    }
  });
}

/** Blocks requests that can send a code from callers outside the countries. */
function callerCountriesRule(priority: number, countryCodes: readonly string[]): wafv2.CfnWebACL.RuleProperty {
  return {
    name: 'CodeRequestsFromOtherCountries',
    priority,
    action: { block: {} },
    visibilityConfig: visibility('CodeRequestsFromOtherCountries'),
    statement: {
      andStatement: {
        statements: [codeRequests(), { notStatement: { statement: { geoMatchStatement: { countryCodes: [...countryCodes] } } } }],
      },
    },
  };
}

/** The operations of TOTP registration, which a CAPTCHA breaks in managed login. */
export const TOTP_REGISTRATION_OPERATIONS = ['AssociateSoftwareToken', 'VerifySoftwareToken'];

/**
 * CAPTCHA on managed login's pages that sign in or send codes: page requests (never an API
 * request, which cannot answer a CAPTCHA), to those paths, and never TOTP registration
 * (`AssociateSoftwareToken`, `VerifySoftwareToken`): the guide's exclusion, as its example rule
 * writes it.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html#totp-waf
 */
function captcha(priority: number): wafv2.CfnWebACL.RuleProperty {
  return {
    name: 'ManagedLoginCaptcha',
    priority,
    action: { captcha: {} },
    visibilityConfig: visibility('ManagedLoginCaptcha'),
    statement: {
      andStatement: {
        statements: [
          PAGE_REQUEST,
          anyOf(CAPTCHA_PATHS.map(pathStartsWith)),
          { notStatement: { statement: anyOperation(TOTP_REGISTRATION_OPERATIONS) } },
        ],
      },
    },
  };
}

/** The created web ACL's rules, in priority order. */
function webAclRules(rules: WebAclDecisions): wafv2.CfnWebACL.RuleProperty[] {
  const window = rules.evaluationWindowSec;
  const list: wafv2.CfnWebACL.RuleProperty[] = [];
  if (rules.ipReputation) {
    list.push(managedGroup('AWSManagedRulesAmazonIpReputationList', list.length));
  }
  if (rules.blockAnonymousIps) {
    list.push(managedGroup('AWSManagedRulesAnonymousIpList', list.length));
  }
  if (rules.callerCountries) {
    list.push(callerCountriesRule(list.length, rules.callerCountries));
  }
  if (rules.botControl) {
    list.push(botControl(list.length));
  }
  if (rules.codeRequestsAllIps !== undefined) {
    list.push(rateRule('CodeRequestsAllIps', list.length, rules.codeRequestsAllIps, window, 'CONSTANT', codeRequests()));
  }
  if (rules.codeRequestsPerAsn !== undefined) {
    list.push(rateRule('CodeRequestsPerAsn', list.length, rules.codeRequestsPerAsn, window, 'ASN', codeRequests()));
  }
  list.push(rateRule('CodeRequestsPerIp', list.length, rules.codeRequestsPerIp, window, 'IP', codeRequests()));
  list.push(rateRule('SignInRequestsPerIp', list.length, rules.signInRequestsPerIp, window, 'IP', signInRequests()));
  list.push(rateRule('ManagedLoginRequestsPerIp', list.length, rules.managedLoginRequestsPerIp, window, 'IP', PAGE_REQUEST));
  if (rules.captcha) {
    list.push(captcha(list.length));
  }
  return list;
}

/**
 * The pool's web ACL and its association (fixed construct ids under the pool: turning abuse
 * protection on or off never changes the pool), and WAF's log of blocked requests.
 */
export function addWebAcl(scope: Construct, userPoolArn: string, decisions: AbuseDecisions, removalPolicy: RemovalPolicy): WebAclBinding {
  if (decisions.webAclArn !== undefined) {
    new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', { resourceArn: userPoolArn, webAclArn: decisions.webAclArn });
    return { webAclArn: decisions.webAclArn };
  }
  const rules = decisions.webAcl!;
  const prefix = Names.uniqueResourceName(scope, { maxLength: 64, separator: '-' });
  const ruleList = webAclRules(rules);
  const webAcl = new wafv2.CfnWebACL(scope, 'WebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: visibility(prefix),
    rules: ruleList,
  });
  withAsnKeys(webAcl, ruleList);
  new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', { resourceArn: userPoolArn, webAclArn: webAcl.attrArn });

  // WAF takes a log group whose name starts with aws-waf-logs-, by its ARN without ':*'.
  const logGroupName = `aws-waf-logs-${prefix}`;
  const logGroup = new logs.LogGroup(scope, 'WebAclLogs', { logGroupName, retention: rules.logRetention, removalPolicy });
  const logGroupArn = Stack.of(scope).formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  const logging = new wafv2.CfnLoggingConfiguration(scope, 'WebAclLogging', {
    resourceArn: webAcl.attrArn,
    logDestinationConfigs: [logGroupArn],
    // Only what WAF blocked or challenged. An untyped L1 field: CloudFormation's casing.
    loggingFilter: {
      DefaultBehavior: 'DROP',
      Filters: [{ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }, { ActionCondition: { Action: 'CAPTCHA' } }] }],
    },
  });
  logging.node.addDependency(logGroup);
  return { webAclArn: webAcl.attrArn, webAcl, metricName: prefix, logGroup };
}
