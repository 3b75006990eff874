import { define } from '../core/register.js';
import { OuderPeiling } from './ouder-peiling.js';

export * from './ouder-peiling.js';
define('ouder-peiling', OuderPeiling);
