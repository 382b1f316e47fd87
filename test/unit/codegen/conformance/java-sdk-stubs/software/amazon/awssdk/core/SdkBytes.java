// STUB of the AWS SDK for Java 2.x documented API (software.amazon.awssdk), for conformance.test.ts only: just
// what the generated KMS variant calls. The "KMS" signs with the PKCS#8 PEM key in FAKE_KMS_RSA_KEY or FAKE_KMS_EC_KEY.
package software.amazon.awssdk.core;

import java.nio.charset.StandardCharsets;

public final class SdkBytes {
    private final byte[] bytes;

    private SdkBytes(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static SdkBytes fromUtf8String(String text) {
        return new SdkBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public static SdkBytes fromByteArray(byte[] bytes) {
        return new SdkBytes(bytes);
    }

    public byte[] asByteArray() {
        return bytes.clone();
    }
}
