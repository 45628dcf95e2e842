import * as l10n from '@vscode/l10n';

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
    return l10n.t('an empty body');
  }
  return plain.length > MAX_SNIPPET ? `${plain.slice(0, MAX_SNIPPET)}…` : plain;
}

export function looksLikeHtml(text: string, contentType: string | undefined): boolean {
  return /html|xml/i.test(contentType ?? '') || /^\s*<(!doctype|html|\?xml|[a-z])/i.test(text);
}

/** Why a body that should have been JSON could not be read, with a glimpse of it. */
export function describeNonJson(text: string, contentType: string | undefined): string {
  if (text.trim() === '') {
    return l10n.t('the registry answered with an empty body');
  }
  if (looksLikeHtml(text, contentType)) {
    return l10n.t({
      message: 'the registry answered with a web page instead of JSON: {0}',
      args: [summarizeBody(text)],
      comment: ['{0} is the title or first words of the page'],
    });
  }
  const start = `${text.trim().slice(0, 80)}${text.length > 80 ? '…' : ''}`;
  return l10n.t({
    message: 'the registry answered with malformed JSON: {0}',
    args: [start],
    comment: ['{0} is the start of what the registry sent'],
  });
}
