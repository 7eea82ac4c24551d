import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from './parse-args.js';

describe('parseCliArgs', () => {
  it.each([
    [['7'], { actors: ['7'], all: false, seed: undefined, help: false }],
    [['a', 'b', '--seed', '42'], { actors: ['a', 'b'], all: false, seed: 42, help: false }],
    [['--all', '--seed=0'], { actors: [], all: true, seed: 0, help: false }],
    [['--help'], { actors: [], all: false, help: true }],
    [['-h', 'whatever'], { actors: [], all: false, help: true }],
  ])('parses %j', (argv, expected) => {
    expect(parseCliArgs(argv)).toEqual(expected);
  });

  it.each([
    [['1', '--seed', '-3'], 'Expected a non-negative integer below 4294967296 for --seed but received "-3"'],
    [['1', '--seed', '1.5'], 'for --seed but received "1.5"'],
    [['1', '--seed', '4294967296'], 'for --seed but received "4294967296"'],
    [['1', '--seed'], 'for --seed but received no value'],
    [['1', '--bogus'], 'Expected --all, --seed N or --help but received --bogus'],
    [['1', '-x'], 'Expected --all, --seed N or --help but received -x'],
    [[], 'Expected an actor id or name, or --all (not both) but received neither'],
    [['--all', '3'], 'but received --all and 3'],
    [['--all=yes'], 'Expected no value for --all but received "yes"'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
