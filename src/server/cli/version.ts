import { version } from '../../../package.json';

/** The package version, inlined at build time. */
export const PARLANCE_VERSION: string = version;
