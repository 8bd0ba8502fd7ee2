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
   * Whether `x` is an error that `MfaUserPool` threw for a configuration it refuses, whether it
   * was thrown while the construct was built or while the app was synthesized. Never throws.
   *
   * In TypeScript and JavaScript `x` is the thrown error itself. In Python, Java and Go pass the
   * exception (or the value `recover()` returned) as it was caught: it reaches this method as an
   * object carrying the exception's message, and is recognised by the refusal marker in it, as
   * `isConfigurationErrorMessage` does. .NET: pass `e.Message` to `isConfigurationErrorMessage`.
   *
   * @param x anything that was thrown
   *
   * @example
   * declare const caught: unknown; // what your code caught around `new MfaUserPool(...)` or `app.synth()`
   * if (MfaErrors.isConfigurationError(caught)) {
   *   // A refused configuration: the message names the prop, the value, the fix and the rule.
   * }
   */
  public static isConfigurationError(x?: any): boolean {
    if (x === null || typeof x !== 'object') {
      return false;
    }
    if ((x as any)[MFA_CONFIGURATION_ERROR_SYMBOL] === true) {
      return true;
    }
    // An exception of another jsii language is never a JavaScript Error here: Java's arrives with
    // its getters (message, localizedMessage, ...), Python's and Go's as { message } (their
    // bindings pass it so: scripts/binding-shims.py). A JavaScript Error without the symbol is not ours.
    try {
      const message = x instanceof Error ? undefined : (x as { message?: unknown }).message;
      return typeof message === 'string' && MfaErrors.isConfigurationErrorMessage(message);
    } catch {
      return false; // a getter that throws: not a refusal
    }
  }

  /**
   * Whether a message is (or contains) the message of a refused configuration: it has the
   * `[MfaUserPool <construct path>]` marker. Works in every language, on the message of the
   * exception it raised (`str(e)` in Python, `e.getMessage()` in Java, `e.Message` in .NET,
   * `fmt.Sprint(recover())` in Go).
   *
   * @param message the message of the exception your language raised
   *
   * @example
   * declare const message: string; // the message of the exception your language raised
   * if (MfaErrors.isConfigurationErrorMessage(message)) {
   *   // A refused configuration.
   * }
   */
  public static isConfigurationErrorMessage(message: string): boolean {
    return typeof message === 'string' && MESSAGE_MARKER.test(message);
  }

  private constructor() {}
}
