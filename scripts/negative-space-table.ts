import { RuleName } from '../src/private/rules';

/**
 * What covers one documented rejection of the resources this library writes. Every entry of
 * docs/negative-space/models.json (botocore's exceptions and member constraints of the operations
 * CloudFormation calls) is matched by exactly one row of TABLE; test/rules/negative-space.test.ts
 * fails otherwise, and docs/RULES.md renders the table.
 */
export enum Coverage {
  /** A catalog rule refuses or advises at synthesis. */
  RULE = 'rule',
  /** aws-cdk-lib refuses it at synthesis: an L2's validation, or the L1's required properties and types. */
  CDK = 'aws-cdk-lib',
  /** The library writes the value itself, fixed or computed, in the form the API takes. */
  CONSTRUCT = 'written by the construct',
  /** It depends on the account, the service or the deploying principal at deploy time, or on a user at run time. */
  RUNTIME = 'runtime only',
  /** Nothing the library writes can carry it; the reason says why. */
  CANNOT_ARISE = 'cannot arise',
  /** It can arise and nothing refuses it at synthesis: a decision, with its reason. */
  NOT_COVERED = 'not covered',
}

/** One row: the model entries it maps (`*` matches any text), what covers them, and why. */
export interface NegativeSpaceRow {
  readonly entries: readonly string[];
  readonly coverage: Coverage;
  /** The catalog rules, for Coverage.RULE. */
  readonly rules?: readonly RuleName[];
  readonly why: string;
}

const C = 'cognito-idp:';
const W = 'wafv2:';
const E = 'pinpoint-sms-voice-v2:';
const I = 'iam:';
/** The fields the created web ACL writes no statement or option of. */
const NO_SUCH_WAF_STATEMENT = 'The created web ACL writes rate-based, byte-match, size, geo, label-free and/or/not statements and two AWS managed groups '
  + 'only; a web ACL brought by abuseProtection.webAclArn is deployed by its own resource, not by this library.';
const NOT_WRITTEN = 'Neither the library nor the aws-cdk-lib L2 it builds on writes this field.';
const REFERENCE = 'A reference inside the template (Ref or Fn::GetAtt of a resource the library or the app creates), in the form the service returned.';
const TAGS = 'Tags are the app\'s (Tags.of(scope).add()): aws-cdk-lib checks their count, not these patterns. Outside the MFA decisions this library makes.';

const COGNITO: readonly NegativeSpaceRow[] = [
  // --- Cognito: exceptions ---------------------------------------------------------------
  {
    entries: [`${C}*!InternalErrorException`, `${C}*!TooManyRequestsException`, `${C}*!ConcurrentModificationException`],
    coverage: Coverage.RUNTIME,
    why: 'Service faults, throttling and concurrent changes; CloudFormation retries throttled calls.',
  },
  { entries: [`${C}*!LimitExceededException`], coverage: Coverage.RUNTIME, why: 'Account and pool quotas (pools, clients, domains, brandings) depend on what the account holds at deploy.' },
  { entries: [`${C}*!NotAuthorizedException`], coverage: Coverage.RUNTIME, why: 'The deploying principal\'s permissions.' },
  {
    entries: [`${C}*!ResourceNotFoundException`],
    coverage: Coverage.CANNOT_ARISE,
    why: 'Every child names the pool and its client by Ref, so CloudFormation creates them first; a pool imported by ID is the app\'s own reference.',
  },
  {
    entries: [`${C}*!OperationNotEnabledException`],
    coverage: Coverage.RUNTIME,
    why: 'An operation not offered in the Region, or on a replica Region\'s copy of a pool (the guide lists what a secondary accepts in each status), or a pool '
      + 'not yet eligible for replication ("Multi-Region replication is not available for all user pools at this time"): Regional availability and eligibility '
      + 'change without a model change.',
  },
  {
    entries: [`${C}*!UserPoolTaggingException`, `${C}*!UserImportInProgressException`],
    coverage: Coverage.RUNTIME,
    why: 'Tagging permissions, and a user import running at update time.',
  },
  {
    entries: [`${C}*!TierChangeNotAllowedException`],
    coverage: Coverage.RUNTIME,
    why: 'Whether a feature plan may change depends on the deployed pool\'s state, which synthesis cannot see (the plan itself is typed: featurePlan).',
  },
  {
    entries: [`${C}CreateUserPool!FeatureUnavailableInTierException`, `${C}UpdateUserPool!FeatureUnavailableInTierException`, `${C}SetUserPoolMfaConfig!FeatureUnavailableInTierException`],
    coverage: Coverage.RULE,
    rules: ['threatProtectionNeedsPlus', 'emailMfaNeedsEssentials', 'firstFactorsNeedEssentials', 'passwordHistoryNeedsEssentials'],
    why: 'Each pool feature that needs a plan is refused on a lower one.',
  },
  {
    entries: [`${C}CreateUserPoolClient!FeatureUnavailableInTierException`, `${C}UpdateUserPoolClient!FeatureUnavailableInTierException`],
    coverage: Coverage.RULE,
    rules: ['userAuthFlowNeedsEssentials', 'refreshTokenRotationOnLite'],
    why: 'ALLOW_USER_AUTH on a LITE pool, for addAppClient and every client of the pool in the app, is refused; refresh token rotation on LITE is advised (the plan limit is in the announcement only).',
  },
  {
    entries: [`${C}CreateUserPoolDomain!FeatureUnavailableInTierException`, `${C}UpdateUserPoolDomain!FeatureUnavailableInTierException`],
    coverage: Coverage.RULE,
    rules: ['managedLoginNeedsPlan'],
    why: 'Managed login (version 2) on a LITE pool.',
  },
  {
    entries: [`${C}SetLogDeliveryConfiguration!FeatureUnavailableInTierException`],
    coverage: Coverage.RULE,
    rules: ['userAuthEventsNeedThreatProtection', 'threatProtectionNeedsPlus'],
    why: 'User activity logs need threat protection, which needs PLUS; the library delivers to CloudWatch Logs only (S3 and Firehose need PLUS).',
  },
  {
    entries: [`${C}CreateUserPool!InvalidParameterException`, `${C}UpdateUserPool!InvalidParameterException`, `${C}SetUserPoolMfaConfig!InvalidParameterException`],
    coverage: Coverage.RULE,
    rules: ['factorWhileMfaOff', 'mfaWithoutFactor', 'smsMfaFollowsSmsConfiguration', 'phoneNeedsSms', 'otpFirstFactorWithRequiredMfa', 'smsOtpNeedsSms',
      'singleFactorPasskeyWithRequiredMfa', 'phoneRecoveryWithSmsMfaAndPhoneUsername', 'eumsRegionNotPool', 'snsRegionNotAccepted', 'emailMfaNeedsSes'],
    why: 'The catch-all of the pool operations: the member constraints are the rows below; the combinations measured or documented to be rejected are these rules.',
  },
  {
    entries: [`${C}CreateUserPool!InvalidSmsRoleTrustRelationshipException`, `${C}UpdateUserPool!InvalidSmsRoleTrustRelationshipException`,
      `${C}SetUserPoolMfaConfig!InvalidSmsRoleTrustRelationshipException`],
    coverage: Coverage.RULE,
    rules: ['smsRoleTrust'],
    why: 'A brought role of the app must trust Cognito with the external ID; the created role does by construction; a role outside the app is advised (smsRoleUnreadable).',
  },
  {
    entries: [`${C}CreateUserPool!InvalidSmsRoleAccessPolicyException`, `${C}UpdateUserPool!InvalidSmsRoleAccessPolicyException`,
      `${C}SetUserPoolMfaConfig!InvalidSmsRoleAccessPolicyException`],
    coverage: Coverage.RULE,
    rules: ['smsRolePublish', 'eumsRoleWithoutSendTextMessage'],
    why: 'A brought role of the app must be allowed to send (refused on the SNS path, advised on the direct path, where the permission may come from outside the app).',
  },
  {
    entries: [`${C}*!InvalidEmailRoleAccessPolicyException`],
    coverage: Coverage.RUNTIME,
    why: 'Whether Cognito may send from the SES identity is the identity\'s sending authorization policy, an account resource outside the template.',
  },
  {
    entries: [`${C}SetRiskConfiguration!UserPoolAddOnNotEnabledException`],
    coverage: Coverage.RULE,
    rules: ['adaptiveNeedsThreatProtection'],
    why: 'A risk configuration needs threat protection on the pool.',
  },
  { entries: [`${C}SetRiskConfiguration!CodeDeliveryFailureException`], coverage: Coverage.RUNTIME, why: 'SES delivery of the notification test at deploy.' },
  {
    entries: [`${C}SetRiskConfiguration!InvalidParameterException`],
    coverage: Coverage.RULE,
    rules: ['riskIpRanges', 'riskEmailForm', 'compromisedCredentialsEventsUnique', 'riskNotifyWithoutNotification'],
    why: 'The risk configuration\'s forms, and a notification without its sender (advised: Cognito\'s behaviour is not documented).',
  },
  {
    entries: [`${C}CreateUserPoolClient!InvalidOAuthFlowException`, `${C}UpdateUserPoolClient!InvalidOAuthFlowException`],
    coverage: Coverage.RULE,
    rules: ['clientCredentialsNotAlone', 'clientCredentialsScopes', 'clientCredentialsWithoutSecret', 'oAuthWithoutGrant'],
    why: 'The grant combinations Cognito rejects (the implicit grant is accepted, and refused by policy: implicitGrant).',
  },
  {
    entries: [`${C}CreateUserPoolClient!ScopeDoesNotExistException`, `${C}UpdateUserPoolClient!ScopeDoesNotExistException`],
    coverage: Coverage.RULE,
    rules: ['oAuthScopeUnknown', 'oAuthScopeNotInApp'],
    why: 'A scope that is neither built-in nor custom is refused; a custom scope no resource server of the app declares is advised (it may be made outside the app).',
  },
  {
    entries: [`${C}CreateUserPoolClient!InvalidParameterException`, `${C}UpdateUserPoolClient!InvalidParameterException`],
    coverage: Coverage.RULE,
    rules: ['codeGrantWithoutCallback', 'callbackUrlForm', 'refreshTokenRotationGracePeriod'],
    why: 'Callback URLs (https except localhost, absolute, no fragment), the rotation grace period; token validities are the L2\'s (rows below).',
  },
  {
    entries: [`${C}CreateUserPoolDomain!InvalidParameterException`, `${C}UpdateUserPoolDomain!InvalidParameterException`],
    coverage: Coverage.RULE,
    rules: ['managedLoginDomainForm', 'managedLoginPrefixReserved', 'customDomainCertificateRegion', 'domainOfEachKindOnce'],
    why: 'The prefix form, its reserved words, the certificate\'s Region, one domain of each kind; a prefix taken by another account is runtime.',
  },
  {
    entries: [`${C}CreateManagedLoginBranding!InvalidParameterException`, `${C}UpdateManagedLoginBranding!InvalidParameterException`],
    coverage: Coverage.RULE,
    rules: ['brandingCognitoAndOwn', 'brandingWithoutStyle', 'brandingAssets', 'brandingAssetsWithoutSettings'],
    why: 'A style is Cognito\'s or yours, with at most 40 assets; the settings document itself is the branding editor\'s and is passed as given.',
  },
  {
    entries: [`${C}CreateManagedLoginBranding!ManagedLoginBrandingExistsException`],
    coverage: Coverage.RULE,
    rules: ['managedLoginStyleTwice'],
    why: 'A client addManagedLogin styles gets no second style from the app.',
  },
  {
    entries: [`${C}CreateTerms!InvalidParameterException`, `${C}UpdateTerms!InvalidParameterException`],
    coverage: Coverage.RULE,
    rules: ['termsLinkForm'],
    why: 'The link\'s form; the name, source and enforcement are written by the construct.',
  },
  {
    entries: [`${C}*!TermsExistsException`],
    coverage: Coverage.RULE,
    rules: ['managedLoginTermsTwice'],
    why: 'addManagedLogin writes one document of each name per client; one the app adds for a served client under the same name, in any stack of the Stage, is refused.',
  },
  {
    entries: [`${C}CreateUserPoolReplica!FeatureUnavailableInTierException`],
    coverage: Coverage.RULE,
    rules: ['replicationNeedsEssentials'],
    why: 'A replica of a Lite pool ("You can\'t enable MRR on user pools with the Lite feature plan"), by replication or by a raw replica of the pool.',
  },
  {
    entries: [`${C}CreateUserPoolReplica!InvalidParameterException`, `${C}CreateUserPoolReplicaRequest.RegionName`],
    coverage: Coverage.RULE,
    rules: ['replicationRegionForm', 'replicationNeedsCustomerManagedKey', 'replicaTwice'],
    why: 'The Region name (its form, the pool\'s own Region), a pool without a multi-Region customer managed key, and a second replica, whichever way the app writes it.',
  },
  {
    entries: [`${C}UpdateUserPoolReplica!InvalidParameterException`, `${C}UpdateUserPoolReplicaRequest.RegionName`, `${C}UpdateUserPoolReplicaRequest.Status`],
    coverage: Coverage.CONSTRUCT,
    why: 'The Regional configuration of MfaUserPoolSecondary writes its status from ReplicaStatus (ACTIVE or INACTIVE), in its stack\'s Region, which must be the replica\'s (secondaryRegion).',
  },
  {
    entries: [`${C}SetLogDeliveryConfiguration!InvalidParameterException`],
    coverage: Coverage.CONSTRUCT,
    why: 'The library writes one configuration per event source, to a log group it creates, at the levels the guide names.',
  },

  // --- Cognito: member constraints -------------------------------------------------------
  {
    entries: [`${C}*Request.UserPoolId`, `${C}*Request.ClientId`, `${C}UpdateTermsRequest.TermsId`, `${C}UpdateManagedLoginBrandingRequest.ManagedLoginBrandingId`,
      `${C}CloudWatchLogsConfigurationType.LogGroupArn`, `${C}EumsSmsConfigurationType.CallerArn`, `${C}SmsConfigurationType.SnsCallerArn`],
    coverage: Coverage.CONSTRUCT,
    why: REFERENCE,
  },
  {
    entries: [`${C}PasswordPolicyType.*`],
    coverage: Coverage.RULE,
    rules: ['passwordPolicyRange', 'passwordHistoryNeedsEssentials'],
    why: 'Length 6 to 99, history 0 to 24, temporary validity up to 365 days.',
  },
  {
    entries: [`${C}*UserPoolRequest.MfaConfiguration`, `${C}SetUserPoolMfaConfigRequest.MfaConfiguration`, `${C}*UserPoolRequest.DeletionProtection`,
      `${C}*UserPoolRequest.UserPoolTier`, `${C}UserPoolAddOnsType.AdvancedSecurityMode`, `${C}AdvancedSecurityAdditionalFlowsType.CustomAuthMode`,
      `${C}WebAuthnConfigurationType.FactorConfiguration`, `${C}WebAuthnConfigurationType.UserVerification`, `${C}RecoveryOptionType.*`,
      `${C}AccountRecoverySettingType.RecoveryMechanisms`],
    coverage: Coverage.RULE,
    rules: ['notAMember', 'ownedField'],
    why: 'Typed props (enums and enum-like classes) the library maps to these values; a value outside the enum is refused, and the L2 fields that would write them are owned.',
  },
  {
    entries: [`${C}SignInPolicyType.AllowedFirstAuthFactors`],
    coverage: Coverage.RULE,
    rules: ['firstFactorsNeedEssentials', 'otpFirstFactorWithRequiredMfa'],
    why: 'Written from passkeys and passwordless: PASSWORD always, one to four more, each factor once.',
  },
  {
    entries: [`${C}WebAuthnConfigurationType.RelyingPartyId`],
    coverage: Coverage.RULE,
    rules: ['relyingPartyIdForm'],
    why: '1 to 63 characters (CloudFormation\'s schema, narrower than the API\'s 127).',
  },
  {
    entries: [`${C}*UserPoolRequest.SmsAuthenticationMessage`, `${C}SmsMfaConfigType.SmsAuthenticationMessage`, `${C}*UserPoolRequest.SmsVerificationMessage`,
      `${C}VerificationMessageTemplateType.SmsMessage`],
    coverage: Coverage.RULE,
    rules: ['smsMessageForm'],
    why: 'The SMS message (sms.message) contains {####} and has 6 to 140 characters; the verification SMS defaults to the same form.',
  },
  { entries: [`${C}EmailMfaConfigType.*`], coverage: Coverage.RULE, rules: ['emailMessageForm'], why: 'email.body and email.subject.' },
  {
    entries: [`${C}SmsConfigurationType.ExternalId`, `${C}EumsSmsConfigurationType.ExternalId`],
    coverage: Coverage.RULE,
    rules: ['externalIdForm'],
    why: 'The external ID\'s form, as STS takes it.',
  },
  {
    entries: [`${C}SmsConfigurationType.SnsRegion`, `${C}EumsSmsConfigurationType.Region`],
    coverage: Coverage.RULE,
    rules: ['snsRegionNotAccepted', 'snsRegionRequired', 'eumsRegionNotPool'],
    why: 'The Region Cognito sends from, against the guide\'s table.',
  },
  {
    entries: [`${C}EumsSmsConfigurationType.OriginationIdentity`, `${C}EumsSmsConfigurationType.ConfigurationSetName`, `${C}EumsSmsConfigurationType.InEntityId`,
      `${C}EumsSmsConfigurationType.InTemplateId`],
    coverage: Coverage.RULE,
    rules: ['originationIdentityForm', 'configurationSetForm', 'indiaIdsApart'],
    why: 'No length limit of note (0 to 131,072); their forms are End User Messaging\'s at send time, so they are advised.',
  },
  {
    entries: [`${C}LogConfigurationType.*`, `${C}SetLogDeliveryConfigurationRequest.LogConfigurations`],
    coverage: Coverage.CONSTRUCT,
    why: 'One configuration per event source (userNotification at ERROR, userAuthEvents at INFO), at most two.',
  },
  { entries: [`${C}FirehoseConfigurationType.*`, `${C}S3ConfigurationType.*`], coverage: Coverage.CANNOT_ARISE, why: 'The library delivers logs to CloudWatch Logs only.' },
  {
    entries: [`${C}AccountTakeoverActionType.*`, `${C}AccountTakeoverRiskConfigurationType.*`, `${C}CompromisedCredentials*Type.*`, `${C}NotifyConfigurationType.*`,
      `${C}NotifyEmailType.*`, `${C}RiskExceptionConfigurationType.*`],
    coverage: Coverage.RULE,
    rules: ['riskEmailForm', 'riskIpRanges', 'compromisedCredentialsEventsUnique', 'riskNotifyWithoutNotification'],
    why: 'adaptiveAuthentication: typed actions (every level written with its notify flag), the notification\'s sender ARN from SES, the email forms and IP lists.',
  },
  {
    entries: [`${C}CreateTermsRequest.Enforcement`, `${C}CreateTermsRequest.Links`, `${C}CreateTermsRequest.TermsName`, `${C}CreateTermsRequest.TermsSource`,
      `${C}UpdateTermsRequest.Enforcement`, `${C}UpdateTermsRequest.Links`, `${C}UpdateTermsRequest.TermsName`,
      `${C}UpdateTermsRequest.TermsSource`],
    coverage: Coverage.RULE,
    rules: ['termsLinkForm'],
    why: 'One LINK document per name (terms-of-use, privacy-policy), enforcement NONE, one link under cognito:default, whose form is checked.',
  },
  {
    entries: [`${C}AssetType.*`, `${C}*ManagedLoginBrandingRequest.Assets`],
    coverage: Coverage.RULE,
    rules: ['brandingAssets'],
    why: 'At most 40 assets; each asset\'s fields are aws-cdk-lib\'s typed L1 struct, passed as given (the category and extension lists grow with the service).',
  },
  {
    entries: [`${C}CreateUserPoolDomainRequest.Domain`, `${C}UpdateUserPoolDomainRequest.Domain`],
    coverage: Coverage.RULE,
    rules: ['managedLoginDomainForm', 'managedLoginPrefixReserved'],
    why: 'The prefix\'s pattern, or a domain name of at most 63 characters.',
  },
  {
    entries: [`${C}CustomDomainConfigType.*`],
    coverage: Coverage.RULE,
    rules: ['customDomainCertificateRegion', 'notAMember'],
    why: 'The certificate ARN is an ACM certificate\'s (us-east-1), the security policy a ManagedLoginSecurityPolicy.',
  },
  {
    entries: [`${C}*UserPoolClientRequest.AllowedOAuthFlows`, `${C}*UserPoolClientRequest.AllowedOAuthScopes`, `${C}*UserPoolClientRequest.CallbackURLs`,
      `${C}*UserPoolClientRequest.LogoutURLs`, `${C}*UserPoolClientRequest.DefaultRedirectURI`],
    coverage: Coverage.RULE,
    rules: ['oAuthWithoutGrant', 'clientCredentialsNotAlone', 'codeGrantWithoutCallback', 'callbackUrlForm', 'logoutUrlInsecure'],
    why: 'Grants from typed flows (at most the three), callback and logout URLs judged; the L2 refuses a defaultRedirectUri outside the callback URLs or of the wrong pattern. '
    + 'Not covered: more than 100 URLs or 50 scopes, which no client of a sign-in page needs.',
  },
  {
    entries: [`${C}*UserPoolClientRequest.AccessTokenValidity`, `${C}*UserPoolClientRequest.IdTokenValidity`, `${C}*UserPoolClientRequest.RefreshTokenValidity`,
      `${C}*UserPoolClientRequest.AuthSessionValidity`, `${C}TokenValidityUnitsType.*`],
    coverage: Coverage.CDK,
    why: 'aws-cdk-lib\'s UserPoolClient refuses durations outside 5 minutes to 1 day (access, ID), 60 minutes to 10 years (refresh), 3 to 15 minutes (session), '
    + 'and writes the units in minutes.',
  },
  {
    entries: [`${C}RefreshTokenRotationType.*`],
    coverage: Coverage.RULE,
    rules: ['refreshTokenRotationGracePeriod'],
    why: 'Rotation ENABLED with a grace period of 0 to 60 whole seconds.',
  },
  { entries: [`${C}*UserPoolClientRequest.PreventUserExistenceErrors`], coverage: Coverage.CONSTRUCT, why: 'A boolean prop, written ENABLED or LEGACY.' },
  {
    entries: [`${C}*UserPoolClientRequest.ClientName`],
    coverage: Coverage.NOT_COVERED,
    why: 'userPoolClientName is passed to the L2 as given; a name is the app\'s choice and CloudFormation names it otherwise. Candidate rule (pattern [\\w\\s+=,.@-]+, 1 to 128).',
  },
  {
    entries: [`${C}CreateUserPoolClientRequest.ClientSecret`],
    coverage: Coverage.CANNOT_ARISE,
    why: 'addAppClient generates secrets (generateSecret) and takes none: rotation with two secrets (AddUserPoolClientSecret) has no CloudFormation resource.',
  },
  {
    entries: [`${C}AnalyticsConfigurationType.*`],
    coverage: Coverage.CDK,
    why: 'analytics is aws-cdk-lib\'s AnalyticsConfiguration: the L2 refuses an incomplete one; the ARNs are references.',
  },
  {
    entries: [`${C}*UserPoolRequest.PoolName`],
    coverage: Coverage.NOT_COVERED,
    why: 'userPoolProps.userPoolName is passed to the L2 as given. Candidate rule (pattern [\\w\\s+=,.@-]+, 1 to 128).',
  },
  {
    entries: [`${C}*UserPoolRequest.EmailVerificationMessage`, `${C}*UserPoolRequest.EmailVerificationSubject`, `${C}VerificationMessageTemplateType.Email*`,
      `${C}VerificationMessageTemplateType.DefaultEmailOption`, `${C}MessageTemplateType.*`, `${C}AdminCreateUserConfigType.UnusedAccountValidityDays`],
    coverage: Coverage.NOT_COVERED,
    why: 'userPoolProps.userVerification and userInvitation go to the L2, which checks the placeholders of the verification email only; '
    + 'lengths and the invitation\'s forms reach CloudFormation unchecked. They are not MFA decisions; candidate rules.',
  },
  {
    entries: [`${C}EmailConfigurationType.EmailSendingAccount`],
    coverage: Coverage.CDK,
    why: 'Written by aws-cdk-lib\'s UserPoolEmail: COGNITO_DEFAULT, or DEVELOPER for SES.',
  },
  {
    entries: [`${C}EmailConfigurationType.ConfigurationSet`, `${C}EmailConfigurationType.From`, `${C}EmailConfigurationType.ReplyToEmailAddress`,
      `${C}EmailConfigurationType.SourceArn`],
    coverage: Coverage.NOT_COVERED,
    why: 'UserPoolEmail.withSES takes the sender, reply-to and configuration set as given: aws-cdk-lib checks none of these forms at synth (2.262 and later warn). '
      + 'Sending email is not an MFA decision unless email is a factor (emailMfaNeedsSes); candidate rules.',
  },
  {
    entries: [`${C}LambdaConfigType.*`, `${C}CustomEmailLambdaVersionConfigType.*`, `${C}CustomSMSLambdaVersionConfigType.*`, `${C}PreTokenGenerationVersionConfigType.*`,
      `${C}InboundFederationLambdaType.*`],
    coverage: Coverage.CDK,
    why: 'Triggers are the L2\'s (userPoolProps.lambdaTriggers, addTrigger): function ARNs are references and the L2 refuses a custom sender without its KMS key.',
  },
  {
    entries: [`${C}UsernameConfigurationType.CaseSensitive`, `${C}SchemaAttributeType.AttributeDataType`],
    coverage: Coverage.CDK,
    why: 'signInCaseSensitive is a boolean and an attribute\'s type a class of the L2 (StringAttribute, NumberAttribute...), written by it.',
  },
  {
    entries: [`${C}SchemaAttributeType.Name`, `${C}NumberAttributeConstraintsType.*`, `${C}StringAttributeConstraintsType.*`, `${C}*UserPoolRequest.Schema`,
      `${C}AddCustomAttributes!InvalidParameterException`, `${C}AddCustomAttributesRequest.CustomAttributes`],
    coverage: Coverage.NOT_COVERED,
    why: 'Attributes are the L2\'s (standardAttributes, customAttributes): it does not check a custom attribute name\'s 20 characters at synth (aws-cdk-lib 2.262 and '
      + 'later warn), and whether a change removes or alters a deployed attribute depends on the deployed pool (README, Settings fixed at creation). '
      + 'Candidate rule for the name.',
  },
  {
    entries: [`${C}AcrLevelConfigType.*`, `${C}*UserPoolRequest.AcrConfiguration`, `${C}DcrConfigurationType.*`, `${C}FailoverType.*`],
    coverage: Coverage.CANNOT_ARISE,
    why: `${NOT_WRITTEN} (ACR levels, dynamic client registration, domain failover: replication is issue 32).`,
  },
  {
    entries: [`${C}KeyConfigurationType.*`, `${C}IssuerConfigurationType.*`],
    coverage: Coverage.RULE,
    rules: ['notAMember', 'encryptionKeyAlias', 'encryptionKeyRegion', 'encryptionKeyNotSymmetric'],
    why: 'encryption and tokenIssuer are typed (PoolEncryption, TokenIssuer); the key ARN is a key of the pool\'s Region, never an alias.',
  },
];

const WAF_EUMS_IAM: readonly NegativeSpaceRow[] = [
  // --- WAF -------------------------------------------------------------------------------
  {
    entries: [`${W}*!WAFInternalErrorException`, `${W}*!WAFOptimisticLockException`, `${W}*!WAFTagOperation*`, `${W}*!WAFServiceLinkedRoleErrorException`],
    coverage: Coverage.RUNTIME,
    why: 'Service faults, concurrent updates, tagging and the service-linked role.',
  },
  {
    entries: [`${W}*!WAFLimitsExceededException`],
    coverage: Coverage.RUNTIME,
    why: 'Account quotas (web ACLs, logging). The created web ACL\'s rules stay well under the 1,500 capacity units a web ACL gets by default '
      + '(rate-based rules, the IP reputation group and, when asked, Bot Control).',
  },
  {
    entries: [`${W}AssociateWebACL!WAFUnavailableEntityException`, `${W}AssociateWebACL!WAFNonexistentItemException`],
    coverage: Coverage.RUNTIME,
    why: 'The pool or the web ACL not yet visible to WAF right after creation, or a brought webAclArn that does not exist in the account.',
  },
  {
    entries: [`${W}CreateWebACL!WAFNonexistentItemException`, `${W}UpdateWebACL!WAFNonexistentItemException`, `${W}CreateWebACL!WAFUnavailableEntityException`, `${W}UpdateWebACL!WAFUnavailableEntityException`,
      `${W}CreateWebACL!WAFInvalidResourceException`, `${W}UpdateWebACL!WAFInvalidResourceException`, `${W}*!WAFSubscriptionNotFoundException`, `${W}*!WAFExpiredManagedRuleGroupVersionException`],
    coverage: Coverage.CANNOT_ARISE,
    why: 'The created web ACL references no IP set, regex set or rule group of the account, and uses AWS managed groups that need no subscription, at their default version.',
  },
  { entries: [`${W}PutLoggingConfiguration!WAFNonexistentItemException`], coverage: Coverage.CANNOT_ARISE, why: 'The logging configuration names the created web ACL by reference.' },
  {
    entries: [`${W}CreateWebACL!WAFConfigurationWarningException`, `${W}UpdateWebACL!WAFConfigurationWarningException`],
    coverage: Coverage.CANNOT_ARISE,
    why: 'The created web ACL inspects a single header and the URI path, never the body, headers or cookies as a whole.',
  },
  {
    entries: [`${W}*!WAFFeatureNotIncludedInPricingPlanException`],
    coverage: Coverage.CANNOT_ARISE,
    why: 'Pricing plans are CloudFront\'s; a user pool takes a REGIONAL web ACL.',
  },
  { entries: [`${W}CreateWebACL!WAFDuplicateItemException`, `${W}UpdateWebACL!WAFDuplicateItemException`], coverage: Coverage.CONSTRUCT, why: 'The name is unique per pool (its construct path) and every rule name is fixed and distinct.' },
  {
    entries: [`${W}CreateWebACL!WAFInvalidParameterException`, `${W}UpdateWebACL!WAFInvalidParameterException`],
    coverage: Coverage.RULE,
    rules: ['rateLimitRange', 'rateLimitWindow', 'callerCountryCode'],
    why: 'The created web ACL\'s options: limits, window, country codes; the rest is written by the construct.',
  },
  {
    entries: [`${W}CreateWebACL!WAFInvalidOperationException`, `${W}UpdateWebACL!WAFInvalidOperationException`, `${W}AssociateWebACL!WAFInvalidOperationException`, `${W}AssociateWebACL!WAFInvalidParameterException`],
    coverage: Coverage.RULE,
    rules: ['webAclArnForm', 'webAclWithAtp'],
    why: 'A user pool takes a REGIONAL web ACL of its Region, without the account takeover prevention group.',
  },
  {
    entries: [`${W}PutLoggingConfiguration!WAFInvalidOperationException`, `${W}PutLoggingConfiguration!WAFInvalidParameterException`],
    coverage: Coverage.CONSTRUCT,
    why: 'One logging configuration per created web ACL, to a log group it creates whose name starts with aws-waf-logs-.',
  },
  {
    entries: [`${W}PutLoggingConfiguration!WAFLogDestinationPermissionIssueException`],
    coverage: Coverage.RUNTIME,
    why: 'WAF adds itself to the account\'s CloudWatch Logs resource policy, which has a size quota shared by every log group of the account.',
  },
  { entries: [`${W}RateBasedStatement.Limit`], coverage: Coverage.RULE, rules: ['rateLimitRange'], why: '10 to 2,000,000,000.' },
  { entries: [`${W}GeoMatchStatement.CountryCodes`], coverage: Coverage.RULE, rules: ['callerCountryCode'], why: 'At least one code of WAF\'s list.' },
  {
    entries: [`${W}AssociateWebACLRequest.*`, `${W}LoggingConfiguration.ResourceArn`, `${W}LoggingConfiguration.LogDestinationConfigs`],
    coverage: Coverage.RULE,
    rules: ['webAclArnForm'],
    why: `${REFERENCE} A brought web ACL is given as a WAFv2 web ACL ARN of the pool's Region.`,
  },
  {
    entries: [`${W}*WebACLRequest.Name`, `${W}*WebACLRequest.Scope`, `${W}*WebACLRequest.DefaultAction`, `${W}*WebACLRequest.VisibilityConfig`,
      `${W}UpdateWebACLRequest.Id`, `${W}UpdateWebACLRequest.LockToken`, `${W}Rule.*`, `${W}VisibilityConfig.*`, `${W}ByteMatchStatement.*`, `${W}SizeConstraintStatement.*`,
      `${W}AndStatement.*`, `${W}OrStatement.*`, `${W}NotStatement.*`, `${W}TextTransformation.*`, `${W}SingleHeader.*`, `${W}RateBasedStatement.AggregateKeyType`,
      `${W}RateBasedStatement.CustomKeys`, `${W}ManagedRuleGroupStatement.Name`, `${W}ManagedRuleGroupStatement.VendorName`,
      `${W}ManagedRuleGroupStatement.RuleActionOverrides`, `${W}RuleActionOverride.*`, `${W}AWSManagedRulesBotControlRuleSet.InspectionLevel`,
      `${W}LoggingConfiguration.LogScope`, `${W}LoggingConfiguration.LogType`],
    coverage: Coverage.CONSTRUCT,
    why: 'Fixed by the construct: names from the construct path, REGIONAL scope, allow by default, metrics on, rule priorities distinct, transformations and keys of the '
    + 'statements test/proof/waf-coverage.test.ts evaluates, Bot Control at COMMON with two rules set to count.',
  },
  {
    entries: [`${W}*WebACLRequest.Description`, `${W}*WebACLRequest.CustomResponseBodies`, `${W}CustomResponse*.*`, `${W}CustomHTTPHeader.*`,
      `${W}CustomRequestHandling.*`, `${W}ManagedRuleGroupStatement.ExcludedRules`, `${W}ManagedRuleGroupStatement.Version`, `${W}ExcludedRule.*`,
      `${W}ManagedRuleGroupConfig.*`, `${W}AWSManagedRulesA*RuleSet.*`, `${W}LoggingConfiguration.RedactedFields`, `${W}LoggingFilter.*`,
      `${W}Filter.*`, `${W}ActionCondition.*`, `${W}LabelNameCondition.*`, `${W}Label.*`, `${W}LabelMatchStatement.*`, `${W}AsnMatchStatement.*`, `${W}IPSetReferenceStatement.*`,
      `${W}IPSetForwardedIPConfig.*`, `${W}ForwardedIPConfig.*`, `${W}RegexMatchStatement.*`, `${W}Regex.*`, `${W}RegexPatternSetReferenceStatement.*`,
      `${W}RuleGroupReferenceStatement.*`, `${W}SqliMatchStatement.*`, `${W}XssMatchStatement.*`, `${W}Body.*`, `${W}JsonBody.*`, `${W}JsonMatchPattern.*`, `${W}Cookies.*`,
      `${W}CookieMatchPattern.*`, `${W}Headers.*`, `${W}HeaderMatchPattern.*`, `${W}HeaderOrder.*`, `${W}JA3Fingerprint.*`, `${W}JA4Fingerprint.*`, `${W}UriFragment.*`,
      `${W}SingleQueryArgument.*`, `${W}RateLimit*.*`, `${W}AssociationConfig.*`, `${W}RequestBodyAssociatedResourceTypeConfig.*`, `${W}DataProtection*.*`,
      `${W}FieldToProtect.*`, `${W}ApplicationAttribute.*`, `${W}ApplicationConfig.*`, `${W}AnalyticsConfig.*`, `${W}OnSourceDDoSProtectionConfig.*`,
      `${W}ClientSideAction*.*`, `${W}PreParseTextTransformation.*`, `${W}RequestInspection*.*`, `${W}ResponseInspection*.*`, `${W}AddressField.*`, `${W}EmailField.*`,
      `${W}PasswordField.*`, `${W}PhoneNumberField.*`, `${W}UsernameField.*`, `${W}BedrockGuardrails*.*`, `${W}Monetiz*.*`, `${W}ConnectedAccount*.*`, `${W}CryptoConfig.*`,
      `${W}PaymentNetwork.*`, `${W}Price.*`, `${W}ImmunityTimeProperty.*`, `${W}PutLoggingConfigurationRequest.LoggingConfiguration`],
    coverage: Coverage.CANNOT_ARISE,
    why: NO_SUCH_WAF_STATEMENT,
  },
  { entries: [`${W}*WebACLRequest.Tags`, `${W}Tag.*`], coverage: Coverage.NOT_COVERED, why: TAGS },

  // --- End User Messaging ----------------------------------------------------------------
  {
    entries: [`${E}*!AccessDeniedException`, `${E}*!ThrottlingException`, `${E}*!InternalServerException`, `${E}*!ServiceQuotaExceededException`,
      `${E}*!ConflictException`],
    coverage: Coverage.RUNTIME,
    why: 'Permissions, throttling, faults, quotas, and a configuration set name already taken in the account.',
  },
  { entries: [`${E}*!ResourceNotFoundException`], coverage: Coverage.CANNOT_ARISE, why: 'The configuration set names the created protect configuration by Fn::GetAtt.' },
  {
    entries: [`${E}*!ValidationException`],
    coverage: Coverage.RULE,
    rules: ['smsCountryCode', 'smsCountriesSetName', 'smsCountriesUnresolved'],
    why: 'Country codes and the configuration set\'s name; the rest is written by the construct.',
  },
  {
    entries: [`${E}CreateConfigurationSetRequest.ConfigurationSetName`, `${E}AssociateProtectConfigurationRequest.ConfigurationSetName`],
    coverage: Coverage.RULE,
    rules: ['smsCountriesSetName'],
    why: '1 to 64 letters, digits, _ and -; the generated name is cut to 64.',
  },
  {
    entries: [`${E}AssociateProtectConfigurationRequest.ProtectConfigurationId`, `${E}UpdateProtectConfigurationCountryRuleSetRequest.ProtectConfigurationId`],
    coverage: Coverage.CONSTRUCT,
    why: REFERENCE,
  },
  {
    entries: [`${E}ProtectConfigurationCountryRuleSetInformation.ProtectStatus`, `${E}UpdateProtectConfigurationCountryRuleSetRequest.CountryRuleSetUpdates`,
      `${E}UpdateProtectConfigurationCountryRuleSetRequest.NumberCapability`],
    coverage: Coverage.CONSTRUCT,
    why: 'The SMS rule set: 249 ISO codes (at most 300), each ALLOW or the typed SmsCountryAction.',
  },
  {
    entries: [`${E}*Request.ClientToken`, `${E}*Request.Tags`, `${E}Tag.*`],
    coverage: Coverage.CANNOT_ARISE,
    why: 'CloudFormation sends its own idempotency token; the two resources are raw CfnResources (the floor has no L1), which Tags.of() does not tag.',
  },

  // --- IAM (the created SMS role) ---------------------------------------------------------
  {
    entries: [`${I}*!ServiceFailureException`, `${I}*!ConcurrentModificationException`, `${I}*!LimitExceededException`, `${I}*!DeleteConflictException`],
    coverage: Coverage.RUNTIME,
    why: 'Service faults, account quotas (roles, policies per role, five versions of a policy), and a version still in use.',
  },
  { entries: [`${I}*!EntityAlreadyExistsException`], coverage: Coverage.CONSTRUCT, why: 'CloudFormation generates the role and policy names.' },
  {
    entries: [`${I}*!MalformedPolicyDocumentException`, `${I}*!InvalidInputException`],
    coverage: Coverage.CDK,
    why: 'aws-cdk-lib\'s PolicyDocument refuses a statement without actions or resources at synthesis; the library writes the SMS actions only.',
  },
  {
    entries: [`${I}*!NoSuchEntityException`, `${I}*!UnmodifiableEntityException`, `${I}*!PolicyNotAttachableException`],
    coverage: Coverage.CANNOT_ARISE,
    why: 'Policies attach to the created role by reference; it is not service-linked, and its managed policy is customer managed.',
  },
  {
    entries: [`${I}*Request.RoleName`, `${I}*Request.PolicyName`, `${I}*Request.PolicyArn`, `${I}*Request.PolicyDocument`, `${I}CreateRoleRequest.AssumeRolePolicyDocument`,
      `${I}CreateRoleRequest.Description`, `${I}CreatePolicyRequest.Description`, `${I}DeletePolicyVersionRequest.VersionId`],
    coverage: Coverage.CONSTRUCT,
    why: 'Generated names, references and versions; the trust and permission documents are a few statements, far under 131,072 characters; the descriptions are '
      + 'fixed sentences of the library.',
  },
  {
    entries: [`${I}CreateRoleRequest.MaxSessionDuration`, `${I}CreateRoleRequest.MaxSigninSessionDuration`, `${I}*Request.Path`, `${I}CreateRoleRequest.PermissionsBoundary`],
    coverage: Coverage.CANNOT_ARISE,
    why: `${NOT_WRITTEN} A permissions boundary added by the app's aspects is the app's.`,
  },
  { entries: [`${I}*Request.Tags`, `${I}Tag.*`], coverage: Coverage.NOT_COVERED, why: TAGS },
];

/** The whole table: Cognito, then WAF, End User Messaging and IAM. */
export const NEGATIVE_SPACE: readonly NegativeSpaceRow[] = [...COGNITO, ...WAF_EUMS_IAM];

/** A model entry as docs/negative-space/models.json holds it. */
export interface ModelEntry {
  readonly id: string;
  readonly kind: 'exception' | 'constraint';
  readonly says: string;
}

/** Whether a row's pattern (`*` for any text) matches an entry id. */
export function matches(pattern: string, id: string): boolean {
  const escaped = pattern.split('*').map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${escaped}$`).test(id);
}

/** The rows each entry is matched by. */
export function rowsOf(entries: readonly ModelEntry[], table: readonly NegativeSpaceRow[] = NEGATIVE_SPACE): Map<string, NegativeSpaceRow[]> {
  const found = new Map<string, NegativeSpaceRow[]>(entries.map(entry => [entry.id, []]));
  for (const row of table) {
    for (const entry of entries) {
      if (row.entries.some(pattern => matches(pattern, entry.id))) {
        found.get(entry.id)!.push(row);
      }
    }
  }
  return found;
}
