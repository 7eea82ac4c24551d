import { lstat, mkdir, mkdtemp, open, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job, JobError, RegenerateResponse } from '../../shared/api-types.js';
import { PipelineError } from '../errors.js';
import type { JobService, SubmitInput } from '../jobs/job-service.js';
import { pageJobs } from '../jobs/jobs-query.js';
import { openLibrary } from '../library/open-library.js';
import { isRequestFileName, startRequestsFolder } from './requests-folder.js';

const logger = pino({ level: process.env.TEST_LOG ?? 'silent' });
const actor = { id: 7, name: '0007_nordic_40_male', description: 'a man', lora_model_url: 's3://b/m.safetensors' };
const valid = { actor_id: 7, actor_name: actor.name, lora_model_url: 's3://b/m.safetensors' };

/**
 * Our own JobService, reduced to what intake relies on: a submit for an actor with a job in flight
 * joins it, and each job ends a little later as `decide` says.
 */
class FakeJobs implements JobService {
  submitted: SubmitInput[] = [];
  failWith?: JobError;
  refuse?: PipelineError;
  refusals = 0;
  private jobs = new Map<string, Job>();
  private finished = new Map<string, Promise<Job>>();

  async submit(input: SubmitInput) {
    if (this.refuse) {
      this.refusals++;
      throw this.refuse;
    }
    this.submitted.push(input);
    const running = [...this.jobs.values()].find((j) => j.actor_id === String(input.actor.id) && j.status === 'running');
    if (running) return { job: running, joined: true };
    const now = new Date().toISOString();
    const job: Job = {
      id: `job-${this.jobs.size + 1}`,
      source: input.source,
      mode: 'publish',
      actor_id: String(input.actor.id),
      actor_name: input.actor.name,
      request: input.request,
      status: 'running',
      stage: 'generating',
      percent: 0,
      created_at: now,
      updated_at: now,
    };
    this.jobs.set(job.id, job);
    this.finished.set(
      job.id,
      sleep(50).then(() => this.finish(job)),
    );
    return { job, joined: false };
  }
  get = async (id: string) => this.jobs.get(id);
  list = async () => pageJobs(this.jobs.values());
  waitFor = (id: string) => this.finished.get(id)!;

  private finish(job: Job): Job {
    if (this.failWith) Object.assign(job, { status: 'failed', error: this.failWith });
    else Object.assign(job, { status: 'done', result: resultFor(job) });
    return job;
  }
}

const resultFor = (job: Job): RegenerateResponse => ({
  success: true,
  actor_id: job.actor_id,
  actor_name: job.actor_name,
  message: `from ${job.id}`,
  poster_frames: { accelerated: { webp_sm: 'a', webp_md: 'b', webp_lg: 'c' }, standard: { webp_sm: 'd', webp_md: 'e', webp_lg: 'f' } },
});

let dir: string;
let requests: string;
let jobs: FakeJobs;
const closers: Array<() => Promise<void>> = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'requests-folder-'));
  requests = join(dir, 'requests');
  await mkdir(requests);
  await writeFile(join(dir, 'actorsData.json'), JSON.stringify([actor, { id: 8, name: '0008_other' }]));
  jobs = new FakeJobs();
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  await rm(dir, { recursive: true, force: true });
});

async function start(maxFileBytes?: number) {
  const { actors, close } = openLibrary({ dataDir: dir, actorsFile: join(dir, 'actorsData.json') });
  const folder = await startRequestsFolder({ dir: requests, jobs, actors, logger, maxFileBytes });
  closers.push(() => folder.close(), close);
  return folder;
}

/**
 * Waits until the request beside an outcome file (`done/a.json` for `done/a.result.json`) has been
 * moved there, which happens after the outcome file is written, then returns the outcome's JSON.
 */
// biome-ignore lint/suspicious/noExplicitAny: outcome files are either shape; each test asserts the fields it reads
async function outcome(path: string): Promise<any> {
  const request = join(requests, path.replace(/\.(result|error)\.json$/, '.json'));
  while (!(await lstat(request).catch(() => undefined))) await sleep(25);
  return JSON.parse(await readFile(join(requests, path), 'utf8'));
}

const drop = (name: string, body: unknown) => writeFile(join(requests, name), typeof body === 'string' ? body : JSON.stringify(body));

describe('startRequestsFolder', () => {
  it('runs a valid file and moves it to done/ with the response beside it', async () => {
    await start();
    await drop('a.json', valid);
    const result = await outcome('done/a.result.json');
    expect(result).toEqual(resultFor((await jobs.get('job-1'))!));
    expect(JSON.parse(await readFile(join(requests, 'done/a.json'), 'utf8'))).toEqual(valid);
    expect(jobs.submitted).toEqual([{ source: 'folder', actor, request: { actor_name: actor.name, lora_model_url: valid.lora_model_url } }]);
    expect(await readdir(join(requests, 'processing'))).toEqual([]);
  });

  it('reads a slowly written file once, after the write has finished', async () => {
    await start();
    const text = JSON.stringify({ ...valid, actor_description: 'x'.repeat(500) });
    const handle = await open(join(requests, 'slow.json'), 'w');
    await handle.write(text.slice(0, text.length / 2));
    await sleep(300);
    await handle.write(text.slice(text.length / 2));
    await handle.close();
    expect((await outcome('done/slow.result.json')).success).toBe(true);
    expect(jobs.submitted).toHaveLength(1);
    expect(await readdir(join(requests, 'failed'))).toEqual([]);
  });

  it('leaves temp names alone and picks the file up when it is renamed in', async () => {
    await start();
    await drop('b.json.part', valid);
    await drop('.hidden.json', valid);
    await drop('first.json', valid);
    await outcome('done/first.result.json');
    expect((await readdir(requests)).sort()).toEqual(['.hidden.json', 'b.json.part', 'done', 'failed', 'processing']);
    await rename(join(requests, 'b.json.part'), join(requests, 'b.json'));
    expect((await outcome('done/b.result.json')).success).toBe(true);
  });

  it.each([
    ['bad JSON', '{"actor_id": 7,', 'invalid_request', /not valid JSON/],
    ['binary junk', '\u0000\u00ff\u0001PNG', 'invalid_request', /not valid JSON/],
    ['an unknown actor', { ...valid, actor_id: 99 }, 'actor_not_found', /No actor with id "99"/],
    ["another actor's name", { ...valid, actor_name: '0008_other' }, 'invalid_request', /Expected actor_name "0007_nordic_40_male"/],
    [
      'a missing actor_id',
      { actor_name: valid.actor_name, lora_model_url: valid.lora_model_url },
      'invalid_request',
      /^The request file is not valid: Expected an actor id \(a string of 1-128 characters, or an integer\) for actor_id but received nothing \(the field is missing\)\. Fix the file/,
    ],
  ])('fails %s with an error file', async (_, body, error, message) => {
    await start();
    await drop('bad.json', body);
    const failure = await outcome('failed/bad.error.json');
    expect(failure).toMatchObject({ error, message: expect.stringMatching(message) });
    await expect(readFile(join(requests, 'failed/bad.json'))).resolves.toBeDefined();
    expect(jobs.submitted).toEqual([]);
  });

  it('lists each missing or invalid field in the details', async () => {
    await start();
    await drop('fields.json', { actor_id: 7, actor_name: '../../etc/passwd' });
    const failure = await outcome('failed/fields.error.json');
    expect(failure.error).toBe('invalid_request');
    expect(failure.details.map((d: { field: string }) => d.field).sort()).toEqual(['actor_name', 'lora_model_url']);
    expect(jobs.submitted).toEqual([]);
  });

  it('fails a file over the size limit without parsing it', async () => {
    await start(1000);
    await drop('huge.json', { ...valid, actor_description: 'x'.repeat(2000) });
    expect(await outcome('failed/huge.error.json')).toMatchObject({
      error: 'payload_too_large',
      message: expect.stringContaining('at most 1000 bytes'),
    });
  });

  it('refuses a symlink instead of reading what it points at', async () => {
    await writeFile(join(dir, 'secret.json'), JSON.stringify(valid));
    await start();
    await symlink(join(dir, 'secret.json'), join(requests, 'link.json'));
    expect(await outcome('failed/link.error.json')).toMatchObject({
      error: 'invalid_request',
      message: expect.stringContaining('Expected a regular file for link.json but received a symbolic link to a file'),
    });
    expect(jobs.submitted).toEqual([]);
  });

  it.each([
    ['a link loop', 'loop.json', () => symlink('loop.json', join(requests, 'loop.json')), 'a symbolic link loop'],
    ['a link to a folder', 'folder.json', () => symlink(dir, join(requests, 'folder.json')), 'a symbolic link to a folder'],
    ['a dangling link', 'gone.json', () => symlink(join(dir, 'nothing-here'), join(requests, 'gone.json')), 'a symbolic link'],
  ])('moves %s to failed/ with a reason, whether there at start or dropped later', async (_, name, link, reason) => {
    await link();
    await start();
    const failure = await outcome(`failed/${name.replace('.json', '.error.json')}`);
    expect(failure.message).toContain(reason);
    expect((await readdir(requests)).sort()).toEqual(['done', 'failed', 'processing']);
    await link();
    expect((await outcome(`failed/${name.replace('.json', '-1.error.json')}`)).message).toContain(reason);
  });

  it('points at a JSON mistake by line and column without quoting the file', async () => {
    await start();
    await drop('leak.json', '{\n  "actor_id": 7,\n  "password": hunter2-secret\n}');
    const failure = await outcome('failed/leak.error.json');
    expect(failure.message).toBe('leak.json is not valid JSON: unexpected character at line 3, column 15. Fix the file and drop it again.');
    expect(JSON.stringify(failure)).not.toMatch(/hunter|secret|"h"|'h'/);
  });

  it.each([
    ['245 characters', `poster-${'x'.repeat(233)}`],
    ['255 bytes of UTF-8', `poster-${'é'.repeat(30)}${'x'.repeat(183)}`],
  ])('finishes a valid file with a name of %s, its outcome name cut to fit', async (_, stem) => {
    await start();
    await drop(`${stem}.json`, valid);
    const done = join(requests, 'done');
    while ((await readdir(done)).length < 2) await sleep(25);
    const names = await readdir(done);
    expect(names.every((name) => Buffer.byteLength(name) <= 255)).toBe(true);
    const result = names.find((name) => name.endsWith('.result.json'))!;
    expect(names).toContain(result.replace('.result.json', '.json'));
    expect(JSON.parse(await readFile(join(done, result), 'utf8')).success).toBe(true);
    expect(await readdir(join(requests, 'processing'))).toEqual([]);
    expect(jobs.submitted).toHaveLength(1);
  });

  /**
   * Runs `name` to done/, then puts things back as a daemon killed after the job ended but before the
   * move would have left them (the request in processing/ beside its job marker), and starts again.
   */
  async function crashBeforeMove(name: string, { outcomeWritten }: { outcomeWritten: boolean }) {
    await start();
    await drop(`${name}.json`, valid);
    await outcome(`done/${name}.result.json`);
    await rename(join(requests, `done/${name}.json`), join(requests, `processing/${name}.json`));
    await writeFile(join(requests, `processing/.${name}.job`), 'job-1');
    if (!outcomeWritten) await rm(join(requests, `done/${name}.result.json`));
    await Promise.all(closers.splice(0).map((close) => close()));
    await start();
    const result = await outcome(`done/${name}.result.json`);
    while ((await readdir(join(requests, 'processing'))).length) await sleep(25);
    return result;
  }

  it('follows the job a crashed run submitted instead of running the request again', async () => {
    expect(await crashBeforeMove('once', { outcomeWritten: false })).toEqual(resultFor((await jobs.get('job-1'))!));
    expect(jobs.submitted).toHaveLength(1);
  });

  it('completes the move beside the outcome file a crash left, without a second outcome', async () => {
    await crashBeforeMove('half', { outcomeWritten: true });
    expect((await readdir(join(requests, 'done'))).sort()).toEqual(['half.json', 'half.result.json']);
    expect(jobs.submitted).toHaveLength(1);
  });

  it('fails, without running it again, a request whose recorded job is gone', async () => {
    await mkdir(join(requests, 'processing'));
    await writeFile(join(requests, 'processing/lost.json'), JSON.stringify(valid));
    await writeFile(join(requests, 'processing/.lost.job'), 'job-forgotten');
    await start();
    expect((await outcome('failed/lost.error.json')).message).toContain('already ran as job job-forgotten');
    expect(jobs.submitted).toEqual([]);
  });

  it("records a failed job's error", async () => {
    jobs.failWith = { error: 'generation_failed', message: 'GPU said no', stage: 'generating', details: { worker: 1 } };
    await start();
    await drop('c.json', valid);
    expect(await outcome('failed/c.error.json')).toEqual({ error: 'generation_failed', message: 'GPU said no', details: { worker: 1 } });
  });

  it('processes files present at start and files a crash left in processing/', async () => {
    await drop('waiting.json', valid);
    await mkdir(join(requests, 'processing'));
    await writeFile(join(requests, 'processing/interrupted.json'), JSON.stringify({ ...valid, actor_id: '8', actor_name: '0008_other' }));
    await start();
    expect((await outcome('done/waiting.result.json')).actor_id).toBe('7');
    expect((await outcome('done/interrupted.result.json')).actor_id).toBe('8');
  });

  it('finishes two files for the same actor, both in done/', async () => {
    await start();
    await Promise.all([drop('one.json', valid), drop('two.json', valid)]);
    const results = await Promise.all([outcome('done/one.result.json'), outcome('done/two.result.json')]);
    expect(results.map((r) => [r.success, r.actor_id])).toEqual([
      [true, '7'],
      [true, '7'],
    ]);
    expect((await readdir(join(requests, 'done'))).sort()).toEqual(['one.json', 'one.result.json', 'two.json', 'two.result.json']);
  });

  it('never overwrites an earlier outcome with the same name', async () => {
    await mkdir(join(requests, 'done'));
    await writeFile(join(requests, 'done/same.json'), 'earlier');
    await start();
    await drop('same.json', valid);
    expect((await outcome('done/same-1.result.json')).success).toBe(true);
    expect(await readFile(join(requests, 'done/same.json'), 'utf8')).toBe('earlier');
    expect(JSON.parse(await readFile(join(requests, 'done/same-1.json'), 'utf8'))).toEqual(valid);
  });

  it('ignores a directory named like a request and keeps working', async () => {
    await start();
    await mkdir(join(requests, 'folder.json'));
    await drop('after.json', valid);
    await outcome('done/after.result.json');
    expect(await readdir(join(requests, 'folder.json'))).toEqual([]);
    expect(await readdir(join(requests, 'failed'))).toEqual([]);
  });

  it('leaves the request in processing/ when the job service is shutting down', async () => {
    jobs.refuse = new PipelineError('shutting_down', 'stopping');
    const { actors, close } = openLibrary({ dataDir: dir, actorsFile: join(dir, 'actorsData.json') });
    closers.push(close);
    await drop('late.json', valid);
    const folder = await startRequestsFolder({ dir: requests, jobs, actors, logger });
    closers.push(() => folder.close());
    while (jobs.refusals === 0) await sleep(25);
    await folder.close();
    jobs.refuse = undefined;
    expect(await readdir(join(requests, 'processing'))).toEqual(['late.json']);
    expect(await readdir(join(requests, 'failed'))).toEqual([]);
    // The next start finishes it.
    await start();
    expect((await outcome('done/late.result.json')).success).toBe(true);
  });
});

describe('isRequestFileName', () => {
  it.each([
    ['a.json', true],
    ['.a.json', false],
    ['a.json.tmp', false],
    ['a.json.part', false],
    ['a.json~', false],
    ['.a.json.swp', false],
    ['a.json.crdownload', false],
    ['a.txt', false],
    ['processing', false],
  ])('%s → %s', (name, expected) => {
    expect(isRequestFileName(name)).toBe(expected);
  });
});
