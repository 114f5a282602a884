export { Explorer } from './explorer';
