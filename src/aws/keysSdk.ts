// The KMS, Secrets Manager and SSM surface the extension uses for keys that live in AWS, bundled into
// its own file (dist/aws-keys.js) and loaded only when such a key is created, linked or signs.
export {
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  GetPublicKeyCommand as GetKmsPublicKeyCommand,
  KMSClient,
  ListAliasesCommand,
  ScheduleKeyDeletionCommand,
  SignCommand,
} from '@aws-sdk/client-kms';
export { CreateSecretCommand, DeleteSecretCommand, DescribeSecretCommand, GetSecretValueCommand, ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
export { DescribeParametersCommand, GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
