import { css } from 'lit';
import { controlStyles } from './shared-styles.js';

/** At most two lines of text at a line height. */
const twoLines = (lineHeight: number) => css`
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 2;
  line-clamp: 2;
  overflow: hidden;
  line-height: ${lineHeight};
`;

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
      transition: opacity 200ms ease-out, filter 200ms ease-out;
    }
    .placeholder {
      display: grid;
      place-content: center;
      justify-items: center;
      gap: 0.6rem;
      background: linear-gradient(150deg, hsl(var(--hue) 55% 90%), hsl(calc(var(--hue) + 40) 45% 76%));
      color: hsl(var(--hue) 45% 22%);
    }
    .monogram {
      display: grid;
      place-items: center;
      width: 5.5rem;
      aspect-ratio: 1;
      border-radius: 50%;
      background: rgb(255 255 255 / 0.6);
      font-size: 2.2rem;
      font-weight: 700;
      letter-spacing: 0.05em;
    }
    .note {
      padding: 0.15rem 0.7rem;
      border-radius: 999px;
      background: rgb(255 255 255 / 0.6);
      font-size: 0.85rem;
      font-weight: 600;
    }
    @media (prefers-color-scheme: dark) {
      .placeholder {
        background: linear-gradient(150deg, hsl(var(--hue) 30% 26%), hsl(calc(var(--hue) + 40) 30% 18%));
        color: hsl(var(--hue) 60% 88%);
      }
      .monogram,
      .note {
        background: rgb(0 0 0 / 0.3);
      }
    }
    article.selected {
      outline: 3px solid var(--pf-accent);
      outline-offset: -1px;
    }
    /* The checkbox sits on the poster, with a 44 px touch target around it. */
    .select {
      position: absolute;
      top: 0;
      left: 0;
      display: grid;
      place-items: center;
      width: 2.75rem;
      height: 2.75rem;
      cursor: pointer;
    }
    .select input {
      width: 1.35rem;
      height: 1.35rem;
      margin: 0;
      accent-color: var(--pf-accent);
      cursor: pointer;
      box-shadow: 0 0 0 3px color-mix(in srgb, var(--pf-surface) 80%, transparent);
      border-radius: 0.25rem;
    }
    .failure {
      position: absolute;
      inset: auto 0 0;
      display: grid;
      gap: 0.2rem;
      padding: 0.6rem 0.75rem 0.7rem;
      background: var(--pf-danger-soft);
      border-top: 3px solid var(--pf-danger);
      color: var(--pf-danger);
      font-size: 0.8rem;
    }
    .failure .reason {
      color: var(--pf-text);
      overflow-wrap: break-word;
      ${twoLines(1.35)}
    }
    button.retry {
      background: var(--pf-danger);
      border-color: var(--pf-danger);
    }
    /* Busy: the poster stays visible, dimmed, under a spinner and the stage. */
    .busy img,
    .busy .placeholder {
      opacity: 0.45;
      filter: saturate(0.6);
    }
    .working {
      position: absolute;
      inset: 0;
      margin: auto;
      width: fit-content;
      height: fit-content;
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.45rem 0.9rem;
      border-radius: 999px;
      background: var(--pf-surface);
      color: var(--pf-text);
      box-shadow: var(--pf-shadow);
      font-size: 0.9rem;
      font-weight: 600;
    }
    .spinner {
      width: 1rem;
      height: 1rem;
      border-radius: 50%;
      border: 0.18rem solid var(--pf-accent-soft);
      border-top-color: var(--pf-accent);
    }
    .body {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
      padding: 0.9rem 1rem 1rem;
      flex: 1;
    }
    /* Room for two lines of name and two of description, whatever they hold, so every card in the
       grid is the same height (the windowed grid measures one row for all). */
    .text {
      display: grid;
      align-content: start;
      gap: 0.4rem;
      min-height: calc(2 * 1.3rem + 2 * 1.4 * 0.9rem + 0.4rem);
    }
    h3 {
      margin: 0;
      font-size: 1rem;
      overflow-wrap: break-word;
      ${twoLines(1.3)}
    }
    .description {
      margin: 0;
      color: var(--pf-muted);
      font-size: 0.9rem;
      ${twoLines(1.4)}
    }
    .meta {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      margin: 0 0 0.4rem;
      color: var(--pf-muted);
      font-size: 0.8rem;
    }
    button[part='button'] {
      margin-top: auto;
      width: 100%;
      padding-inline: 0.5rem;
    }
    /* A quiet link-like control: the card's one loud button is Regenerate. */
    button.history {
      min-height: 2rem;
      padding: 0.25rem 0.6rem;
      font-size: 0.8rem;
      color: var(--pf-accent);
      border-color: transparent;
      background: none;
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }
    .progress {
      position: absolute;
      inset: auto 0 0;
      display: grid;
      gap: 0.3rem;
      padding: 0.6rem 0.75rem 0.7rem;
      background: color-mix(in srgb, var(--pf-surface) 90%, transparent);
      font-size: 0.8rem;
      font-weight: 600;
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
      .spinner {
        animation: spin 0.9s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(1turn);
        }
      }
    }
  `,
];
