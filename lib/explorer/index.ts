/**
 * The live explorer's pure core: state, edits, URL codec, scenario conversion and the result summary. The
 * real-cluster artefacts (YAML manifests: the `yaml` package) are imported from ./manifests and ./commands
 * where they are shown, so this barrel keeps `yaml` out of the explorer's first load (issue 18).
 */
export * from './state';
export * from './actions';
export * from './url-codec';
export * from './to-scenario';
export * from './summary';
