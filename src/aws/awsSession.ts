// Holds the CloudFrontService for the chosen AWS profile. The service (and with it the SDK) is built
// on first use; choosing another profile drops it so the next call builds one for the new profile.
import * as vscode from 'vscode';
import { Settings } from '../constants';
import { buildCloudFrontClient } from './clientBuilder';
import type { CloudFrontService } from './cloudFrontService';
import { SdkCloudFrontService } from './sdkCloudFrontService';

/** Where views and commands get CloudFront from: the session below, or a typed fake in tests. */
export interface CloudFrontSource {
  cloudFront(): Promise<CloudFrontService>;
  readonly profile: string | undefined;
  readonly onDidChange: vscode.Event<void>;
}

export class AwsSession implements CloudFrontSource, vscode.Disposable {
  private service: Promise<CloudFrontService> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly configListener: vscode.Disposable;
  /** Fires when the profile changes: views reload. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly userAgent: string) {
    this.configListener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${Settings.section}.${Settings.profile}`)) {
        this.service = undefined;
        this.changed.fire();
      }
    });
  }

  /**
   * The profile from the `cloudfront.profile` setting. The setting has application scope, so a
   * workspace cannot redirect credentials; empty means the SDK's default chain (AWS_PROFILE, env, …).
   */
  get profile(): string | undefined {
    const inspected = vscode.workspace.getConfiguration(Settings.section).inspect<string>(Settings.profile);
    const value = inspected?.globalValue;
    return value ? value : undefined;
  }

  cloudFront(): Promise<CloudFrontService> {
    if (!this.service) {
      const profile = this.profile;
      this.service = buildCloudFrontClient({ userAgent: this.userAgent, ...(profile ? { profile } : {}) }).then(
        (client) => new SdkCloudFrontService(client),
      );
      // A failed build (bad profile) must not stick: the next call tries again.
      this.service.catch(() => (this.service = undefined));
    }
    return this.service;
  }

  dispose(): void {
    this.configListener.dispose();
    this.changed.dispose();
  }
}
