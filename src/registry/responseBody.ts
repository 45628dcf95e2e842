/** Helpers to describe a body that is not the JSON we expected, in a few readable words. */

const MAX_SNIPPET = 200;

/** The first part of an HTML or text body: the page title, or its text without tags. */
export function summarizeBody(text: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  const source = title ?? text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ');
  const plain = source
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain === '') {
    return 'an empty body';
  }
  return plain.length > MAX_SNIPPET ? `${plain.slice(0, MAX_SNIPPET)}…` : plain;
}

export function looksLikeHtml(text: string, contentType: string | undefined): boolean {
  return /html|xml/i.test(contentType ?? '') || /^\s*<(!doctype|html|\?xml|[a-z])/i.test(text);
}
