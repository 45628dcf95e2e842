export * from './client';
export * from './errors';
export * from './models';
export { normalizeRegistryUrl, redactUrl, InvalidRegistryUrlError } from './url';
export type { RegistryLogger } from './transport';
