// Holds the AWS clients for the chosen profile. They (and with them the SDK) are built on first use;
// choosing another profile drops them so the next call builds them for the new profile.
import * as vscode from 'vscode';
import { configuredProfile, PROFILE_SETTING } from './profileSetting';
import { buildCloudFrontClient, buildS3Client, type AwsConnection } from './clientBuilder';
import type { CloudFrontService } from './cloudFrontService';
import { Lazy } from '../lazy';
import { SdkS3Browser, type S3Browser } from './s3Browser';
import { SdkS3Buckets, type S3Buckets } from './s3Buckets';
import { SdkCloudFrontService } from './sdkCloudFrontService';
import { withWriteEvents, type CloudFrontWrite } from './writeEvents';

/** Where views and commands get AWS from: the session below, or typed fakes in tests. */
export interface CloudFrontSource {
  cloudFront(): Promise<CloudFrontService>;
  s3(): Promise<S3Browser>;
  readonly profile: string | undefined;
  readonly onDidChange: vscode.Event<void>;
}

export class AwsSession implements CloudFrontSource, vscode.Disposable {
  private readonly wrote = new vscode.EventEmitter<CloudFrontWrite>();
  /** Fires after each write to CloudFront through `cloudFront()`, so readers forget what it changed. */
  readonly onDidWrite = this.wrote.event;
  private readonly service = new Lazy(async () => withWriteEvents(new SdkCloudFrontService(await buildCloudFrontClient(this.connection())), (write) => this.wrote.fire(write)));
  private readonly s3Client = new Lazy(() => buildS3Client(this.connection()));
  private readonly objects = new Lazy(async () => new SdkS3Browser(await this.s3Client.get()));
  private readonly bucketService = new Lazy(async () => new SdkS3Buckets(await this.s3Client.get()));
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

  dispose(): void {
    this.configListener.dispose();
    this.changed.dispose();
    this.wrote.dispose();
  }

  private connection(): AwsConnection {
    const profile = this.profile;
    return { userAgent: this.userAgent, ...(profile ? { profile } : {}) };
  }
}
