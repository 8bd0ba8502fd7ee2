import * as http from 'http';

/** One request the stand-in answered instead of moto. */
export interface StoodIn {
  readonly operation: string;
  readonly body: Record<string, unknown>;
  /** The SigV4 Authorization header the SDK sent: the call was signed like any other. */
  readonly signed: boolean;
}

/** A proxy in front of moto, and the requests it answered itself. */
export interface StandIn {
  readonly endpoint: string;
  readonly answered: StoodIn[];
  /** Every Cognito operation that came through, in order, whether answered or passed on to moto. */
  readonly operations: string[];
  stop(): Promise<void>;
}

/**
 * A proxy in front of moto's server for the Cognito operations moto 5.2.5 does not implement
 * (AdminDeleteSoftwareToken, AdminListDevices, AdminForgetDevice): it records each such request
 * and answers it with the response the API reference documents (an empty object; for
 * AdminListDevices the `devices` given). It changes no state: what those calls do to the user is
 * not emulated, only that the handler sends them, signed, with the right pool and user. Every
 * other request goes to moto unchanged.
 */
export async function startStandIn(moto: string, devices: readonly string[]): Promise<StandIn> {
  const answered: StoodIn[] = [];
  const operations: string[] = [];
  const canned: Record<string, () => object> = {
    AdminDeleteSoftwareToken: () => ({}),
    AdminForgetDevice: () => ({}),
    AdminListDevices: () => ({ Devices: devices.map(key => ({ DeviceKey: key, DeviceAttributes: [] })) }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.replace(/^AWSCognitoIdentityProviderService\./, '');
      if (operation !== target) {
        operations.push(operation);
      }
      if (operation in canned) {
        answered.push({ operation, body: JSON.parse(body.toString('utf-8')), signed: /^AWS4-HMAC-SHA256 /.test(String(req.headers.authorization)) });
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(canned[operation]()));
        return;
      }
      const forward = http.request(`${moto}${req.url}`, { method: req.method, headers: req.headers }, upstream => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      });
      forward.on('error', error => {
        res.writeHead(502);
        res.end(String(error));
      });
      forward.end(body);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    answered,
    operations,
    stop: () => new Promise<void>(resolve => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
