import { MESSAGE_MARKER, MFA_CONFIGURATION_ERROR_SYMBOL } from './private/errors';

/**
 * Recognises the errors `MfaUserPool` throws for a configuration it refuses, so that a test or a
 * tool can tell a refusal (fix the props) from any other failure.
 *
 * A refusal's message names the construct path, the prop, the value received and the fix:
 * `[MfaUserPool MyStack/Users] mfa is REQUIRED but no factor is enabled (received: ...). Enable ...`
 *
 * @example
 * declare const caught: any; // what your code caught around `new MfaUserPool(...)`
 * if (MfaErrors.isConfigurationError(caught)) {
 *   // A refused configuration: the message names the prop and the fix.
 * }
 */
export class MfaErrors {
  /**
   * Whether `x` is an error that `MfaUserPool` threw for a configuration it refuses.
   *
   * For TypeScript and JavaScript, where the thrown object itself reaches the caller. In Python,
   * Java, .NET and Go the error arrives as the language's own exception (or panic) carrying the
   * message: use `isConfigurationErrorMessage` there.
   *
   * @param x anything that was thrown
   */
  public static isConfigurationError(x: any): boolean {
    return x !== null && typeof x === 'object' && (x as any)[MFA_CONFIGURATION_ERROR_SYMBOL] === true;
  }

  /**
   * Whether a message is (or contains) the message of a refused configuration: it has the
   * `[MfaUserPool <construct path>]` marker. Also true for the synthesis-time validation error
   * that carries a refusal (a brought SMS role whose trust policy does not let Cognito in).
   *
   * @param message the message of the exception your language raised
   */
  public static isConfigurationErrorMessage(message: string): boolean {
    return MESSAGE_MARKER.test(message);
  }

  private constructor() {}
}
