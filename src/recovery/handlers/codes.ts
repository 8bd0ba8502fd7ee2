/**
 * POST /codes: a new set of recovery codes for the signed-in user (see flows.ts, issueCodes).
 * Bundled alone into the IssueFunction's asset at build time.
 */
import { issueCodes } from '../flows';
import { awsPorts, emitMetric, environment } from './aws-ports';
import { allowedOrigins, header, originOf, ProxyEvent, ProxyResult, respond } from './http';

const env = environment();
const ports = awsPorts(env);
const config = {
  issuers: (process.env.ISSUERS ?? '').split(',').filter(issuer => issuer.length > 0),
  freshSeconds: Number(process.env.FRESH_SECONDS ?? '600'),
};
const origins = allowedOrigins(process.env.ALLOWED_ORIGINS);

export async function handler(event: ProxyEvent): Promise<ProxyResult> {
  try {
    return respond(event, await issueCodes(ports, config, header(event, 'authorization'), originOf(event)), origins);
  } catch (error) {
    emitMetric(env.userPoolId, 'Failed', { endpoint: 'codes', error: error instanceof Error ? error.name : 'unknown' });
    return respond(event, { status: 503, body: { message: 'Recovery codes cannot be made now. Try again later.' } }, origins);
  }
}
