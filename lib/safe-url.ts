/**
 * A link target we are willing to render: an absolute `http:` or `https:` URL, normalised by the
 * URL parser. Anything else (javascript:, data:, relative or malformed text) gives null.
 */
export function safeHttpUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  return url.href;
}
