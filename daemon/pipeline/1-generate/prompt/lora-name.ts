/**
 * The LoRA's name as generation backends know it: the file name without its extension
 * (`s3://bucket/models/0001_european_20_female.safetensors` → `0001_european_20_female`).
 * A1111 looks LoRAs up by this name, and most RunPod workers cache downloads under it.
 *
 * @param loraUrl an s3://, http:// or https:// URL
 * @param fallback used when the URL has no usable file name (e.g. the actor name)
 */
export function loraNameFromUrl(loraUrl: string, fallback: string): string {
  let pathname: string;
  try {
    pathname = new URL(loraUrl).pathname;
  } catch {
    return fallback;
  }
  const file = pathname.split('/').filter(Boolean).at(-1);
  if (!file) return fallback;
  const name = safeDecode(file).replace(/\.(safetensors|ckpt|pt|pth|bin)$/i, '');
  return name || fallback;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
