import { define } from '../core/register.js';
import { OuderTerugkoppeling } from './ouder-terugkoppeling.js';

export * from './ouder-terugkoppeling.js';
define('ouder-terugkoppeling', OuderTerugkoppeling);
