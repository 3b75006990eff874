import { defineStrings } from '../../core/i18n/index.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { type MeedenksessieStrings, nl } from './nl.js';

export type { MeedenksessieStrings } from './nl.js';

export const meedenksessieStrings = defineStrings<MeedenksessieStrings>({ nl, en, ar });
