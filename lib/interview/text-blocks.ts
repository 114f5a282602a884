/**
 * Card prose is plain text with three conventions: a blank line separates paragraphs, lines starting
 * with "- " form a bullet list, and `backticks` mark code. This turns it into blocks a component renders
 * (no HTML is ever interpreted).
 */
export type Inline = { code: boolean; text: string };
export type Block = { type: 'paragraph'; content: Inline[] } | { type: 'list'; items: Inline[][] };

export function inlineRuns(text: string): Inline[] {
  const out: Inline[] = [];
  const parts = text.split('`');
  parts.forEach((part, i) => {
    if (part) out.push({ code: i % 2 === 1, text: part });
  });
  return out;
}

export function toBlocks(text: string): Block[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((chunk): Block => {
      const lines = chunk.split('\n').map((l) => l.trim());
      if (lines.every((l) => l.startsWith('- '))) {
        return { type: 'list', items: lines.map((l) => inlineRuns(l.slice(2))) };
      }
      return { type: 'paragraph', content: inlineRuns(lines.join(' ')) };
    });
}
