/** The root token's header: `Basic base64("root:<token>")`. */
export function rootTokenHeader(token: string): string {
  return `Basic ${Buffer.from(`root:${token}`, 'utf8').toString('base64')}`;
}
