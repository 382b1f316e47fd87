"""moto's server (`python3 -m moto.server`) with two gaps of its CloudFront model filled.

moto 5.2.1's `Origin` model reads `S3OriginConfig` and drops `OriginAccessControlId` and
`S3OriginConfig` from every answer (GetDistribution, GetDistributionConfig, ListDistributions):
an origin moved to an origin access control (OAC) would read back as public. Real CloudFront
returns both fields as sent. This keeps them on the model, under the snake_case names moto's
serializer looks up, and changes nothing else. No moto release up to 5.2.1 (the version the
tests run) keeps them; delete this file and the reference in moto.mjs once a moto release returns
`OriginAccessControlId` (the integration test "protect an existing distribution" fails without it).

moto 5.2.1 also writes a distribution's ARN without the empty region field
(`arn:aws:cloudfront:ACCOUNT:distribution/ID`); CloudFront's is `arn:aws:cloudfront::ACCOUNT:distribution/ID`,
and a bucket policy's `AWS:SourceArn` condition must match it exactly. The patch inserts the empty field.
(moto ignores If-Match on UpdateDistribution and keeps the ETag; the typed fake checks ETags instead.)

moto 5.2.1's GetPublicKey for an id it does not hold raises a KeyError, which its server answers with an
HTML 500; CloudFront answers 404 NoSuchPublicKey. The patch raises that error (the bad-input row
"generateSigningCode with a public key that does not exist" needs it).

moto 5.2.1's KMS looks the key up by its raw id in DisableKey, EnableKey, ScheduleKeyDeletion and
CancelKeyDeletion, so a key ARN (which KMS accepts in all four, and which the extension keeps for a
linked key) fails with an internal error. The patch resolves any id (key id, key ARN, alias) first,
as moto's own Encrypt does.
"""

import sys

from moto.cloudfront import exceptions, models

_moto_origin_init = models.Origin.__init__


def _origin_init(self, origin):
    _moto_origin_init(self, origin)
    self.origin_access_control_id = origin.get("OriginAccessControlId") or ""
    if "S3OriginConfig" in origin:
        self.s3_origin_config = {"OriginAccessIdentity": origin["S3OriginConfig"].get("OriginAccessIdentity") or ""}


models.Origin.__init__ = _origin_init

_moto_distribution_init = models.Distribution.__init__


def _distribution_init(self, account_id, region_name, config):
    _moto_distribution_init(self, account_id, region_name, config)
    self.arn = self.arn.replace(f":cloudfront:{account_id}:", f":cloudfront::{account_id}:", 1)


models.Distribution.__init__ = _distribution_init

class NoSuchPublicKey(exceptions.CloudFrontException):
    def __init__(self):
        super().__init__("NoSuchPublicKey", "The specified public key does not exist.")


_moto_get_public_key = models.CloudFrontBackend.get_public_key


def _get_public_key(self, key_id):
    if key_id not in self.public_keys:
        raise NoSuchPublicKey()
    return _moto_get_public_key(self, key_id)


models.CloudFrontBackend.get_public_key = _get_public_key

from moto.kms import models as kms_models  # noqa: E402


def _any_key_id(method):
    def resolved(self, key_id, *args, **kwargs):
        return method(self, self.any_id_to_key_id(key_id), *args, **kwargs)

    return resolved


for _name in ("disable_key", "enable_key", "schedule_key_deletion", "cancel_key_deletion"):
    setattr(kms_models.KmsBackend, _name, _any_key_id(getattr(kms_models.KmsBackend, _name)))

if __name__ == "__main__":
    from moto.server import main

    sys.exit(main())
