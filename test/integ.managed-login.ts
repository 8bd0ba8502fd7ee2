// Managed login (version 2) for a pool with REQUIRED MFA (TOTP enrolled at sign-up): a prefix
// domain, Cognito's style for every app client (one made with addAppClient, one with the L2), the
// terms documents, the URLs as outputs, and a WAF CAPTCHA on managed login's pages that spares
// TOTP registration. The prefix must be free in the Region: set INTEG_MANAGED_LOGIN_PREFIX when
// you deploy it.
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';
import { ManagedLoginDomain } from '../src';

mfaScenario('ManagedLogin', { ...CANONICAL['totp-only'](), abuseProtection: { captcha: true } }, {
  mfaConfiguration: 'ON', totp: true, sms: false, email: false,
}, pool => {
  pool.addManagedLogin({
    domain: ManagedLoginDomain.cognitoPrefix(process.env.INTEG_MANAGED_LOGIN_PREFIX ?? 'mfa-user-pool-integ'),
    termsOfUseUrl: 'https://example.com/terms',
    privacyPolicyUrl: 'https://example.com/privacy',
  });
  pool.addAppClient('LoginClient', { oAuth: { callbackUrls: ['https://app.example.com/callback'], logoutUrls: ['https://app.example.com/'] } });
  pool.userPool.addClient('L2Client', {
    oAuth: { callbackUrls: ['https://admin.example.com/callback'], logoutUrls: ['https://admin.example.com/'], flows: { authorizationCodeGrant: true } },
  });
}).synth();
