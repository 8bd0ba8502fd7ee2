import { DeviceRemembering } from '../src';
import { build, poolProperties } from './util';

describe('device remembering', () => {
  test('the default is USER_OPT_IN: challenge new devices, remember on the user\'s say-so', () => {
    const { template } = build();

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
    });
  });

  test('ALWAYS remembers every device', () => {
    const { template } = build({ deviceRemembering: DeviceRemembering.ALWAYS });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false },
    });
  });

  test('OFF emits no DeviceConfiguration at all (even all-false turns remembering on)', () => {
    const { template } = build({ deviceRemembering: DeviceRemembering.OFF });

    expect(poolProperties(template)).not.toHaveProperty('DeviceConfiguration');
  });

  test('an unknown value from an untyped caller is refused', () => {
    expect(() => build({ deviceRemembering: 'SOMETIMES' as any }))
      .toThrow(/deviceRemembering is not a DeviceRemembering \(received: "SOMETIMES"\)/);
  });
});
