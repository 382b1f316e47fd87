// STUB of the AWS SDK for Java 2.x documented API (software.amazon.awssdk), for conformance.test.ts only: just
// what the generated KMS variant calls. The "KMS" signs with the PKCS#8 PEM key in FAKE_KMS_RSA_KEY or FAKE_KMS_EC_KEY.
package software.amazon.awssdk.services.kms;

import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

public final class KmsClient implements AutoCloseable {
    public static KmsClient create() {
        return new KmsClient();
    }

    /** As KMS Sign with MessageType RAW: hashes the message with SHA-256 and signs (ECDSA answers in DER). */
    public SignResponse sign(SignRequest request) {
        if (request.messageType() != MessageType.RAW) throw new IllegalArgumentException("stub: RAW messages only");
        try {
            boolean ecdsa = request.signingAlgorithm() == SigningAlgorithmSpec.ECDSA_SHA_256;
            String pem = System.getenv(ecdsa ? "FAKE_KMS_EC_KEY" : "FAKE_KMS_RSA_KEY").replaceAll("-----(BEGIN|END) PRIVATE KEY-----|\\s", "");
            Signature signer = Signature.getInstance(ecdsa ? "SHA256withECDSA" : "SHA256withRSA");
            signer.initSign(KeyFactory.getInstance(ecdsa ? "EC" : "RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem))));
            signer.update(request.message().asByteArray());
            return new SignResponse(SdkBytes.fromByteArray(signer.sign()));
        } catch (Exception error) {
            throw new IllegalStateException(error);
        }
    }

    @Override
    public void close() {}
}
