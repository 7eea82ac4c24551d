import { describe, expect, it } from 'vitest';
import { loadInputTemplate, renderInputTemplate, TEMPLATE_PLACEHOLDERS, type TemplateValues } from './input-template.js';

const values = Object.fromEntries(TEMPLATE_PLACEHOLDERS.map((name) => [name, `<${name}>`])) as TemplateValues;

describe('RunPod input template', () => {
  it('replaces a whole-string placeholder with the value itself, keeping numbers numbers', () => {
    const input = renderInputTemplate({ seed: '{{seed}}', steps: '{{ steps }}' }, { ...values, seed: 42, steps: 30 });
    expect(input).toEqual({ seed: 42, steps: 30 });
  });

  it('interpolates placeholders inside longer strings, in nested objects and arrays', () => {
    const input = renderInputTemplate(
      {
        workflow: { '6': { inputs: { text: '{{prompt}} <lora:{{lora_name}}:{{lora_weight}}>' } } },
        loras: [{ path: '{{lora_download_url}}' }],
        fixed: 1,
        flag: true,
      },
      { ...values, prompt: 'a portrait', lora_name: 'actor_1', lora_weight: 0.8, lora_download_url: 'https://x/y' },
    );
    expect(input).toEqual({ workflow: { '6': { inputs: { text: 'a portrait <lora:actor_1:0.8>' } } }, loras: [{ path: 'https://x/y' }], fixed: 1, flag: true });
  });

  it('ships a default template whose placeholders are all known', () => {
    const rendered = JSON.stringify(renderInputTemplate(loadInputTemplate(), values));
    expect(rendered).not.toMatch(/\{\{/);
    expect(rendered).toContain('<lora_download_url>');
  });
});
