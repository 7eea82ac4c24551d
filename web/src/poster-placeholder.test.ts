import { rgbaToThumbHash, thumbHashToDataURL } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import { placeholderStyle, placeholderUrl } from './poster-placeholder.js';

/** The ThumbHash of a 32×32 image, red on the left half and blue on the right. */
function splitImageHash(): Uint8Array {
  const rgba = new Uint8Array(32 * 32 * 4);
  for (let i = 0; i < 32 * 32; i++) rgba.set(i % 32 < 16 ? [220, 30, 30, 255] : [30, 30, 220, 255], i * 4);
  return rgbaToThumbHash(32, 32, rgba);
}

describe('placeholderUrl', () => {
  it('turns a base64 ThumbHash, as the daemon stores it, into the PNG data URL of that hash', () => {
    const hash = splitImageHash();
    const url = placeholderUrl(btoa(String.fromCharCode(...hash)));
    expect(url).toMatch(/^data:image\/png;base64,/);
    expect(url).toBe(thumbHashToDataURL(hash));
    expect(placeholderUrl(btoa(String.fromCharCode(...hash)))).toBe(url);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['not base64', '%%%not-base64%%%'],
    ['too short to be a ThumbHash', btoa('ab')],
  ])('gives no placeholder for a hash that is %s', (_case, hash) => {
    expect(placeholderUrl(hash)).toBeUndefined();
  });

  it('paints the placeholder as a covering background, and nothing without one', () => {
    const hash = btoa(String.fromCharCode(...splitImageHash()));
    expect(placeholderStyle(hash)).toEqual({ 'background-image': `url("${placeholderUrl(hash)}")`, 'background-size': 'cover' });
    expect(placeholderStyle(undefined)).toEqual({});
  });
});
