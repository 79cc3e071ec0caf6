/** Small transforms of the spec's prose (Markdown in schemas, HTML in operations) for the pages. */

/**
 * Stripe writes links into its own docs site-relative (`](/api/metadata)`, `href="/docs/search"`),
 * meaning stripe.com's docs; on a page of this repository such a link would point nowhere.
 */
export const STRIPE_ORIGIN = 'https://stripe.com';

/** A site-relative path as Stripe means it: `/docs/x` as is, anything else under `/docs`. */
function stripeUrl(path: string): string {
  return `${STRIPE_ORIGIN}${path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs#') ? '' : '/docs'}${path}`;
}

/**
 * `text` with every site-relative link target (Markdown `](/…)`, HTML `href="/…"`) made absolute on
 * Stripe's docs site. Protocol-relative `//host` links and everything else are left alone.
 */
export function absoluteLinks(text: string): string {
  return text
    .replace(/\]\((\/(?!\/)[^)\s]*)\)/g, (_, path: string) => `](${stripeUrl(path)})`)
    .replace(/href="(\/(?!\/)[^"]*)"/g, (_, path: string) => `href="${stripeUrl(path)}"`);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * HTML reduced to its text: block tags (`<p>`, `<br>`, `<li>`…) become spaces, inline tags (`<a>`,
 * `<code>`) vanish so no space lands before the punctuation after them; the common entities are
 * decoded and whitespace collapsed.
 */
export function plainText(html: string): string {
  return html
    .replace(/<\/?(p|br|div|li|ul|ol|h[1-6]|table|tr|td|th)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first sentence of some prose (up to the first `. ` / `! ` / `? `), or all of it. */
export function firstSentence(text: string): string {
  const end = /[.!?](\s|$)/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}
