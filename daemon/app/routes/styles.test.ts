import { describe, expect, it } from 'vitest';
import type { StylesResponse } from '../../../shared/api-types.js';
import { STYLE_PRESETS } from '../../../shared/styles.js';
import { createApp } from '../create-app.js';
import { fakeDeps } from '../test-support/fake-deps.js';

describe('GET /api/styles', () => {
  it('lists the presets with their prompt fragments and defaults', async () => {
    const res = await createApp(fakeDeps({ styles: STYLE_PRESETS })).request('/api/styles');
    expect(res.status).toBe(200);
    const body = (await res.json()) as StylesResponse;
    expect(body).toStrictEqual({ styles: STYLE_PRESETS });
    expect(body.styles.map((style) => style.id)).toEqual(expect.arrayContaining(['studio-headshot', 'cinematic-portrait', 'film-noir', 'golden-hour']));
  });

  it('is not routed when no styles are given', async () => {
    expect((await createApp(fakeDeps()).request('/api/styles')).status).toBe(404);
  });

  it('refuses an unknown style in a regenerate request with a 400 naming the field', async () => {
    const deps = fakeDeps({ styles: STYLE_PRESETS });
    const res = await createApp(deps).request('/api/actors/1/regenerate-poster-frame', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        actor_name: '0001_european_20_female',
        lora_model_url: 's3://bucket/models/0001_european_20_female.safetensors',
        params: { style: 'watercolour' },
      }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ success: false, error: 'invalid_request', details: [{ field: 'params.style' }] });
    expect(body.details[0].message).toBe(
      `Expected a style id of GET /api/styles (${STYLE_PRESETS.map((s) => s.id).join(', ')}) for params.style but received "watercolour"`,
    );
    expect(deps.jobs.submitted).toHaveLength(0);
  });
});
