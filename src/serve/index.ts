/** The HTTP API and workbench server. */
export { createApp, type AppOptions } from './app.js';
export { defaultReaders, startServer, type RunningServer } from './server.js';
export { pipelineIngester, readPosted, type Ingester, type IngestRequest } from './ingest.js';
export { eventsToGeoJson, type FeatureCollection } from './geojson.js';
export { CONTENT_SECURITY_POLICY } from './security.js';
export { HttpError, toErrorResponse } from './errors.js';
