/** The artefacts' heading, in a module of its own: the explorer shows it while their chunk (with `yaml`) loads. */
export const ARTEFACTS_TITLE = 'Try it on a real cluster';
