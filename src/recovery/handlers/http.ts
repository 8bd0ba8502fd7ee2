/**
 * The HTTP side of the recovery endpoints: API Gateway's proxy event in, an answer out, with the
 * headers every answer carries (no caching, CORS for the configured origins only) and, for
 * /recover, a floor on the answer's time so that a fast refusal (unknown user, locked) and a slow
 * one (a set of codes hashed) look the same from outside.
 */
import { Answer, RequestOrigin } from '../flows';

/** The part of API Gateway's REST proxy event the handlers read. */
export interface ProxyEvent {
  readonly headers?: Readonly<Record<string, string | undefined>> | null;
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly path?: string;
  readonly requestContext?: {
    readonly identity?: { readonly sourceIp?: string; readonly userAgent?: string | null };
    readonly domainName?: string;
  };
}

/** API Gateway's proxy result. */
export interface ProxyResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A header, by name in any case. */
export function header(event: ProxyEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const entry = Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === wanted);
  return entry?.[1] ?? undefined;
}

/** The JSON body, or undefined when there is none or it is not JSON. */
export function jsonBody(event: ProxyEvent): unknown {
  if (!event.body || event.body.length > 4096) {
    return undefined;
  }
  try {
    return JSON.parse(event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf-8') : event.body);
  } catch {
    return undefined;
  }
}

/** Where the request came from. */
export function originOf(event: ProxyEvent): RequestOrigin {
  return {
    sourceIp: event.requestContext?.identity?.sourceIp ?? '0.0.0.0',
    host: event.requestContext?.domainName ?? header(event, 'host') ?? 'unknown',
    path: event.path ?? '/',
    userAgent: (event.requestContext?.identity?.userAgent ?? header(event, 'user-agent') ?? 'unknown').slice(0, 256),
  };
}

/** The answer as API Gateway returns it: JSON, never cached, and CORS for an allowed Origin only. */
export function respond(event: ProxyEvent, answer: Answer, allowed: readonly string[]): ProxyResult {
  const origin = header(event, 'origin');
  const cors: Record<string, string> = origin !== undefined && (allowed.includes(origin) || allowed.includes('*'))
    ? { 'Access-Control-Allow-Origin': allowed.includes('*') ? '*' : origin, 'Vary': 'Origin' }
    : {};
  return {
    statusCode: answer.status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...cors },
    body: JSON.stringify(answer.body),
  };
}

/** The origins of ALLOWED_ORIGINS (comma-separated). */
export function allowedOrigins(value: string | undefined): string[] {
  return (value ?? '').split(',').map(o => o.trim()).filter(o => o.length > 0);
}

/** Waits until `floorMs` have passed since `startedMs`. */
export async function notBefore(startedMs: number, floorMs: number, clock: () => number = Date.now): Promise<void> {
  const wait = startedMs + floorMs - clock();
  if (wait > 0) {
    await new Promise(resolve => setTimeout(resolve, wait));
  }
}
