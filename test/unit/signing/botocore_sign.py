"""Signs CloudFront URLs with botocore's CloudFrontSigner, for the cross-check in botocore.test.ts.

stdin:  {"keys": {name: pem_path}, "cases": [{"id", "url", "keyPairId", "key", "hash",
         "expires", "activeFrom"?, "ipRange"?, "resource"?, "policy"?}]}
stdout: [{"id", "signedUrl", "policy"}]  (policy: the JSON botocore signed, or null when canned)

botocore builds the URL and the policy; the signer callback it requires is written with the
`cryptography` package: RSA PKCS#1 v1.5 with SHA-1 (botocore's documented choice) or SHA-256, and
ECDSA P-256 with SHA-256 (DER). botocore has no Hash-Algorithm parameter; the test checks that one.
A case with "policy" signs that exact policy instead of one from build_policy.
Exit status 3 with a message on stderr when botocore or cryptography is missing.
"""
import json
import sys
from datetime import datetime, timezone

try:
    from botocore.signers import CloudFrontSigner
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
except ImportError as error:  # reported by the test, which decides between failing and skipping
    print(f"missing Python module: {error}", file=sys.stderr)
    sys.exit(3)

HASHES = {"SHA1": hashes.SHA1, "SHA256": hashes.SHA256}


def load_keys(paths):
    keys = {}
    for name, path in paths.items():
        with open(path, "rb") as pem:
            keys[name] = serialization.load_pem_private_key(pem.read(), password=None)
    return keys


def make_signer(key, hash_name):
    digest = HASHES[hash_name]()
    if isinstance(key, rsa.RSAPrivateKey):
        return lambda message: key.sign(message, padding.PKCS1v15(), digest)
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return lambda message: key.sign(message, ec.ECDSA(digest))
    raise ValueError(f"unsupported key type {type(key).__name__}")


def epoch(seconds):
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def sign_case(case, keys):
    signer = CloudFrontSigner(case["keyPairId"], make_signer(keys[case["key"]], case["hash"]))
    policy = case.get("policy")
    custom = policy is not None or any(case.get(name) is not None for name in ("activeFrom", "ipRange", "resource"))
    if not custom:
        return {"id": case["id"], "signedUrl": signer.generate_presigned_url(case["url"], date_less_than=epoch(case["expires"])), "policy": None}
    if policy is None:
        policy = signer.build_policy(
            case.get("resource") or case["url"],
            epoch(case["expires"]),
            date_greater_than=epoch(case["activeFrom"]) if case.get("activeFrom") is not None else None,
            ip_address=case.get("ipRange"),
        )
    return {"id": case["id"], "signedUrl": signer.generate_presigned_url(case["url"], policy=policy), "policy": policy}


def main():
    request = json.load(sys.stdin)
    keys = load_keys(request["keys"])
    json.dump([sign_case(case, keys) for case in request["cases"]], sys.stdout)


if __name__ == "__main__":
    main()
