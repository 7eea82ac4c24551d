/**
 * CRC-32 (the gzip trailer's) of `a` followed by `b`, from the CRC of each and `b`'s length, without
 * reading the bytes again: zlib's crc32_combine (1.2.12+: multiply by x^(8·length) modulo the
 * polynomial, computed from a table of x^(2^n)). Node's zlib exposes crc32 but not the combine.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multiplyModP(xPower2nModP(lengthB, 3), crcA) ^ crcB) >>> 0;
}

const POLY = 0xedb88320;
const X0 = 0x80000000;

/** a(x)·b(x) modulo p(x), in zlib's reflected bit order (x^0 is the top bit). */
function multiplyModP(a: number, b: number): number {
  let m = X0;
  let p = 0;
  let bb = b;
  for (;;) {
    if (a & m) {
      p ^= bb;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    bb = bb & 1 ? (bb >>> 1) ^ POLY : bb >>> 1;
  }
  return p >>> 0;
}

/** x^(2^n) modulo p(x) for n = 0..31. */
const X2N = (() => {
  const table: number[] = [];
  let p = X0 >>> 1; // x^1
  table.push(p);
  for (let n = 1; n < 32; n++) {
    p = multiplyModP(p, p);
    table.push(p);
  }
  return table;
})();

/** x^(n·2^k) modulo p(x). */
function xPower2nModP(n: number, k: number): number {
  let p = X0;
  let kk = k;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2), kk++) {
    if (rest % 2) p = multiplyModP(X2N[kk & 31]!, p);
  }
  return p;
}
