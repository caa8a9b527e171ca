/** Adding articles from the web and from uploaded files (issue #13): the public entry points. */
export { importFromUrl, makeImportFromUrl } from './importUrl';
export { importFromFile } from './importFile';
export { DEFAULT_LIMITS, type FetchLimits, type FetchOptions } from './fetchPage';
export type { Connector, ConnectTarget, Resolver } from './connect';
