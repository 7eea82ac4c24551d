import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../../../config.js';

/**
 * The S3 client that presigns LoRA URLs: the configured key pair, or the AWS SDK's default credential
 * chain when none is set. Presigning sends no request, so this client never talks to S3 itself.
 */
export function createLoraS3Client(aws: Config['aws']): S3Client {
  return new S3Client({
    region: aws.region,
    endpoint: aws.endpoint,
    forcePathStyle: aws.forcePathStyle,
    credentials: aws.accessKeyId && aws.secretAccessKey ? { accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey } : undefined,
  });
}
