import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from './events.js';
import { type Delivery, type DeliveryResult, type Outbox, outboxKey, pageOutbox } from './outbox.js';
import { describeStatus } from './resource.js';
import type { ErvaringData, FieldError, MeedenksessieData, PeilingData, Submission, SubmissionAnswer } from './schema-types.js';
import { storagePrefix } from './storage.js';

/** The `data` of each form type (schemas/submission.schema.json). */
export interface FormData {
  peiling: PeilingData;
  meedenksessie: MeedenksessieData;
  ervaring: ErvaringData;
}

export type FormType = keyof FormData;

/** A submission of one form type, with its `data` typed. */
export type SubmissionOf<K extends FormType> = Omit<Submission, 'type' | 'data'> & { type: K; data: FormData[K] };

export type SubmissionState<K extends FormType = FormType> =
  | { status: 'idle' }
  | { status: 'sending'; payload: SubmissionOf<K>; attempt: number }
  | { status: 'queued'; payload: SubmissionOf<K>; attempt: number }
  | { status: 'sent'; payload: SubmissionOf<K>; response: SubmissionAnswer; later: boolean }
  | { status: 'rejected'; payload: SubmissionOf<K>; httpStatus: number; errors: FieldError[] };

/** A random UUID v4; works on plain-http pages too, where `crypto.randomUUID` is missing. */
export function uuidV4(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Refusals the contract's answer table names for what a parent typed. Any other (401, 403 a site
 * that is not allowed, 404 or 410 a form that is gone) is for the web editor to fix.
 */
const parentCanFix = new Set([400, 409, 413, 415, 422]);

/** Whether a refusal is one the parent cannot do anything about (the widget says so plainly). */
export function refusedForGood(httpStatus: number): boolean {
  return !parentCanFix.has(httpStatus);
}

/** What the submission controller needs from its widget. */
export interface SubmissionHost extends ReactiveControllerHost, HTMLElement {
  /** Where to POST. */
  readonly submitUrl?: string;
  /** False with `storage="none"`: no outbox on the device. */
  readonly storageEnabled: boolean;
  /** The language of the submission. */
  readonly language: string;
}

/**
 * Sends a widget's submission as the contract's answer table says, through the page's outbox,
 * fires the `ouder-*` events and keeps the state the widget renders: idle, sending, queued, sent
 * or rejected.
 */
export class SubmissionController<K extends FormType> implements ReactiveController {
  state: SubmissionState<K> = { status: 'idle' };

  private outbox: Outbox = pageOutbox();
  private otherTabTimer?: ReturnType<typeof setTimeout>;

  /**
   * @param onChange called on every change of state, before the widget renders it: the place for
   *   side effects such as remembering a vote, clearing a draft or moving focus.
   */
  constructor(
    private readonly host: SubmissionHost,
    private readonly type: K,
    private readonly onChange: (state: SubmissionState<K>) => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.outbox = pageOutbox();
    this.outbox.addEventListener('delivery', this.onDelivery);
    addEventListener('storage', this.onStorage);
    this.outbox.listen();
  }

  hostDisconnected(): void {
    this.outbox.removeEventListener('delivery', this.onDelivery);
    removeEventListener('storage', this.onStorage);
    clearTimeout(this.otherTabTimer);
  }

  get busy(): boolean {
    return this.state.status === 'sending';
  }

  /**
   * Picks up a submission for this form that an earlier visit left in the outbox, so the
   * parent sees it is still on its way; or one that was sent before this widget was ready.
   */
  resume(formId: string): void {
    if (this.state.status !== 'idle') return;
    const waiting = this.outbox.waiting(formId, this.host.submitUrl);
    if (waiting) {
      this.setState({ status: 'queued', payload: this.ours(waiting.payload), attempt: waiting.attempts });
      return;
    }
    const finished = this.outbox.claim(formId, this.host.submitUrl);
    if (finished) this.finish(this.ours(finished.entry.payload), finished.result, true);
  }

  /** Builds the envelope, lets the host page veto it, and delivers it. A second call while sending is ignored. */
  async submit(formId: string, data: FormData[K], honeypot = '', outcomeEmail?: string): Promise<void> {
    if (this.busy) return;
    const payload: SubmissionOf<K> = {
      type: this.type,
      formId,
      submissionId: uuidV4(),
      submittedAt: new Date().toISOString(),
      lang: this.host.language,
      data,
      meta: {},
      ...(honeypot ? { honeypot } : {}),
      ...(outcomeEmail ? { outcomeEmail } : {}),
    };
    if (!emit(this.host, 'ouder-submit', { payload }, true)) return;
    const endpoint = this.host.submitUrl;
    if (!endpoint) {
      console.warn('ouderstem: no endpoint to send to; set the endpoint attribute');
      this.finish(payload, { kind: 'rejected', status: 0, errors: [] });
      return;
    }
    this.setState({ status: 'sending', payload, attempt: 1 });
    const result = await this.outbox.deliver({ endpoint, payload, attempts: 0 }, this.host.storageEnabled, (attempt) =>
      this.setState({ status: 'sending', payload, attempt }),
    );
    if (result) this.finish(payload, result);
  }

  /** Back to a fresh form after a final answer. */
  reset(): void {
    this.setState({ status: 'idle' });
  }

  /** An outbox entry of this widget's form was made by a controller of this type. */
  private ours(payload: Submission): SubmissionOf<K> {
    return payload as SubmissionOf<K>;
  }

  private finish(payload: SubmissionOf<K>, result: DeliveryResult, later = false): void {
    this.outbox.shown(payload.submissionId);
    switch (result.kind) {
      case 'sent':
        this.setState({ status: 'sent', payload, response: result.response, later });
        emit(this.host, 'ouder-submitted', { payload, response: result.response });
        break;
      case 'rejected':
        if (refusedForGood(result.status) && result.status !== 0) {
          const messages = result.errors.map((error) => `${error.code ?? ''} ${error.message}`.trim()).join('; ');
          console.warn(`ouderstem: ${this.host.submitUrl} refused the submission: ${describeStatus(result.status)}${messages ? ` (${messages})` : ''}`);
        }
        this.setState({ status: 'rejected', payload, httpStatus: result.status, errors: result.errors });
        emit(this.host, 'ouder-error', { payload, status: result.status, errors: result.errors });
        break;
      case 'queued':
        this.setState({ status: 'queued', payload, attempt: result.attempts });
        emit(this.host, 'ouder-queued', { payload, attempt: result.attempts });
        break;
    }
  }

  private setState(state: SubmissionState<K>): void {
    this.state = state;
    this.host.requestUpdate(); // first, so `updateComplete` in onChange waits for this render
    this.onChange(state);
  }

  /** A delivery started elsewhere on this page (a flush) or in another tab may finish this widget's submission. */
  private onDelivery = (event: Event): void => {
    const { entry, result } = (event as CustomEvent<Delivery>).detail;
    if (this.state.status !== 'queued' || this.state.payload.submissionId !== entry.payload.submissionId) return;
    if (result.kind === 'queued') this.state.attempt = result.attempts;
    else this.finish(this.state.payload, result, true);
  };

  /**
   * Another tab delivered this widget's queued submission: it left the shared outbox. That tab's
   * answer normally follows on the broadcast channel (onDelivery); if it does not come, the
   * parent still learns it was sent, without the server's details.
   */
  private onStorage = (event: StorageEvent): void => {
    if (this.state.status !== 'queued' || event.key !== storagePrefix + outboxKey) return;
    const { payload } = this.state;
    if (this.outbox.holds(payload.submissionId)) return;
    clearTimeout(this.otherTabTimer);
    this.otherTabTimer = setTimeout(
      () => {
        if (this.state.status === 'queued' && this.state.payload === payload) this.finish(payload, { kind: 'sent', response: {} }, true);
      },
      this.outbox.tellsOtherTabs ? this.outbox.policy.otherTabWait : 0,
    );
  };
}
