import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './parse-args.js';

const publish = { all: false, failed: false, mode: 'publish', help: false };

describe('parseCliArgs', () => {
  it.each([
    [['7'], { ...publish, actors: ['7'], params: {} }],
    [['a', 'b', '--seed', '42'], { ...publish, actors: ['a', 'b'], params: { seed: 42 } }],
    [['--all', '--seed=0'], { ...publish, actors: [], all: true, params: { seed: 0 } }],
    [
      ['3', '--style', 'film-noir', '--steps', '20', '--guidance', '6.5', '--preview'],
      { ...publish, actors: ['3'], params: { style: 'film-noir', steps: 20, guidance: 6.5 }, mode: 'preview' },
    ],
    [['--failed', '--style', 'film-noir'], { ...publish, actors: [], failed: true, params: { style: 'film-noir' } }],
    [['--help'], { actors: [], all: false, failed: false, params: {}, mode: 'publish', help: true }],
    [['-h', 'whatever'], { actors: [], all: false, failed: false, params: {}, mode: 'publish', help: true }],
  ])('parses %j', (argv, expected) => {
    expect(parseCliArgs(argv)).toEqual(expected);
  });

  it.each([
    [['1', '--seed', '-3'], 'Expected an integer from 0 to 4294967295 for --seed but received "-3"'],
    [['1', '--seed', '1.5'], 'for --seed but received "1.5"'],
    [['1', '--seed', '4294967296'], 'for --seed but received "4294967296"'],
    [['1', '--seed'], 'for --seed but received no value'],
    [['1', '--seed', ''], 'for --seed but received ""'],
    [['1', '--steps', '0'], 'Expected an integer from 1 to 150 for --steps but received "0"'],
    [['1', '--guidance', 'high'], 'Expected a number from 0 to 30 for --guidance but received "high"'],
    [
      ['1', '--style', 'noir'],
      'Expected a style id of GET /api/styles (cinematic-portrait, studio-headshot, film-noir, golden-hour, vivid-editorial) for --style but received "noir"',
    ],
    [['1', '--preview=yes'], 'Expected no value for --preview but received "yes"'],
    [['1', '--bogus'], 'Expected one of the options below but received --bogus'],
    [['1', '-x'], 'Expected one of the options below but received -x'],
    [[], 'Expected actor ids or names, --all or --failed (one of them) but received none'],
    [['--all', '3'], 'but received 3 and --all'],
    [['--failed', '--all'], 'but received --all and --failed'],
    [['--failed=1'], 'Expected no value for --failed but received "1"'],
    [['--all=yes'], 'Expected no value for --all but received "yes"'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
