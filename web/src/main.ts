import { createApiClient } from './api-client.js';
import { LiveFeed } from './live-feed.js';
import './posterframe-app.js';

// The composition root: one API client and one live feed for the whole page.
const feed = new LiveFeed('/api/events');
const app = document.createElement('posterframe-app');
app.api = createApiClient({ tokenStorage: sessionStorage });
app.feed = feed;
document.body.append(app);
feed.start();
