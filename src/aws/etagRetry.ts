// Read-modify-write with If-Match. CloudFront answers 412 PreconditionFailed when someone changed the
// resource since our read; then we read again and re-apply our change to what is there now.
// https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_UpdateKeyGroup.html
import { awsStatus, isAwsError } from './awsError';
import type { Versioned } from './cloudFrontService';

export function isPreconditionFailed(error: unknown): boolean {
  return isAwsError(error, 'PreconditionFailed') || awsStatus(error) === 412;
}

export async function updateWithRetry<T, R>(read: () => Promise<Versioned<T>>, write: (current: T, etag: string) => Promise<R>, attempts = 3): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const { value, etag } = await read();
    try {
      return await write(value, etag);
    } catch (error) {
      if (!isPreconditionFailed(error) || attempt >= attempts) throw error;
    }
  }
}
