import { css } from 'lit';
import { controlStyles } from './shared-styles.js';

export const actorCardStyles = [
  controlStyles,
  css`
    :host {
      display: block;
    }
    article {
      display: flex;
      flex-direction: column;
      height: 100%;
      background: var(--pf-surface);
      border: 1px solid var(--pf-border);
      border-radius: var(--pf-radius);
      box-shadow: var(--pf-shadow);
      overflow: hidden;
    }
    .poster {
      position: relative;
      aspect-ratio: 1;
      background: var(--pf-surface-2);
    }
    img,
    .placeholder {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .placeholder {
      display: grid;
      place-content: center;
      justify-items: center;
      gap: 0.25rem;
      color: var(--pf-muted);
      font-size: 0.9rem;
    }
    .placeholder span[aria-hidden] {
      font-size: 3rem;
    }
    .busy-veil {
      position: absolute;
      inset: 0;
      background: linear-gradient(transparent 55%, rgb(0 0 0 / 0.55));
    }
    .body {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
      padding: 0.9rem 1rem 1rem;
      flex: 1;
    }
    h3 {
      margin: 0;
      font-size: 1rem;
      line-height: 1.3;
      overflow-wrap: break-word;
    }
    .description {
      margin: 0;
      color: var(--pf-muted);
      font-size: 0.9rem;
    }
    .meta {
      margin: 0 0 0.4rem;
      color: var(--pf-muted);
      font-size: 0.8rem;
    }
    button {
      margin-top: auto;
      width: 100%;
      padding-inline: 0.5rem;
    }
    .progress {
      display: grid;
      gap: 0.3rem;
      font-size: 0.8rem;
      color: var(--pf-text);
    }
    progress {
      width: 100%;
      height: 0.4rem;
      accent-color: var(--pf-accent);
    }
    @media (prefers-reduced-motion: no-preference) {
      img {
        --pf-enter-opacity: 0.3;
        animation: pf-enter 300ms ease-out;
      }
    }
  `,
];
