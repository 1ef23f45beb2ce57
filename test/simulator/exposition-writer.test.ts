// The byte writer must print exactly what string concatenation with formatValue printed, across
// chunk boundaries and after a reset.
import { ExpositionWriter } from '../../simulator/render/exposition-writer';
import { formatValue } from '../../simulator/render/text';

const text = (w: ExpositionWriter) => Buffer.concat(w.finish().chunks).toString('utf8');

test('valueLine prints what formatValue prints', () => {
  const values = [
    0,
    -0,
    1,
    9,
    10,
    2 ** 31,
    2 ** 53 - 1,
    2 ** 53 + 2,
    1e21,
    0.0004,
    0.0005,
    0.001,
    0.5,
    2.675,
    1.005,
    12.3456,
    999_999_999_999.9995,
    1e12 + 0.5,
    -3.2,
    NaN,
    Infinity,
  ];
  for (let i = 0; i < 20_000; i++) {
    const magnitude = 10 ** (Math.random() * 15 - 4);
    values.push(Math.random() * magnitude, Math.floor(Math.random() * magnitude));
  }
  const w = new ExpositionWriter();
  values.forEach((v) => w.valueLine(v));
  expect(text(w)).toBe(values.map((v) => `${formatValue(v)}\n`).join(''));
});

test('long output spans chunks intact; reset drops exactly what followed the mark', () => {
  const line = Buffer.from(`istio_requests_total{${'source_workload="x",'.repeat(60)}reporter="source"} `);
  const w = new ExpositionWriter();
  let expected = '';
  for (let i = 0; i < 2_000; i++) {
    const mark = w.mark();
    w.bytes(line);
    w.valueLine(i);
    if (i % 3 === 0) {
      w.reset(mark);
    } else {
      expected += `${line.toString()}${i}\n`;
    }
  }
  w.text('# EOF ünïcode\n');
  const out = w.finish();
  expect(out.chunks.length).toBeGreaterThan(2);
  expect(out.length).toBe(Buffer.byteLength(expected) + Buffer.byteLength('# EOF ünïcode\n'));
  expect(Buffer.concat(out.chunks).toString('utf8')).toBe(`${expected}# EOF ünïcode\n`);
  out.release();
});

test('sample writes open, labels, close and value as one line, across chunks and for label sets longer than a chunk', () => {
  const open = Buffer.from('istio_request_duration_milliseconds_bucket{');
  const close = Buffer.from(',le="2500"} ');
  const label = (n: number) => Buffer.from(`reporter="source",source_workload="${'w'.repeat(n)}"`);
  const w = new ExpositionWriter();
  let expected = '';
  for (let i = 0; i < 3_000; i++) {
    // Every 1000th label set is longer than a whole 256 KB chunk.
    const labels = label(i % 1000 === 999 ? 300_000 : 500 + (i % 97));
    w.sample(open, labels, close, i + 0.25);
    expected += `${open.toString()}${labels.toString()}${close.toString()}${formatValue(i + 0.25)}\n`;
  }
  const out = w.finish();
  expect(out.chunks.length).toBeGreaterThan(5);
  expect(out.length).toBe(Buffer.byteLength(expected));
  expect(Buffer.concat(out.chunks).toString('utf8')).toBe(expected);
  out.release();
});
