import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { MfaEnforcement, MfaUserPool, SmsMfa } from '../src';
import { ACCOUNT, build, newStack, poolProperties, SES } from './util';


describe('secure defaults', () => {
  test('email sign-in, email auto-verified and kept until a new address is verified', () => {
    const { template } = build();

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  test('the pool is retained and deletion-protected', () => {
    const { template, annotations } = build();

    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
    annotations.hasNoWarning('*', Match.stringLikeRegexp('dataLossRisk'));
  });

  test('a destroyable or unprotected pool is allowed with a warning', () => {
    const destroy = build({ removalPolicy: RemovalPolicy.DESTROY });
    destroy.template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete' });
    destroy.annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('can be deleted with every user in it.*cdk-mfa-user-pool:dataLossRisk'));

    const unprotected = build({ deletionProtection: false });
    unprotected.template.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'INACTIVE' });
    unprotected.annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('deletionProtection: false'));
  });
});

describe('password policy', () => {
  test('the default is 12 characters of four kinds', () => {
    const { template, annotations } = build();

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true },
      },
    });
    annotations.hasNoWarning('*', Match.stringLikeRegexp('weakPasswordPolicy'));
  });

  test('fields left unset keep the strong default', () => {
    const { template } = build({ passwordPolicy: { minLength: 16, passwordHistorySize: 5 } });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: {
          MinimumLength: 16, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true, PasswordHistorySize: 5,
        },
      },
    });
  });

  test('a weaker policy is allowed but warned about, naming what is weaker', () => {
    const { template, annotations } = build({ passwordPolicy: { minLength: 8, requireSymbols: false } });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 8, RequireSymbols: false }) },
    });
    annotations.hasWarning('/TestStack/Users',
      Match.stringLikeRegexp('passwordPolicy is weaker than the default \\(minLength 8 < 12, requireSymbols: false\\).*cdk-mfa-user-pool:weakPasswordPolicy'));
  });
});

describe('password policy ranges', () => {
  test.each([5, 100, 12.5])('minLength %s is refused', (minLength) => {
    expect(() => build({ passwordPolicy: { minLength } })).toThrow(/passwordPolicy\.minLength must be a whole number from 6 to 99/);
  });

  test.each([-1, 25])('passwordHistorySize %s is refused', (passwordHistorySize) => {
    expect(() => build({ passwordPolicy: { passwordHistorySize } })).toThrow(/passwordPolicy\.passwordHistorySize must be a whole number from 0 to 24/);
  });

  test('passwordHistorySize above 0 with the LITE plan is refused', () => {
    expect(() => build({ passwordPolicy: { passwordHistorySize: 3 }, featurePlan: cognito.FeaturePlan.LITE }))
      .toThrow(/passwordPolicy\.passwordHistorySize above 0 needs the ESSENTIALS or PLUS feature plan.*\[rule: passwordHistoryNeedsEssentials/);
  });

  test('passwordHistorySize 0 (no history) with the LITE plan is left out, which means the same', () => {
    const { template } = build({ passwordPolicy: { passwordHistorySize: 0 }, featurePlan: cognito.FeaturePlan.LITE });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'LITE',
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, PasswordHistorySize: Match.absent() }) },
    });
  });

  test('passwordHistorySize 0 on ESSENTIALS is written as given', () => {
    const { template } = build({ passwordPolicy: { passwordHistorySize: 0 } });

    template.hasResourceProperties('AWS::Cognito::UserPool', { Policies: { PasswordPolicy: Match.objectLike({ PasswordHistorySize: 0 }) } });
  });

  test('a temporary password valid for more than 365 days, or part of a day, is refused', () => {
    expect(() => build({ passwordPolicy: { tempPasswordValidity: Duration.days(366) } }))
      .toThrow(/passwordPolicy\.tempPasswordValidity must be a whole number of days, at most 365 \(received: "366 days"\)/);
    expect(() => build({ passwordPolicy: { tempPasswordValidity: Duration.hours(36) } }))
      .toThrow(/passwordPolicy\.tempPasswordValidity must be a whole number of days/);
  });

  test('a temporary password validity within range reaches the template', () => {
    const { template } = build({ passwordPolicy: { tempPasswordValidity: Duration.days(3) } });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: { PasswordPolicy: Match.objectLike({ TemporaryPasswordValidityDays: 3 }) },
    });
  });
});

describe('account recovery', () => {
  test('defaults to email only', () => {
    const { template } = build({ sms: SmsMfa.withNewRole() });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
  });

  test('defaults to email with the email factor too, so that TOTP users recover by email, and says who cannot', () => {
    const { template, annotations } = build({ email: {}, userPoolProps: { email: SES } });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      EnabledMfas: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
    });
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('users whose MFA is email cannot recover.*cdk-mfa-user-pool:emailRecoveryWithEmailMfa'));
  });

  test.each([
    cognito.AccountRecovery.EMAIL_ONLY,
    cognito.AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA,
    cognito.AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
  ])('email recovery (%s) next to the email factor synthesizes with an advisory, as the deployed aws-cdk snapshot does', (accountRecovery) => {
    const { template, annotations } = build({ sms: SmsMfa.withNewRole(), email: {}, accountRecovery, userPoolProps: { email: SES } });

    template.hasResourceProperties('AWS::Cognito::UserPool', { AccountRecoverySetting: { RecoveryMechanisms: Match.arrayWith([{ Name: 'verified_email', Priority: Match.anyValue() }]) } });
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:emailRecoveryWithEmailMfa'));
  });

  test('PHONE_AND_EMAIL writes no recovery setting, so it is never refused; next to SMS MFA it is advised against', () => {
    const { template, annotations } = build({ sms: SmsMfa.withNewRole(), accountRecovery: cognito.AccountRecovery.PHONE_AND_EMAIL });

    expect(poolProperties(template).AccountRecoverySetting).toBeUndefined();
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('legacy behaviour.*cdk-mfa-user-pool:legacyRecoveryWithSmsMfa'));
  });

  test('phone recovery next to SMS MFA with email sign-in synthesizes with an advisory (the measured rejection needs the phone as username)', () => {
    const { template, annotations } = build({ sms: SmsMfa.withNewRole(), accountRecovery: cognito.AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 1 }, { Name: 'verified_email', Priority: 2 }] },
    });
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:phoneRecoveryWithSmsMfa'));
  });

  test.each([
    cognito.AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA,
    cognito.AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
    cognito.AccountRecovery.PHONE_ONLY_WITHOUT_MFA,
  ])('phone recovery (%s) with SMS MFA and the auto-verified phone as username is refused, the shape Cognito rejected', (accountRecovery) => {
    expect(() => build({ sms: SmsMfa.withNewRole(), accountRecovery, userPoolProps: { signInAliases: { phone: true } } }))
      .toThrow(/accountRecovery uses the phone number, which Cognito refuses while SMS is an MFA factor and the auto-verified phone number is the username .*\[rule: phoneRecoveryWithSmsMfaAndPhoneUsername/);
  });

  test('the refusal shows the enum member name', () => {
    const accountRecovery = cognito.AccountRecovery.PHONE_ONLY_WITHOUT_MFA;
    expect(() => build({ sms: SmsMfa.withNewRole(), accountRecovery, userPoolProps: { signInAliases: { phone: true } } }))
      .toThrow(/\(received: "PHONE_ONLY_WITHOUT_MFA"\)/);
  });

  test('phone recovery without any SMS configuration synthesizes, as Cognito accepts it, with an advisory', () => {
    const { template, annotations } = build({ accountRecovery: cognito.AccountRecovery.PHONE_ONLY_WITHOUT_MFA });

    template.hasResourceProperties('AWS::Cognito::UserPool', { AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 1 }] } });
    expect(poolProperties(template).SmsConfiguration).toBeUndefined();
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:phoneRecoveryWithoutSms'));
  });

  test('an explicit valid choice is kept', () => {
    const { template } = build({ accountRecovery: cognito.AccountRecovery.NONE });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] },
    });
  });
});

describe('phone sign-in', () => {
  test('phone sign-in with SMS works and verifies the phone', () => {
    const { template } = build({ sms: SmsMfa.withNewRole(), userPoolProps: { signInAliases: { email: true, phone: true } } });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email', 'phone_number'],
      AutoVerifiedAttributes: ['email', 'phone_number'],
      EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
      SmsConfiguration: Match.anyValue(),
    });
  });

  test('phone verification without SMS is refused (the default with phone sign-in), as Cognito rejects it', () => {
    expect(() => build({ userPoolProps: { signInAliases: { phone: true } } }))
      .toThrow(/userPoolProps\.autoVerify verifies phone numbers \(the default with phone sign-in\), which needs an SMS configuration.*Set sms: SmsMfa\.withNewRole\(\).*\[rule: phoneNeedsSms/);
    expect(() => build({ userPoolProps: { autoVerify: { email: true, phone: true } } })).toThrow(/\[rule: phoneNeedsSms/);
  });

  test('phone sign-in without phone verification needs no SMS configuration', () => {
    const { template } = build({ userPoolProps: { signInAliases: { email: true, phone: true }, autoVerify: { email: true } } });

    template.hasResourceProperties('AWS::Cognito::UserPool', { UsernameAttributes: ['email', 'phone_number'], AutoVerifiedAttributes: ['email'] });
    expect(poolProperties(template).SmsConfiguration).toBeUndefined();
  });
});

describe('userPoolProps pass-through', () => {
  test('everything the construct does not own reaches the pool', () => {
    const stack = newStack();
    const fn = new lambda.Function(stack, 'PreSignUp', {
      runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async e => e;'),
    });
    new MfaUserPool(stack, 'Users', {
      userPoolProps: {
        userPoolName: 'my-app-user-pool',
        selfSignUpEnabled: true,
        standardAttributes: { fullname: { required: true, mutable: true } },
        customAttributes: { tenant: new cognito.StringAttribute({ mutable: false }) },
        lambdaTriggers: { preSignUp: fn },
        userVerification: { emailSubject: 'Verify your MyApp account', emailBody: 'Your code is {####}' },
        userInvitation: { emailSubject: 'Welcome to MyApp' },
        signInCaseSensitive: false,
      },
    });

    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'my-app-user-pool',
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: false, InviteMessageTemplate: Match.objectLike({ EmailSubject: 'Welcome to MyApp' }) }),
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'name', Required: true }),
        Match.objectLike({ Name: 'tenant', AttributeDataType: 'String', Mutable: false }),
      ]),
      LambdaConfig: { PreSignUp: Match.anyValue() },
      EmailVerificationSubject: 'Verify your MyApp account',
      UsernameConfiguration: { CaseSensitive: false },
      MfaConfiguration: 'ON',
    });
  });

  test('sign-in aliases and auto-verify given by the user win over the defaults', () => {
    const { template } = build({ userPoolProps: { signInAliases: { username: true, email: true }, autoVerify: { email: false } } });

    const props = poolProperties(template);
    expect(props.AliasAttributes).toEqual(['email']);
    expect(props.AutoVerifiedAttributes).toEqual([]);
    expect(props.UserAttributeUpdateSettings).toBeUndefined();
  });

  test.each([
    ['mfa', cognito.Mfa.OFF, 'mfa'],
    ['mfaSecondFactor', { sms: true, otp: true }, 'totp, sms and email'],
    ['mfaMessage', 'code {####}', 'sms'],
    ['smsRole', undefined, 'sms'],
    ['smsRoleExternalId', 'x', 'sms'],
    ['snsRegion', 'us-east-1', 'sms'],
    ['enableSmsRole', true, 'sms'],
    ['deviceTracking', { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: false }, 'deviceRemembering'],
    ['featurePlan', cognito.FeaturePlan.PLUS, 'featurePlan'],
    ['advancedSecurityMode', cognito.AdvancedSecurityMode.AUDIT, 'threatProtection'],
    ['standardThreatProtectionMode', cognito.StandardThreatProtectionMode.AUDIT_ONLY, 'threatProtection'],
    ['customThreatProtectionMode', cognito.CustomThreatProtectionMode.AUDIT_ONLY, 'customAuthThreatProtection'],
    ['passwordPolicy', { minLength: 6 }, 'passwordPolicy'],
    ['accountRecovery', cognito.AccountRecovery.NONE, 'accountRecovery'],
    ['signInPolicy', { allowedFirstAuthFactors: { password: true, passkey: true } }, 'passkeys and passwordless'],
    ['passkeyRelyingPartyId', 'example.com', 'passkeys (relyingPartyId)'],
    ['passkeyUserVerification', cognito.PasskeyUserVerification.REQUIRED, 'passkeys (userVerification)'],
    ['removalPolicy', RemovalPolicy.DESTROY, 'removalPolicy'],
    ['deletionProtection', false, 'deletionProtection'],
  ])('userPoolProps.%s is refused, naming the prop to use', (field, value, instead) => {
    const stack = newStack();
    const actual = field === 'smsRole' ? iam.Role.fromRoleArn(stack, 'R', `arn:aws:iam::${ACCOUNT}:role/r`) : value;
    expect(() => new MfaUserPool(stack, 'Users', { userPoolProps: { [field]: actual } as any }))
      .toThrow(new RegExp(`userPoolProps\\.${field} is owned by MfaUserPool and cannot be passed through .*Use the MfaUserPool prop ${instead.replace(/[()]/g, '\\$&')}`));
  });
});

describe('app clients', () => {
  test('addAppClient is set up for SRP and refresh tokens, no secret, no user-existence leaks, revocation on', () => {
    const { stack, pool } = build();
    const client = pool.addAppClient('WebClient');

    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: { Ref: 'Users0A0EEA89' },
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
    expect(client).toBeInstanceOf(cognito.UserPoolClient);
  });

  test('options win over the defaults', () => {
    const { stack, pool } = build();
    pool.addAppClient('Server', { generateSecret: true, authFlows: { userSrp: true, adminUserPassword: true } });

    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  test('turning user-existence protection off is warned about', () => {
    const { stack, pool } = build();
    pool.addAppClient('Leaky', { preventUserExistenceErrors: false });

    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', { PreventUserExistenceErrors: 'LEGACY' });
    expect(JSON.stringify(stack.node.findChild('Users').node.metadata)).toMatch(/cdk-mfa-user-pool:userExistenceErrors/);
  });
});

describe('grants', () => {
  test('grantAdminMfa grants exactly the admin MFA actions on this pool only', () => {
    const { stack, pool } = build();
    const role = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
    const grant = pool.grantAdminMfa(role);

    expect(grant.success).toBe(true);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: [
            'cognito-idp:AdminGetUser',
            'cognito-idp:AdminSetUserMFAPreference',
            'cognito-idp:AdminDeleteSoftwareToken',
            'cognito-idp:AdminUserGlobalSignOut',
            'cognito-idp:AdminListDevices',
            'cognito-idp:AdminForgetDevice',
          ],
          Resource: { 'Fn::GetAtt': ['Users0A0EEA89', 'Arn'] },
        }],
      },
    });
  });

  test('grant grants the given actions on this pool only', () => {
    const { stack, pool } = build();
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
    pool.grant(role, 'cognito-idp:ListUsers');

    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'cognito-idp:ListUsers', Resource: { 'Fn::GetAtt': ['Users0A0EEA89', 'Arn'] } }] },
    });
  });

  test('grant with no action is refused', () => {
    const { stack, pool } = build();
    const role = new iam.Role(stack, 'Nobody', { assumedBy: new iam.AccountRootPrincipal() });

    expect(() => pool.grant(role)).toThrow(/grant\(actions\) needs at least one action/);
  });
});

describe('logical IDs and several pools', () => {
  test('logical IDs of the pool, the SMS role and a client are pinned', () => {
    const { stack, pool } = build({ sms: SmsMfa.withNewRole() });
    pool.addAppClient('WebClient');

    const template = Template.fromStack(stack);
    expect(Object.keys(template.findResources('AWS::Cognito::UserPool'))).toEqual(['Users0A0EEA89']);
    expect(Object.keys(template.findResources('AWS::IAM::Role'))).toEqual(['UsersSmsRole2846A27E']);
    expect(Object.keys(template.findResources('AWS::IAM::ManagedPolicy'))).toEqual(['UsersSmsPolicy52D91C97']);
    expect(Object.keys(template.findResources('AWS::Cognito::UserPoolClient'))).toEqual(['UsersWebClient8EE36D42']);
  });

  test('the pool keeps the logical ID a plain cognito.UserPool with the same id has', () => {
    const plain = newStack();
    new cognito.UserPool(plain, 'Users');

    const { template } = build();
    expect(Object.keys(template.findResources('AWS::Cognito::UserPool')))
      .toEqual(Object.keys(Template.fromStack(plain).findResources('AWS::Cognito::UserPool')));
  });

  test('the pool logical ID does not depend on MFA settings', () => {
    const ids = [
      build(),
      build({ mfa: MfaEnforcement.OFF }),
      build({ mfa: MfaEnforcement.OPTIONAL, sms: SmsMfa.withNewRole() }),
    ].map(({ template }) => Object.keys(template.findResources('AWS::Cognito::UserPool')));
    expect(new Set(ids.map(i => i.join()))).toEqual(new Set(['Users0A0EEA89']));
  });

  test('several pools in one stack each get their own role and external ID', () => {
    const stack = newStack();
    const a = new MfaUserPool(stack, 'Customers', { sms: SmsMfa.withNewRole() });
    const b = new MfaUserPool(stack, 'Staff', { sms: SmsMfa.withNewRole() });
    a.addAppClient('Web');
    b.addAppClient('Web');

    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Cognito::UserPool', 2);
    template.resourceCountIs('AWS::IAM::Role', 2);
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
    const externalIds = Object.values(template.findResources('AWS::Cognito::UserPool')).map((r: any) => r.Properties.SmsConfiguration.ExternalId);
    expect(new Set(externalIds).size).toBe(2);
    expect(a.userPoolId).not.toEqual(b.userPoolId);
  });

  test('exposes the pool, its ID and ARN', () => {
    const { stack, pool } = build();

    expect(pool.userPool).toBeInstanceOf(cognito.UserPool);
    expect(stack.resolve(pool.userPoolId)).toEqual({ Ref: 'Users0A0EEA89' });
    expect(stack.resolve(pool.userPoolArn)).toEqual({ 'Fn::GetAtt': ['Users0A0EEA89', 'Arn'] });
  });
});
