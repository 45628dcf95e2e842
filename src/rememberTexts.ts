/**
 * Remembers texts built from inputs with few distinct values: a tag count, an arch, "3 days
 * ago". A big tree builds the same few hundred phrases for thousands of rows, and translating
 * and formatting each costs far more than a lookup. A text is built on its first use, after
 * activation has set the language; past `limit` texts the memory starts over.
 */
export function rememberTexts<Key>(
  build: (key: Key) => string,
  limit = 1000,
): (key: Key) => string {
  const texts = new Map<Key, string>();
  return (key) => {
    let text = texts.get(key);
    if (text === undefined) {
      if (texts.size >= limit) {
        texts.clear();
      }
      text = build(key);
      texts.set(key, text);
    }
    return text;
  };
}
