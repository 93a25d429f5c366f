// A minimal WebDriver BiDi client: the protocol built into Firefox, spoken over one WebSocket.
// No geckodriver (none is packaged here) and no wrapper library: the tests need a handful of
// commands (https://w3c.github.io/webdriver-bidi/), and each is one JSON message.

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  method: string;
}

export interface BidiEvent {
  method: string;
  params: Record<string, unknown>;
}

export class BidiConnection {
  readonly #socket: WebSocket;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Set<(event: BidiEvent) => void>();
  #nextId = 1;
  #closed: Error | null = null;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.addEventListener('message', (message) => this.#receive(String(message.data)));
    socket.addEventListener('close', () => this.#fail(new Error('BiDi connection closed')));
  }

  static async connect(url: string): Promise<BidiConnection> {
    if (typeof WebSocket !== 'function') {
      throw new Error('No global WebSocket: run Node 20 with --experimental-websocket (vitest.e2e-firefox.config.ts passes it).');
    }
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
    });
    return new BidiConnection(socket);
  }

  /** Sends a command and resolves with its result; a protocol error rejects with its message. */
  send<T = Record<string, unknown>>(method: string, params: object = {}): Promise<T> {
    if (this.#closed) return Promise.reject(this.#closed);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
      this.#socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Calls `listener` with every event the session is subscribed to; returns the unsubscriber. */
  onEvent(listener: (event: BidiEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#fail(new Error('BiDi connection closed'));
    this.#socket.close();
  }

  #receive(data: string): void {
    const message = JSON.parse(data) as {
      id?: number;
      type: 'success' | 'error' | 'event';
      result?: unknown;
      error?: string;
      message?: string;
      method?: string;
      params?: Record<string, unknown>;
    };
    if (message.type === 'event') {
      for (const listener of this.#listeners) listener({ method: message.method ?? '', params: message.params ?? {} });
      return;
    }
    const pending = message.id === undefined ? undefined : this.#pending.get(message.id);
    if (!pending || message.id === undefined) return;
    this.#pending.delete(message.id);
    if (message.type === 'success') pending.resolve(message.result);
    else pending.reject(new Error(`${pending.method}: ${message.error ?? 'error'}: ${message.message ?? ''}`));
  }

  #fail(error: Error): void {
    if (this.#closed) return;
    this.#closed = error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
