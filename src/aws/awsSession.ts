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

/**
 * The profile from the `cloudfront.profile` user setting. Only the user (global) value counts: the
 * setting has application scope, and a workspace must never redirect credentials. Empty means the
 * SDK's default chain (AWS_PROFILE, environment variables, …).
 */
export function configuredProfile(): string | undefined {
  const value = vscode.workspace.getConfiguration(Settings.section).inspect<string>(Settings.profile)?.globalValue;
  return value ? value : undefined;
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

  get profile(): string | undefined {
    return configuredProfile();
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
