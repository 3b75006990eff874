import { defineStrings } from '../../core/i18n/index.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { type ErvaringStrings, nl } from './nl.js';

export type { ErvaringStrings } from './nl.js';

export const ervaringStrings = defineStrings<ErvaringStrings>({ nl, en, ar });
