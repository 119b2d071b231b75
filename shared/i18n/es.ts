export { errorsEs } from './es/index';
