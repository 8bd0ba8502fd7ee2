/**
 * How the pool remembers users' devices, so that a remembered device can skip the MFA prompt.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
 */
export enum DeviceRemembering {
  /**
   * No device remembering: the template has no `DeviceConfiguration` at all (any device
   * configuration, even with both flags false, turns remembering on).
   */
  OFF = 'OFF',
  /** Challenge a new device, then remember every device automatically. */
  ALWAYS = 'ALWAYS',
  /**
   * Challenge a new device and remember it only when the user says so
   * (`ConfirmDevice` then `UpdateDeviceStatus` to `remembered`).
   */
  USER_OPT_IN = 'USER_OPT_IN',
}
