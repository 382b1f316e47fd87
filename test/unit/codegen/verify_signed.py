"""An independent check of signed URLs and cookies, with the `cryptography` package only (not this
project's verify code): rebuilds the policy CloudFront verifies, checks the signature with the public
key, and reports what the signature says.

stdin:  [{"id", "kind": "url" | "cookies", "output": <what the generated script printed>, "publicKey": PEM}]
stdout: [{"id", "valid": bool, "reason", "keyPairId", "hashAlgorithm", "resource", "expires"}]
"""
import base64
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

SIGNING = ("Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm")


def cloudfront_b64decode(text):
    return base64.b64decode(text.translate(str.maketrans("-_~", "+=/")), validate=True)


def read_url(signed):
    base, _, query = signed.partition("?")
    kept, params = [], {}
    for pair in query.split("&"):
        name = pair.split("=", 1)[0]
        if name in SIGNING:
            params[name] = pair[len(name) + 1:]
        else:
            kept.append(pair)
    url = base + ("?" + "&".join(kept) if kept else "")
    return url, params


def read_cookies(header):
    params = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name.startswith("CloudFront-"):
            params[name[len("CloudFront-"):]] = value
    return params


def check(case):
    if case["kind"] == "url":
        url, params = read_url(case["output"].strip())
        if "Policy" in params:
            policy = cloudfront_b64decode(params["Policy"])
        else:
            policy = ('{"Statement":[{"Resource":"%s","Condition":{"DateLessThan":{"AWS:EpochTime":%s}}}]}' % (url, params["Expires"])).encode()
    else:
        params = read_cookies(case["output"].strip())
        policy = cloudfront_b64decode(params["Policy"])
    statement = json.loads(policy)["Statement"][0]
    hash_name = params.get("Hash-Algorithm", "SHA1")
    digest = {"SHA1": hashes.SHA1(), "SHA256": hashes.SHA256()}[hash_name]
    key = serialization.load_pem_public_key(case["publicKey"].encode())
    signature = cloudfront_b64decode(params["Signature"])
    result = {
        "id": case["id"],
        "keyPairId": params.get("Key-Pair-Id"),
        "hashAlgorithm": hash_name,
        "resource": statement["Resource"],
        "expires": statement["Condition"]["DateLessThan"]["AWS:EpochTime"],
    }
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, policy, padding.PKCS1v15(), digest)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, policy, ec.ECDSA(digest))
        else:
            raise ValueError("unexpected key type")
        return {**result, "valid": True, "reason": ""}
    except InvalidSignature:
        return {**result, "valid": False, "reason": "signature does not verify"}


def main():
    results = []
    for case in json.load(sys.stdin):
        try:
            results.append(check(case))
        except Exception as error:  # a malformed output is a failed case, reported by id
            results.append({"id": case["id"], "valid": False, "reason": f"{type(error).__name__}: {error}"})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
