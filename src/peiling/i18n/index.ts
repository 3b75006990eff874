import { defineStrings } from '../../core/i18n/index.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { nl, type PeilingStrings } from './nl.js';

export type { PeilingStrings } from './nl.js';

export const peilingStrings = defineStrings<PeilingStrings>({ nl, en, ar });
