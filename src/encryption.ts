import * as kms from 'aws-cdk-lib/aws-kms';

/**
 * How Cognito encrypts the pool's data at rest: with a key AWS owns (Cognito's default), or with
 * a customer managed KMS key, which you control, audit in CloudTrail and can disable.
 *
 * A pool can move between the two after creation (`KeyConfiguration` updates without
 * interruption): Cognito re-encrypts; the guide does not say how long that takes.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/data-protection.html
 */
export class PoolEncryption {
  /**
   * A key AWS owns, written explicitly (`KeyType: AWS_OWNED_KEY`): the way back from a customer
   * managed key. Leaving `encryption` out writes nothing, which is the same for a new pool.
   *
   * @example
   * PoolEncryption.awsOwnedKey();
   */
  public static awsOwnedKey(): PoolEncryption {
    return new PoolEncryption(false, undefined);
  }

  /**
   * A customer managed KMS key. Without a key the library creates one (symmetric, yearly rotation,
   * removed with the pool's removal policy) with the key policy the Cognito guide gives: Cognito
   * (`cognito-idp.amazonaws.com`) may encrypt and decrypt for user pools of this account only,
   * and principals of the account through Cognito only. A key of the app (`new kms.Key`) gets the
   * same statements; an imported key's policy cannot be read, which is said at synthesis.
   *
   * @param key the key; it must be a symmetric key of the pool's Region, named by its ARN (not an alias)
   *
   * @example
   * declare const key: kms.IKey;
   * PoolEncryption.customerManagedKey(key);
   */
  public static customerManagedKey(key?: kms.IKey): PoolEncryption {
    return new PoolEncryption(true, key);
  }

  private constructor(
    /** @internal */ public readonly _customerManaged: boolean,
    /** @internal */ public readonly _key: kms.IKey | undefined,
  ) {}
}

/**
 * The issuer of the pool's tokens (their `iss` claim), and where verifiers find its keys.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html#user-pool-oidc-issuer
 */
export enum TokenIssuer {
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`, in the pool's Region: Cognito's default. */
  ORIGINAL = 'ORIGINAL',
  /**
   * `https://issuer-cognito-idp.<primary region>.amazonaws.com/<poolId>`, the same in every Region
   * of a replicated pool. Verifiers that check `iss` against the original issuer reject the new
   * tokens, and Application Load Balancer authentication and API Gateway Cognito authorizers do
   * not take it yet.
   */
  UPDATED = 'UPDATED',
}
