/** The live explorer's pure core: state, edits, URL codec, scenario conversion and real-cluster artefacts. */
export * from './state';
export * from './actions';
export * from './url-codec';
export * from './to-scenario';
export * from './manifests';
export * from './commands';
export * from './summary';
