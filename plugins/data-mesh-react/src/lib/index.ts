export { safeLinkUrl, absoluteWebUrl, contractUrl } from './safeUrl';
export { formatScore, formatDateTime, NO_VALUE } from './format';
