/**
 * The recovery ports over the AWS SDK for JavaScript v3, bundled into each handler at build time
 * (the Lambda runtime's own SDK may predate AdminDeleteSoftwareToken, added 2026-08-26). Every
 * client honours AWS_ENDPOINT_URL, which the end-to-end tests point at moto's server.
 */
import {
  AdminDeleteSoftwareTokenCommand, AdminForgetDeviceCommand, AdminGetUserCommand, AdminInitiateAuthCommand, AdminListDevicesCommand,
  AdminUserGlobalSignOutCommand, AttributeType, CognitoIdentityProviderClient,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ConditionalCheckFailedException, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { RecoveryRecord, StoredCode } from '../decisions';
import { Notice, RecoveryPorts, RequestOrigin, UserView } from '../flows';

/** What the construct passes in the function's environment. */
export interface RecoveryEnvironment {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly tableName: string;
  readonly sender: string;
  readonly senderIdentityArn?: string;
  readonly sesRegion?: string;
  readonly configurationSet?: string;
  readonly appName: string;
}

/** Reads the environment the construct sets; a missing variable is a deployment fault, named. */
export function environment(env: NodeJS.ProcessEnv = process.env): RecoveryEnvironment {
  const need = (name: string): string => {
    const value = env[name];
    if (!value) {
      throw new Error(`recovery: the environment variable ${name} is not set`);
    }
    return value;
  };
  return {
    userPoolId: need('USER_POOL_ID'),
    clientId: need('CLIENT_ID'),
    tableName: need('TABLE_NAME'),
    sender: need('SENDER'),
    senderIdentityArn: env.SENDER_IDENTITY_ARN || undefined,
    sesRegion: env.SES_REGION || undefined,
    configurationSet: env.CONFIGURATION_SET || undefined,
    appName: env.APP_NAME || 'your account',
  };
}

const attribute = (attributes: readonly AttributeType[] | undefined, name: string) => attributes?.find(a => a.Name === name)?.Value;

function userView(
  username: string | undefined, attributes: AttributeType[] | undefined, factors: string[] | undefined, enabled: boolean,
): UserView | undefined {
  const sub = attribute(attributes, 'sub');
  if (username === undefined || sub === undefined) {
    return undefined;
  }
  const email = attribute(attributes, 'email');
  return { username, sub, verifiedEmail: email && attribute(attributes, 'email_verified') === 'true' ? email : undefined, factors: factors ?? [], enabled };
}

const named = (error: unknown, ...names: string[]) => error instanceof Error && names.includes(error.name);

function toItem(sub: string, record: RecoveryRecord) {
  return {
    sub: { S: sub },
    codes: { S: JSON.stringify(record.codes) },
    failures: { N: String(record.failures) },
    lockouts: { N: String(record.lockouts) },
    lockedUntil: { N: String(record.lockedUntil) },
    lastFailure: { N: String(record.lastFailure) },
    version: { N: String(record.version) },
  };
}

function fromItem(item: Record<string, { S?: string; N?: string }>): RecoveryRecord {
  const codes = JSON.parse(item.codes?.S ?? '[]') as StoredCode[];
  const num = (name: string) => Number(item[name]?.N ?? '0');
  return { codes, failures: num('failures'), lockouts: num('lockouts'), lockedUntil: num('lockedUntil'), lastFailure: num('lastFailure'), version: num('version') };
}

const NOTICES: Record<Notice, (app: string, remaining: number) => { subject: string; text: string }> = {
  'codes-issued': (app, remaining) => ({
    subject: `New recovery codes for ${app}`,
    text: `A new set of ${remaining} recovery codes was created for ${app}. Any earlier codes no longer work.`,
  }),
  'recovered': (app, remaining) => ({
    subject: `${app}: your account was recovered with a recovery code`,
    text: `A recovery code and your password were just used to recover ${app}. Your authenticator app is being removed, every session `
      + `signed out and remembered devices forgotten; the next sign-in asks for a new authenticator app. ${remaining} recovery codes are left.`,
  }),
};

/** Who a user is, and the password check. */
function cognitoPorts(env: RecoveryEnvironment, cognito: CognitoIdentityProviderClient) {
  const pool = { UserPoolId: env.userPoolId };
  return {
    async userOfToken(accessToken) {
      try {
        const user = await cognito.send(new GetUserCommand({ AccessToken: accessToken }));
        return userView(user.Username, user.UserAttributes, user.UserMFASettingList, true);
      } catch (error) {
        if (named(error, 'NotAuthorizedException', 'UserNotFoundException', 'PasswordResetRequiredException', 'UserNotConfirmedException')) {
          return undefined;
        }
        throw error;
      }
    },
    async userNamed(name) {
      try {
        const user = await cognito.send(new AdminGetUserCommand({ ...pool, Username: name }));
        return userView(user.Username, user.UserAttributes, user.UserMFASettingList, user.Enabled === true);
      } catch (error) {
        if (named(error, 'UserNotFoundException')) {
          return undefined;
        }
        throw error;
      }
    },
    async passwordAccepted(username, password, origin) {
      try {
        await cognito.send(new AdminInitiateAuthCommand({
          ...pool,
          ClientId: env.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD: password },
          ContextData: contextData(origin),
        }));
        return true;
      } catch (error) {
        // Any refusal (a wrong password, Cognito's lockout, a pre-authentication trigger, a
        // throttle) reads as a password not accepted: the caller answers it like every other
        // refusal, so that no error tells a user with codes from one without.
        if (!named(error, 'NotAuthorizedException', 'UserNotFoundException', 'PasswordResetRequiredException', 'UserNotConfirmedException')) {
          emitMetric(env.userPoolId, 'PasswordCheckFailed', { error: error instanceof Error ? error.name : 'unknown' });
        }
        return false;
      }
    },
  } satisfies Partial<RecoveryPorts>;
}

/** What a recovery removes: the authenticator, the sessions, the remembered devices. */
function removalPorts(env: RecoveryEnvironment, cognito: CognitoIdentityProviderClient) {
  const pool = { UserPoolId: env.userPoolId };
  return {
    async removeAuthenticator(username) {
      await cognito.send(new AdminDeleteSoftwareTokenCommand({ ...pool, Username: username }));
    },
    async forgetDevices(username) {
      const keys: string[] = [];
      let token: string | undefined;
      try {
        do {
          const page = await cognito.send(new AdminListDevicesCommand({ ...pool, Username: username, Limit: 60, PaginationToken: token }));
          keys.push(...(page.Devices ?? []).map(device => device.DeviceKey!));
          token = page.PaginationToken;
        } while (token);
      } catch (error) {
        // A pool that does not track devices has none to forget.
        if (named(error, 'InvalidUserPoolConfigurationException')) {
          return 0;
        }
        throw error;
      }
      // Five at a time: a user with many devices is done well within the function's timeout.
      for (let i = 0; i < keys.length; i += 5) {
        const batch = keys.slice(i, i + 5);
        await Promise.all(batch.map(key => cognito.send(new AdminForgetDeviceCommand({ ...pool, Username: username, DeviceKey: key }))));
      }
      return keys.length;
    },
    async signOutEverywhere(username) {
      await cognito.send(new AdminUserGlobalSignOutCommand({ ...pool, Username: username }));
    },
  } satisfies Partial<RecoveryPorts>;
}

/** The table: one record per user, written only over the version read. */
function tablePorts(env: RecoveryEnvironment, dynamodb: DynamoDBClient) {
  return {
    async read(sub) {
      const result = await dynamodb.send(new GetItemCommand({ TableName: env.tableName, Key: { sub: { S: sub } }, ConsistentRead: true }));
      return result.Item ? fromItem(result.Item as Record<string, { S?: string; N?: string }>) : undefined;
    },
    async write(sub, record, expected) {
      try {
        await dynamodb.send(new PutItemCommand({
          TableName: env.tableName,
          Item: toItem(sub, record),
          ...(expected === undefined
            ? { ConditionExpression: 'attribute_not_exists(#sub)', ExpressionAttributeNames: { '#sub': 'sub' } }
            : { ConditionExpression: '#version = :expected', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': { N: String(expected) } } }),
        }));
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException || named(error, 'ConditionalCheckFailedException')) {
          return false;
        }
        throw error;
      }
    },
  } satisfies Partial<RecoveryPorts>;
}

/** The ports over AWS. */
export function awsPorts(env: RecoveryEnvironment): RecoveryPorts {
  const ses = new SESv2Client(env.sesRegion ? { region: env.sesRegion } : {});
  const cognito = new CognitoIdentityProviderClient({});
  return {
    ...cognitoPorts(env, cognito),
    ...removalPorts(env, cognito),
    ...tablePorts(env, new DynamoDBClient({})),
    async notify(email, notice, origin, remaining) {
      const { subject, text } = NOTICES[notice](env.appName, remaining);
      const when = new Date().toISOString();
      await ses.send(new SendEmailCommand({
        FromEmailAddress: env.sender,
        FromEmailAddressIdentityArn: env.senderIdentityArn,
        ConfigurationSetName: env.configurationSet,
        Destination: { ToAddresses: [email] },
        Content: {
          Simple: {
            Subject: { Data: subject },
            // The caller's IP address and the time only: nothing the caller wrote (a User-Agent
            // could carry "no action needed" into the one message meant to alarm the owner).
            Body: { Text: { Data: `${text}\n\nWhen: ${when}\nFrom the IP address: ${origin.sourceIp}\n\nIf this was not you, contact support now.` } },
          },
        },
      }));
    },
    now: () => Math.floor(Date.now() / 1000),
    log: (event, fields) => emitMetric(env.userPoolId, event, fields),
  };
}

/** The request's origin as Cognito's adaptive authentication reads it. */
function contextData(origin: RequestOrigin) {
  return {
    IpAddress: origin.sourceIp,
    ServerName: origin.host,
    ServerPath: origin.path,
    HttpHeaders: [{ headerName: 'User-Agent', headerValue: origin.userAgent }],
  };
}

/** A log line in CloudWatch's embedded metric format: the event is counted in CdkMfaUserPool/Recovery by UserPoolId. */
export function emitMetric(userPoolId: string, event: string, fields: Record<string, string | number | boolean>): void {
  console.log(JSON.stringify({
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [{ Namespace: METRIC_NAMESPACE, Dimensions: [['UserPoolId']], Metrics: [{ Name: event, Unit: 'Count' }] }],
    },
    UserPoolId: userPoolId,
    [event]: 1,
    ...fields,
  }));
}

/** The namespace of the recovery metrics (MfaRecovery.metric* read it). */
export const METRIC_NAMESPACE = 'CdkMfaUserPool/Recovery';
