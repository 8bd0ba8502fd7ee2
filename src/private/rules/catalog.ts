import { Evidence, EvidenceKind, Rule, RuleAction } from './rule';

const API = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/';
const GUIDE = 'https://docs.aws.amazon.com/cognito/latest/developerguide/';
const CFN = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/';
const CFN_POOL = `${CFN}aws-resource-cognito-userpool.html`;
const CFN_RISK = `${CFN}aws-properties-cognito-userpoolriskconfigurationattachment-notifyemailtype.html`;
const BOTOCORE = 'https://github.com/boto/botocore/blob/develop/botocore/data/cognito-idp/2016-04-18/service-2.json';
const CDK_SNAPSHOTS = 'https://github.com/aws/aws-cdk/tree/main/packages/@aws-cdk-testing/framework-integ/test/aws-cognito/test';

const measured = (source: string, says: string): Evidence => ({ kind: EvidenceKind.MEASURED, source, says });
const documented = (source: string, says: string): Evidence => ({ kind: EvidenceKind.DOCUMENTED, source, says });
const schema = (source: string, says: string): Evidence => ({ kind: EvidenceKind.SCHEMA, source, says });
const contract = (says: string): Evidence => ({ kind: EvidenceKind.CONTRACT, source: 'https://github.com/cdk-mfa-user-pool/cdk-mfa-user-pool/blob/main/API.md', says });
const policy = (source: string, says: string): Evidence => ({ kind: EvidenceKind.POLICY, source, says });
const inferred = (source: string, says: string): Evidence => ({ kind: EvidenceKind.INFERRED, source, says });

/** A rule whose id and action are kept as literal types, so that phases can only refuse with refusals. */
type RuleOf<I extends string, A extends RuleAction> = Rule & { readonly id: I; readonly action: A };
const refusal = <I extends string>(id: I, statement: string, ...evidence: Evidence[]): RuleOf<I, 'refuse'> =>
  ({ id, action: 'refuse', statement, evidence });
const advisory = <I extends string>(id: I, statement: string, ...evidence: Evidence[]): RuleOf<I, 'advise'> =>
  ({ id, action: 'advise', statement, evidence });

const CONTRACT_IGNORED = 'MfaUserPool writes nothing for this input in this configuration, so accepting it would ignore the user silently.';
const SNS_TABLE = documented(`${GUIDE}user-pool-sms-settings.html#sms-choose-a-region`,
  'The SNS path Region table lists, for each pool Region, the SNS Regions Cognito accepts; "To send SMS messages from a user pool in any other AWS Region, use AWS End User Messaging SMS directly."');
const SNS_REGION_API = documented(`${API}API_SmsConfigurationType.html`,
  'SnsRegion: "You can choose the same Region as your user pool, or a supported Legacy Amazon SNS alternate Region."');
const ALARM_REGION = documented('https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html',
  'A CloudWatch alarm evaluates metrics of its own Region (cross-Region metrics are for dashboards); aws-cdk-lib refuses "Cannot create an Alarm in region X based on metric Y in Z".');
const STS_EXTERNAL_ID = documented('https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
  'ExternalId: length 2 to 1224, pattern [\\w+=,.@:\\/-]*; Cognito presents it when it assumes the role.');
const EUMS_REGION = documented(`${API}API_EumsSmsConfigurationType.html`,
  'Region: "If you omit this parameter, Amazon Cognito uses the same Region as your user pool ... Amazon Cognito rejects any other value with an InvalidParameterException."');
const EUMS_IDENTITY = documented(`${API}API_EumsSmsConfigurationType.html`,
  'OriginationIdentity: "You can provide an E.164 phone number or the ARN of the phone number, sender ID, or phone pool"; the API model gives it no pattern, so Cognito passes any string to End User Messaging at send time.');

/**
 * Every refusal and advisory of the library, keyed by id. A refusal needs measured, documented,
 * schema or contract evidence; anything weaker is an advisory (test/rules/catalog.test.ts checks
 * it, and that every rule has a test that triggers it). `docs/RULES.md` is generated from it.
 */
export const RULES = {
  // --- This library's own inputs --------------------------------------------------------------
  notAMember: refusal('notAMember', 'A value given for an enum-typed prop must be one of its members.',
    contract('JavaScript callers and the other jsii languages can pass any value where an enum is typed; an unknown member has no mapping to the template.')),
  ownedField: refusal('ownedField', 'Fields of cognito.UserPoolProps that MfaUserPool decides cannot be passed through userPoolProps.',
    contract('MfaUserPool sets these fields itself; a passed value would either fight the construct or be silently overwritten.')),
  factorWhileMfaOff: refusal('factorWhileMfaOff', 'An MFA factor (totp, email, smsMfa, passkeys.countsAsMfa) cannot be given while mfa is OFF.',
    contract(CONTRACT_IGNORED),
    measured('https://github.com/go-to-k/cdkd/issues/1923', 'SetUserPoolMfaConfig with MfaConfiguration OFF and an email or software-token factor: "InvalidParameterException: Invalid MFA configuration given, can\'t turn off MFA and configure an MFA together" (us-east-1, 2026-08-19).'),
    measured('https://github.com/aws/aws-cdk/issues/11478', 'A template with EnabledMfas [SMS_MFA, SOFTWARE_TOKEN_MFA] and MfaConfiguration OFF failed to deploy (2021-02-10 comment).')),
  alarmsTwice: refusal('alarmsTwice', 'addAlarms() is called once per pool.',
    contract('A second call would create a second set of alarms under the same construct ids.')),
  dashboardTwice: refusal('dashboardTwice', 'addDashboard() is called once per pool.',
    contract('A second call would create a second dashboard under the same construct id (the constructs library refuses it with a message that names neither the method nor the fix).')),
  alarmOption: refusal('alarmOption', 'addAlarms() thresholds and the period are in their ranges, and the spend limit is a number known at synth.',
    contract('The spend threshold is computed from the limit and the percent; a success rate is 0 to 1; thresholds of counts are at least 1.'),
    documented('https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html', 'Period: "Valid values are 10, 20, 30, and any multiple of 60"; 10 to 30 seconds only for high-resolution metrics, which these are not.')),
  alarmSpendIgnored: refusal('alarmSpendIgnored', 'addAlarms(smsMonthlySpendLimitUsd) needs a pool that sends SMS through Amazon SNS.',
    contract('Amazon SNS reports SMS spend only for SMS it sends: on the direct End User Messaging path, or without SMS, the option would be ignored.')),
  smsAlarmsInOtherRegion: refusal('smsAlarmsInOtherRegion', 'addAlarms(smsMonthlySpendLimitUsd) is refused when Amazon SNS sends the pool\'s SMS from another Region (or one that cannot be told): the alarm could never fire.',
    ALARM_REGION,
    documented('https://docs.aws.amazon.com/sns/latest/dg/sms_stats_cloudwatch.html', 'Amazon SNS publishes SMSMonthToDateSpentUSD and SMSSuccessRate in the Region that sends the SMS.')),
  smsMetricsInOtherRegion: advisory('smsMetricsInOtherRegion', 'addAlarms() creates no SMS success-rate alarm when Amazon SNS sends the pool\'s SMS from another Region (or one that cannot be told); the metric methods point at that Region.',
    ALARM_REGION),
  metricNotDelivered: refusal('metricNotDelivered', 'metricMessageDeliveryErrors() needs the message delivery error logs.',
    contract('The metric is counted by a filter on the delivered logs; without them there is nothing to count.')),
  metricWithoutWebAcl: refusal('metricWithoutWebAcl', 'metricWebAclBlockedRequests() needs the web ACL this library creates.',
    contract('The metric is named by the created web ACL\'s metric name; a pool without one, or with a web ACL brought by ARN, has no name this library knows.')),
  grantWithoutActions: refusal('grantWithoutActions', 'grant() needs at least one action.',
    contract('A grant of no action creates an empty policy statement.')),

  // --- MFA and its factors ------------------------------------------------------------------------
  mfaWithoutFactor: refusal('mfaWithoutFactor', 'mfa OPTIONAL or REQUIRED needs at least one MFA factor (TOTP, SMS or email); passkeys that count as MFA need one too.',
    measured('https://github.com/anomalyco/sst/issues/5177', '"Invalid MFA configuration given, can\'t disable all MFAs with a required or optional configuration." (2024-12-05).'),
    documented(`${API}API_WebAuthnMfaSettingsType.html`, 'Passkey MFA needs "at least one other MFA method ... to prevent account lockout".')),
  smsMfaFollowsSmsConfiguration: refusal('smsMfaFollowsSmsConfiguration', 'smsMfa cannot be false while mfa is on and the pool has an SMS configuration: Cognito refuses to turn SMS_MFA off while an SMS configuration is set.',
    measured('https://github.com/aws-amplify/amplify-backend/issues/1481', 'Updating a pool with phone sign-in to TOTP-only MFA: UPDATE_FAILED "Can\'t turn off SMS_MFA when SMS configuration is set for the user pool" (2024-05-08).'),
    measured('https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/1981', 'Creating a pool with EnabledMfas [SOFTWARE_TOKEN_MFA] and an SMS configuration: "Invalid request provided: Can\'t turn off SMS_MFA ..." (2024-03-27).'),
    measured('https://github.com/aws-amplify/amplify-backend/pull/1523', 'The same error whenever an SMS configuration is set and SMS MFA is not enabled (2024-05-15).')),
  smsMfaWithoutSms: refusal('smsMfaWithoutSms', 'smsMfa: true needs sms, the configuration Cognito sends the codes with.',
    contract('Without sms there is no SMS role or configuration to enable the factor with.'),
    documented(`${CFN_POOL}#cfn-cognito-userpool-smsconfiguration`, 'SmsConfiguration is the role and external ID Cognito sends SMS with, MFA codes included.')),
  emailOnlyMfa: advisory('emailOnlyMfa', 'Email as the only MFA factor has been measured to fail at pool creation through CloudFormation (updates succeed), which synth cannot tell apart.',
    measured('https://github.com/aws/aws-cdk/issues/32615', 'CfnUserPool with only EMAIL_OTP: "SMS configuration and Auto verification for phone_number are required when MFA is required/optional" on create; the same pool created without MFA and then updated works (2024-12-20).'),
    measured('https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/2221', 'The same error text on create, open (2024-12-27).')),
  phoneNeedsSms: refusal('phoneNeedsSms', 'Phone verification (autoVerify phone, the default with phone sign-in) needs the pool\'s SMS configuration.',
    measured('https://github.com/aws-amplify/amplify-backend/pull/1523', 'Cognito refuses a pool without an SMS configuration whose phone number is auto-verified: "SMS configuration is required when phone_number is selected for auto verification" (2024-05-15).')),

  // --- SMS -------------------------------------------------------------------------------------------
  smsMessageForm: refusal('smsMessageForm', 'sms.message contains {####} and has 6 to 140 characters.',
    schema(BOTOCORE, 'SmsAuthenticationMessage: pattern .*\\{####\\}.*, length 6 to 140.'),
    schema(`${CFN_POOL}#cfn-cognito-userpool-smsauthenticationmessage`, 'SmsAuthenticationMessage: minimum 6, maximum 140, pattern .*\\{####\\}.*')),
  externalIdForm: refusal('externalIdForm', 'sms.externalId has 2 to 1,224 characters of [\\w+=,.@:/-].', STS_EXTERNAL_ID),
  directPathUnavailable: refusal('directPathUnavailable', 'The direct End User Messaging path is not offered for pools in ap-southeast-7, ap-east-1 and ap-southeast-5.',
    documented(`${GUIDE}user-pool-sms-settings.html#sms-choose-a-region`, '"The AWS End User Messaging SMS direct path is not available in the Asia Pacific (Thailand), Asia Pacific (Hong Kong), and Asia Pacific (Malaysia) AWS Regions."')),
  eumsRegionNotPool: refusal('eumsRegionNotPool', 'sms.region on the direct path is the pool\'s own Region.', EUMS_REGION),
  eumsRegionUnchecked: advisory('eumsRegionUnchecked', 'In an environment-agnostic stack, sms.region cannot be compared with the pool\'s Region.', EUMS_REGION),
  indiaIdsApart: advisory('indiaIdsApart', 'indiaEntityId and indiaTemplateId are usually registered together; one without the other is sent as given.',
    inferred('https://docs.aws.amazon.com/sms-voice/latest/userguide/registrations-india.html', 'India\'s DLT registration has an entity ID and template IDs; the Cognito API model makes both optional and independent (botocore EumsSmsConfigurationType).')),
  originationIdentityForm: advisory('originationIdentityForm', 'The origination identity is an E.164 number or an End User Messaging ARN, the forms the API reference lists; others are passed as given and fail when Cognito sends.',
    EUMS_IDENTITY),
  originationIdentityRegion: advisory('originationIdentityRegion', 'An origination identity ARN of another Region than the one Cognito sends from cannot send.',
    EUMS_REGION, inferred(`${API}API_EumsSmsConfigurationType.html`, 'End User Messaging sends from resources of the Region Cognito calls; the API model does not check the ARN.')),
  configurationSetForm: advisory('configurationSetForm', 'sms.configurationSetName is a name or ARN of the form End User Messaging accepts; Cognito passes it as given.',
    documented('https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/API_SendTextMessage.html', 'ConfigurationSetName: pattern [A-Za-z0-9_:/-]+, 1 to 256 characters.'),
    inferred(BOTOCORE, 'Cognito\'s EumsSmsConfigurationType.ConfigurationSetName has no pattern, so a bad name fails only when a message is sent.')),
  smsRoleNotScoped: advisory('smsRoleNotScoped', 'The created direct-path SMS role may send from any origination identity unless the identity is given as an ARN.',
    documented(`${GUIDE}user-pool-sms-settings.html#sms-setup-eums`, '"Scope the Resource element to the ARN of your phone number, phone pool, or sender ID."')),
  snsPathUnavailable: refusal('snsPathUnavailable', 'The SNS path is offered only for the pool Regions in the guide\'s SNS table (commercial partition).', SNS_TABLE),
  snsRegionRequired: refusal('snsRegionRequired', 'Pools in ap-northeast-2, ap-southeast-5, ap-southeast-7 and ap-east-1 name the SNS Region Cognito sends from.', SNS_TABLE, SNS_REGION_API),
  snsRegionNotAccepted: refusal('snsRegionNotAccepted', 'sms.snsRegion is one the guide\'s SNS table lists for the pool\'s Region (a Region name, in an environment-agnostic stack).', SNS_TABLE, SNS_REGION_API),
  snsRegionUnchecked: advisory('snsRegionUnchecked', 'sms.snsRegion cannot be checked against the pool\'s Region in an environment-agnostic stack, or outside the partition the guide\'s table describes.', SNS_TABLE),
  smsRoleTrust: refusal('smsRoleTrust', 'A brought SMS role defined in the app trusts cognito-idp.amazonaws.com with the pool\'s external ID.',
    documented(`${API}API_CreateUserPool.html#API_CreateUserPool_Errors`, 'InvalidSmsRoleTrustRelationshipException: "thrown when the trust relationship is not valid for the role provided for SMS configuration ... if you don\'t trust cognito-idp.amazonaws.com or the external ID provided in the role does not match".')),
  smsRolePublish: refusal('smsRolePublish', 'A brought SMS role defined in the app, on the SNS path, is allowed sns:Publish by the policies the app gives it.',
    documented(`${API}API_CreateUserPool.html#API_CreateUserPool_Errors`, 'InvalidSmsRoleAccessPolicyException: "returned when the role provided for SMS configuration doesn\'t have permission to publish using Amazon SNS."'),
    contract('Judged only when every policy of the role is in the app: a managed policy, a property override on the role, or a policy of another stack that imports the role, makes the permission unknown and the role is not judged; an Allow with NotAction allows what it does not name.')),
  eumsRoleWithoutSendTextMessage: advisory('eumsRoleWithoutSendTextMessage', 'A brought SMS role on the direct End User Messaging path is not allowed sms-voice:SendTextMessage by the app\'s policies.',
    documented(`${GUIDE}user-pool-sms-settings.html`, 'The direct path\'s role calls sms-voice:SendTextMessage; the API reference names no deploy-time error for a role without it, so this is advice.')),
  smsRoleTrustWithoutExternalId: advisory('smsRoleTrustWithoutExternalId', 'A brought SMS role that lets Cognito in without an external ID is accepted at deploy, but the guide requires the condition for SMS MFA.',
    documented(`${GUIDE}user-pool-sms-settings.html#sms-create-a-role`, '"To send SMS messages for multi-factor authentication, your IAM role trust policy must have an sts:ExternalId condition."'),
    documented(`${API}API_SmsConfigurationType.html`, 'ExternalId is optional in the API; the CreateUserPool trust check only fails when the role does not trust Cognito or requires another external ID.')),
  smsSpendNotAlarmed: advisory('smsSpendNotAlarmed', 'addAlarms() without smsMonthlySpendLimitUsd leaves SMS spend (SMS pumping) unwatched.',
    documented('https://docs.aws.amazon.com/sns/latest/dg/sms_stats_cloudwatch.html', 'SMSMonthToDateSpentUSD is the metric of the account\'s SMS spend.')),

  // --- Email ------------------------------------------------------------------------------------------
  emailMfaNeedsSes: refusal('emailMfaNeedsSes', 'The email MFA factor needs the pool to send email through Amazon SES.',
    documented(`${GUIDE}user-pool-settings-mfa-sms-email-message.html`, 'The guide\'s email MFA prerequisites: the pool sends email with Amazon SES (the developer email configuration); aws-cdk-lib\'s UserPool refuses email MFA without UserPoolEmail.withSES() for the same reason.')),
  emailOtpWithCognitoEmail: advisory('emailOtpWithCognitoEmail', 'Passwordless email codes with Cognito\'s default email are accepted, but that email has a low daily quota.',
    measured(`${CDK_SNAPSHOTS}/integ.user-pool-passwordless.js.snapshot/integ-user-pool-passwordless.template.json`, 'Deployed snapshot: AllowedFirstAuthFactors [PASSWORD, EMAIL_OTP, WEB_AUTHN] with no EmailConfiguration.'),
    documented(`${GUIDE}user-pool-email.html#user-pool-email-default`, 'The default email configuration has a low daily sending quota; use Amazon SES for production.')),
  emailMessageForm: refusal('emailMessageForm', 'email.body contains {####} and has 6 to 20,000 characters; email.subject has 1 to 140.',
    schema(BOTOCORE, 'EmailMfaConfigType.Message: pattern ...\\{####\\}..., length 6 to 20,000; Subject 1 to 140.'),
    schema(`${CFN_POOL}#cfn-cognito-userpool-emailauthenticationmessage`, 'EmailAuthenticationMessage and EmailAuthenticationSubject: the same limits.')),

  // --- Plan and threat protection ---------------------------------------------------------------------
  threatProtectionNeedsPlus: refusal('threatProtectionNeedsPlus', 'Threat protection needs the PLUS feature plan.',
    documented(`${GUIDE}cognito-sign-in-feature-plans.html`, 'Threat protection is a feature of the Plus plan.'),
    documented(`${API}API_CreateUserPool.html#API_CreateUserPool_Errors`, 'FeatureUnavailableInTierException: "thrown when a feature that you attempted to use or configure isn\'t included in your user pool\'s current feature plan".')),
  emailMfaNeedsEssentials: refusal('emailMfaNeedsEssentials', 'The email MFA factor needs the ESSENTIALS or PLUS feature plan.',
    schema(BOTOCORE, 'EmailMfaConfigType: "To activate this setting, your user pool must be in the Essentials tier or higher."')),
  firstFactorsNeedEssentials: refusal('firstFactorsNeedEssentials', 'Passkeys and passwordless first factors need the ESSENTIALS or PLUS feature plan.',
    schema(BOTOCORE, 'SignInPolicyType: "To activate this setting, your user pool must be in the Essentials tier or higher."')),
  threatProtectionWithoutRiskConfiguration: advisory('threatProtectionWithoutRiskConfiguration', 'ENFORCED threat protection without adaptiveAuthentication leaves the risk responses to Cognito\'s unstated defaults.',
    inferred(`${API}API_AccountTakeoverActionType.html`, 'The documentation describes configured actions only.')),

  // --- First factors -----------------------------------------------------------------------------------
  otpFirstFactorWithRequiredMfa: refusal('otpFirstFactorWithRequiredMfa', 'Email or SMS OTP first factors are refused while mfa is REQUIRED.',
    measured('https://github.com/go-to-k/cdkd/issues/1975', '"Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is enabled" for [PASSWORD, EMAIL_OTP] and [PASSWORD, SMS_OTP] with MFA ON; OPTIONAL accepted (us-east-1, 2026-08-19).')),
  smsOtpNeedsSms: refusal('smsOtpNeedsSms', 'The SMS OTP first factor needs the pool\'s SMS configuration.',
    measured('https://github.com/go-to-k/cdkd/issues/1975', 'CreateUserPool: "SMS_OTP can not be configured as AuthFactor as user pool is missing valid SMS configuration" (us-east-1, 2026-08-19).')),
  mfaWithPasswordless: advisory('mfaWithPasswordless', 'Passwordless first factors with mfa OPTIONAL: those sign-ins skip MFA.',
    documented(`${GUIDE}authentication-flows-selection-sdk.html`, 'Passwordless sign-in does not prompt for MFA.')),
  relyingPartyIdForm: refusal('relyingPartyIdForm', 'passkeys.relyingPartyId has 1 to 63 characters.',
    schema(`${CFN_POOL}#cfn-cognito-userpool-webauthnrelyingpartyid`, 'WebAuthnRelyingPartyID: minimum 1, maximum 63.')),
  relyingPartyIdNotDomain: advisory('relyingPartyIdNotDomain', 'passkeys.relyingPartyId is a bare domain name (no scheme, path or port), as WebAuthn requires.',
    documented('https://www.w3.org/TR/webauthn-3/#relying-party-identifier', 'An RP ID is a valid domain string.'),
    inferred(BOTOCORE, 'RelyingPartyIdType has no pattern: Cognito accepts the value at deploy and passkey registration fails.')),
  singleFactorPasskeyWithRequiredMfa: refusal('singleFactorPasskeyWithRequiredMfa', 'Passkeys must count as MFA (MULTI_FACTOR_WITH_USER_VERIFICATION) while mfa is REQUIRED.',
    measured('https://github.com/go-to-k/cdkd/issues/2064', '"Cannot set WebAuthn factor configuration to SINGLE_FACTOR if MFA is required and WebAuthn is an allowed first auth factor" (us-east-1, 2026-08-20).')),
  passkeyWithoutUserVerification: advisory('passkeyWithoutUserVerification', 'A passkey that counts as MFA without required user verification asks some users for another factor.',
    schema(BOTOCORE, 'WebAuthnConfigurationType.FactorConfiguration: "passkey authentication with user verification satisfies MFA requirements".')),
  noChoiceBasedSignIn: advisory('noChoiceBasedSignIn', 'An app client without ALLOW_USER_AUTH cannot use the pool\'s passkeys or passwordless codes.',
    documented(`${GUIDE}authentication-flows-selection-sdk.html`, 'Choice-based sign-in needs the ALLOW_USER_AUTH flow.')),

  // --- Account recovery --------------------------------------------------------------------------------
  phoneRecoveryWithSmsMfaAndPhoneUsername: refusal('phoneRecoveryWithSmsMfaAndPhoneUsername', 'With the phone number as username, auto-verified, and SMS as an MFA factor, recovery cannot use the phone number.',
    measured('https://github.com/aws/aws-cdk/issues/11478', 'signInAliases { phone } only, autoVerify { phone }, MFA REQUIRED with SMS and TOTP, EMAIL_AND_PHONE_WITHOUT_MFA: "Invalid account recovery setting parameter. Account Recovery Setting cannot use verified_phone_number as a recovery mechanism when SMS MFA is configured." (2023-07-27).'),
    measured(`${CDK_SNAPSHOTS}/integ.user-pool-mfa-email.js.snapshot/integ-user-email-mfa.template.json`, 'Deployed snapshot: MfaConfiguration ON, EnabledMfas [SMS_MFA, EMAIL_OTP], recovery verified_phone_number then verified_email, username sign-in: accepted. The refusal is kept to the measured shape.')),
  phoneRecoveryWithSmsMfa: advisory('phoneRecoveryWithSmsMfa', 'Recovery by SMS next to the SMS MFA factor: users whose MFA is SMS cannot use it, the others get codes a SIM swap intercepts.',
    measured(`${CDK_SNAPSHOTS}/integ.user-pool-mfa-email.js.snapshot/integ-user-email-mfa.template.json`, 'Accepted by Cognito (deployed snapshot); the risk is the user\'s, not the deployment\'s.'),
    documented(`${GUIDE}how-to-recover-a-user-account.html`, 'Recovery sends a code to the verified phone number or email.')),
  legacyRecoveryWithSmsMfa: advisory('legacyRecoveryWithSmsMfa', 'AccountRecovery.PHONE_AND_EMAIL writes no recovery setting: Cognito\'s legacy behaviour resets by SMS even for users whose MFA is SMS.',
    documented(`${API}API_CreateUserPool.html#CognitoUserPools-CreateUserPool-request-AccountRecoverySetting`, '"With this setting, SMS doesn\'t qualify for a valid password recovery mechanism if the user also has SMS multi-factor authentication (MFA) activated ... In the absence of this setting, Amazon Cognito uses the legacy behavior to determine the recovery method where SMS is preferred over email."')),
  emailRecoveryWithEmailMfa: advisory('emailRecoveryWithEmailMfa', 'Users whose MFA is email cannot recover their account by email: they need another mechanism or an administrator.',
    documented(`${API}API_CreateUserPool.html#CognitoUserPools-CreateUserPool-request-AccountRecoverySetting`, '"Email MFA is also disqualifying for account recovery with email ... As a best practice, configure both verified_email and verified_phone_number."'),
    measured(`${CDK_SNAPSHOTS}/integ.user-pool-mfa-email.js.snapshot/integ-user-email-mfa.template.json`, 'Deployed snapshot: EMAIL_OTP with verified_email recovery accepted.')),
  phoneRecoveryWithoutSms: advisory('phoneRecoveryWithoutSms', 'Recovery by SMS without an SMS configuration sends no code: users without a verified email cannot recover.',
    measured(`${CDK_SNAPSHOTS}/integ.user-pool-passwordless.js.snapshot/integ-user-pool-passwordless.template.json`, 'Deployed snapshot: verified_phone_number recovery with no SmsConfiguration accepted.')),

  // --- Adaptive authentication ----------------------------------------------------------------------------
  adaptiveNeedsThreatProtection: refusal('adaptiveNeedsThreatProtection', 'adaptiveAuthentication needs threat protection (threatProtection or customAuthThreatProtection AUDIT or ENFORCED).',
    documented(`${API}API_SetRiskConfiguration.html#API_SetRiskConfiguration_Errors`, 'UserPoolAddOnNotEnabledException: "thrown when user pool add-ons aren\'t enabled".')),
  threatProtectionForCustomAuthOnly: advisory('threatProtectionForCustomAuthOnly', 'With only customAuthThreatProtection on, adaptive authentication and user authentication events concern custom authentication sign-ins.',
    documented(`${GUIDE}cognito-user-pool-settings-threat-protection.html`, 'Threat protection for custom authentication applies to custom authentication flows; standard threat protection to password and SRP sign-ins.'),
    inferred(`${CFN}aws-resource-cognito-logdeliveryconfiguration.html`, 'userAuthEvents are exported "when threat protection is active"; which sign-ins are scored with custom-auth protection only is not documented.')),
  riskNotificationWithoutFrom: advisory('riskNotificationWithoutFrom', 'Risk notifications from an SES domain identity need a from address of that domain.',
    schema(BOTOCORE, 'NotifyConfigurationType.From: "The address must be either individually verified with Amazon Simple Email Service, or from a domain that has been verified with Amazon SES"; SourceArn is the identity "that permits Amazon Cognito to send for the email address specified in the From parameter".'),
    inferred(BOTOCORE, 'A domain identity names no address, so without From there is none to send from.')),
  adaptiveAuthenticationInAudit: advisory('adaptiveAuthenticationInAudit', 'In AUDIT, threat protection scores and logs risk but takes none of the configured actions.',
    documented(`${API}API_AccountTakeoverActionType.html`, 'The actions apply "in full-function, or ENFORCED, mode".')),
  adaptiveWithoutAction: advisory('adaptiveWithoutAction', 'An adaptive authentication that configures no response, no compromised-credentials action and no IP exception changes nothing.',
    schema(BOTOCORE, 'SetRiskConfiguration: every configuration is optional, so an empty one is accepted.')),
  riskMfaWithoutMfa: advisory('riskMfaWithoutMfa', 'A risk action that asks for MFA while mfa is OFF has no factor to ask for.',
    schema(BOTOCORE, 'AccountTakeoverEventActionType MFA_IF_CONFIGURED: "MFA is possible if the user pool has active MFA methods that the user can set up."'),
    documented(`${CFN_POOL}#cfn-cognito-userpool-mfaconfiguration`, '"For user pools with adaptive authentication with threat protection, choose OPTIONAL."')),
  riskMfaWithRequiredMfa: advisory('riskMfaWithRequiredMfa', 'Risk-based MFA changes nothing while mfa is REQUIRED.',
    documented(`${GUIDE}cognito-user-pool-settings-adaptive-authentication.html`, 'Adaptive authentication adds MFA for users who do not have it; users with MFA always get the challenge.')),
  riskNotifyWithoutNotification: advisory('riskNotifyWithoutNotification', 'A risk response with notify: true without the notification configuration has no SES identity to send from.',
    schema(BOTOCORE, 'NotifyConfigurationType requires SourceArn, the identity Cognito sends from; AccountTakeoverRiskConfigurationType makes NotifyConfiguration optional, so no deploy-time rejection is documented.')),
  unusedRiskNotification: advisory('unusedRiskNotification', 'A notification configuration that no risk level uses sends nothing.',
    schema(BOTOCORE, 'AccountTakeoverActionType.Notify decides per level whether a message is sent.')),
  compromisedCredentialsEventsUnique: refusal('compromisedCredentialsEventsUnique', 'compromisedCredentials.events lists each event once.',
    schema(`${CFN}aws-properties-cognito-userpoolriskconfigurationattachment-compromisedcredentialsriskconfigurationtype.html`,
      'The CloudFormation schema marks EventFilter uniqueItems: aws-cdk-lib\'s validation reports "Array items are not unique" (F3037).')),
  compromisedCredentialsWithoutEvents: advisory('compromisedCredentialsWithoutEvents', 'An empty compromisedCredentials.events list is written as given; leave it unset for every event.',
    schema(BOTOCORE, 'CompromisedCredentialsRiskConfigurationType.EventFilter: "Defaults to all events."')),
  riskIpRanges: refusal('riskIpRanges', 'IP exceptions are at most 200 distinct CIDR blocks per list.',
    schema(BOTOCORE, 'BlockedIPRangeList and SkippedIPRangeList: max 200 items, "set in CIDR notation".'),
    schema(`${CFN}aws-properties-cognito-userpoolriskconfigurationattachment-riskexceptionconfigurationtype.html`,
      'The CloudFormation schema marks both lists uniqueItems: aws-cdk-lib\'s validation reports "Array items are not unique" (F3037).')),
  riskEmailForm: refusal('riskEmailForm', 'A risk notification email has a subject of 1 to 140 characters and bodies of 6 to 20,000.',
    schema(BOTOCORE, 'NotifyEmailType: Subject required, 1 to 140; HtmlBody and TextBody optional, 6 to 20,000.'),
    schema(CFN_RISK, 'NotifyEmailType: Subject required; HtmlBody, TextBody optional.')),
  riskEmailWithoutBody: advisory('riskEmailWithoutBody', 'A risk notification email with neither an HTML nor a text body has nothing to send.',
    schema(BOTOCORE, 'NotifyEmailType: "Choose an HtmlBody or a TextBody to send an HTML-formatted or plaintext message"; both are optional in the model.')),
  unknownRiskTemplatePlaceholder: advisory('unknownRiskTemplatePlaceholder', 'Placeholders Cognito does not know are sent as typed.',
    documented(`${GUIDE}cognito-user-pool-settings-message-templates.html`, 'The advanced security template placeholders.')),

  // --- Password, lifecycle, logs --------------------------------------------------------------------------
  passwordPolicyRange: refusal('passwordPolicyRange', 'passwordPolicy minLength is 6 to 99, passwordHistorySize 0 to 24, tempPasswordValidity whole days up to 365.',
    schema(BOTOCORE, 'PasswordPolicyType: MinimumLength 6 to 99, PasswordHistorySize 0 to 24, TemporaryPasswordValidityDays 0 to 365.')),
  passwordHistoryNeedsEssentials: refusal('passwordHistoryNeedsEssentials', 'A passwordHistorySize above 0 needs the ESSENTIALS or PLUS feature plan (0, no history, is left out on LITE).',
    documented(`${GUIDE}managing-users-passwords.html#user-pool-settings-password-reuse`, 'Password reuse prevention is a feature of the Essentials and Plus plans.')),
  weakPasswordPolicy: advisory('weakPasswordPolicy', 'A password policy weaker than 12 characters with all four character classes.',
    documented('https://pages.nist.gov/800-63-4/sp800-63b.html', 'Length is the strongest password control.')),
  dataLossRisk: advisory('dataLossRisk', 'A pool that can be deleted with its users (removal policy DESTROY or no deletion protection).',
    documented(`${GUIDE}user-pool-settings-deletion-protection.html`, 'Deletion protection keeps a pool from being deleted.')),
  userAuthEventsNeedThreatProtection: refusal('userAuthEventsNeedThreatProtection', 'logDelivery.userAuthEvents needs threat protection (threatProtection or customAuthThreatProtection on).',
    documented(`${CFN}aws-resource-cognito-logdeliveryconfiguration.html`, 'userAuthEvents: Cognito exports user activity logs "when threat protection is active".')),
  implicitGrant: refusal('implicitGrant', 'addAppClient does not make clients with the OAuth implicit grant (Cognito accepts them; pool.userPool.addClient() still can).',
    policy('https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2', 'OAuth 2.0 Security Best Current Practice: "clients SHOULD NOT use the implicit grant (response type token) or other response types issuing access tokens in the authorization response", which leak them through the URL.'),
    documented(`${API}API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthFlows`, 'implicit: "Issue the access token, and the ID token ..., directly to your user." Cognito accepts the grant: the refusal is this library\'s secure default, not a deploy-time rule.')),
  oAuthWithoutGrant: refusal('oAuthWithoutGrant', 'OAuth settings on a client need at least one grant.',
    contract('An OAuth client with no grant is a call addAppClient cannot honour: its callback URLs and scopes would be written, but no OAuth flow could ever use them.')),
  clientCredentialsNotAlone: refusal('clientCredentialsNotAlone', 'The client credentials grant must be a client\'s only OAuth grant.',
    documented(`${API}API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthFlows`, '"To create an app client that generates client credentials grants, you must add client_credentials as the only allowed OAuth flow."')),
  clientCredentialsWithoutSecret: refusal('clientCredentialsWithoutSecret', 'The client credentials grant needs a client secret.',
    documented(`${API}API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthFlows`, 'client_credentials: "Issue the access token from the /oauth2/token endpoint directly to a non-person user, authorized by a combination of the client ID and client secret."'),
    contract('A client without a secret can never be granted client credentials (RFC 6749 section 4.4: "MUST only be used by confidential clients"), so the grant asked for could not be honoured.')),
  codeGrantWithoutCallback: refusal('codeGrantWithoutCallback', 'The authorization code grant needs at least one callback URL; addAppClient puts no placeholder.',
    documented(`${API}API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-CallbackURLs`, '"Amazon Cognito doesn\'t accept authorization requests with redirect_uri values that aren\'t in the list of CallbackURLs that you provide."'),
    contract('Without callback URLs the L2 would put https://example.com, a URL the app does not own, where Cognito would send the users\' codes.')),
  clientKeepsOAuthDefaults: advisory('clientKeepsOAuthDefaults', 'An app client of the pool made with the L2 keeps its OAuth defaults: the implicit grant and the https://example.com callback URL.',
    policy('https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2', 'Clients "SHOULD NOT use the implicit grant"; the L2 enables it, and puts https://example.com as the callback URL, when oAuth does not say otherwise.')),
  // --- Abuse protection (WAF) ---------------------------------------------------------------------------
  rateLimitRange: refusal('rateLimitRange', 'A rate limit of abuseProtection is a whole number from 10 to 2,000,000,000 requests.',
    schema('https://docs.aws.amazon.com/waf/latest/APIReference/API_RateBasedStatement.html', 'Limit: "Valid Range: Minimum value of 10. Maximum value of 2000000000." (also the minimum of the CloudFormation schema aws-cdk-lib validates against).')),
  rateLimitWindow: refusal('rateLimitWindow', 'abuseProtection.evaluationWindow is 1, 2, 5 or 10 minutes.',
    schema('https://docs.aws.amazon.com/waf/latest/APIReference/API_RateBasedStatement.html', 'EvaluationWindowSec: "Valid Values: 60 | 120 | 300 | 600".')),
  webAclArnWithRules: refusal('webAclArnWithRules', 'abuseProtection.webAclArn brings a web ACL of your own: the options of the created one do not apply to it.',
    contract('The rate limits, managed groups, CAPTCHA and logging describe the web ACL this library creates; with webAclArn none is created, so they would be ignored silently.')),
  webAclArnForm: refusal('webAclArnForm', 'abuseProtection.webAclArn is the ARN of a regional WAFv2 web ACL of the pool\'s Region.',
    documented(`${GUIDE}user-pool-waf.html`, '"You can associate a regional web ACL with a user pool"; the web ACL must be in the same Region as the user pool (WAF guide: a regional application uses a REGIONAL web ACL of its Region).'),
    documented('https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html', 'A web ACL for a regional resource must have scope REGIONAL and be in the resource\'s Region; global (CloudFront) web ACLs cannot be associated with it.'),
    documented('https://docs.aws.amazon.com/service-authorization/latest/reference/list_awswafv2.html#awswafv2-resources-for-iam-policies', 'The web ACL ARN is arn:${Partition}:wafv2:${Region}:${Account}:${Scope}/webacl/${Name}/${Id}, Scope regional or global: a string of another form names no web ACL to associate.')),
  webAclWithAtp: refusal('webAclWithAtp', 'A web ACL of the app brought by abuseProtection.webAclArn does not use the account takeover prevention group (AWSManagedRulesATPRuleSet).',
    documented(`${GUIDE}user-pool-waf.html`, '"You can\'t associate a web ACL that uses AWS WAF Fraud Control account takeover prevention (ATP) ... AWS-AWSManagedRulesATPRuleSet ... be sure that it doesn\'t use this managed rule group."'),
    contract('Judged on the CfnWebACL\'s rules prop when the ARN is the attrArn of a web ACL of this app; a literal ARN, an imported value or a property override cannot be seen.')),
  smsSignUpWithoutAbuseProtection: advisory('smsSignUpWithoutAbuseProtection', 'A pool that sends SMS codes and lets anyone sign up, with no abuse protection, is open to SMS pumping.',
    documented(`${GUIDE}user-pool-security-best-practices.html`, '"Protect against SMS message abuse": AWS recommends a WAF web ACL, country controls and monitoring for pools that send SMS.')),
  smsCountriesWithoutSms: refusal('smsCountriesWithoutSms', 'abuseProtection.smsCountries needs a pool that sends SMS.',
    contract(`Country rules govern the SMS codes the pool sends; ${CONTRACT_IGNORED}`)),
  smsCountriesOnSnsPath: refusal('smsCountriesOnSnsPath', 'abuseProtection.smsCountries needs the direct End User Messaging path: on the SNS path only the account default protect configuration applies.',
    documented(`${GUIDE}user-pool-sms-settings.html`, 'The path comparison, "Fraud protection (Protect)": the SNS path uses the account default protect configuration only; "To apply a protect configuration to a specific use case, link it to a configuration set and use the direct AWS End User Messaging SMS path".'),
    documented('https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/API_SetAccountDefaultProtectConfiguration.html', 'The account default is set with the SetAccountDefaultProtectConfiguration API; CloudFormation has no resource or property for it.'),
    contract(`On the SNS path Cognito names no configuration set, so a protect configuration on one would never apply; ${CONTRACT_IGNORED}`)),
  smsCountriesOwnConfigurationSet: refusal('smsCountriesOwnConfigurationSet', 'abuseProtection.smsCountries attaches its protect configuration to a configuration set this library creates, not to one sms.configurationSetName names.',
    documented(`${CFN}aws-resource-smsvoice-configurationset.html`, 'CloudFormation links a protect configuration to a set only through the set\'s own ProtectConfigurationId property; no resource associates one with an existing set.'),
    contract('A set named in sms.configurationSetName is not in the template, so this library cannot honour the rules on it.')),
  smsCountriesUnresolved: refusal('smsCountriesUnresolved', 'abuseProtection.smsCountries.allow is a list of literal codes.',
    contract('The rules for every country not allowed are written at synthesis, which needs the allowed codes themselves; a token list cannot be honoured.')),
  smsCountryCode: refusal('smsCountryCode', 'A country code of abuseProtection.smsCountries.allow is two capital letters.',
    schema(`${CFN}aws-properties-smsvoice-protectconfiguration-countryrule.html`, 'CountryRule.CountryCode: "The two-letter ISO country code", pattern ^[A-Z]{2}$.')),
  smsCountriesSetName: refusal('smsCountriesSetName', 'abuseProtection.smsCountries.configurationSetName is 1 to 64 letters, digits, _ and -.',
    schema(`${CFN}aws-resource-smsvoice-configurationset.html`, 'ConfigurationSetName: minimum length 1, maximum 64, pattern ^[A-Za-z0-9_-]+$.')),
  smsCountryNotIso: advisory('smsCountryNotIso', 'An allowed code that is not an ISO 3166-1 country code is left out of the rule set.',
    documented('https://docs.aws.amazon.com/pinpoint/latest/apireference_smsvoicev2/API_UpdateProtectConfigurationCountryRuleSet.html', 'The rule set is keyed by "the two-letter ISO country code"; End User Messaging allows every code the rule set does not list (CreateProtectConfiguration: "By default all country rule sets for each capability are set to ALLOW").')),
  smsCountriesAllowNone: advisory('smsCountriesAllowNone', 'Country rules that allow no country and block the others stop every SMS code.',
    documented('https://docs.aws.amazon.com/sms-voice/latest/userguide/protect.html', 'A protect configuration\'s Block rule stops every message to the country.')),
  userExistenceErrors: advisory('userExistenceErrors', 'An app client that reveals which usernames exist.',
    documented(`${GUIDE}cognito-user-pool-managing-errors.html`, 'PreventUserExistenceErrors hides whether a user exists.')),
} as const satisfies Record<string, Rule>;

/** The name of a rule in the catalog. */
export type RuleName = keyof typeof RULES;

/** Every rule, in catalog order. */
export const ALL_RULES: readonly Rule[] = Object.values(RULES);
