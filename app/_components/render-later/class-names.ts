/**
 * The class of a block the browser renders only near the viewport until RenderLater has rendered it
 * (globals.css): figures, tables, the packet walk, the explorer's rules panel and commands.
 */
export const RENDER_LATER = 'render-later';
