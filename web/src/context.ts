import { createContext } from '@lit/context';
import type { ApiClient } from './api-client.js';
import type { LiveFeed } from './live-feed.js';

/** The page's API client, provided by `<posterframe-app>`. */
export const apiContext = createContext<ApiClient>(Symbol('posterframe-api'));

/** The page's single live event feed, provided by `<posterframe-app>`. */
export const feedContext = createContext<LiveFeed>(Symbol('posterframe-feed'));
