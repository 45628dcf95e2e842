export * from './types';
export {
  RegistryConnection,
  type ConnectionLogger,
  type RegistryConnectionOptions,
} from './connection';
export { describeRegistryAuth, type RegistryAuthDescription } from './describe';
export { normalizePem, parsePrivateKey, privateKeyToPem, publicKeyForRegistry } from './keys';
export { chooseProxy, isLoopback, matchesNoProxy, type ProxyChoice } from './proxy';
export { rootTokenHeader } from './rootToken';
