// @ts-check
/**
 * Rehype plugin for the articles (content/*.mdx, wired in next.config.js): wraps each h2 and everything after it,
 * up to the next h2, in `<section class="article-section render-later">`: on load the browser styles, lays out
 * and paints only the sections near the viewport, and RenderLater renders the rest once the page is idle
 * (app/_components/render-later). The article about externalTrafficPolicy has ~3,000 elements, and its first
 * frame laid out every one of them (issue 18).
 *
 * What precedes the first h2 (the title and introduction) stays as it is. MDX's imports and exports (`mdxjsEsm`)
 * stay at the top level, where MDX compiles them.
 */

// The names of app/_components/render-later/class-names.ts (tests/lib/build/mdx-sections.test.ts checks).
const SECTION_CLASSES = ['article-section', 'render-later'];

/**
 * @typedef {{ type: string, tagName?: string, properties?: Record<string, unknown>, children?: HastNode[] }} HastNode
 */

/** @returns {(tree: { children: HastNode[] }) => void} */
function rehypeArticleSections() {
  return (tree) => {
    /** @type {HastNode[]} */
    const top = [];
    /** @type {HastNode | null} */
    let section = null;
    for (const node of tree.children) {
      if (node.type === 'mdxjsEsm') {
        top.push(node);
        continue;
      }
      if (node.type === 'element' && node.tagName === 'h2') {
        section = { type: 'element', tagName: 'section', properties: { className: [...SECTION_CLASSES] }, children: [] };
        top.push(section);
      }
      (section?.children ?? top).push(node);
    }
    tree.children = top;
  };
}

module.exports = rehypeArticleSections;
module.exports.SECTION_CLASSES = SECTION_CLASSES;
