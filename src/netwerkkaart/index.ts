import { define } from '../core/register.js';
import { OuderNetwerkkaart } from './ouder-netwerkkaart.js';

export * from './ouder-netwerkkaart.js';
define('ouder-netwerkkaart', OuderNetwerkkaart);
