/**
 * Gives a RunPod worker a URL it can fetch for a LoRA it could not read itself. Kept apart from the
 * S3 implementation (presign-lora.ts) so the RunPod generator does not load the AWS SDK without it.
 */
export type LoraPresigner = (loraUrl: string, expiresInSeconds: number) => Promise<string>;

/** SigV4 presigned URLs live at most 7 days. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;
