// A CloudFrontSource over typed fakes, for views and commands under test without moto.
import * as vscode from 'vscode';
import type { CloudFrontSource, KeyServicesSource } from '../../../src/aws/awsSession';
import { KeyGroupDirectory } from '../../../src/aws/keyGroupDirectory';
import { withWriteEvents, type CloudFrontWrite } from '../../../src/aws/writeEvents';
import { createLogger, type Logger } from '../../../src/log';
import type { FakeCloudFrontService } from '../../fakes/fakeCloudFrontService';
import { FakeS3Browser } from '../../fakes/fakeS3Browser';

/** Keys kept in AWS (KMS, Secrets Manager, SSM) are tested against moto, which serves them fully; the fakes have none. */
export function fakeSource(service: FakeCloudFrontService, options: { profile?: string; s3?: FakeS3Browser } = {}): CloudFrontSource & KeyServicesSource {
  const s3 = options.s3 ?? new FakeS3Browser();
  const wrote = new vscode.EventEmitter<CloudFrontWrite>();
  // Writes through the source are announced, as AwsSession announces them.
  const announced = withWriteEvents(service, (write) => wrote.fire(write));
  return {
    cloudFront: () => Promise.resolve(announced),
    s3: () => Promise.resolve(s3),
    keyServices: () => Promise.reject(new Error('the CloudFront fake has no KMS, Secrets Manager or SSM: test keys kept in AWS against moto')),
    profile: options.profile,
    onDidChange: new vscode.EventEmitter<void>().event,
    onDidWrite: wrote.event,
  };
}

export function keyGroupsOf(source: CloudFrontSource): KeyGroupDirectory {
  return new KeyGroupDirectory(() => source.cloudFront());
}

let log: Logger | undefined;
export function testLog(): Logger {
  log ??= createLogger(vscode.window.createOutputChannel('CloudFront (test)', { log: true }));
  return log;
}
