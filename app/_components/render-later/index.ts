/** Blocks a page renders only near the viewport at first, and all of them once it is idle. */
export { RenderLater } from './render-later';
export { RENDER_LATER } from './class-names';
