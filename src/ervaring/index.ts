import { define } from '../core/register.js';
import { OuderErvaring } from './ouder-ervaring.js';

export * from './ouder-ervaring.js';
define('ouder-ervaring', OuderErvaring);
