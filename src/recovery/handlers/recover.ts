/**
 * POST /recover: password and recovery code in, the lost authenticator out (see flows.ts,
 * recoverAccount). Every answer takes at least ANSWER_FLOOR_MS (2 s by default), so that its
 * timing does not tell an unknown or locked user from a wrong code. Bundled alone into the
 * RecoverFunction's asset at build time.
 */
import { GENERIC_REFUSAL } from '../decisions';
import { recoverAccount } from '../flows';
import { awsPorts, emitMetric, environment } from './aws-ports';
import { allowedOrigins, jsonBody, notBefore, originOf, ProxyEvent, ProxyResult, respond } from './http';

const env = environment();
const ports = awsPorts(env);
const origins = allowedOrigins(process.env.ALLOWED_ORIGINS);
const floorMs = Number(process.env.ANSWER_FLOOR_MS ?? '2000');

export async function handler(event: ProxyEvent): Promise<ProxyResult> {
  const started = Date.now();
  let result: ProxyResult;
  try {
    result = respond(event, await recoverAccount(ports, jsonBody(event), originOf(event)), origins);
  } catch (error) {
    // An AWS call failed before anything changed: the one refusal every other case gets, so that
    // an error on a path only known users reach tells nothing (the Failed metric counts it).
    emitMetric(env.userPoolId, 'Failed', { endpoint: 'recover', error: error instanceof Error ? error.name : 'unknown' });
    result = respond(event, { status: 401, body: { message: GENERIC_REFUSAL } }, origins);
  }
  await notBefore(started, floorMs);
  return result;
}
