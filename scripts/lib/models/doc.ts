import { docComment } from '../zod/context.js';

/**
 * The text of a spec description as a hover shows it: Stripe writes operation descriptions as
 * HTML paragraphs (`<p>…</p>`) and field descriptions as Markdown; the paragraph tags are dropped
 * (a paragraph break stays a blank line) and the rest is kept as written.
 */
export function descriptionText(description: string | undefined): string {
  if (!description) return '';
  return description
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<\/?p>/gi, '')
    .trim();
}

/**
 * A JSDoc comment for `description` at `indent`: one line (`/** text *\/`) for a one-line text, a
 * block for several lines, nothing when there is no description.
 */
export function jsdoc(description: string | undefined, indent: string): string {
  const text = descriptionText(description);
  if (text && !text.includes('\n')) return `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n`;
  const block = docComment(text);
  if (!block) return '';
  return block
    .trimEnd()
    .split('\n')
    .map((line) => `${indent}${line}`)
    .join('\n')
    .concat('\n');
}
