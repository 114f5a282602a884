/**
 * The API server's view of a Service (routing-semantics.md §10): defaulting lives in the scenario reader
 * (R-API-2); here are its exact error messages (R-API-3), allocation failures (R-API-4) and updates (R-API-5).
 */
export { validateService, validateServiceUpdate } from './validate-service';
export { serviceAnswer } from './service-answer';
export { updateService, type NodePortPool, type ServiceUpdateResult } from './update-service';
export { fieldError, kubectlInvalidMessage } from './field-error';
