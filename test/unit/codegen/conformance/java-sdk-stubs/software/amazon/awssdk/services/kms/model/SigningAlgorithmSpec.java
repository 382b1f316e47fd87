// STUB of the AWS SDK for Java 2.x documented API (software.amazon.awssdk), for conformance.test.ts only: just
// what the generated KMS variant calls. The "KMS" signs with the PKCS#8 PEM key in FAKE_KMS_RSA_KEY or FAKE_KMS_EC_KEY.
package software.amazon.awssdk.services.kms.model;

public enum SigningAlgorithmSpec { RSASSA_PKCS1_V1_5_SHA_256, ECDSA_SHA_256 }
