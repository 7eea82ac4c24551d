import { LitElement, css, html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { placeholderStyle } from './poster-placeholder.js';

/** One side of the comparison. */
export interface CompareImage {
  src: string;
  /** The poster's ThumbHash (base64), painted until the image loads. */
  placeholder?: string;
  /** Names the side, e.g. "Current" or "New"; also the image's alt text prefix. */
  label: string;
}

/**
 * Two posters in one frame, split by a divider: `current` on the left of it, `candidate` on the right. The
 * divider is a native range input stretched over the frame, so it is dragged with a mouse or a finger
 * anywhere on the picture and moved with the keyboard (arrows, Page Up/Down, Home/End) with no code
 * of ours, and screen readers announce it as a slider.
 *
 * @csspart frame - the square holding both images
 */
export class CompareSlider extends LitElement {
  /** Focusing the element (e.g. by `autofocus` in a dialog) focuses its slider. */
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = css`
    :host {
      display: block;
    }
    .frame {
      position: relative;
      aspect-ratio: 1;
      overflow: hidden;
      border-radius: var(--pf-radius);
      background: var(--pf-surface-2);
      touch-action: none;
    }
    .frame:has(input:focus-visible) {
      outline: 3px solid var(--pf-focus);
      outline-offset: 2px;
    }
    img {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    img.after {
      clip-path: inset(0 0 0 var(--position));
    }
    .divider {
      position: absolute;
      inset: 0 auto 0 var(--position);
      width: 3px;
      translate: -50%;
      background: #fff;
      box-shadow: 0 0 0 1px rgb(0 0 0 / 0.35);
      pointer-events: none;
    }
    .divider::after {
      content: '◂▸';
      position: absolute;
      top: 50%;
      left: 50%;
      translate: -50% -50%;
      display: grid;
      place-items: center;
      width: 2.5rem;
      aspect-ratio: 1;
      border-radius: 50%;
      background: #fff;
      color: #222;
      font-size: 0.9rem;
      box-shadow: var(--pf-shadow);
    }
    .label {
      position: absolute;
      top: 0.6rem;
      padding: 0.2rem 0.6rem;
      border-radius: 999px;
      background: rgb(0 0 0 / 0.6);
      color: #fff;
      font-size: 0.8rem;
      font-weight: 600;
      pointer-events: none;
    }
    .label.before {
      left: 0.6rem;
    }
    .label.after {
      right: 0.6rem;
    }
    input {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      margin: 0;
      opacity: 0;
      cursor: ew-resize;
      appearance: none;
    }
    /* A thumb as thin as the divider, so the value under the pointer is where the divider is drawn. */
    input::-webkit-slider-thumb {
      appearance: none;
      width: 1px;
      height: 100%;
    }
    input::-moz-range-thumb {
      width: 1px;
      height: 100%;
      border: 0;
    }
  `;

  static override properties = {
    current: { attribute: false },
    candidate: { attribute: false },
    position: { type: Number, reflect: true },
  };

  declare current: CompareImage;
  declare candidate: CompareImage;
  /** Where the divider is, in percent of the width from the left: 0 shows all of `candidate`, 100 all of `current`. */
  declare position: number;

  constructor() {
    super();
    this.position = 50;
  }

  private renderImage(image: CompareImage, side: 'before' | 'after') {
    return html`<img class=${side} src=${image.src} alt="${image.label} poster" decoding="async" style=${styleMap(placeholderStyle(image.placeholder))} />`;
  }

  override render() {
    const { current: before, candidate: after, position } = this;
    return html`<div class="frame" part="frame" style=${styleMap({ '--position': `${position}%` })}>
      ${this.renderImage(before, 'before')} ${this.renderImage(after, 'after')}
      <div class="divider" aria-hidden="true"></div>
      <span class="label before" aria-hidden="true">${before.label}</span>
      <span class="label after" aria-hidden="true">${after.label}</span>
      <input
        type="range"
        min="0"
        max="100"
        step="1"
        .value=${String(position)}
        aria-label="Divider: ${before.label.toLowerCase()} poster on the left, ${after.label.toLowerCase()} on the right"
        aria-valuetext="${position}% ${before.label.toLowerCase()}, ${100 - position}% ${after.label.toLowerCase()}"
        @input=${(e: InputEvent) => (this.position = Number((e.target as HTMLInputElement).value))}
      />
    </div>`;
  }
}

customElements.define('compare-slider', CompareSlider);

declare global {
  interface HTMLElementTagNameMap {
    'compare-slider': CompareSlider;
  }
}
