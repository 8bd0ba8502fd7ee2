// Adaptive authentication with the recommended preset and ENFORCED threat protection, OPTIONAL
// MFA with TOTP. Deploying it needs a verified SES domain identity for the notifications: set
// INTEG_SES_DOMAIN when you run it against a real account.
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('AdaptiveAuthentication', CANONICAL['adaptive-authentication'](), {
  mfaConfiguration: 'OPTIONAL',
  totp: true,
  sms: false,
  email: false,
  riskConfiguration: {
    AccountTakeoverRiskConfiguration: {
      Actions: {
        LowAction: { EventAction: 'NO_ACTION', Notify: false },
        MediumAction: { EventAction: 'MFA_IF_CONFIGURED', Notify: true },
        HighAction: { EventAction: 'BLOCK', Notify: true },
      },
    },
    CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
  },
}).synth();
