import { Fn } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { deployedContent, schemaErrors } from './amplify-schema';
import { CANONICAL } from './canonical';
import { build, newStack } from './util';
import { DeviceRemembering, ManagedLoginDomain, MfaEnforcement, MfaUserPool, SmsMfa } from '../src';

const WEB = { callbackUrls: ['https://app.example.com/callback'], logoutUrls: ['https://app.example.com/'] };

describe('addAmplifyOutputs', () => {
  test('the reference setup: OPTIONAL MFA with SMS and TOTP, the strong password policy, email sign-in, IDs as tokens', () => {
    const { stack, pool } = build(CANONICAL['reference-setup']());
    const web = pool.addAppClient('WebClient');
    const outputs = pool.addAmplifyOutputs('AmplifyOutputs', web);
    const content = deployedContent(stack, outputs.content);
    expect(content).toEqual({
      version: '1.5',
      auth: {
        aws_region: 'us-east-1',
        user_pool_id: '<Ref>',
        user_pool_client_id: '<Ref>',
        password_policy: { min_length: 12, require_lowercase: true, require_uppercase: true, require_numbers: true, require_symbols: true },
        mfa_configuration: 'OPTIONAL',
        mfa_methods: ['SMS', 'TOTP'],
        username_attributes: ['email'],
        user_verification_types: ['email'],
      },
      // The reference setup asks the user whether to remember a device: the schema has no field for it.
      custom: { device_remembering: 'USER_OPT_IN' },
    });
    expect(stack.resolve(outputs.content.auth.user_pool_id)).toEqual({ Ref: 'Users0A0EEA89' });
    expect(schemaErrors([content])).toEqual([]);
  });

  test.each([
    [DeviceRemembering.OFF, undefined],
    [DeviceRemembering.USER_OPT_IN, { device_remembering: 'USER_OPT_IN' }],
    [DeviceRemembering.ALWAYS, { device_remembering: 'ALWAYS' }],
  ])('device remembering %s is told to the client in custom (the schema has no field): %j', (deviceRemembering, custom) => {
    const { stack, pool } = build({ deviceRemembering });
    const content = deployedContent(stack, pool.addAmplifyOutputs('AmplifyOutputs', pool.addAppClient('WebClient')).content);
    expect((content as { custom?: unknown }).custom).toEqual(custom);
    expect(schemaErrors([content])).toEqual([]);
  });

  test('a stack output (and an SSM parameter on request) with the JSON resolved at deploy', () => {
    const { stack, pool } = build({ mfa: MfaEnforcement.REQUIRED });
    const web = pool.addAppClient('WebClient');
    pool.addAmplifyOutputs('AmplifyOutputs', web, { parameterName: '/myapp/amplify_outputs.json' });
    const template = Template.fromStack(stack);
    const json = template.toJSON();
    const output = Object.entries<any>(json.Outputs).find(([id]) => id.startsWith('UsersAmplifyOutputs'))![1];
    expect(output.Value['Fn::Join'][1]).toEqual(expect.arrayContaining([{ Ref: 'Users0A0EEA89' }, { Ref: expect.stringMatching(/^UsersWebClient/) }]));
    expect(output.Value['Fn::Join'][1][0]).toMatch(/^\{"version":"1\.5","auth":\{"aws_region":"us-east-1","user_pool_id":"$/);
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/myapp/amplify_outputs.json', Type: 'String', Value: output.Value });
  });

  test('passkeys, passwordless codes, phone sign-in and verification, required attributes, EMAIL MFA', () => {
    const { stack, pool } = build({
      mfa: MfaEnforcement.OPTIONAL,
      sms: SmsMfa.withNewRole(),
      email: {},
      passkeys: { relyingPartyId: 'auth.example.com', userVerification: cognito.PasskeyUserVerification.PREFERRED },
      passwordless: { smsOtp: true },
      userPoolProps: {
        signInAliases: { email: true, phone: true },
        autoVerify: { email: true, phone: true },
        standardAttributes: { givenName: { required: true }, phoneNumber: { required: true, mutable: true }, nickname: { required: false } },
        email: cognito.UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'us-east-1' }),
      },
    });
    const content: any = deployedContent(stack, pool.addAmplifyOutputs('AmplifyOutputs', pool.addAppClient('Web')).content);
    expect(content.auth).toMatchObject({
      mfa_methods: ['SMS', 'TOTP', 'EMAIL'],
      username_attributes: ['email', 'phone_number'],
      user_verification_types: ['email', 'phone_number'],
      standard_required_attributes: ['given_name', 'phone_number'],
      passwordless: { email_otp_enabled: false, sms_otp_enabled: true, web_authn: { relying_party_id: 'auth.example.com', user_verification: 'preferred' } },
    });
    expect(schemaErrors([content])).toEqual([]);
  });

  test('OAuth on the managed login domain for a client with the code grant', () => {
    const { stack, pool } = build();
    pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('myapp-users') });
    const web = pool.addAppClient('Web', { oAuth: { ...WEB, scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL] } });
    const content: any = deployedContent(stack, pool.addAmplifyOutputs('AmplifyOutputs', web).content);
    expect(content.auth.oauth).toEqual({
      identity_providers: [],
      domain: 'myapp-users.auth.us-east-1.amazoncognito.com',
      scopes: ['openid', 'email'],
      redirect_sign_in_uri: WEB.callbackUrls,
      redirect_sign_out_uri: WEB.logoutUrls,
      response_type: 'code',
    });
    expect(content.auth.mfa_configuration).toBe('REQUIRED');
    expect(schemaErrors([content])).toEqual([]);
    // Without managed login, or for an SDK-only client, no OAuth section.
    const sdk: any = deployedContent(stack, pool.addAmplifyOutputs('SdkOutputs', pool.addAppClient('Sdk')).content);
    expect(sdk.auth.oauth).toBeUndefined();
  });

  test('the pool\'s user groups, added before or after the call, with their precedence', () => {
    const { stack, pool } = build();
    const outputs = pool.addAmplifyOutputs('AmplifyOutputs', pool.addAppClient('Web'));
    new cognito.CfnUserPoolGroup(stack, 'Admins', { userPoolId: pool.userPoolId, groupName: 'admins', precedence: 1 });
    pool.userPool.addGroup('Readers', { groupName: 'readers' });
    new cognito.CfnUserPoolGroup(stack, 'Elsewhere', { userPoolId: 'us-east-1_other', groupName: 'other' });
    const content: any = deployedContent(stack, outputs.content);
    expect(content.auth.groups).toEqual([{ admins: { precedence: 1 } }, { readers: {} }]);
    expect(schemaErrors([content])).toEqual([]);
    expect(Template.fromStack(stack).toJSON().Outputs[Object.keys(Template.fromStack(stack).toJSON().Outputs)[0]].Value['Fn::Join'][1].join(''))
      .toContain('"groups":[{"admins":{"precedence":1}},{"readers":{}}]');
  });

  test('MFA OFF: NONE and no methods; an imported client gets no OAuth section', () => {
    const stack = newStack();
    const pool = new MfaUserPool(stack, 'Users', { mfa: MfaEnforcement.OFF, totp: false });
    const imported = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Imported', 'abc123');
    const content: any = deployedContent(stack, pool.addAmplifyOutputs('AmplifyOutputs', imported).content);
    expect(content.auth).toMatchObject({ mfa_configuration: 'NONE', user_pool_client_id: 'abc123' });
    expect(content.auth.mfa_methods).toBeUndefined();
    expect(schemaErrors([content])).toEqual([]);
  });

  test('every canonical configuration validates against schema 1.5', () => {
    const contents = Object.keys(CANONICAL).map(name => {
      const stack = newStack();
      const pool = new MfaUserPool(stack, 'Users', CANONICAL[name]());
      return deployedContent(stack, pool.addAmplifyOutputs('AmplifyOutputs', pool.addAppClient('Web')).content);
    });
    expect(schemaErrors(contents)).toEqual([]);
  });

  test('the schema check can fail: an unknown field, a wrong enum, a missing required field', () => {
    const errors = schemaErrors([
      { version: '1.5', auth: { aws_region: 'r', user_pool_id: 'p', user_pool_client_id: 'c', mfa_configuration: 'ON' } },
      { version: '1.5', auth: { aws_region: 'r', user_pool_id: 'p' } },
      { version: '1.5', auth: { aws_region: 'r', user_pool_id: 'p', user_pool_client_id: 'c', mfa_type: 'x' } },
    ]);
    expect(errors).toEqual([
      expect.stringMatching(/^value0: .*"ON".*not assignable/s),
      expect.stringMatching(/^value1: .*user_pool_client_id/s),
      expect.stringMatching(/^value2: .*mfa_type/s),
    ]);
  });
});

describe('amplify_outputs.json keeps schema 1.5 for every client', () => {
  const warnings = (stack: any) => Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map(w => String(w.entry.data));

  test.each<[string, Record<string, unknown>]>([
    ['no logout URLs', { callbackUrls: ['https://app.example.com/callback'] }],
    ['logout URLs known only at deploy time', { callbackUrls: ['https://app.example.com/callback'], logoutUrls: Fn.split(',', Fn.importValue('LogoutUrls')) }],
  ])('a client with %s gets no oauth section (never an empty list), and an advisory', (_name, oAuth) => {
    const { stack, pool } = build();
    pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('myapp-users') });
    const outputs = pool.addAmplifyOutputs('Outputs', pool.addAppClient('Web', { oAuth: oAuth as any }));
    expect((outputs.content as any).auth.oauth).toBeUndefined();
    expect(warnings(stack).some(w => /no oauth section.*amplifyOutputsOAuthOmitted/s.test(w))).toBe(true);
  });

  test('a client with a secret is advised: a browser cannot keep it', () => {
    const { stack, pool } = build();
    pool.addAmplifyOutputs('Outputs', pool.addAppClient('Server', { generateSecret: true }));
    expect(warnings(stack).some(w => /has a client secret.*amplifyOutputsClientSecret/s.test(w))).toBe(true);
  });
});
