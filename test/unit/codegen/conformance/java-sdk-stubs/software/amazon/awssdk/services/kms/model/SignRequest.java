// STUB of the AWS SDK for Java 2.x documented API (software.amazon.awssdk), for conformance.test.ts only: just
// what the generated KMS variant calls. The "KMS" signs with the PKCS#8 PEM key in FAKE_KMS_RSA_KEY or FAKE_KMS_EC_KEY.
package software.amazon.awssdk.services.kms.model;

import software.amazon.awssdk.core.SdkBytes;

public final class SignRequest {
    private final Builder builder;

    private SignRequest(Builder builder) {
        this.builder = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String keyId() {
        return builder.keyId;
    }

    public SdkBytes message() {
        return builder.message;
    }

    public MessageType messageType() {
        return builder.messageType;
    }

    public SigningAlgorithmSpec signingAlgorithm() {
        return builder.signingAlgorithm;
    }

    public static final class Builder {
        private String keyId;
        private SdkBytes message;
        private MessageType messageType;
        private SigningAlgorithmSpec signingAlgorithm;

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder message(SdkBytes message) {
            this.message = message;
            return this;
        }

        public Builder messageType(MessageType messageType) {
            this.messageType = messageType;
            return this;
        }

        public Builder signingAlgorithm(SigningAlgorithmSpec signingAlgorithm) {
            this.signingAlgorithm = signingAlgorithm;
            return this;
        }

        public SignRequest build() {
            return new SignRequest(this);
        }
    }
}
