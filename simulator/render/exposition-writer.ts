// Exposition bytes written straight into pooled fixed-size chunks. A full scrape of a large mesh
// is over a gigabyte of text (each istio_* sample repeats ~25 long labels), so building it as JS
// strings and re-encoding them costs seconds; here every label set is encoded once when its series
// appears and a scrape only copies bytes and prints numbers. Chunks return to the pool once the
// response has been handed to the socket, so memory follows the bytes in flight, not the mesh.
import { formatValue } from './text';

const CHUNK_BYTES = 256 * 1024;
/** Free chunks kept for reuse; beyond this they are left to the GC. */
const POOL_LIMIT = 256;
/** Longest number formatValue prints ("-1.7976931348623157e+308" is 24). */
const NUMBER_ROOM = 32;
/** Below this, formatValue's milli-rounded value has at most 15 significant digits (see writeMillis). */
const MAX_FIXED = 1e12;
const NEWLINE = 10;
const ZERO = 48;
const POINT = 46;

const free: Buffer[] = [];

function takeChunk(): Buffer {
  return free.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
}

/** Everything a target wrote, ready for a response; call release() once the socket has it. */
export interface Exposition {
  chunks: Buffer[];
  length: number;
  release(): void;
}

export interface Mark {
  chunks: number;
  pos: number;
}

export class ExpositionWriter {
  private readonly raw: Buffer[] = [takeChunk()];
  private chunk = this.raw[0];
  private pos = 0;
  /** Bytes in chunks already filled (all but the current one). */
  private readonly filled: number[] = [];

  bytes(b: Uint8Array): void {
    if (b.length <= this.chunk.length - this.pos) {
      this.chunk.set(b, this.pos);
      this.pos += b.length;
      return;
    }
    let from = 0;
    while (from < b.length) {
      if (this.pos === this.chunk.length) {
        this.nextChunk();
      }
      const n = Math.min(b.length - from, this.chunk.length - this.pos);
      this.chunk.set(b.subarray(from, from + n), this.pos);
      this.pos += n;
      from += n;
    }
  }

  /**
   * One sample line, `open labels close value\n`, with a single room check (a full scrape of a
   * large mesh is ~1.3 million such lines).
   */
  sample(open: Uint8Array, labels: Uint8Array, close: Uint8Array, v: number): void {
    const need = open.length + labels.length + close.length + NUMBER_ROOM + 1;
    if (need > this.chunk.length - this.pos) {
      if (need > CHUNK_BYTES) {
        this.bytes(open);
        this.bytes(labels);
        this.bytes(close);
        this.valueLine(v);
        return;
      }
      this.nextChunk();
    }
    const chunk = this.chunk;
    let pos = this.pos;
    chunk.set(open, pos);
    pos += open.length;
    chunk.set(labels, pos);
    pos += labels.length;
    chunk.set(close, pos);
    this.pos = pos + close.length;
    this.writeValue(v);
  }

  text(s: string): void {
    this.bytes(Buffer.from(s));
  }

  /** `formatValue(v)` then a newline: the tail of every sample line. */
  valueLine(v: number): void {
    if (this.chunk.length - this.pos < NUMBER_ROOM + 1) {
      this.nextChunk();
    }
    this.writeValue(v);
  }

  /** valueLine without the room check, for callers that made it (NUMBER_ROOM + 1 bytes free). */
  private writeValue(v: number): void {
    if (Number.isSafeInteger(v) && v >= 0) {
      this.pos = writeDigits(this.chunk, this.pos, v);
    } else if (v > 0 && v < MAX_FIXED) {
      this.pos = writeMillis(this.chunk, this.pos, Math.round(v * 1000));
    } else {
      this.pos += this.chunk.write(formatValue(v), this.pos, 'latin1');
    }
    this.chunk[this.pos++] = NEWLINE;
  }

  mark(): Mark {
    return { chunks: this.raw.length, pos: this.pos };
  }

  /** Drops what was written since `m`. */
  reset(m: Mark): void {
    while (this.raw.length > m.chunks) {
      giveBack(this.raw.pop() as Buffer);
      this.filled.pop();
    }
    this.chunk = this.raw[this.raw.length - 1];
    this.pos = m.pos;
  }

  /** Hands the bytes over; the writer must not be used afterwards. */
  finish(): Exposition {
    const lengths = [...this.filled, this.pos];
    const chunks = this.raw.map((c, i) => c.subarray(0, lengths[i]));
    const raw = this.raw;
    return { chunks, length: lengths.reduce((a, b) => a + b, 0), release: () => raw.forEach(giveBack) };
  }

  private nextChunk(): void {
    this.filled.push(this.pos);
    this.chunk = takeChunk();
    this.raw.push(this.chunk);
    this.pos = 0;
  }
}

function giveBack(chunk: Buffer): void {
  if (free.length < POOL_LIMIT) {
    free.push(chunk);
  }
}

/** Decimal digits of a non-negative safe integer: what String(v) prints, without allocating a string. */
function writeDigits(buf: Buffer, pos: number, v: number): number {
  let len = 1;
  for (let p = 10; p <= v; p *= 10) {
    len++;
  }
  let i = pos + len;
  let n = v;
  while (n >= 10) {
    const q = Math.floor(n / 10);
    buf[--i] = ZERO + (n - q * 10);
    n = q;
  }
  buf[--i] = ZERO + n;
  return pos + len;
}

/**
 * formatValue for a non-integer: String(milli / 1000). With at most 15 significant digits that
 * decimal is the shortest string naming its double, so JS prints exactly its digits, trailing
 * zeros dropped — no exponent since milli / 1000 >= 0.001 when milli >= 1.
 */
function writeMillis(buf: Buffer, pos: number, milli: number): number {
  const whole = Math.floor(milli / 1000);
  let frac = milli - whole * 1000;
  pos = writeDigits(buf, pos, whole);
  if (frac === 0) {
    return pos;
  }
  buf[pos++] = POINT;
  for (let unit = 100; frac > 0; unit /= 10) {
    const d = Math.floor(frac / unit);
    buf[pos++] = ZERO + d;
    frac -= d * unit;
  }
  return pos;
}
