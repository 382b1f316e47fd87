// Holds the AWS clients for the chosen profile. They (and with them the SDK) are built on first use;
// choosing another profile drops them so the next call builds them for the new profile.
import * as vscode from 'vscode';
import { configuredProfile, PROFILE_SETTING } from './profileSetting';
import { buildCloudFrontClient, buildKeyClients, buildS3Client, MissingRegionError, type AwsConnection } from './clientBuilder';
import { UserError } from '../errors';
import { SdkKeySecrets, type KeySecrets } from './keySecrets';
import { SdkKmsKeys, type KmsKeys } from './kmsKeys';
import type { CloudFrontService } from './cloudFrontService';
import { Lazy } from '../lazy';
import { SdkS3Browser, type S3Browser } from './s3Browser';
import { SdkS3Buckets, type S3Buckets } from './s3Buckets';
import { SdkCloudFrontService } from './sdkCloudFrontService';
import { withWriteEvents, type CloudFrontWrite } from './writeEvents';
import { withBucketWriteEvents, type BucketWrite } from './bucketWriteEvents';

/** KMS, Secrets Manager and SSM in one region, for keys that live in AWS. */
export interface KeyServices {
  readonly kms: KmsKeys;
  readonly secrets: KeySecrets;
}

/** Where key commands and signing reach keys kept in AWS: the session below, or typed fakes in tests. */
export interface KeyServicesSource {
  /** Without `region`: the profile's region. */
  keyServices(region?: string): Promise<KeyServices>;
  readonly profile: string | undefined;
}

/** Where views and commands get AWS from: the session below, or typed fakes in tests. */
export interface CloudFrontSource {
  cloudFront(): Promise<CloudFrontService>;
  s3(): Promise<S3Browser>;
  readonly profile: string | undefined;
  readonly onDidChange: vscode.Event<void>;
  /** Fires after each write to CloudFront through `cloudFront()` (and each wait for a deployment): views and caches read it again. */
  readonly onDidWrite: vscode.Event<CloudFrontWrite>;
}

/** Where the S3 Buckets view and Protect reach bucket settings: the session below, or fakes in tests. */
export interface BucketSource {
  /** Bucket policies and settings, for putting a bucket behind CloudFront. */
  buckets(): Promise<S3Buckets>;
  /** Fires after each write to a bucket's policy or Block Public Access through `buckets()`: the S3 Buckets view reads it again. */
  readonly onDidWriteBucket: vscode.Event<BucketWrite>;
}

export class AwsSession implements CloudFrontSource, BucketSource, KeyServicesSource, vscode.Disposable {
  private readonly wrote = new vscode.EventEmitter<CloudFrontWrite>();
  readonly onDidWrite = this.wrote.event;
  private readonly wroteBucket = new vscode.EventEmitter<BucketWrite>();
  readonly onDidWriteBucket = this.wroteBucket.event;
  private readonly service = new Lazy(async () => withWriteEvents(new SdkCloudFrontService(await buildCloudFrontClient(this.connection())), (write) => this.wrote.fire(write)));
  private readonly s3Client = new Lazy(() => buildS3Client(this.connection()));
  private readonly objects = new Lazy(async () => new SdkS3Browser(await this.s3Client.get()));
  private readonly bucketService = new Lazy(async () => withBucketWriteEvents(new SdkS3Buckets(await this.s3Client.get()), (write) => this.wroteBucket.fire(write)));
  /** Per region ('' for the profile's): a key in AWS is reached in the region its ARN names. */
  private readonly keyServicesByRegion = new Map<string, Lazy<KeyServices>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly configListener: vscode.Disposable;
  /** Fires when the profile changes: views reload. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly userAgent: string) {
    this.configListener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(PROFILE_SETTING)) {
        this.service.reset();
        this.s3Client.reset();
        this.objects.reset();
        this.bucketService.reset();
        this.keyServicesByRegion.clear();
        this.changed.fire();
      }
    });
  }

  get profile(): string | undefined {
    return configuredProfile();
  }

  cloudFront(): Promise<CloudFrontService> {
    return this.service.get();
  }

  s3(): Promise<S3Browser> {
    return this.objects.get();
  }

  /** Bucket policies and settings, for putting a bucket behind CloudFront. */
  buckets(): Promise<S3Buckets> {
    return this.bucketService.get();
  }

  keyServices(region?: string): Promise<KeyServices> {
    let services = this.keyServicesByRegion.get(region ?? '');
    if (!services) {
      services = new Lazy(async () => {
        const clients = await buildKeyClients(this.connection(), region).catch((error: unknown) => {
          if (!(error instanceof MissingRegionError)) throw error;
          throw new UserError(
            vscode.l10n.t(
              'No AWS region for {0}: keys kept in AWS KMS, Secrets Manager and SSM are regional. Set region for the profile in ~/.aws/config (or AWS_REGION), then try again.',
              this.profile ?? vscode.l10n.t('the default credentials'),
            ),
          );
        });
        return { kms: new SdkKmsKeys(clients.kms), secrets: new SdkKeySecrets(clients.secretsManager, clients.ssm) };
      });
      this.keyServicesByRegion.set(region ?? '', services);
    }
    return services.get();
  }

  dispose(): void {
    this.configListener.dispose();
    this.changed.dispose();
    this.wrote.dispose();
    this.wroteBucket.dispose();
  }

  private connection(): AwsConnection {
    const profile = this.profile;
    return { userAgent: this.userAgent, ...(profile ? { profile } : {}) };
  }
}
