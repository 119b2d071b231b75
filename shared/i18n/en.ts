export { errorsEn } from './en/index';
