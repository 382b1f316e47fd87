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

moto 5.2.1 has no UpdateKeyGroup and no DeleteKeyGroup (its server answers both with an HTML 500), keeps
no key group comment and checks nothing on CreateKeyGroup. The patch adds both operations as CloudFront
answers them: If-Match is required (InvalidIfMatchVersion) and must be the group's current ETag
(PreconditionFailed); an unknown group is NoSuchResource (404); more than 5 public keys is
TooManyPublicKeysInKeyGroup; an unknown public key is NoSuchPublicKey; a second group of one name is
KeyGroupAlreadyExists (409); deleting a group a distribution's behavior trusts is ResourceInUse (409).
Every change gets a new ETag. DeletePublicKey of a key some group holds is PublicKeyInUse (409), and a
wrong If-Match there is PreconditionFailed, as in CloudFront. The integration tests "key groups against
moto" (keyGroupsMoto.test.ts) fail without this part.
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

# --- Key groups: UpdateKeyGroup, DeleteKeyGroup, CloudFront's checks and ETags (see the docstring) ---

from moto.cloudfront import responses  # noqa: E402
from moto.core.responses import ActionResult, EmptyResult  # noqa: E402
from moto.moto_api._internal import mock_random  # noqa: E402

KEYS_PER_KEY_GROUP = 5  # CloudFront's quota "public keys in one key group" (adjustable on request)


def _error(code, message):
    """moto's serializer takes the HTTP status from the error's shape in CloudFront's model (404, 409, 412…)."""
    return exceptions.CloudFrontException(code, message)


def _no_such_key_group():
    return _error("NoSuchResource", "The specified key group does not exist.")


def _new_etag():
    return mock_random.get_random_hex(14).upper()


def _check_if_match(if_match, etag):
    if not if_match:
        raise exceptions.InvalidIfMatchVersion()
    if if_match != etag:
        raise _error("PreconditionFailed", "The precondition given in one or more of the request-header fields evaluated to false.")


def _check_key_group_config(backend, name, items, group_id=None):
    if not name:
        raise _error("InvalidArgument", "KeyGroupConfig.Name is required.")
    if len(items) > KEYS_PER_KEY_GROUP:
        raise _error("TooManyPublicKeysInKeyGroup", "The number of public keys in this key group is more than the maximum allowed.")
    for key_id in items:
        if key_id not in backend.public_keys:
            raise NoSuchPublicKey()
    if any(g.name == name and g.id != group_id for g in backend.key_groups.values()):
        raise _error("KeyGroupAlreadyExists", "A key group with this name already exists.")


def _trusted_key_group_ids(distribution):
    config = distribution.distribution_config
    behaviors = [config.DefaultCacheBehavior] + list((config.CacheBehaviors or {}).get("Items") or [])
    return [group_id for b in behaviors for group_id in (b.trusted_key_groups.items or [])]


def _key_group_config(self):
    return {"Items": self.items, "Name": self.name, "Comment": getattr(self, "comment", "")}


models.KeyGroup.key_group_config = property(_key_group_config)


def _create_key_group_response(self):
    name = self._get_param("KeyGroupConfig.Name")
    items = self._get_param("KeyGroupConfig.Items", [])
    _check_key_group_config(self.backend, name, items)
    key_group = self.backend.create_key_group(name=name, items=items)
    key_group.comment = self._get_param("KeyGroupConfig.Comment") or ""
    return ActionResult({"KeyGroup": key_group, "Location": key_group.location, "ETag": key_group.etag})


def _get_key_group(self, group_id):
    if group_id not in self.key_groups:
        raise _no_such_key_group()
    return self.key_groups[group_id]


def _update_key_group_response(self):
    group = self.backend.get_key_group(self._get_param("Id"))
    _check_if_match(self._get_param("IfMatch"), group.etag)
    name = self._get_param("KeyGroupConfig.Name")
    items = self._get_param("KeyGroupConfig.Items", [])
    _check_key_group_config(self.backend, name, items, group.id)
    group.name = name
    group.items = items
    group.comment = self._get_param("KeyGroupConfig.Comment") or ""
    group.etag = _new_etag()
    return ActionResult({"KeyGroup": group, "ETag": group.etag})


def _delete_key_group_response(self):
    group = self.backend.get_key_group(self._get_param("Id"))
    _check_if_match(self._get_param("IfMatch"), group.etag)
    if any(group.id in _trusted_key_group_ids(d) for d in self.backend.distributions.values()):
        raise _error("ResourceInUse", "Cannot delete this resource because it is in use.")
    del self.backend.key_groups[group.id]
    return EmptyResult()


def _delete_public_key_response(self):
    key_id = self._get_param("Id")
    key = self.backend.get_public_key(key_id)
    _check_if_match(self._get_param("IfMatch"), key.etag)
    if any(key_id in g.items for g in self.backend.key_groups.values()):
        raise _error("PublicKeyInUse", "The specified public key is in use.")
    self.backend.delete_public_key(key_id)
    return EmptyResult()


models.CloudFrontBackend.get_key_group = _get_key_group
responses.CloudFrontResponse.create_key_group = _create_key_group_response
responses.CloudFrontResponse.update_key_group = _update_key_group_response
responses.CloudFrontResponse.delete_key_group = _delete_key_group_response
responses.CloudFrontResponse.delete_public_key = _delete_public_key_response

if __name__ == "__main__":
    from moto.server import main

    sys.exit(main())
