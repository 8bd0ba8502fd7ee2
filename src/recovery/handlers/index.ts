/**
 * The one bundle of the recovery functions (assets/recovery/index.js): each function names its
 * handler, `index.codes` (POST /codes) or `index.recover` (POST /recover). One bundle for both
 * halves what the package carries: the AWS SDK clients are most of it, and both use them.
 */
export { handler as codes } from './codes';
export { handler as recover } from './recover';
