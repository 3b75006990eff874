import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SummaryItem } from './form.js';
import type { FieldError } from './schema-types.js';
import { refusedForGood } from './submission.js';

/** Something the parent must change: the field it is about, the control that must change, and what to say. */
export interface Problem<F extends string> {
  field: F;
  /** Id of the control (or fieldset) in the shadow root: where the error shows and the summary links to. */
  control: string;
  message: string;
}

/** What the form controller needs from its widget. */
export interface FormHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface FormOptions<F extends string> {
  /** The fields in the order the form shows them (and the error summary lists them). */
  fields: () => readonly F[];
  /** Every problem with what the parent filled in now, for the fields on screen. */
  validate: () => Problem<F>[];
}

/**
 * The touched / dirty / submitted rule of every Ouderstem form, once. A field is checked:
 * - when it loses focus after a change (not on every keystroke);
 * - at once when a choice fixes a field that shows an error (a choice is a complete act);
 * - all together on submit, when the error summary takes focus.
 * Every check also looks again at the errors on screen, so fixed ones go. Server errors are
 * put at the control that must change, the rest said in one panel.
 *
 * A check on blur waits while a pointer is pressed: the error appearing or going would move the
 * button or checkbox under the pointer between press and release, and the click would be lost.
 * It runs once the click is done.
 */
export class FormController<F extends string> implements ReactiveController {
  /** Messages by control id, in the form's order. */
  private shown = new Map<string, { field: F; message: string }>();
  /** Fields changed since their last check. */
  private dirty = new Set<F>();
  /** Checks on blur waiting for the click in progress to finish. */
  private deferred = new Set<F>();
  private pressed = false;
  private releaseTimer?: ReturnType<typeof setTimeout>;

  /** Server messages that belong to no field of the form. */
  unplaced: string[] = [];
  /** The server refused for a reason the parent cannot fix (the site is not allowed, the form is gone). */
  broken = false;

  constructor(
    private readonly host: FormHost,
    private readonly options: FormOptions<F>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', this.onPointerDown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.onPointerDown);
    this.stopWaiting();
  }

  /** The error shown at a control. */
  error(control: string): string | undefined {
    return this.shown.get(control)?.message;
  }

  /** Whether any error is shown. */
  get invalid(): boolean {
    return this.shown.size > 0;
  }

  /** The error summary's lines: a link to each control, text for server messages about no field. */
  get summary(): SummaryItem[] {
    return [...this.shown].map(([id, { message }]) => ({ id, message }));
  }

  /** The parent typed in a field: it is checked when it loses focus. */
  input(field: F): void {
    this.dirty.add(field);
  }

  /** A field lost focus: check it if it changed, once any click in progress is done. */
  blur(field: F): void {
    if (!this.dirty.has(field)) return;
    if (this.pressed) this.deferred.add(field);
    else this.check(field, true);
  }

  /** A choice was made: errors on screen are checked again, so a fixed one goes at once. */
  choose(field: F): void {
    this.check(field, false);
  }

  /** Checks every field on screen; on a problem the summary takes focus. True when all is well. */
  submit(): boolean {
    this.dirty.clear();
    this.deferred.clear();
    this.refused();
    this.show(this.options.validate());
    if (this.invalid) this.focus('.error-summary');
    return !this.invalid;
  }

  /** Errors and refusals gone (a new form, a discarded draft, another step). */
  clear(): void {
    this.dirty.clear();
    this.deferred.clear();
    this.refused();
    this.show([]);
  }

  /**
   * Shows a server refusal: each error at the control that must change (`place` says which), the
   * rest in one panel. A refusal the parent cannot fix, or one that says nothing, is said plainly
   * (the detail is on the console). Focus moves to the summary or the panel.
   */
  refused(
    refusal?: { httpStatus: number; errors: readonly FieldError[] },
    place: (error: FieldError) => Omit<Problem<F>, 'message'> | undefined = () => undefined,
  ): void {
    this.unplaced = [];
    this.broken = false;
    if (!refusal) return;
    const problems: Problem<F>[] = [];
    for (const error of refusal.errors) {
      const placed = place(error);
      if (placed) problems.push({ ...placed, message: error.message });
      else this.unplaced.push(error.message);
    }
    const forGood = refusedForGood(refusal.httpStatus);
    this.broken = forGood || refusal.errors.length === 0;
    // (A refusal for good is on the console already, with its reason.)
    if (this.broken && !forGood) console.warn(`ouderstem: the server refused the submission with ${refusal.httpStatus} and no errors`);
    if (this.broken) this.unplaced = [];
    this.show(problems);
    this.focus(this.invalid ? '.error-summary' : '.panel--failed');
  }

  /**
   * Checks `field` (showing its new problem only when `showNew`, or when it already shows one)
   * and every error on screen.
   */
  private check(field: F, showNew: boolean): void {
    this.dirty.delete(field);
    const showing = new Set([...this.shown.values()].map((error) => error.field));
    this.show(
      this.options.validate().filter(
        (problem) => this.shown.has(problem.control) || showing.has(problem.field) || (showNew && problem.field === field),
      ),
    );
  }

  private show(problems: readonly Problem<F>[]): void {
    const order = this.options.fields();
    const sorted = [...problems].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    this.shown = new Map();
    for (const { field, control, message } of sorted) if (!this.shown.has(control)) this.shown.set(control, { field, message });
    this.host.requestUpdate();
  }

  private async focus(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private onPointerDown = (): void => {
    this.pressed = true;
    addEventListener('click', this.onRelease, true);
    addEventListener('pointercancel', this.onRelease, true);
    // A press that ends without a click (dragged away) must not hold the checks back for good.
    addEventListener('pointerup', this.onPointerUp, true);
  };

  private onPointerUp = (): void => {
    clearTimeout(this.releaseTimer);
    this.releaseTimer = setTimeout(this.onRelease, 500);
  };

  /** The click is done (its own handlers ran first): now the waiting checks. */
  private onRelease = (): void => {
    this.stopWaiting();
    setTimeout(() => {
      for (const field of this.deferred) this.check(field, true);
      this.deferred.clear();
    });
  };

  private stopWaiting(): void {
    this.pressed = false;
    clearTimeout(this.releaseTimer);
    removeEventListener('click', this.onRelease, true);
    removeEventListener('pointercancel', this.onRelease, true);
    removeEventListener('pointerup', this.onPointerUp, true);
  }
}
