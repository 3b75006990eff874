import { expect } from '@open-wc/testing';
import { type Channel, type Clock, defaultRetryPolicy, type Delivery, Outbox, type OutboxEntry, outboxDays, type OutboxStore, type Outcome } from '../src/core/outbox.js';
import type { Submission } from '../src/core/schema-types.js';

/** A clock the test moves by hand: timers run when their moment is reached. */
class ManualClock implements Clock {
  time = Date.parse('2027-03-01T12:00:00Z');
  private timers: { at: number; run: () => void; id: number }[] = [];
  private next = 1;
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    const id = this.next++;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((timer) => timer.id !== id);
  };
  /** Runs every timer due within `ms`, in order, letting the work they start (locks, sends) settle in between. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      let due: (typeof this.timers)[number] | undefined;
      for (let tries = 0; tries < 20 && !due; tries++) {
        await settle();
        due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      }
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.run();
    }
    this.time = end;
    await settle();
  }
  get pending(): number[] {
    return this.timers.map((timer) => timer.at - this.time);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A store in memory, as localStorage would keep it (JSON). */
class MemoryStore implements OutboxStore {
  readonly values = new Map<string, string>();
  available = true;
  read<T>(key: string): T | undefined {
    const raw = this.values.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }
  write(key: string, value: unknown): void {
    this.values.set(key, JSON.stringify(value));
  }
  remove(key: string): void {
    this.values.delete(key);
  }
}

/** Two ends of one channel, as two tabs' BroadcastChannels are. */
function channelPair(): [Channel, Channel] {
  const a: Channel = { onmessage: null, postMessage: (data) => b.onmessage?.call(b as BroadcastChannel, new MessageEvent('message', { data })) };
  const b: Channel = { onmessage: null, postMessage: (data) => a.onmessage?.call(a as BroadcastChannel, new MessageEvent('message', { data })) };
  return [a, b];
}

function payload(clock: ManualClock, submissionId = crypto.randomUUID()): Submission {
  return { type: 'peiling', formId: 'f', submissionId, submittedAt: new Date(clock.now()).toISOString(), lang: 'nl', data: {}, meta: {} };
}

/** A server that answers from a script; every try is recorded with the clock's time. */
function scripted(clock: ManualClock, ...answers: Outcome[]) {
  const tries: number[] = [];
  const send = async () => {
    tries.push(clock.now());
    return answers.length > 1 ? answers.shift()! : answers[0];
  };
  return { send, tries };
}

describe('outbox (store, clock, channel and retry policy passed in)', () => {
  let clock: ManualClock;
  let store: MemoryStore;
  beforeEach(() => {
    clock = new ManualClock();
    store = new MemoryStore();
  });

  it('tries four times with growing waits (0.5–1 s, then 1–2 s, 2–4 s), then leaves it waiting', async () => {
    const server = scripted(clock, { kind: 'retry', status: 503 });
    const outbox = new Outbox({ store, clock, send: server.send });
    const entry: OutboxEntry = { endpoint: '/f', payload: payload(clock), attempts: 0 };
    const result = outbox.deliver(entry);
    await clock.advance(10_000);
    expect(await result).to.deep.equal({ kind: 'queued', attempts: defaultRetryPolicy.attempts });
    const waits = server.tries.slice(1).map((at, index) => at - server.tries[index]);
    expect(waits).to.have.length(3);
    waits.forEach((wait, index) => expect(wait, `wait ${index + 1}`).to.be.within(500 * 2 ** index, 1000 * 2 ** index));
    expect(store.read<OutboxEntry[]>('outbox')!.map((kept) => kept.attempts), 'kept with its tries').to.deep.equal([4]);
  });

  it('follows the retry policy it is given, not a shared one', async () => {
    const server = scripted(clock, { kind: 'retry', status: 503 });
    const outbox = new Outbox({ store, clock, send: server.send, policy: { ...defaultRetryPolicy, attempts: 2, baseDelay: 10 } });
    const result = outbox.deliver({ endpoint: '/f', payload: payload(clock), attempts: 0 });
    await clock.advance(100);
    expect(await result).to.deep.equal({ kind: 'queued', attempts: 2 });
    expect(server.tries[1] - server.tries[0]).to.be.within(5, 10);
  });

  it('waits for a long Retry-After until its moment, on any flush, and then sends by itself', async () => {
    const server = scripted(clock, { kind: 'retry', status: 503, retryAfter: 120_000 }, { kind: 'sent', response: {} });
    const outbox = new Outbox({ store, clock, send: server.send });
    expect(await outbox.deliver({ endpoint: '/f', payload: payload(clock), attempts: 0 })).to.deep.equal({ kind: 'queued', attempts: 1 });
    await outbox.flush(); // an `online` a moment later
    expect(server.tries).to.have.length(1);
    expect(clock.pending, 'a flush planned for the moment').to.include(120_000);
    await clock.advance(120_000);
    expect(server.tries.map((at) => at - server.tries[0])).to.deep.equal([0, 120_000]);
    expect(store.read('outbox'), 'gone once sent').to.equal(undefined);
  });

  it('tells the other tabs the final answer, and hears theirs', async () => {
    const [here, there] = channelPair();
    const outbox = new Outbox({ store, clock, channel: here, send: scripted(clock, { kind: 'sent', response: { withdrawCode: 'K7QX' } }).send });
    const otherTab = new Outbox({ store, clock, channel: there });
    const heard: Delivery[] = [];
    otherTab.addEventListener('delivery', (event) => heard.push((event as CustomEvent<Delivery>).detail));
    const entry = { endpoint: '/f', payload: payload(clock), attempts: 0 };
    await outbox.deliver(entry);
    expect(heard.map(({ result }) => result)).to.deep.equal([{ kind: 'sent', response: { withdrawCode: 'K7QX' } }]);
    // Other talk on the channel (another version of the widgets on this site) is left alone.
    here.postMessage('hello');
    here.postMessage({ entry: null, result: {} });
    expect(heard).to.have.length(1);
  });

  it('keeps a submission of a widget with storage="none" in memory only, and still sends it on a flush', async () => {
    const server = scripted(clock, { kind: 'retry', status: 0 }, { kind: 'retry', status: 0 }, { kind: 'retry', status: 0 }, { kind: 'retry', status: 0 }, { kind: 'sent', response: {} });
    const outbox = new Outbox({ store, clock, send: server.send });
    const result = outbox.deliver({ endpoint: '/f', payload: payload(clock), attempts: 0 }, false);
    await clock.advance(10_000);
    expect((await result)?.kind).to.equal('queued');
    expect(store.values.size, 'nothing on the device').to.equal(0);
    await outbox.flush();
    expect(server.tries).to.have.length(5);
  });

  it(`drops what waited longer than ${outboxDays} days by its own clock`, async () => {
    const server = scripted(clock, { kind: 'sent', response: {} });
    const outbox = new Outbox({ store, clock, send: server.send });
    const old = payload(clock);
    store.write('outbox', [{ endpoint: '/f', payload: old, attempts: 4 }]);
    clock.time += (outboxDays + 1) * 86_400_000;
    await outbox.flush();
    expect(server.tries).to.deep.equal([]);
    expect(store.read('outbox')).to.equal(undefined);
  });

  it('sends nothing and tells no one once closed (an outbox a test or story replaced)', async () => {
    const [here, there] = channelPair();
    const server = scripted(clock, { kind: 'sent', response: {} });
    const outbox = new Outbox({ store, clock, channel: here, send: server.send });
    const heard: unknown[] = [];
    new Outbox({ store, clock, channel: there }).addEventListener('delivery', (event) => heard.push(event));
    store.write('outbox', [{ endpoint: '/f', payload: payload(clock), attempts: 4 }]);
    outbox.close();
    await outbox.flush();
    expect(server.tries).to.deep.equal([]);
    expect(heard).to.deep.equal([]);
  });
});
