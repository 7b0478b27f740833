export { freePort, freePortBlock } from '../../infra/ports';
