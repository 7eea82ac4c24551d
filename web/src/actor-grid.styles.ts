import { css } from 'lit';

export const actorGridStyles = css`
  :host {
    display: block;
  }
  ul {
    display: grid;
    grid-template-columns: repeat(var(--columns, 1), minmax(0, 1fr));
    align-content: start;
    gap: 1rem;
    box-sizing: border-box;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: grid; /* the card fills its row's height, so buttons line up */
  }
`;
