// App clients as addAppClient makes them: one for SDK sign-in only (no OAuth at all), one for
// managed login with the authorization code grant, and one for a service with client
// credentials, a secret and a scope of the pool's resource server.
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('AppClients', CANONICAL['totp-only'](), { mfaConfiguration: 'ON', totp: true, sms: false, email: false }, (pool) => {
  pool.addAppClient('LoginClient', {
    oAuth: {
      callbackUrls: ['https://app.example.com/callback', 'http://localhost:3000/callback'],
      logoutUrls: ['https://app.example.com/'],
      scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
    },
  });
  const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read reports' });
  const api = pool.userPool.addResourceServer('Api', { identifier: 'reports', scopes: [read] });
  pool.addAppClient('ServiceClient', {
    generateSecret: true,
    oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.resourceServer(api, read)] },
  });
}).synth();
