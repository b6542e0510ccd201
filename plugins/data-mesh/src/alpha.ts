/**
 * The data mesh plugin for apps on the new frontend system, as the default
 * export that `app.packages: all` discovers.
 *
 * @packageDocumentation
 */
import { dataMeshPlugin } from './alpha/plugin';

export default dataMeshPlugin;
export { dataMeshTranslationRef } from './translation';
