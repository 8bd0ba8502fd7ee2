import { environment } from '../../src/recovery/handlers/aws-ports';
import { allowedOrigins, header, jsonBody, notBefore, originOf, ProxyEvent, respond } from '../../src/recovery/handlers/http';

const ANSWER = { status: 401, body: { message: 'no' } };

describe('the recovery handlers\' HTTP side', () => {
  test('headers are read in any case', () => {
    const event: ProxyEvent = { headers: { 'AUTHORIZATION': 'Bearer x', 'user-agent': 'ua' } };
    expect(header(event, 'authorization')).toBe('Bearer x');
    expect(header(event, 'User-Agent')).toBe('ua');
    expect(header({ headers: null }, 'origin')).toBeUndefined();
  });

  test.each<[string, ProxyEvent, unknown]>([
    ['JSON', { body: '{"a":1}' }, { a: 1 }],
    ['base64 JSON', { body: Buffer.from('{"a":2}').toString('base64'), isBase64Encoded: true }, { a: 2 }],
    ['not JSON', { body: '{a' }, undefined],
    ['no body', { body: null }, undefined],
    ['a body over 4 KiB', { body: JSON.stringify({ a: 'x'.repeat(4100) }) }, undefined],
  ])('the body: %s', (_name, event, expected) => {
    expect(jsonBody(event)).toEqual(expected);
  });

  test('where a request came from, with defaults and the user agent cut to 256 characters', () => {
    expect(originOf({ path: '/v1/recover', requestContext: { identity: { sourceIp: '203.0.113.1', userAgent: 'u'.repeat(300) }, domainName: 'api.example.com' } }))
      .toEqual({ sourceIp: '203.0.113.1', host: 'api.example.com', path: '/v1/recover', userAgent: 'u'.repeat(256) });
    expect(originOf({})).toEqual({ sourceIp: '0.0.0.0', host: 'unknown', path: '/', userAgent: 'unknown' });
  });

  test.each<[string, string | undefined, string[], Record<string, string>]>([
    ['an allowed origin is echoed', 'https://app.example.com', ['https://app.example.com'], { 'Access-Control-Allow-Origin': 'https://app.example.com', 'Vary': 'Origin' }],
    ['another origin gets no CORS header', 'https://evil.example', ['https://app.example.com'], {}],
    ['* allows any origin', 'https://evil.example', ['*'], { 'Access-Control-Allow-Origin': '*', 'Vary': 'Origin' }],
    ['no Origin header', undefined, ['https://app.example.com'], {}],
  ])('answers: %s; never cached', (_name, origin, allowed, cors) => {
    const result = respond({ headers: origin ? { Origin: origin } : {} }, ANSWER, allowed);
    expect(result).toEqual({
      statusCode: 401,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...cors },
      body: '{"message":"no"}',
    });
  });

  test('ALLOWED_ORIGINS is a comma-separated list', () => {
    expect(allowedOrigins(' https://a.example , http://localhost:3000,')).toEqual(['https://a.example', 'http://localhost:3000']);
    expect(allowedOrigins(undefined)).toEqual([]);
  });

  test('an answer waits for the floor, and no longer', async () => {
    jest.useFakeTimers();
    try {
      let done = false;
      const waiting = notBefore(1_000, 2_000, () => 1_500).then(() => { done = true; });
      await jest.advanceTimersByTimeAsync(1_499);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await waiting;
      expect(done).toBe(true);
    } finally {
      jest.useRealTimers();
    }
    const started = Date.now();
    await notBefore(started - 5_000, 2_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  test('the environment: a missing variable is named; optional ones default', () => {
    expect(() => environment({})).toThrow('USER_POOL_ID');
    expect(() => environment({ USER_POOL_ID: 'p', CLIENT_ID: 'c', TABLE_NAME: 't' })).toThrow('SENDER');
    expect(environment({ USER_POOL_ID: 'p', CLIENT_ID: 'c', TABLE_NAME: 't', SENDER: 's', CONFIGURATION_SET: '' })).toEqual({
      userPoolId: 'p', clientId: 'c', tableName: 't', sender: 's', senderIdentityArn: undefined, sesRegion: undefined, configurationSet: undefined, appName: 'your account',
    });
  });
});
