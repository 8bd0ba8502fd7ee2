import * as path from 'path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { Provisioned } from './adapter';
import { StandIn, startStandIn } from './stand-in';

/** What an API Gateway proxy integration hands a function, and what it gets back. */
export type ProxyHandler = (event: object) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;

/** MfaRecovery's handlers, running against moto with the environment the template gives them. */
export interface RecoveryHandlers {
  readonly codes: ProxyHandler;
  readonly recover: ProxyHandler;
  readonly standIn: StandIn;
  readonly tableName: string;
  readonly dynamodb: DynamoDBClient;
  stop(): Promise<void>;
}

const ACCOUNT = '123456789012';
const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** A value of the template as CloudFormation resolves it, with the emulator's physical IDs; anything else is refused. */
export function resolveValue(value: any, ids: Record<string, string>): string {
  if (typeof value === 'string') {
    return value;
  }
  const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com', 'AWS::Region': 'us-east-1', 'AWS::AccountId': ACCOUNT };
  if (value?.Ref !== undefined && (ids[value.Ref] ?? pseudo[value.Ref]) !== undefined) {
    return ids[value.Ref] ?? pseudo[value.Ref];
  }
  if (value?.['Fn::Join']) {
    const [separator, parts] = value['Fn::Join'];
    return parts.map((p: any) => resolveValue(p, ids)).join(separator);
  }
  if (value?.['Fn::Select']) {
    const [index, list] = value['Fn::Select'];
    const [separator, source] = list['Fn::Split'];
    return resolveValue(source, ids).split(separator)[index];
  }
  throw new Error(`e2e: cannot resolve ${JSON.stringify(value)}`);
}

/**
 * Provisions the template's recovery table (and the SES identity example.com) in moto, starts the
 * stand-in for the Cognito calls moto lacks (e2e/stand-in.ts), and loads the handlers' bundle
 * (assets/recovery/index.js, as Lambda loads it) with the environment of the template's functions.
 */
export async function startRecoveryHandlers(
  moto: string, template: any, provisioned: Provisioned, devices: readonly string[],
): Promise<RecoveryHandlers> {
  const dynamodb = new DynamoDBClient({ region: 'us-east-1', endpoint: moto, credentials: CREDENTIALS });
  const [tableId, table] = Object.entries<any>(template.Resources).find(([, r]) => r.Type === 'AWS::DynamoDB::Table')!;
  const tableName = `e2e-${tableId}`;
  await dynamodb.send(new CreateTableCommand({
    TableName: tableName,
    KeySchema: table.Properties.KeySchema,
    AttributeDefinitions: table.Properties.AttributeDefinitions,
    BillingMode: table.Properties.BillingMode,
  }));
  const ses = new SESv2Client({ region: 'us-east-1', endpoint: moto, credentials: CREDENTIALS });
  await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'example.com' }));
  ses.destroy();

  const poolId = Object.keys(template.Resources).find(id => template.Resources[id].Type === 'AWS::Cognito::UserPool')!;
  const ids = { [poolId]: provisioned.userPoolId, ...provisioned.clients, [tableId]: tableName };
  const standIn = await startStandIn(moto, devices);
  const load = (endpoint: string): ProxyHandler => {
    const [, fn] = Object.entries<any>(template.Resources).find(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Description.endsWith(`/${endpoint}`))!;
    const env = Object.fromEntries(Object.entries<any>(fn.Properties.Environment.Variables).map(([k, v]) => [k, resolveValue(v, ids)]));
    Object.assign(process.env, env, { AWS_ENDPOINT_URL: standIn.endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' });
    let handler: ProxyHandler | undefined;
    jest.isolateModules(() => {
      // The bundle as Lambda loads it, not the TypeScript sources.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      handler = require(path.join(__dirname, '..', 'assets', 'recovery', 'index.js'))[fn.Properties.Handler.replace(/^index\./, '')];
    });
    return handler!;
  };
  const codes = load('codes');
  const recover = load('recover');
  return {
    codes,
    recover,
    standIn,
    tableName,
    dynamodb,
    stop: async () => {
      dynamodb.destroy();
      await standIn.stop();
    },
  };
}
