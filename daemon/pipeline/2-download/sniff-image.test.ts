import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImageType, type ImageType } from './sniff-image.js';

const tiny = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } });
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffImageType', () => {
  it.each<[ImageType, () => Promise<Buffer>]>([
    ['png', () => tiny().png().toBuffer()],
    ['jpeg', () => tiny().jpeg().toBuffer()],
    ['webp', () => tiny().webp().toBuffer()],
    ['gif', () => tiny().gif().toBuffer()],
    ['avif', () => tiny().avif({ effort: 0 }).toBuffer()],
    ['tiff', () => tiny().tiff().toBuffer()],
  ])('recognises a real %s file made by sharp', async (type, make) => {
    expect(sniffImageType(await make())).toBe(type);
  });

  it.each<[string, Uint8Array, ImageType | null]>([
    ['big-endian TIFF', new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), 'tiff'],
    ['GIF87a', text('GIF87a\x01\x00'), 'gif'],
    ['AVIF listed only as a compatible brand', new Uint8Array([0, 0, 0, 24, ...text('ftypmif1'), 0, 0, 0, 0, ...text('mif1avif')]), 'avif'],
    ['an HTML error page', text('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>'), null],
    ['JSON', text('{"error":"expired"}'), null],
    ['no bytes', new Uint8Array(0), null],
    ['a PNG signature cut short', new Uint8Array([0x89, 0x50, 0x4e]), null],
    ['a RIFF file that is not WebP (WAV)', text('RIFF\x24\x00\x00\x00WAVEfmt '), null],
    ['an ISO-BMFF file that is not AVIF (MP4)', new Uint8Array([0, 0, 0, 20, ...text('ftypisom'), 0, 0, 0, 0, ...text('mp41')]), null],
    ['HEIC, which the encode stage does not accept', new Uint8Array([0, 0, 0, 20, ...text('ftypheic'), 0, 0, 0, 0, ...text('mif1')]), null],
  ])('classifies %s', (_name, bytes, expected) => {
    expect(sniffImageType(bytes)).toBe(expected);
  });
});
