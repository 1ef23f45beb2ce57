const trim = (n: number, digits: number) => Number(n.toPrecision(digits)).toString();

export function formatRate(perSecond: number): string {
  if (perSecond === 0) {
    return '0 rps';
  }
  if (perSecond < 0.01) {
    return `${trim(perSecond * 60, 2)} rpm`;
  }
  return perSecond >= 1000 ? `${trim(perSecond / 1000, 3)}k rps` : `${trim(perSecond, 3)} rps`;
}

export function formatBytes(perSecond: number): string {
  const units = ['B/s', 'KiB/s', 'MiB/s', 'GiB/s'];
  let v = perSecond;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${trim(v, 3)} ${units[u]}`;
}

export function formatShare(share: number | undefined): string {
  if (share === undefined) {
    return 'n/a';
  }
  if (share > 0 && share < 0.001) {
    return '<0.1%';
  }
  return `${trim(share * 100, 3)}%`;
}

export function formatMs(ms: number | undefined, clamped = false): string {
  if (ms === undefined) {
    return 'n/a';
  }
  const text = ms >= 1000 ? `${trim(ms / 1000, 3)} s` : `${trim(ms, 3)} ms`;
  return clamped ? `≥${text}` : text;
}
