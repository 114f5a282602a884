/**
 * Class names of the render-later parts of a page (globals.css): RENDER_LATER marks a block the browser renders
 * only near the viewport until RenderLater has rendered it; ARTICLE_SECTION is an article's h2 section
 * (lib/build/mdx-sections.js puts both on it).
 */
export const RENDER_LATER = 'render-later';
export const ARTICLE_SECTION = 'article-section';
