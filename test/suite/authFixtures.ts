// What the auth suites share: the secrets they use, so the log check knows what must not leak.

export const ROOT_TOKEN = 'suite-root-token-5b1e0c';
export const WRONG_TOKEN = 'suite-wrong-token-77aa21';

/** Every secret the auth suites handed to the extension, filled in as they run. */
export const usedSecrets: string[] = [ROOT_TOKEN, WRONG_TOKEN];

/** A line of a PEM body: long and random enough that finding it anywhere means a leak. */
export function pemMarker(pem: string): string {
  const line = pem.split('\n').find((candidate) => /^[A-Za-z0-9+/=]{40,}$/.test(candidate));
  return line ?? pem.replace(/\s+/g, '').slice(40, 100);
}
