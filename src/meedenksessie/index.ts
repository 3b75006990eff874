import { define } from '../core/register.js';
import { OuderMeedenksessie } from './ouder-meedenksessie.js';

export * from './ouder-meedenksessie.js';
define('ouder-meedenksessie', OuderMeedenksessie);
