export { dataMeshApiRef } from './dataMeshApiRef';
